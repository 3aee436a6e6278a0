import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { ValidationError } from './errors';

/**
 * A parameter = its n8n property (what the editor shows) + its parser (what the executor gets).
 * Keeping both in one object means the descriptor and the validation can never disagree.
 *
 * Names follow CONTRACT §1: the reference name (`ContactId`) lower-camel-cased (`contactId`), the
 * display name spaced (`Contact ID`).
 */
export interface ParamSpec<T> {
	/** The reference name, e.g. `ContactId`. */
	readonly refName: string;
	/** The n8n parameter name, e.g. `contactId`. */
	readonly name: string;
	readonly displayName: string;
	readonly required: boolean;
	/**
	 * The n8n property, without displayOptions for resource/operation (the assembler adds them).
	 * It never carries n8n's `required` flag: n8n refuses to start a workflow with an empty required
	 * field, whereas the contract wants a -1 output item naming the parameter. The parser checks.
	 */
	readonly property: INodeProperties;
	/** Parses a raw value; `undefined` means "not given". Throws ValidationError. */
	parse(raw: unknown): T | undefined;
}

export type ParamSpecs = Record<string, ParamSpec<unknown>>;

type Parsed<S> = S extends ParamSpec<infer T> ? T : never;
/** Required params are always present after validation; optional ones may be undefined. */
export type ParamValues<P extends ParamSpecs> = {
	[K in keyof P]: P[K]['required'] extends true ? Parsed<P[K]> : Parsed<P[K]> | undefined;
};

const ACRONYMS: Record<string, string> = { Id: 'ID', Url: 'URL', Json: 'JSON' };

/** `ContactId` → `contactId`. */
export function toParamName(refName: string): string {
	return refName.charAt(0).toLowerCase() + refName.slice(1);
}

/** `ContactId` → `Contact ID`, `SenderUrl` → `Sender URL`. */
export function toDisplayName(refName: string): string {
	return refName
		.replace(/([a-z0-9])([A-Z])/g, '$1 $2')
		.split(' ')
		.map((word) => ACRONYMS[word] ?? word)
		.join(' ');
}

export function label(spec: { displayName: string; name: string }): string {
	return `"${spec.displayName}" (${spec.name})`;
}

interface BaseOptions {
	required?: boolean;
	description: string;
	/** Overrides the generated display name where the reference's words differ. */
	displayName?: string;
	placeholder?: string;
	hint?: string;
	/** Extra display conditions within the operation, e.g. only when returnAll is false. */
	displayOptions?: INodeProperties['displayOptions'];
}

/** JSON.parse as a value: the parser's own words on failure (they say where the text breaks). */
function parseJsonText(text: string): { ok: true; value: unknown } | { ok: false; reason: string } {
	try {
		return { ok: true, value: JSON.parse(text) };
	} catch (error) {
		return { ok: false, reason: (error as Error).message };
	}
}

function isEmpty(raw: unknown): boolean {
	return raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '');
}

function makeSpec<T, R extends boolean>(
	refName: string,
	options: BaseOptions & { required?: R },
	property: Omit<INodeProperties, 'displayName' | 'name' | 'description'>,
	parseGiven: (raw: unknown, where: string) => T,
	emptyWhen: (raw: unknown) => boolean = isEmpty,
): ParamSpec<T> & { required: NoInfer<R> } {
	const name = toParamName(refName);
	const displayName = options.displayName ?? toDisplayName(refName);
	const required = (options.required ?? false) as R;
	const where = label({ displayName, name });
	return {
		refName,
		name,
		displayName,
		required,
		property: {
			displayName,
			name,
			description: options.description,
			...(options.placeholder ? { placeholder: options.placeholder } : {}),
			...(options.hint ? { hint: options.hint } : {}),
			...(options.displayOptions ? { displayOptions: options.displayOptions } : {}),
			...property,
		} as INodeProperties,
		parse(raw: unknown): T | undefined {
			if (emptyWhen(raw)) {
				if (required) throw new ValidationError(`${where} is required: ${options.description}`);
				return undefined;
			}
			return parseGiven(raw, where);
		},
	};
}

