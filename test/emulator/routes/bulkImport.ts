import { randomUUID } from 'crypto';

import { acTimestamp, links, ok, type Database, type Row } from '../database';
import type { ActiveCampaignEmulator, RouteResponse } from '../server';

/**
 * ActiveCampaign's bulk import (`POST /import/bulk_import`, `GET /import/info`), as documented:
 * up to 250 contacts per request; a payload that fails validation is refused as a whole with 400
 * and `failureReasons` naming each bad contact by its index in `contacts` (nothing is queued); more
 * than 100 imports per minute per account are refused with 400 "Rate limit exceeded." (nothing is
 * queued). An accepted import is queued and processed later: contacts are upserted by email with
 * their names, phone, tags (created by name when missing), list subscriptions and unsubscriptions,
 * custom field values and account; `/import/info` then lists the contact IDs under `success` and
 * the emails it could not import under `failure`.
 */

export interface BulkImportOptions {
	/** How long a queued batch waits before it is processed (ActiveCampaign: seconds to minutes). */
	processingDelayMs: number;
	/** Imports accepted per account per sliding minute; `0` turns the limit off. */
	importsPerMinute: number;
}

export const DEFAULT_BULK_IMPORT_OPTIONS: Readonly<BulkImportOptions> = Object.freeze({
	processingDelayMs: 300,
	importsPerMinute: 100,
});

export const MAX_CONTACTS_PER_IMPORT = 250;

const RATE_LIMIT_REASON =
	'Up to 100 imports may be requested per minute.Please batch contacts into larger requests, or retry this request in a minute.';
const VALIDATION_MESSAGE =
	'JSON payload did not pass validation. Please fix failure Reasons and retry. The import was not queued for processing.';
/** What the request-time check lets through: something@something without blanks. */
const LOOSE_EMAIL = /^[^\s@]+@[^\s@]+$/;
/** What the importer itself accepts when it processes the batch (quotes are refused there). */
const STRICT_EMAIL = /^[^\s@'"]+@[^\s@'"]+\.[^\s@'"]+$/;

interface Batch {
	token: string;
	status: 'waiting' | 'completed';
	contacts: Row[];
	success: string[];
	failure: string[];
}

interface BulkImportState {
	options: BulkImportOptions;
	batches: Map<string, Batch>;
	/** Accepted import times per token, for the per-minute limit. */
	windows: Map<string, number[]>;
	timers: Set<ReturnType<typeof setTimeout>>;
}

const states = new WeakMap<ActiveCampaignEmulator, BulkImportState>();

function stateOf(emulator: ActiveCampaignEmulator): BulkImportState {
	let state = states.get(emulator);
	if (!state) {
		state = { options: { ...DEFAULT_BULK_IMPORT_OPTIONS }, batches: new Map(), windows: new Map(), timers: new Set() };
		states.set(emulator, state);
	}
	return state;
}

/** Changes the processing delay or the per-minute limit of an emulator's bulk import. */
export function configureBulkImport(emulator: ActiveCampaignEmulator, options: Partial<BulkImportOptions>): void {
	Object.assign(stateOf(emulator).options, options);
}

/** Batches queued but not processed yet (for tests that stop the emulator early). */
export function pendingImports(emulator: ActiveCampaignEmulator): number {
	return [...stateOf(emulator).batches.values()].filter((b) => b.status === 'waiting').length;
}

const refused = (message: string, failureReasons?: unknown[]): RouteResponse => ({
	status: 400,
	body: { success: 0, message, ...(failureReasons ? { failureReasons } : {}) },
});

const isWhole = (value: unknown) =>
	(typeof value === 'number' && Number.isInteger(value) && value > 0) || (typeof value === 'string' && /^\d+$/.test(value) && Number(value) > 0);

/** The reasons one contact of the payload is invalid, in the importer's wording. */
function contactProblems(db: Database, contact: unknown): string[] {
	if (!contact || typeof contact !== 'object' || Array.isArray(contact)) return ['Contact must be an object'];
	const c = contact as Row;
	const problems: string[] = [];
	if (c.email === undefined || c.email === null || String(c.email).trim() === '') problems.push("Field 'email' is required");
	else if (typeof c.email !== 'string' || !LOOSE_EMAIL.test(c.email)) problems.push("Field 'email' incorrect format");
	for (const key of ['first_name', 'last_name', 'phone', 'customer_acct_name'] as const) {
		if (c[key] !== undefined && typeof c[key] !== 'string') problems.push(`Field '${key}' must be a string`);
	}
	if (c.tags !== undefined && (!Array.isArray(c.tags) || c.tags.some((t: unknown) => typeof t !== 'string' || t.trim() === ''))) {
		problems.push("Field 'tags' must be an array of tag names");
	}
	if (c.fields !== undefined) {
		if (!Array.isArray(c.fields)) problems.push("Field 'fields' must be an array");
		else if (c.fields.some((f: Row) => !f || !isWhole(f.id) || f.value === undefined)) problems.push("Field 'fields' needs an integer 'id' and a 'value' for each custom field");
	}
	for (const key of ['subscribe', 'unsubscribe'] as const) {
		if (c[key] === undefined) continue;
		if (!Array.isArray(c[key])) {
			problems.push(`Field '${key}' must be an array`);
			continue;
		}
		for (const entry of c[key] as Row[]) {
			if (!entry || !isWhole(entry.listid)) problems.push(`Field '${key}' needs a 'listid' for each list`);
			else if (!db.get('lists', String(entry.listid))) problems.push(`List with id ${entry.listid} does not exist`);
		}
	}
	if (c.exclude_automations !== undefined && typeof c.exclude_automations !== 'boolean') {
		problems.push("Field 'exclude_automations' must be a boolean");
	}
	return problems;
}

