import type { IDataObject, INodeProperties, ResourceMapperField, ResourceMapperFields } from 'n8n-workflow';

import { PAGE_SIZE, type ApiClient } from './apiClient';
import { ValidationError } from './errors';
import { isIsoDate, label, toDisplayName, toParamName, type ParamSpec } from './params';

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
	/** Field definition → its name, ActiveCampaign type and options (value + label). */
	describe(record: IDataObject, body: IDataObject): { name: string; type: string; options: Array<{ name: string; value: string }> };
	/** How values of this record kind are sent: `[{field, value}]` or `[{customFieldId, fieldValue}]`. */
	entry(fieldId: string, value: string | number | string[]): IDataObject;
	/** The key of the field ID in an entry (`field`, `customFieldId`). */
	idKey: string;
	/** The key of the value in an entry as read back (`value`, `fieldValue`). */
	valueKey: string;
	/** Multi-select values: `||a||b||` text (contacts) or an array (accounts, deals). */
	multi: 'bars' | 'array';
}

const text = (value: unknown) => (value === undefined || value === null ? '' : String(value));

/** Options given as a list of strings (account and deal fields). */
const stringOptions = (raw: unknown) =>
	Array.isArray(raw) ? raw.map((o) => ({ name: text(o), value: text(o) })) : [];

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
		idKey: 'field',
		valueKey: 'value',
		multi: 'bars',
	},
	account: {
		noun: 'account',
		path: '/accountCustomFieldMeta',
		listKey: 'accountCustomFieldMeta',
		mappingMethod: 'accountCustomFields',
		describe: (field) => ({ name: text(field.fieldLabel), type: text(field.fieldType), options: stringOptions(field.fieldOptions) }),
		entry: (fieldId, value) => ({ customFieldId: Number(fieldId), fieldValue: value }),
		idKey: 'customFieldId',
		valueKey: 'fieldValue',
		multi: 'array',
	},
	deal: {
		noun: 'deal',
		path: '/dealCustomFieldMeta',
		listKey: 'dealCustomFieldMeta',
		mappingMethod: 'dealCustomFields',
		describe: (field) => ({ name: text(field.fieldLabel), type: text(field.fieldType), options: stringOptions(field.fieldOptions) }),
		entry: (fieldId, value) => ({ customFieldId: Number(fieldId), fieldValue: value }),
		idKey: 'customFieldId',
		valueKey: 'fieldValue',
		multi: 'array',
	},
} as const satisfies Record<string, CustomFieldFamily>;

/**
 * How a value is shaped before sending, carried in the mapper field's ID (`12`, `12:date`,
 * `12:datetime`, `12:multi`) so the run needs no extra request to learn the field's type.
 */
type Shape = 'plain' | 'date' | 'datetime' | 'multi';

const SHAPES: Record<string, { type: ResourceMapperField['type']; shape: Shape }> = {
	text: { type: 'string', shape: 'plain' },
	textarea: { type: 'string', shape: 'plain' },
	hidden: { type: 'string', shape: 'plain' },
	number: { type: 'number', shape: 'plain' },
	currency: { type: 'number', shape: 'plain' },
	date: { type: 'dateTime', shape: 'date' },
	datetime: { type: 'dateTime', shape: 'datetime' },
	dropdown: { type: 'options', shape: 'plain' },
	radio: { type: 'options', shape: 'plain' },
	multiselect: { type: 'array', shape: 'multi' },
	checkbox: { type: 'array', shape: 'multi' },
	listbox: { type: 'array', shape: 'multi' },
};

/** Every field definition of the family, all pages (100 per request). */
export async function loadCustomFields(
	api: ApiClient,
	family: CustomFieldFamily,
): Promise<Array<{ id: string; name: string; type: string; options: Array<{ name: string; value: string }> }>> {
	const fields: Array<{ id: string; name: string; type: string; options: Array<{ name: string; value: string }> }> = [];
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
			return {
				id: known.shape === 'plain' ? field.id : `${field.id}:${known.shape}`,
				displayName: field.name || `Field ${field.id}`,
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

/**
 * The resource-mapper parameter of one family: optional, top-level (n8n shows a mapper only there).
 * Parses to the entries the API wants, or undefined when no field has a value.
 */
export function customFieldsByName(family: CustomFieldFamily): ParamSpec<CustomFieldEntry[]> & { required: false } {
	const refName = 'CustomFieldsByName';
	const name = toParamName(refName);
	const displayName = toDisplayName(refName);
	const where = label({ displayName, name });
	const description = `Set ${family.noun} custom fields by their names, each with the input its type needs (alternative to the JSON list)`;
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
				const match = /^(\d{1,15})(?::(date|datetime|multi))?$/.exec(key);
				const fieldName = schema.find((f) => f.id === key)?.displayName ?? key;
				const fieldWhere = `${where}, field "${fieldName}"`;
				if (!match) throw new ValidationError(`${fieldWhere} is not a custom field of ActiveCampaign: pick the fields again`);
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
 * of the field definitions (all pages); multi-select values as lists; fields without a definition
 * are left out.
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
		const multi = SHAPES[field.type]?.shape === 'multi';
		named[field.name || `Field ${field.id}`] =
			multi && typeof value === 'string' ? value.split('||').filter((v) => v !== '') : (value as IDataObject[string]);
	}
	return named;
}
