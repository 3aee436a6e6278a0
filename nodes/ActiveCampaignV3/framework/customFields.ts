import type { IDataObject, INodeProperties, ResourceMapperField, ResourceMapperFields } from 'n8n-workflow';

import { PAGE_SIZE, type ApiClient } from './apiClient';
import { ValidationError } from './errors';
import { Outcome } from './operation';
import { boolean, isIsoDate, label, toDisplayName, toParamName, type ParamSpec } from './params';

/**
 * Custom fields by name (issue 11 item 2): the user picks a field by its name and gets the input its
 * type needs, through n8n's resource mapper; the node sends what the API wants (field IDs, dates as
 * dates, multi-select values in the form of that record kind). The JSON parameters (`FieldValues`,
 * `Fields`, …) keep working; a field given both ways takes the by-name value.
 */

export interface CustomFieldFamily {
	/** `contact`, `account`, `deal`: the record kind, for messages. */
	noun: string;
	/** The listing of the field definitions, e.g. `/fields`. */
	path: string;
	listKey: string;
	/** The node's `methods.resourceMapping` entry. */
	mappingMethod: string;
	/**
	 * Field definition → its name, ActiveCampaign type, options (value + label) and, for a `currency`
	 * field, its default currency (`fieldDefaultCurrency`).
	 */
	describe(record: IDataObject, body: IDataObject): FieldDescription;
	/**
	 * How values of this record kind are sent: `[{field, value}]` or `[{customFieldId, fieldValue}]`
	 * (+ `fieldCurrency` for a currency field).
	 */
	entry(fieldId: string, value: string | number | string[], currency?: string): IDataObject;
	/** Whether this record kind has currency fields (accounts and deals do, contacts do not). */
	hasCurrency: boolean;
	/**
	 * Where one record's values are listed when the record itself does not carry them (Get with
	 * Custom Fields By Name): e.g. `/accounts/{id}/accountCustomFieldData`. Contacts carry theirs.
	 */
	valuesLink?: { path(recordId: string | number): string; listKey: string };
	/** The key of the field ID in an entry (`field`, `customFieldId`). */
	idKey: string;
	/** The key of the value in an entry as read back (`value`, `fieldValue`). */
	valueKey: string;
	/** Multi-select values: `||a||b||` text (contacts) or an array (accounts, deals). */
	multi: 'bars' | 'array';
}

interface FieldDescription {
	name: string;
	type: string;
	options: Array<{ name: string; value: string }>;
	defaultCurrency?: string;
}

const text = (value: unknown) => (value === undefined || value === null ? '' : String(value));

const CURRENCY_CODE = /^[A-Za-z]{3}$/;

/** A field's default currency as a code, or undefined when it has none (or not a valid one). */
const currencyCode = (raw: unknown) => (CURRENCY_CODE.test(text(raw)) ? text(raw).toUpperCase() : undefined);

/** Account and deal fields: `{customFieldId, fieldValue}` (+ `fieldCurrency` for a currency value). */
const metaEntry = (fieldId: string, value: string | number | string[], currency?: string): IDataObject => ({
	customFieldId: Number(fieldId),
	fieldValue: value,
	...(currency === undefined ? {} : { fieldCurrency: currency }),
});

/** Options given as a list of strings (account and deal fields). */
const stringOptions = (raw: unknown) =>
	Array.isArray(raw) ? raw.map((o) => ({ name: text(o), value: text(o) })) : [];

const describeMeta = (field: IDataObject): FieldDescription => ({
	name: text(field.fieldLabel),
	type: text(field.fieldType),
	options: stringOptions(field.fieldOptions),
	defaultCurrency: currencyCode(field.fieldDefaultCurrency),
});