/**
 * Lookups for one batch, built once from the tables (a batch of 250 against 10,000 stored contacts
 * would otherwise scan every table for every contact and hold the emulator's event loop for seconds).
 */
class Indexes {
	readonly contacts = new Map<string, Row>();
	readonly tags = new Map<string, Row>();
	readonly contactTags = new Set<string>();
	readonly contactLists = new Map<string, Row[]>();
	readonly fieldValues = new Map<string, Row>();
	readonly accounts = new Map<string, Row>();
	readonly accountContacts = new Set<string>();

	constructor(db: Database) {
		for (const c of db.all('contacts')) if (!this.contacts.has(String(c.email).toLowerCase())) this.contacts.set(String(c.email).toLowerCase(), c);
		for (const t of db.all('tags')) if (t.tagType === 'contact' && !this.tags.has(String(t.tag).toLowerCase())) this.tags.set(String(t.tag).toLowerCase(), t);
		for (const ct of db.all('contactTags')) this.contactTags.add(`${ct.contact}:${ct.tag}`);
		for (const cl of db.all('contactLists')) {
			const key = `${cl.contact}:${cl.list}`;
			this.contactLists.set(key, [...(this.contactLists.get(key) ?? []), cl]);
		}
		for (const fv of db.all('fieldValues')) this.fieldValues.set(`${fv.contact}:${fv.field}`, fv);
		for (const a of db.all('accounts')) if (!this.accounts.has(String(a.name).trim().toLowerCase())) this.accounts.set(String(a.name).trim().toLowerCase(), a);
		for (const ac of db.all('accountContacts')) this.accountContacts.add(`${ac.contact}:${ac.account}`);
	}
}

function upsertContact(db: Database, index: Indexes, input: Row): Row {
	const now = acTimestamp();
	const key = String(input.email).toLowerCase();
	let row = index.contacts.get(key);
	if (!row) {
		row = db.insert('contacts', { email: String(input.email), phone: '', firstName: '', lastName: '', orgid: '0', cdate: now, udate: now });
		index.contacts.set(key, row);
	}
	if (input.first_name !== undefined) row.firstName = input.first_name;
	if (input.last_name !== undefined) row.lastName = input.last_name;
	if (input.phone !== undefined) row.phone = input.phone;
	row.udate = now;
	return row;
}

function applyTags(db: Database, index: Indexes, contactId: string, names: string[]): void {
	const now = acTimestamp();
	for (const name of names) {
		const key = name.trim().toLowerCase();
		let tag = index.tags.get(key);
		if (!tag) {
			tag = db.insert('tags', { tagType: 'contact', tag: name.trim(), description: '', subscriber_count: '0', cdate: now, created_timestamp: now, updated_timestamp: now });
			tag.links = links('tags', tag.id, ['contactGoalTags']);
			index.tags.set(key, tag);
		}
		if (index.contactTags.has(`${contactId}:${tag.id}`)) continue;
		const row = db.insert('contactTags', { contact: contactId, tag: tag.id, cdate: now, created_timestamp: now, updated_timestamp: now, created_by: null, updated_by: null });
		row.links = links('contactTags', row.id, ['tag', 'contact']);
		index.contactTags.add(`${contactId}:${tag.id}`);
	}
}

function applyList(db: Database, index: Indexes, contact: Row, listId: string, status: '1' | '2'): void {
	const now = acTimestamp();
	const key = `${contact.id}:${listId}`;
	const existing = index.contactLists.get(key) ?? [];
	if (existing.length > 0) {
		for (const row of existing) {
			// As documented: a contact who unsubscribed from a list is not subscribed again by an import.
			if (status === '1' && row.status === '2') continue;
			row.status = status;
			row.udate = now;
			if (status === '2') row.unsubscribe_date = now;
		}
		return;
	}
	const row = db.insert('contactLists', {
		contact: contact.id, list: listId, form: null, seriesid: '0', sdate: now, status, responder: '1', sync: '0',
		unsubreason: '', sourceid: '4', cdate: now, udate: now, first_name: contact.firstName, last_name: contact.lastName,
	});
	row.links = links('contactLists', row.id, ['automation', 'list', 'contact', 'form']);
	index.contactLists.set(key, [row]);
}