function describeValue(raw: unknown): string {
	let text: string;
	try {
		text = typeof raw === 'string' ? JSON.stringify(raw) : JSON.stringify(raw) ?? String(raw);
	} catch {
		text = String(raw);
	}
	return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
// eslint-disable-next-line no-control-regex
const CONTROL_CHARS_SINGLE_LINE = /[\u0000-\u001F\u007F]/;

// ---------------------------------------------------------------------------------------------
// IDs
// ---------------------------------------------------------------------------------------------

interface IdOptions extends BaseOptions {
	/** `string` where the contract types the ID as a string (ContactTagId, EcommerceCustomerId). */
	type?: 'number' | 'string';
}

/** A positive whole number given as a number or a string of digits. Nothing else reaches a URL. */
export function id<R extends boolean = false>(refName: string, options: IdOptions & { required?: R }) {
	const type = options.type ?? 'number';
	return makeSpec<number, R>(
		refName,
		options,
		{ type, default: type === 'number' ? 0 : '' },
		(raw, where) => {
			const text = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw.trim() : '';
			if (!/^\d{1,15}$/.test(text) || Number(text) <= 0) {
				throw new ValidationError(
					`${where} must be a positive whole number (got ${describeValue(raw)}): ${options.description}`,
				);
			}
			return Number(text);
		},
		// An unset number field holds 0: treat it as "not given".
		(raw) => isEmpty(raw) || raw === 0,
	);
}

// ---------------------------------------------------------------------------------------------
// Text
// ---------------------------------------------------------------------------------------------

interface TextOptions extends BaseOptions {
	maxLength?: number;
	multiline?: boolean;
	/** A format the value must match, and how to say so. */
	pattern?: { regex: RegExp; hint: string };
	/** Keep surrounding white space (rarely wanted). */
	keepWhitespace?: boolean;
}

export function text<R extends boolean = false>(refName: string, options: TextOptions & { required?: R }) {
	const maxLength = options.maxLength ?? 255;
	return makeSpec<string, R>(
		refName,
		options,
		{ type: 'string', default: '', ...(options.multiline ? { typeOptions: { rows: 4 } } : {}) },
		(raw, where) => {
			if (typeof raw !== 'string' && typeof raw !== 'number') {
				throw new ValidationError(`${where} must be text (got ${describeValue(raw)}): ${options.description}`);
			}
			const value = options.keepWhitespace ? String(raw) : String(raw).trim();
			if (value.length > maxLength) {
				throw new ValidationError(
					`${where} is too long (${value.length} characters, at most ${maxLength}): shorten it`,
				);
			}
			const control = options.multiline ? CONTROL_CHARS : CONTROL_CHARS_SINGLE_LINE;
			if (control.test(value)) {
				throw new ValidationError(`${where} contains control characters: remove them`);
			}
			if (options.pattern && !options.pattern.regex.test(value)) {
				throw new ValidationError(`${where} is not valid (got ${describeValue(raw)}): ${options.pattern.hint}`);
			}
			return value;
		},
	);
}

const EMAIL = /^[^\s@"<>(),;:\\[\]]+@[^\s@"<>(),;:\\[\]]+\.[^\s@"<>(),;:\\[\]]+$/;

export function email<R extends boolean = false>(refName: string, options: BaseOptions & { required?: R }) {
	return text<R>(refName, {
		placeholder: 'name@email.com',
		...options,
		maxLength: 254,
		pattern: { regex: EMAIL, hint: 'enter an email address such as john.doe@example.com' },
	});
}

export function url<R extends boolean = false>(refName: string, options: BaseOptions & { required?: R }) {
	return text<R>(refName, {
		placeholder: 'https://example.com',
		...options,
		maxLength: 2048,
		pattern: {
			regex: /^https?:\/\/[^\s/$.?#][^\s]*$/i,
			hint: 'enter a full http(s) address such as https://example.com',
		},
	});
}

/** Three letters, any case; sent in the case the endpoint wants (CONTRACT §3.2). */
export function currency<R extends boolean = false>(
	refName: string,
	options: BaseOptions & { required?: R; sendAs: 'lower' | 'upper' },
) {
	const spec = text<R>(refName, {
		placeholder: options.sendAs === 'lower' ? 'usd' : 'USD',
		...options,
		maxLength: 3,
		pattern: { regex: /^[A-Za-z]{3}$/, hint: 'enter a 3-letter ISO currency code such as USD' },
	});
	const parse = spec.parse;
	return {
		...spec,
		parse(raw: unknown) {
			const value = parse(raw);
			return value === undefined ? undefined : options.sendAs === 'lower' ? value.toLowerCase() : value.toUpperCase();
		},
	};
}

/** An ISO 8601 date or date-time, passed through as given once it is known to parse. */
const ISO_DATE = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** An ISO 8601 date or date-time that also parses (2026-02-30 does not). */
export function isIsoDate(text: string): boolean {
	return ISO_DATE.test(text) && !Number.isNaN(Date.parse(text));
}

export function dateTime<R extends boolean = false>(refName: string, options: BaseOptions & { required?: R }) {
	return makeSpec<string, R>(refName, options, { type: 'string', default: '' }, (raw, where) => {
		const value = raw instanceof Date ? raw.toISOString() : typeof raw === 'string' ? raw.trim() : '';
		if (!isIsoDate(value)) {
			throw new ValidationError(
				`${where} is not an ISO 8601 date (got ${describeValue(raw)}): use a form like 2026-03-18T10:30:00-05:00`,
			);
		}
		return value;
	});
}

/** A 6-digit hex colour without '#', e.g. `32B0FC`; a leading '#' is accepted and dropped. */
export function color<R extends boolean = false>(refName: string, options: BaseOptions & { required?: R }) {
	const spec = text<R>(refName, {
		placeholder: '32B0FC',
		...options,
		maxLength: 7,
		pattern: { regex: /^#?[0-9A-Fa-f]{6}$/, hint: 'enter 6 hexadecimal digits such as 32B0FC' },
	});
	const parse = spec.parse;
	return { ...spec, parse: (raw: unknown) => parse(raw)?.replace(/^#/, '') };
}

// ---------------------------------------------------------------------------------------------
// Numbers, booleans, closed sets
// ---------------------------------------------------------------------------------------------

interface IntegerOptions extends BaseOptions {
	min: number;
	max?: number;
	default?: number;
}

/**
 * A whole number given as a number or a string of digits, or undefined. Exported for values
 * inside JSON parameters (order items), so they follow the same rules as top-level numbers.
 */
export function parseInteger(raw: unknown): number | undefined {
	// Beyond 2^53 a number is no longer exact (1e20 would be sent as something else): refuse it.
	if (typeof raw === 'number') return Number.isSafeInteger(raw) ? raw : undefined;
	if (typeof raw === 'string' && /^-?\d{1,15}$/.test(raw.trim())) return Number(raw.trim());
	return undefined;
}

export function integer<R extends boolean = false>(refName: string, options: IntegerOptions & { required?: R }) {
	const range = options.max === undefined ? `at least ${options.min}` : `between ${options.min} and ${options.max}`;
	return makeSpec<number, R>(
		refName,
		options,
		{
			type: 'number',
			default: options.default ?? options.min,
			typeOptions: { minValue: options.min, ...(options.max === undefined ? {} : { maxValue: options.max }) },
		},
		(raw, where) => {
			const value = parseInteger(raw);
			if (value === undefined || value < options.min || (options.max !== undefined && value > options.max)) {
				throw new ValidationError(`${where} must be a whole number ${range} (got ${describeValue(raw)})`);
			}
			return value;
		},
	);
}

/** An amount in cents: a whole number ≥ 0, sent unchanged (CONTRACT §3.1). */
export function cents<R extends boolean = false>(refName: string, options: BaseOptions & { required?: R }) {
	return makeSpec<number, R>(
		refName,
		options,
		{ type: 'number', default: 0, typeOptions: { minValue: 0 } },
		(raw, where) => {
			const value = parseInteger(raw);
			if (value === undefined || value < 0) {
				throw new ValidationError(
					`${where} must be a whole number of cents, 0 or more (got ${describeValue(raw)}): e.g. 4999 for 49.99`,
				);
			}
			return value;
		},
		// A required amount may legitimately be 0, so only a truly missing value is "not given".
		isEmpty,
	);
}

export function boolean(refName: string, options: BaseOptions & { default: boolean }) {
	return makeSpec<boolean, false>(refName, { ...options, required: false }, { type: 'boolean', default: options.default }, (raw, where) => {
		if (typeof raw === 'boolean') return raw;
		if (raw === 'true' || raw === 1 || raw === '1') return true;
		if (raw === 'false' || raw === 0 || raw === '0') return false;
		throw new ValidationError(`${where} must be true or false (got ${describeValue(raw)})`);
	});
}

interface ChoiceOptions<V extends string | number> extends BaseOptions {
	options: Array<{ name: string; value: V; description?: string }>;
	default: V;
}

/** One value of a closed set; numbers keep their type (CONTRACT §1: Status 1/2 are numbers). */
export function choice<V extends string | number, R extends boolean = false>(
	refName: string,
	options: ChoiceOptions<V> & { required?: R },
) {
	const allowed = options.options.map((o) => o.value);
	const sorted = [...options.options].sort((a, b) => a.name.localeCompare(b.name));
	return makeSpec<V, R>(
		refName,
		options,
		{ type: 'options', default: options.default, options: sorted as INodePropertyOptions[] },
		(raw, where) => {
			const match = allowed.find(
				(value) => value === raw || (typeof raw === 'string' && String(value) === raw.trim()),
			);
			if (match === undefined) {
				throw new ValidationError(
					`${where} must be one of ${allowed.map((v) => JSON.stringify(v)).join(', ')} (got ${describeValue(raw)})`,
				);
			}
			return match;
		},
	);
}

// ---------------------------------------------------------------------------------------------
// JSON
// ---------------------------------------------------------------------------------------------

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const MAX_JSON_CHARS = 100_000;

/** Deep copy that refuses prototype-pollution keys and non-JSON values. */
function cleanJson(value: unknown, where: string, path: string, depth: number): unknown {
	if (depth > 20) throw new ValidationError(`${where} is nested too deeply: flatten it`);
	if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
	if (typeof value === 'number') {
		if (!Number.isFinite(value)) throw new ValidationError(`${where} has a non-finite number at ${path}`);
		return value;
	}
	if (Array.isArray(value)) return value.map((v, i) => cleanJson(v, where, `${path}[${i}]`, depth + 1));
	if (typeof value === 'object') {
		const out: Record<string, unknown> = {};
		for (const key of Object.keys(value as object)) {
			if (FORBIDDEN_KEYS.has(key)) {
				throw new ValidationError(`${where} has a forbidden key "${key}" at ${path}: remove it`);
			}
			out[key] = cleanJson((value as Record<string, unknown>)[key], where, `${path}.${key}`, depth + 1);
		}
		return out;
	}
	throw new ValidationError(`${where} holds a value that is not JSON at ${path}`);
}

interface JsonOptions<T> extends BaseOptions {
	kind: 'array' | 'object';
	example: string;
	/** Checks the parsed value; returns it typed or throws ValidationError (message includes `where`). */
	check?: (value: unknown, where: string) => T;
}

/**
 * A JSON parameter: JSON text typed in the editor, or an already-parsed array/object from an
 * expression (CONTRACT §1).
 */
export function json<T = unknown, R extends boolean = false>(
	refName: string,
	options: JsonOptions<T> & { required?: R },
) {
	const kindWord = options.kind === 'array' ? 'a JSON array' : 'a JSON object';
	return makeSpec<T, R>(
		refName,
		{ ...options, description: `${options.description}. Example: ${options.example}` },
		{ type: 'json', default: options.kind === 'array' ? '[]' : '{}' },
		(raw, where) => {
			let value = raw;
			if (typeof raw === 'string') {
				if (raw.length > MAX_JSON_CHARS) {
					throw new ValidationError(`${where} is too long (${raw.length} characters, at most ${MAX_JSON_CHARS})`);
				}
				const parsed = parseJsonText(raw);
				if (!parsed.ok) {
					throw new ValidationError(
						`${where} is not valid JSON (${parsed.reason}): enter ${kindWord} such as ${options.example}`,
					);
				}
				value = parsed.value;
			}
			const isArray = Array.isArray(value);
			const isObject = value !== null && typeof value === 'object' && !isArray;
			if ((options.kind === 'array' && !isArray) || (options.kind === 'object' && !isObject)) {
				throw new ValidationError(`${where} must be ${kindWord} such as ${options.example}`);
			}
			const clean = cleanJson(value, where, '$', 0);
			return options.check ? options.check(clean, where) : (clean as T);
		},
		// '[]' and '{}' are the editor's empty state: "not given".
		(raw) =>
			isEmpty(raw) ||
			(typeof raw === 'string' && /^\s*(\[\s*\]|\{\s*\})\s*$/.test(raw)) ||
			(Array.isArray(raw) && raw.length === 0) ||
			(raw !== null && typeof raw === 'object' && !Array.isArray(raw) && Object.keys(raw as object).length === 0),
	);
}

/** Item checker for `[{ "field": "1", "value": "..." }]` lists (contact and account custom fields). */
export function fieldValueList(idKey: string, valueKey: string) {
	return (value: unknown, where: string) => {
		const list = value as unknown[];
		list.forEach((entry, i) => {
			const e = entry as Record<string, unknown>;
			if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) {
				throw new ValidationError(`${where} item ${i} must be an object with "${idKey}" and "${valueKey}"`);
			}
			const fieldId = e[idKey];
			if (!(typeof fieldId === 'number' || (typeof fieldId === 'string' && /^\d+$/.test(fieldId)))) {
				throw new ValidationError(`${where} item ${i} needs "${idKey}": the numeric ID of the custom field`);
			}
			if (!(valueKey in e)) throw new ValidationError(`${where} item ${i} needs "${valueKey}"`);
		});
		return list as Array<Record<string, unknown>>;
	};
}