export const CUSTOM_FIELD_FAMILIES = {
	contact: {
		noun: 'contact',
		path: '/fields',
		listKey: 'fields',
		mappingMethod: 'contactCustomFields',
		describe: (field, body) => ({
			name: text(field.title),
			type: text(field.type),
			// Options are side-loaded with the page of fields that own them.
			options: (Array.isArray(body.fieldOptions) ? (body.fieldOptions as IDataObject[]) : [])
				.filter((o) => text(o.field) === text(field.id))
				.map((o) => ({ name: text(o.label) || text(o.value), value: text(o.value) })),
		}),
		entry: (fieldId, value) => ({ field: fieldId, value }),
		hasCurrency: false,
		idKey: 'field',
		valueKey: 'value',
		multi: 'bars',
	},
	account: {
		noun: 'account',
		path: '/accountCustomFieldMeta',
		listKey: 'accountCustomFieldMeta',
		mappingMethod: 'accountCustomFields',
		describe: describeMeta,
		entry: metaEntry,
		hasCurrency: true,
		valuesLink: { path: (id) => `/accounts/${id}/accountCustomFieldData`, listKey: 'accountCustomFieldData' },
		idKey: 'customFieldId',
		valueKey: 'fieldValue',
		multi: 'array',
	},
	deal: {
		noun: 'deal',
		path: '/dealCustomFieldMeta',
		listKey: 'dealCustomFieldMeta',
		mappingMethod: 'dealCustomFields',
		describe: describeMeta,
		entry: metaEntry,
		hasCurrency: true,
		valuesLink: { path: (id) => `/deals/${id}/dealCustomFieldData`, listKey: 'dealCustomFieldData' },
		idKey: 'customFieldId',
		valueKey: 'fieldValue',
		multi: 'array',
	},
} as const satisfies Record<string, CustomFieldFamily>;

/**
 * How a value is shaped before sending, carried in the mapper field's ID (`12`, `12:date`,
 * `12:datetime`, `12:multi`, `12:currency:USD` with the field's default currency, `12:currency`
 * when it has none) so the run needs no extra request to learn the field's type.
 */
type Shape = 'plain' | 'date' | 'datetime' | 'multi' | 'currency';

const SHAPES: Record<string, { type: ResourceMapperField['type']; shape: Shape }> = {
	text: { type: 'string', shape: 'plain' },
	textarea: { type: 'string', shape: 'plain' },
	hidden: { type: 'string', shape: 'plain' },
	number: { type: 'number', shape: 'plain' },
	// Amount and optional currency code in one text input, e.g. `1234.50` or `1234.50 EUR`.
	currency: { type: 'string', shape: 'currency' },
	date: { type: 'dateTime', shape: 'date' },
	datetime: { type: 'dateTime', shape: 'datetime' },
	dropdown: { type: 'options', shape: 'plain' },
	radio: { type: 'options', shape: 'plain' },
	multiselect: { type: 'array', shape: 'multi' },
	checkbox: { type: 'array', shape: 'multi' },
	listbox: { type: 'array', shape: 'multi' },
};

/** Every field definition of the family, all pages (100 per request). */
export async function loadCustomFields(api: ApiClient, family: CustomFieldFamily): Promise<Array<FieldDescription & { id: string }>> {
	const fields: Array<FieldDescription & { id: string }> = [];
	for (let offset = 0; ; offset += PAGE_SIZE) {
		const body = (await api.get(family.path, { limit: PAGE_SIZE, offset })) as IDataObject;
		const page = Array.isArray(body?.[family.listKey]) ? (body[family.listKey] as IDataObject[]) : [];
		for (const record of page) fields.push({ id: text(record.id), ...family.describe(record, body) });
		const total = Number(((body?.meta as IDataObject | undefined)?.total as string | undefined) ?? NaN);
		if (page.length < PAGE_SIZE || (Number.isFinite(total) && offset + page.length >= total)) return fields;
	}
}