function applyFields(db: Database, index: Indexes, contactId: string, fields: Row[]): void {
	const now = acTimestamp();
	for (const entry of fields) {
		const field = String(entry.id);
		const existing = index.fieldValues.get(`${contactId}:${field}`);
		if (existing) {
			existing.value = String(entry.value);
			existing.udate = now;
			continue;
		}
		const row = db.insert('fieldValues', { contact: contactId, field, value: String(entry.value), cdate: now, udate: now, created_by: null, updated_by: null, owner: contactId });
		row.links = links('fieldValues', row.id, ['owner', 'field']);
		index.fieldValues.set(`${contactId}:${field}`, row);
	}
}

function applyAccount(db: Database, index: Indexes, contact: Row, name: string): void {
	const now = acTimestamp();
	const key = name.trim().toLowerCase();
	let account = index.accounts.get(key);
	if (!account) {
		account = db.insert('accounts', { name: name.trim(), accountUrl: null, owner: '1', createdTimestamp: now, updatedTimestamp: now });
		index.accounts.set(key, account);
	}
	if (!index.accountContacts.has(`${contact.id}:${account.id}`)) {
		db.insert('accountContacts', { account: account.id, contact: contact.id, jobTitle: '', createdTimestamp: now, updatedTimestamp: now });
		index.accountContacts.add(`${contact.id}:${account.id}`);
	}
	contact.orgid = account.id;
}

/** Runs a queued batch: every contact in payload order, as the importer does. */
function processBatch(db: Database, batch: Batch): void {
	const index = new Indexes(db);
	for (const input of batch.contacts) {
		const email = String(input.email).trim();
		if (!STRICT_EMAIL.test(email)) {
			batch.failure.push(email);
			continue;
		}
		const contact = upsertContact(db, index, { ...input, email });
		if (Array.isArray(input.tags)) applyTags(db, index, contact.id, input.tags);
		for (const entry of (input.subscribe ?? []) as Row[]) applyList(db, index, contact, String(entry.listid), '1');
		for (const entry of (input.unsubscribe ?? []) as Row[]) applyList(db, index, contact, String(entry.listid), '2');
		if (Array.isArray(input.fields)) applyFields(db, index, contact.id, input.fields);
		if (typeof input.customer_acct_name === 'string' && input.customer_acct_name.trim() !== '') {
			applyAccount(db, index, contact, input.customer_acct_name);
		}
		batch.success.push(contact.id);
	}
	batch.status = 'completed';
}

export function bulkImportRoutes(emulator: ActiveCampaignEmulator): void {
	const state = stateOf(emulator);

	emulator.route('POST', '/import/bulk_import', ({ body, token }, db) => {
		const { options } = state;
		if (options.importsPerMinute > 0) {
			const now = Date.now();
			const recent = (state.windows.get(token) ?? []).filter((t) => now - t < 60_000);
			state.windows.set(token, recent);
			if (recent.length >= options.importsPerMinute) return refused('Rate limit exceeded.', [RATE_LIMIT_REASON]);
			recent.push(now);
		}
		const contacts = body?.contacts;
		if (!Array.isArray(contacts) || contacts.length === 0) return refused("'contacts' is a required field.");
		if (contacts.length > MAX_CONTACTS_PER_IMPORT) {
			return refused(`Up to ${MAX_CONTACTS_PER_IMPORT} contacts may be included in a single request.`);
		}
		const failureReasons: Row[] = [];
		contacts.forEach((contact: unknown, index: number) => {
			for (const failureReason of contactProblems(db, contact)) failureReasons.push({ contact: index, failureReason });
		});
		if (failureReasons.length > 0) return refused(VALIDATION_MESSAGE, failureReasons);
		const batchId = randomUUID();
		const batch: Batch = { token, status: 'waiting', contacts: contacts as Row[], success: [], failure: [] };
		state.batches.set(batchId, batch);
		const timer = setTimeout(() => {
			state.timers.delete(timer);
			processBatch(db, batch);
		}, options.processingDelayMs);
		timer.unref();
		state.timers.add(timer);
		return ok({ Success: 1, queued_contacts: contacts.length, batchId, message: 'Contact import queued' });
	});

	emulator.route('GET', '/import/info', ({ query, token }) => {
		const batchId = query.batchId;
		if (!batchId) return refused("'batchId' is a required field.");
		const batch = state.batches.get(batchId);
		if (!batch || batch.token !== token) return { status: 404, body: { message: `No Result found for import with batchId ${batchId}` } };
		return ok({ status: batch.status, success: [...batch.success], failure: [...batch.failure] });
	});
}
