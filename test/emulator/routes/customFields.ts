import { acTimestamp, created, links, notFound, ok, paginate, unprocessable, type Database, type Row } from '../database';
import type { ActiveCampaignEmulator } from '../server';

/**
 * Custom field definitions: contacts (`/fields` with side-loaded `fieldOptions`), accounts
 * (`/accountCustomFieldMeta`) and deals (`/dealCustomFieldMeta`), as ActiveCampaign lists them.
 * Values are stored by the contact, account and deal routes.
 */

const FIELD_TYPES = ['text', 'textarea', 'date', 'datetime', 'dropdown', 'multiselect', 'radio', 'checkbox', 'hidden', 'listbox'];
const META_TYPES = ['text', 'textarea', 'date', 'datetime', 'dropdown', 'multiselect', 'radio', 'checkbox', 'hidden', 'currency', 'number'];

function publicField(db: Database, row: Row): Row {
	return {
		...row,
		options: db.all('fieldOptions').filter((o) => o.field === row.id).map((o) => o.id),
		relations: [],
		links: links('fields', row.id, ['options', 'relations']),
	};
}

function metaRoutes(emulator: ActiveCampaignEmulator, path: string, table: string, singular: string): void {
	emulator.route('GET', path, ({ query }, db) => paginate(db.all(table), query, table));

	emulator.route('GET', `${path}/:id`, ({ params }, db) => {
		const row = db.get(table, params.id);
		return row ? ok({ [singular]: row }) : notFound(table, params.id);
	});

	emulator.route('POST', path, ({ body }, db) => {
		const input: Row = body?.[singular] ?? {};
		if (!input.fieldLabel) return unprocessable('The fieldLabel field is required', 'fieldLabel', 'field_missing');
		if (!META_TYPES.includes(String(input.fieldType))) return unprocessable('The fieldType is not valid', 'fieldType');
		const now = acTimestamp();
		const row = db.insert(table, {
			fieldLabel: String(input.fieldLabel),
			fieldType: String(input.fieldType),
			fieldOptions: Array.isArray(input.fieldOptions) ? input.fieldOptions.map(String) : null,
			fieldDefault: input.fieldDefault ?? null,
			fieldDefaultCurrency: input.fieldDefaultCurrency ?? null,
			isFormVisible: input.isFormVisible ? 1 : 0,
			isRequired: input.isRequired ? 1 : 0,
			displayOrder: Number(input.displayOrder ?? 0),
			personalization: String(input.personalization ?? ''),
			knownFieldId: null,
			hideFieldFlag: 0,
			createdTimestamp: now,
			updatedTimestamp: now,
		});
		return created({ [singular]: row });
	});
}

/**
 * Values of `currency` account/deal fields are whole cents, with an optional 3-letter
 * `fieldCurrency` (ActiveCampaign: "For `currency` field, this needs to be in cents"): a 422
 * otherwise, so a client that sends an amount in units is caught. Other field types are not checked.
 */
export function checkCurrencyValues(db: Database, metaTable: string, fields: Row[]): ReturnType<typeof unprocessable> | undefined {
	for (const entry of fields) {
		const meta = entry ? db.get(metaTable, String(entry.customFieldId)) : undefined;
		if (!meta || meta.fieldType !== 'currency') continue;
		const value = entry.fieldValue;
		const whole = (typeof value === 'number' && Number.isInteger(value)) || (typeof value === 'string' && /^-?\d+$/.test(value));
		if (!whole) return unprocessable(`The value of currency field ${meta.id} must be a whole number of cents`, 'fieldValue');
		if (entry.fieldCurrency !== undefined && !/^[A-Za-z]{3}$/.test(String(entry.fieldCurrency))) {
			return unprocessable(`The currency of field ${meta.id} must be a 3-letter code`, 'fieldCurrency');
		}
	}
	return undefined;
}

export function customFieldRoutes(emulator: ActiveCampaignEmulator): void {
	emulator.route('GET', '/fields', ({ query }, db) => {
		const page = paginate(db.all('fields'), query, 'fields');
		const body = page.body as Row;
		const fields = (body.fields as Row[]).map((row) => publicField(db, row));
		const ids = new Set(fields.map((f) => f.id));
		return ok({
			fieldOptions: db.all('fieldOptions').filter((o) => ids.has(o.field)),
			fieldRels: [],
			fields,
			meta: body.meta,
		});
	});

	emulator.route('POST', '/fields', ({ body }, db) => {
		const input: Row = body?.field ?? {};
		if (!input.title) return unprocessable('The title field is required', 'title', 'field_missing');
		if (!FIELD_TYPES.includes(String(input.type))) return unprocessable('The type is not valid', 'type');
		const now = acTimestamp();
		const row = db.insert('fields', {
			title: String(input.title),
			descript: String(input.descript ?? ''),
			type: String(input.type),
			isrequired: String(input.isrequired ?? '0'),
			perstag: String(input.perstag ?? String(input.title).toUpperCase().replace(/[^A-Z0-9]+/g, '_')),
			defval: String(input.defval ?? ''),
			show_in_list: '0',
			rows: '0',
			cols: '0',
			visible: String(input.visible ?? '1'),
			service: '',
			ordernum: String(input.ordernum ?? '1'),
			cdate: now,
			udate: now,
		});
		return created({ field: publicField(db, row) });
	});

	emulator.route('POST', '/fieldOption/bulk', ({ body }, db) => {
		const input = Array.isArray(body?.fieldOptions) ? (body.fieldOptions as Row[]) : [];
		for (const option of input) {
			if (!db.get('fields', String(option.field))) return unprocessable(`No field ${option.field}`, 'field');
		}
		const rows = input.map((option, i) =>
			db.insert('fieldOptions', {
				field: String(option.field),
				orderid: String(option.orderid ?? i + 1),
				value: String(option.value ?? option.label),
				label: String(option.label ?? option.value),
				isdefault: String(option.isdefault ?? '0'),
				cdate: acTimestamp(),
				udate: acTimestamp(),
			}),
		);
		return created({ fieldOptions: rows });
	});

	metaRoutes(emulator, '/accountCustomFieldMeta', 'accountCustomFieldMeta', 'accountCustomFieldMetum');
	metaRoutes(emulator, '/dealCustomFieldMeta', 'dealCustomFieldMeta', 'dealCustomFieldMetum');
}