/** The resource mapper's fields: one per custom field, typed, dropdowns with the field's options. */
export async function mapperFields(api: ApiClient, family: CustomFieldFamily): Promise<ResourceMapperFields> {
	const fields = await loadCustomFields(api, family);
	return {
		fields: fields.map((field) => {
			const known = SHAPES[field.type] ?? { type: 'string' as const, shape: 'plain' as const };
			const options = known.type === 'options' || known.type === 'array' ? field.options : [];
			const name = field.name || `Field ${field.id}`;
			if (known.shape === 'currency') {
				// The mapper has no per-field description: the display name says what to type.
				const currency = field.defaultCurrency;
				return {
					id: currency ? `${field.id}:currency:${currency}` : `${field.id}:currency`,
					displayName: currency
						? `${name} (amount in ${currency}, e.g. 1234.50, or with a currency code: 1234.50 EUR)`
						: `${name} (amount and currency code, e.g. 1234.50 USD)`,
					required: false,
					defaultMatch: false,
					display: true,
					type: 'string' as const,
					canBeUsedToMatch: false,
				};
			}
			return {
				id: known.shape === 'plain' ? field.id : `${field.id}:${known.shape}`,
				displayName: name,
				required: false,
				defaultMatch: false,
				display: true,
				type: known.type === 'options' && options.length === 0 ? 'string' : known.type,
				...(options.length > 0 && known.type === 'options' ? { options } : {}),
				canBeUsedToMatch: false,
			};
		}),
	};
}

/** JSON text as a value, or undefined when it does not parse (the caller says what was wrong). */
function parseJsonOrUndefined(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		return undefined;
	}
}

/** An amount in a currency's units as whole cents, or undefined when it is not one (more than 2 decimals, too big). */
function centsOf(amount: number | string): number | undefined {
	if (typeof amount === 'string') {
		// Exact from the digits: 1234.57 * 100 is 123456.99999999999 in floating point.
		const match = /^(-?)(\d{1,13})(?:\.(\d{1,2}))?$/.exec(amount);
		if (!match) return undefined;
		const cents = Number(match[2]) * 100 + Number((match[3] ?? '').padEnd(2, '0'));
		return match[1] === '-' && cents !== 0 ? -cents : cents;
	}
	if (!Number.isFinite(amount)) return undefined;
	const cents = Math.round(amount * 100);
	const drift = Math.abs(cents - amount * 100);
	return Number.isSafeInteger(cents) && drift <= 1e-9 * Math.max(1, Math.abs(cents)) ? cents : undefined;
}

/**
 * A currency field's input → `{cents, currency}`: ActiveCampaign stores the value in cents with a
 * currency code. The user gives the amount in the currency's units (as ActiveCampaign's app shows
 * it): a number, text such as `1234.50` / `1234.50 EUR` / `EUR 1234.50`, or `{amount, currency}`
 * (the shape Get returns, so a value read can be written back). Without a code, the field's
 * default currency (carried in the mapper field's ID).
 */
function currencyValue(raw: unknown, defaultCurrency: string | undefined, where: string): { cents: number; currency: string } | undefined {
	if (raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '')) return undefined;
	const how = defaultCurrency
		? `give the amount in ${defaultCurrency} such as 1234.50, or an amount and a currency code such as 1234.50 EUR`
		: 'give an amount and a currency code such as 1234.50 USD (the field has no default currency)';
	let amount: number | string | undefined;
	let currency: unknown;
	if (typeof raw === 'number') amount = raw;
	else if (typeof raw === 'string') {
		const match = /^(?:([A-Za-z]{3})\s*)?(-?\d+(?:\.\d+)?)(?:\s*([A-Za-z]{3}))?$/.exec(raw.trim());
		if (match && !(match[1] && match[3])) {
			amount = match[2];
			currency = match[1] ?? match[3];
		}
	} else if (typeof raw === 'object' && !Array.isArray(raw)) {
		const given = raw as IDataObject;
		if (typeof given.amount === 'number' || typeof given.amount === 'string') amount = typeof given.amount === 'string' ? given.amount.trim() : given.amount;
		currency = given.currency;
	}
	if (amount === undefined) throw new ValidationError(`${where} is not an amount (got ${JSON.stringify(raw)}): ${how}`);
	const cents = centsOf(amount);
	if (cents === undefined) {
		throw new ValidationError(
			`${where} is not an amount with at most two decimals (got ${JSON.stringify(amount)}): ${how}; it is sent in cents`,
		);
	}
	if (currency !== undefined && currency !== null && currency !== '') {
		if (typeof currency !== 'string' || !CURRENCY_CODE.test(currency.trim())) {
			throw new ValidationError(`${where} has a currency that is not a 3-letter code (got ${JSON.stringify(currency)}): use a code such as USD or EUR`);
		}
		return { cents, currency: currency.trim().toUpperCase() };
	}
	if (!defaultCurrency) throw new ValidationError(`${where} has no currency code: ${how}`);
	return { cents, currency: defaultCurrency };
}

