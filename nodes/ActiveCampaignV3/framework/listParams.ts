import { ValidationError } from './errors';
import { text, type ParamSpec } from './params';

/**
 * Parameters that hold several values in one text field, separated by commas (e.g. `1, 4` or
 * `vip, newsletter`), the way n8n's editor and expressions hand over a list most simply. Each
 * value is checked on its own; duplicates are dropped (first spelling kept).
 */

interface ListOptions {
	description: string;
	displayName?: string;
	placeholder?: string;
	/** Most values in the list. */
	maxValues: number;
}

function splitValues(value: string): string[] {
	return value
		.split(',')
		.map((part) => part.trim())
		.filter((part) => part !== '');
}

/** Positive whole numbers (IDs), e.g. `1, 4, 12`. */
export function idList(refName: string, options: ListOptions): ParamSpec<number[]> & { required: false } {
	const spec = text<false>(refName, { ...options, maxLength: options.maxValues * 16 });
	const where = `"${spec.displayName}" (${spec.name})`;
	return {
		...spec,
		parse(raw: unknown): number[] | undefined {
			const value = spec.parse(typeof raw === 'number' ? String(raw) : raw);
			if (value === undefined) return undefined;
			const ids: number[] = [];
			for (const part of splitValues(value)) {
				if (!/^\d{1,15}$/.test(part) || Number(part) <= 0) {
					throw new ValidationError(
						`${where} must be IDs separated by commas, such as 1, 4 (got "${part.slice(0, 20)}"): ${options.description}`,
					);
				}
				if (!ids.includes(Number(part))) ids.push(Number(part));
			}
			if (ids.length > options.maxValues) {
				throw new ValidationError(`${where} has ${ids.length} IDs, at most ${options.maxValues}: split them up`);
			}
			return ids.length > 0 ? ids : undefined;
		},
	};
}

/** Names, e.g. `vip, newsletter`; each at most `maxLength` characters. */
export function nameList(
	refName: string,
	options: ListOptions & { maxLength: number },
): ParamSpec<string[]> & { required: false } {
	const spec = text<false>(refName, { ...options, maxLength: options.maxValues * (options.maxLength + 2) });
	const where = `"${spec.displayName}" (${spec.name})`;
	return {
		...spec,
		parse(raw: unknown): string[] | undefined {
			const value = spec.parse(raw);
			if (value === undefined) return undefined;
			const names: string[] = [];
			for (const part of splitValues(value)) {
				if (part.length > options.maxLength) {
					throw new ValidationError(`${where}: "${part.slice(0, 20)}..." is longer than ${options.maxLength} characters: shorten it`);
				}
				if (!names.some((name) => name.toLowerCase() === part.toLowerCase())) names.push(part);
			}
			if (names.length > options.maxValues) {
				throw new ValidationError(`${where} has ${names.length} names, at most ${options.maxValues}: split them up`);
			}
			return names.length > 0 ? names : undefined;
		},
	};
}
