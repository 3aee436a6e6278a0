import type { Query, RouteResponse } from './server';

export type Row = Record<string, any>;

/** ActiveCampaign's timestamp style: local time with offset, e.g. 2026-03-18T10:30:00-05:00. */
export function acTimestamp(date = new Date()): string {
	const shifted = new Date(date.getTime() - 5 * 3600 * 1000);
	return `${shifted.toISOString().slice(0, 19)}-05:00`;
}

/** Tables of rows keyed by string ID, with ActiveCampaign-style auto-increment IDs. */
export class Database {
	private readonly tables = new Map<string, Map<string, Row>>();
	private readonly counters = new Map<string, number>();

	table(name: string): Map<string, Row> {
		let table = this.tables.get(name);
		if (!table) {
			table = new Map();
			this.tables.set(name, table);
		}
		return table;
	}

	nextId(name: string): string {
		const next = (this.counters.get(name) ?? 0) + 1;
		this.counters.set(name, next);
		return String(next);
	}

	insert(name: string, row: Row): Row {
		const id = row.id !== undefined ? String(row.id) : this.nextId(name);
		if (row.id !== undefined) this.counters.set(name, Math.max(this.counters.get(name) ?? 0, Number(id)));
		const stored = { ...row, id };
		this.table(name).set(id, stored);
		return stored;
	}

	get(name: string, id: string): Row | undefined {
		return this.table(name).get(String(id));
	}

	all(name: string): Row[] {
		return [...this.table(name).values()];
	}

	remove(name: string, id: string): boolean {
		return this.table(name).delete(String(id));
	}

	removeWhere(name: string, predicate: (row: Row) => boolean): number {
		let removed = 0;
		for (const [id, row] of this.table(name)) {
			if (predicate(row)) {
				this.table(name).delete(id);
				removed++;
			}
		}
		return removed;
	}

	count(name: string): number {
		return this.table(name).size;
	}
}

// ---------------------------------------------------------------------------------------------
// Answer helpers shared by the route modules
// ---------------------------------------------------------------------------------------------

export const ok = (body: unknown): RouteResponse => ({ status: 200, body });
export const created = (body: unknown): RouteResponse => ({ status: 201, body });

/** ActiveCampaign's 404 wording, e.g. "No Result found for Subscriber with id 12". */
export const notFound = (entity: string, id: string): RouteResponse => ({
	status: 404,
	body: { message: `No Result found for ${entity} with id ${id}` },
});

export const unprocessable = (title: string, pointer?: string, code = 'invalid'): RouteResponse => ({
	status: 422,
	body: {
		errors: [{ title, detail: '', code, ...(pointer ? { source: { pointer: `/data/attributes/${pointer}` } } : {}) }],
	},
});

/** limit (default 20, at most 100) and offset, with `meta.total` as a string. */
export function paginate(rows: Row[], query: Query, listKey: string, extra: Row = {}): RouteResponse {
	const limit = Math.min(Math.max(Number(query.limit ?? 20) || 20, 1), 100);
	const offset = Math.max(Number(query.offset ?? 0) || 0, 0);
	return ok({ ...extra, [listKey]: rows.slice(offset, offset + limit), meta: { total: String(rows.length) } });
}

/** `filters[field][op]=value` comparisons, as ActiveCampaign documents them. */
export function compare(op: string, actual: unknown, expected: string): boolean {
	const a = String(actual ?? '').toLowerCase();
	const e = expected.toLowerCase();
	switch (op) {
		case 'eq':
			return a === e;
		case 'neq':
			return a !== e;
		case 'lt':
			return a < e;
		case 'lte':
			return a <= e;
		case 'gt':
			return a > e;
		case 'gte':
			return a >= e;
		case 'starts_with':
			return a.startsWith(e);
		case 'contains':
		default:
			return a.includes(e);
	}
}

/** Applies every `filters[<field>][<op>]` / `filters[<field>]` of the query whose field is known. */
export function applyFilters(rows: Row[], query: Query, fields: Record<string, string>): Row[] {
	let result = rows;
	for (const [key, value] of Object.entries(query)) {
		const match = /^filters\[([a-z_]+)\](?:\[([a-z_]+)\])?$/.exec(key);
		if (!match) continue;
		const column = fields[match[1]];
		if (!column) continue; // ActiveCampaign ignores filters it does not know
		result = result.filter((row) => compare(match[2] ?? 'eq', row[column], value));
	}
	return result;
}

/** `orders[field]=asc|desc` on a column. */
export function applyOrder(rows: Row[], query: Query, fields: Record<string, string>): Row[] {
	const sorted = [...rows];
	for (const [key, value] of Object.entries(query)) {
		const match = /^orders\[([a-z_]+)\]$/.exec(key);
		if (!match || !fields[match[1]]) continue;
		const column = fields[match[1]];
		const direction = value.toLowerCase() === 'desc' ? -1 : 1;
		const numeric = column === 'id';
		sorted.sort((x, y) => {
			const a = numeric ? Number(x[column]) : String(x[column] ?? '').toLowerCase();
			const b = numeric ? Number(y[column]) : String(y[column] ?? '').toLowerCase();
			return a < b ? -direction : a > b ? direction : 0;
		});
	}
	return sorted;
}

export function links(base: string, id: string, names: string[]): Row {
	const out: Row = {};
	for (const name of names) out[name] = `https://emulator.api-us1.com/api/3/${base}/${id}/${name}`;
	return out;
}