function shapeValue(raw: unknown, shape: Shape, family: CustomFieldFamily, where: string): string | number | string[] | undefined {
	if (raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '')) return undefined;
	if (shape === 'multi') {
		let list: unknown = raw;
		if (typeof raw === 'string') {
			const trimmed = raw.trim();
			if (trimmed.startsWith('[')) {
				list = parseJsonOrUndefined(trimmed);
				if (list === undefined) throw new ValidationError(`${where} is not a list: give a JSON array such as ["Red", "Blue"]`);
			} else {
				list = trimmed.split(trimmed.includes('||') ? '||' : ',').map((v) => v.trim()).filter((v) => v !== '');
			}
		}
		if (!Array.isArray(list) || list.some((v) => typeof v !== 'string' && typeof v !== 'number')) {
			throw new ValidationError(`${where} must be a list of options such as ["Red", "Blue"]`);
		}
		const values = list.map(String);
		return family.multi === 'bars' ? `||${values.join('||')}||` : values;
	}
	if (shape === 'date' || shape === 'datetime') {
		const value =
			raw instanceof Date
				? raw.toISOString()
				: typeof raw === 'object' && typeof (raw as { toISO?: unknown }).toISO === 'function'
					? String((raw as { toISO: () => string }).toISO())
					: String(raw).trim();
		if (!isIsoDate(value)) {
			throw new ValidationError(`${where} is not a date (got ${JSON.stringify(value)}): use a form like 2026-03-18`);
		}
		return shape === 'date' ? value.slice(0, 10) : value;
	}
	if (typeof raw === 'number' || typeof raw === 'string') return raw;
	if (typeof raw === 'boolean') return raw ? '1' : '0';
	throw new ValidationError(`${where} must be text or a number`);
}

/** A custom field value as sent, with the field's ID under the family's key. */
export type CustomFieldEntry = IDataObject;

/** The Get operations' option that adds the record's custom field values keyed by field name. */
export function customFieldsByNameOption(family: CustomFieldFamily) {
	const currency = family.hasCurrency
		? '; a currency field gives { amount, currency } with the amount in units, not cents'
		: '';
	return boolean('CustomFieldsByName', {
		description: `Whether to add "customFields": the ${family.noun}'s custom field values keyed by field name (reads the field list too)${currency}`,
		default: false,
	});
}

/**
 * The resource-mapper parameter of one family: optional, top-level (n8n shows a mapper only there).
 * Parses to the entries the API wants, or undefined when no field has a value.
 */
