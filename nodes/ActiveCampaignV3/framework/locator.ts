import type { INodeProperties, INodePropertyMode } from 'n8n-workflow';

import { ValidationError } from './errors';
import { id, label, toDisplayName, toParamName, type ParamSpec } from './params';

/**
 * A record ID the user may pick by name: n8n's resource locator ("From List", "By ID", and "By
 * URL" where ActiveCampaign's app has an address for the record), parsed by the same rules as a
 * plain `id()` parameter. Workflows that stored a number, a string of digits or an expression
 * (`$fromAI`, `$json.id`) keep working: the parser takes the locator object `{__rl, mode, value}`
 * or the bare value, and a bad ID is the same -1 message as before, with nothing sent.
 */

/** A record kind the node can list for a picker. */
export interface RecordKind {
	/** Singular noun for placeholders, e.g. `contact`. */
	noun: string;
	/** The node's `methods.listSearch` entry that lists these records, e.g. `searchContacts`. */
	searchListMethod: string;
	/**
	 * The path of a record in ActiveCampaign's app, before its ID: `contacts` for
	 * `https://<account>.activehosted.com/app/contacts/12`. Only where the app has one.
	 */
	appPath?: string;
}

interface LocatorOptions {
	required?: boolean;
	description: string;
	displayName?: string;
	/** `string` where the contract types the ID as a string (the parsed value is a number either way). */
	type?: 'number' | 'string';
	hint?: string;
	displayOptions?: INodeProperties['displayOptions'];
}

/** The value a resource locator stores: `{ __rl: true, mode, value }` (cachedResultName etc. aside). */
interface LocatorValue {
	mode?: unknown;
	value?: unknown;
}

function isLocatorValue(raw: unknown): raw is LocatorValue {
	return raw !== null && typeof raw === 'object' && !Array.isArray(raw) && 'value' in raw && ('mode' in raw || '__rl' in raw);
}

/** `https://<account>.activehosted.com/app/contacts/12` (any host: custom app domains exist). */
function appUrlPattern(appPath: string): string {
	return `https?://[^/\\s]+/app/${appPath}/([0-9]+)(?:[/?#].*)?`;
}

/**
 * The modes carry no `validation` regex on purpose: n8n refuses to start a whole workflow whose
 * typed locator value fails one, whereas the contract wants that item's -1 output naming the
 * parameter (the parser below checks exactly what `id()` checks).
 */
function modesFor(kind: RecordKind): INodePropertyMode[] {
	const appPath = kind.appPath ?? '';
	const example = `https://youraccount.activehosted.com/app/${appPath}/12`;
	// Written as the value of a `modes` key, which is how n8n's linter tells modes from parameters.
	const { modes }: { modes: INodePropertyMode[] } = {
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: `Select a ${kind.noun}...`,
				typeOptions: { searchListMethod: kind.searchListMethod, searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 12',
				hint: 'A positive whole number; a number, a string of digits or an expression all work',
			},
			{
				displayName: 'By URL',
				name: 'url',
				type: 'string',
				placeholder: example,
				extractValue: { type: 'regex', regex: appUrlPattern(appPath) },
			},
		],
	};
	// By URL only where ActiveCampaign's app has a page for the record.
	return kind.appPath ? modes : modes.filter((mode) => mode.name !== 'url');
}

/**
 * A record-ID parameter offered as a resource locator. Names, required-ness, description and the
 * -1 messages are those `id()` gives for the same reference name.
 */
export function recordLocator<R extends boolean = false>(
	refName: string,
	kind: RecordKind,
	options: LocatorOptions & { required?: R },
): ParamSpec<number> & { required: NoInfer<R> } {
	const plain = id<R>(refName, options);
	const where = label({ displayName: options.displayName ?? toDisplayName(refName), name: toParamName(refName) });
	const urlPattern = kind.appPath ? new RegExp(`^${appUrlPattern(kind.appPath)}$`) : undefined;
	const { type: _plainType, default: _plainDefault, ...shared } = plain.property;
	return {
		...plain,
		property: {
			...shared,
			type: 'resourceLocator',
			default: { mode: 'list', value: '' },
			modes: modesFor(kind),
		} as INodeProperties,
		parse(raw: unknown): number | undefined {
			if (!isLocatorValue(raw)) return plain.parse(raw);
			const value = typeof raw.value === 'string' ? raw.value.trim() : raw.value;
			if (raw.mode === 'url' && typeof value === 'string' && value !== '') {
				const match = urlPattern?.exec(value);
				if (!match) {
					const example = kind.appPath
						? `https://youraccount.activehosted.com/app/${kind.appPath}/12`
						: 'an ID instead';
					throw new ValidationError(
						`${where} is not the address of a ${kind.noun} (got ${JSON.stringify(value.length > 80 ? `${value.slice(0, 77)}...` : value)}): use one like ${example}, pick one from the list or enter its ID`,
					);
				}
				return plain.parse(match[1]);
			}
			return plain.parse(value);
		},
	};
}

/** The record kinds the node lists (methods/listSearch.ts implements each searchListMethod). */
export const RECORD_KINDS = {
	account: { noun: 'account', searchListMethod: 'searchAccounts', appPath: 'accounts' },
	contact: { noun: 'contact', searchListMethod: 'searchContacts', appPath: 'contacts' },
	list: { noun: 'list', searchListMethod: 'searchLists' },
	tag: { noun: 'tag', searchListMethod: 'searchTags' },
	pipeline: { noun: 'pipeline', searchListMethod: 'searchPipelines' },
	stage: { noun: 'stage', searchListMethod: 'searchStages' },
	deal: { noun: 'deal', searchListMethod: 'searchDeals', appPath: 'deals' },
	connection: { noun: 'connection', searchListMethod: 'searchConnections' },
	ecommerceCustomer: { noun: 'customer', searchListMethod: 'searchEcommerceCustomers' },
	ecommerceOrder: { noun: 'order', searchListMethod: 'searchEcommerceOrders' },
	user: { noun: 'user', searchListMethod: 'searchUsers' },
} as const satisfies Record<string, RecordKind>;