export function customFieldsByName(family: CustomFieldFamily): ParamSpec<CustomFieldEntry[]> & { required: false } {
	const refName = 'CustomFieldsByName';
	const name = toParamName(refName);
	const displayName = toDisplayName(refName);
	const where = label({ displayName, name });
	const description =
		`Set ${family.noun} custom fields by their names, each with the input its type needs (alternative to the JSON list)` +
		(family.hasCurrency ? '; a currency field takes the amount in units, e.g. 1234.50 or 1234.50 EUR, and is sent in cents' : '');
	return {
		refName,
		name,
		displayName,
		required: false,
		property: {
			displayName,
			name,
			description,
			type: 'resourceMapper',
			noDataExpression: true,
			default: { mappingMode: 'defineBelow', value: null },
			typeOptions: {
				resourceMapper: {
					resourceMapperMethod: family.mappingMethod,
					mode: 'map',
					valuesLabel: 'Custom Fields',
					fieldWords: { singular: 'custom field', plural: 'custom fields' },
					addAllFields: false,
					multiKeyMatch: false,
					supportAutoMap: false,
				},
			},
		} as INodeProperties,
		parse(raw: unknown): CustomFieldEntry[] | undefined {
			if (raw === undefined || raw === null || raw === '') return undefined;
			if (typeof raw !== 'object' || Array.isArray(raw)) {
				throw new ValidationError(`${where} must be the custom fields set in the editor (a field mapping)`);
			}
			const mapping = raw as { mappingMode?: unknown; value?: unknown; schema?: unknown };
			// What the editor stores always has a mapping mode and a value (null when empty); any
			// other object (from an expression, an agent, a hand-written workflow) is not a mapping.
			if (!('mappingMode' in mapping) && !('value' in mapping)) {
				throw new ValidationError(`${where} must be the custom fields set in the editor (a field mapping)`);
			}
			const values = mapping.value;
			if (values === undefined || values === null) return undefined;
			if (typeof values !== 'object' || Array.isArray(values)) throw new ValidationError(`${where} has no field values`);
			const schema = Array.isArray(mapping.schema) ? (mapping.schema as ResourceMapperField[]) : [];
			const entries: CustomFieldEntry[] = [];
			for (const [key, rawValue] of Object.entries(values as IDataObject)) {
				const match = /^(\d{1,15})(?::(date|datetime|multi)|:(currency)(?::([A-Za-z]{3}))?)?$/.exec(key);
				// A currency field's display name ends with the input hint: the message names the field alone.
				const fieldName = (schema.find((f) => f.id === key)?.displayName ?? key).replace(/ \(amount [^)]*\)$/, '');
				const fieldWhere = `${where}, field "${fieldName}"`;
				if (!match || (match[3] && !family.hasCurrency)) {
					throw new ValidationError(`${fieldWhere} is not a custom field of ActiveCampaign: pick the fields again`);
				}
				if (match[3]) {
					const money = currencyValue(rawValue, match[4]?.toUpperCase(), fieldWhere);
					if (money !== undefined) entries.push(family.entry(match[1], money.cents, money.currency));
					continue;
				}
				const value = shapeValue(rawValue, (match[2] as Shape | undefined) ?? 'plain', family, fieldWhere);
				if (value !== undefined) entries.push(family.entry(match[1], value));
			}
			return entries.length > 0 ? entries : undefined;
		},
	};
}

/** The JSON list and the by-name entries as one list; by name wins for a field given both ways. */
export function mergeCustomFields(
	family: CustomFieldFamily,
	fromJson: Array<Record<string, unknown>> | undefined,
	byName: CustomFieldEntry[] | undefined,
): Array<Record<string, unknown>> | undefined {
	if (byName === undefined) return fromJson;
	const named = new Set(byName.map((entry) => String(entry[family.idKey])));
	return [...(fromJson ?? []).filter((entry) => !named.has(String(entry[family.idKey]))), ...byName];
}

/** A record (a deal's Additional Fields) with its `fields` list merged with the by-name entries. */
export function withFieldList(family: CustomFieldFamily, record: IDataObject, byName: CustomFieldEntry[] | undefined): IDataObject {
	if (byName === undefined) return record;
	const fromJson = Array.isArray(record.fields) ? (record.fields as IDataObject[]) : undefined;
	return { ...record, fields: mergeCustomFields(family, fromJson, byName) as IDataObject[] };
}

/**
 * A record's custom field values keyed by the fields' names (Get operations, opt-in): one listing
 * of the field definitions (all pages); multi-select values as lists; a currency value as
 * `{ amount, currency }` (amount in the currency's units, i.e. ActiveCampaign's cents / 100; the
 * currency the value was stored with, else the field's default, else null); fields without a
 * definition are left out.
 */
export async function customFieldValuesByName(
	api: ApiClient,
	family: CustomFieldFamily,
	values: unknown,
): Promise<IDataObject> {
	const fields = new Map((await loadCustomFields(api, family)).map((field) => [field.id, field]));
	const named: IDataObject = {};
	for (const entry of Array.isArray(values) ? (values as IDataObject[]) : []) {
		const field = fields.get(text(entry[family.idKey]));
		if (!field) continue;
		const value = entry[family.valueKey];
		const shape = SHAPES[field.type]?.shape;
		const name = field.name || `Field ${field.id}`;
		if (shape === 'currency') {
			named[name] = money(value, currencyCode(entry.fieldCurrency) ?? field.defaultCurrency);
			continue;
		}
		named[name] = shape === 'multi' && typeof value === 'string' ? value.split('||').filter((v) => v !== '') : (value as IDataObject[string]);
	}
	return named;
}

/** A currency value as read (cents) → `{ amount, currency }`; no value → null; not a number → as read. */
function money(cents: unknown, currency: string | undefined): IDataObject[string] {
	if (cents === undefined || cents === null || cents === '') return null;
	const amount = typeof cents === 'number' ? cents : typeof cents === 'string' ? Number(cents.trim()) : NaN;
	if (!Number.isFinite(amount)) return cents as IDataObject[string];
	return { amount: amount / 100, currency: currency ?? null };
}

/** One record's values from its custom-field-data link, all pages; or why they could not be read. */
async function readLinkedValues(api: ApiClient, link: { path: string; listKey: string }): Promise<IDataObject[] | string> {
	const values: IDataObject[] = [];
	for (let offset = 0; ; offset += PAGE_SIZE) {
		// The first page tells whether the server has the link at all (404/405/400/501: it has not).
		const qs = { limit: PAGE_SIZE, offset };
		const body = (offset === 0 ? await api.getOptional(link.path, qs) : await api.get(link.path, qs)) as IDataObject | undefined;
		if (body === undefined) return `the server does not offer GET ${link.path}`;
		if (!Array.isArray(body[link.listKey])) return `the answer to GET ${link.path} has no ${link.listKey} list`;
		const page = body[link.listKey] as IDataObject[];
		values.push(...page);
		const total = Number(((body.meta as IDataObject | undefined)?.total as string | undefined) ?? NaN);
		if (page.length < PAGE_SIZE || (Number.isFinite(total) && offset + page.length >= total)) return values;
	}
}

/**
 * Get a Contact / an Account / a Deal with Custom Fields By Name: the record plus `customFields`
 * keyed by field name. The values are those given (a contact's side-loaded `fieldValues`), else the
 * record's own `fields` when the answer carries them, else those of its custom-field-data link
 * (`/accounts/{id}/accountCustomFieldData`, paged). When that side read
 * or the field definitions cannot be read, the record is still returned (StatusCode 200,
 * OriginalStatusCode of the record's read) with an empty `customFields` and an ErrorMessage saying
 * the values are unknown — never an empty object passed off as "no custom fields".
 */
export async function withCustomFieldsByName(
	api: ApiClient,
	family: CustomFieldFamily,
	recordId: string | number,
	record: IDataObject,
	subject: string,
	sideLoaded?: unknown,
): Promise<IDataObject | Outcome<IDataObject>> {
	const read = async (): Promise<IDataObject | string> => {
		let values: IDataObject[] | string;
		if (Array.isArray(sideLoaded)) values = sideLoaded as IDataObject[];
		else if (Array.isArray(record.fields)) values = record.fields as IDataObject[];
		else if (family.valuesLink) {
			values = await readLinkedValues(api, { path: family.valuesLink.path(recordId), listKey: family.valuesLink.listKey });
		} else values = `the answer has no ${family.noun} field values`;
		return typeof values === 'string' ? values : customFieldValuesByName(api, family, values);
	};
	const settled = await api.sideRead(read);
	if (settled.value !== undefined && typeof settled.value !== 'string') return { ...record, customFields: settled.value };
	const why = settled.reason ?? String(settled.value);
	return new Outcome(
		{ ...record, customFields: {} },
		`${subject} was read, but not its custom fields: ${why}. "customFields" is empty because the values are unknown, not because the ${family.noun} has none`,
	);
}
