import { acTimestamp, applyOrder, created, links, notFound, ok, paginate, unprocessable, type Database, type Row } from '../database';
import type { ActiveCampaignEmulator } from '../server';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function publicContact(row: Row): Row {
	return {
		cdate: row.cdate,
		email: row.email,
		phone: row.phone,
		firstName: row.firstName,
		lastName: row.lastName,
		orgid: row.orgid,
		orgname: '',
		segmentio_id: '',
		bounced_hard: '0',
		bounced_soft: '0',
		deleted: '0',
		anonymized: '0',
		udate: row.udate,
		created_timestamp: row.cdate,
		updated_timestamp: row.udate,
		links: links('contacts', row.id, ['contactLists', 'contactTags', 'fieldValues', 'notes']),
		id: row.id,
		organization: row.orgid === '0' ? null : row.orgid,
	};
}

function fieldValuesOf(db: Database, contactId: string): Row[] {
	return db.all('fieldValues').filter((fv) => fv.contact === contactId);
}

function writeFieldValues(db: Database, contactId: string, values: unknown): void {
	if (!Array.isArray(values)) return;
	const now = acTimestamp();
	for (const entry of values as Row[]) {
		const field = String(entry.field);
		const existing = db.all('fieldValues').find((fv) => fv.contact === contactId && fv.field === field);
		if (existing) {
			existing.value = String(entry.value ?? '');
			existing.udate = now;
		} else {
			const row = db.insert('fieldValues', {
				contact: contactId,
				field,
				value: String(entry.value ?? ''),
				cdate: now,
				udate: now,
				created_by: null,
				updated_by: null,
				owner: contactId,
			});
			row.links = links('fieldValues', row.id, ['owner', 'field']);
		}
	}
}

function applyContactFields(row: Row, input: Row): void {
	for (const key of ['email', 'firstName', 'lastName', 'phone'] as const) {
		if (input[key] !== undefined) row[key] = String(input[key]);
	}
	row.udate = acTimestamp();
}

function newContact(db: Database, input: Row): Row {
	const now = acTimestamp();
	return db.insert('contacts', {
		email: '',
		phone: '',
		firstName: '',
		lastName: '',
		orgid: '0',
		cdate: now,
		udate: now,
		...Object.fromEntries(['email', 'firstName', 'lastName', 'phone'].filter((k) => input[k] !== undefined).map((k) => [k, String(input[k])])),
	});
}

function byEmail(db: Database, email: string): Row | undefined {
	const wanted = email.toLowerCase();
	return db.all('contacts').find((c) => c.email.toLowerCase() === wanted);
}

function contactResponse(db: Database, row: Row): Row {
	return { fieldValues: fieldValuesOf(db, row.id), contact: publicContact(row) };
}

export function contactRoutes(emulator: ActiveCampaignEmulator): void {
	emulator.route('GET', '/users/me', () =>
		ok({ user: { username: 'admin', firstName: 'Emulated', lastName: 'Admin', email: 'admin@example.com', id: '1' } }),
	);

	emulator.route('POST', '/contact/sync', ({ body }, db) => {
		const input: Row = body?.contact ?? {};
		if (!input.email) return unprocessable('Contact Email is required', 'email', 'field_missing');
		if (!EMAIL.test(String(input.email))) return unprocessable('Email address is not valid.', 'email');
		const existing = byEmail(db, String(input.email));
		if (existing) {
			applyContactFields(existing, input);
			writeFieldValues(db, existing.id, input.fieldValues);
			return ok(contactResponse(db, existing));
		}
		const row = newContact(db, input);
		writeFieldValues(db, row.id, input.fieldValues);
		return created(contactResponse(db, row));
	});

	emulator.route('POST', '/contacts', ({ body }, db) => {
		const input: Row = body?.contact ?? {};
		if (input.email) {
			if (!EMAIL.test(String(input.email))) return unprocessable('Email address is not valid.', 'email');
			if (byEmail(db, String(input.email))) {
				return unprocessable('Email address already exists in the system.', 'email', 'duplicate');
			}
		} else if (!input.phone) {
			return unprocessable('Contact Email is required', 'email', 'field_missing');
		}
		const row = newContact(db, input);
		writeFieldValues(db, row.id, input.fieldValues);
		return created(contactResponse(db, row));
	});

	emulator.route('GET', '/contacts', ({ query }, db) => {
		let rows = db.all('contacts');
		if (query.email) rows = rows.filter((c) => c.email.toLowerCase() === query.email.toLowerCase());
		// `ids=1,2,3` (or `ids[]=…`): only those contacts, as the real API filters by ID.
		const ids = query.ids ?? query['ids[]'];
		if (ids !== undefined) {
			const wanted = new Set(ids.split(',').map((id) => id.trim()));
			rows = rows.filter((c) => wanted.has(c.id));
		}
		if (query.search) {
			const s = query.search.toLowerCase();
			rows = rows.filter((c) =>
				[c.email, c.firstName, c.lastName, c.phone].some((v: string) => v.toLowerCase().includes(s)),
			);
		}
		rows = applyOrder(rows, query, { id: 'id', email: 'email' });
		return paginate(rows.map(publicContact), query, 'contacts', { scoredContacts: [] });
	});

	emulator.route('GET', '/contacts/:id', ({ params }, db) => {
		const row = db.get('contacts', params.id);
		if (!row) return notFound('Subscriber', params.id);
		return ok({
			contactAutomations: [],
			contactData: [],
			contactGoals: [],
			contactLists: db.all('contactLists').filter((cl) => cl.contact === row.id),
			deals: [],
			fieldValues: fieldValuesOf(db, row.id),
			geoAddresses: [],
			geoIps: [],
			contact: publicContact(row),
		});
	});

	emulator.route('PUT', '/contacts/:id', ({ params, body }, db) => {
		const row = db.get('contacts', params.id);
		if (!row) return notFound('Subscriber', params.id);
		const input: Row = body?.contact ?? {};
		if (input.email !== undefined) {
			if (!EMAIL.test(String(input.email))) return unprocessable('Email address is not valid.', 'email');
			const other = byEmail(db, String(input.email));
			if (other && other.id !== row.id) {
				return unprocessable('Email address already exists in the system.', 'email', 'duplicate');
			}
		}
		applyContactFields(row, input);
		writeFieldValues(db, row.id, input.fieldValues);
		return ok(contactResponse(db, row));
	});

	emulator.route('DELETE', '/contacts/:id', ({ params }, db) => {
		if (!db.remove('contacts', params.id)) return notFound('Subscriber', params.id);
		db.removeWhere('contactLists', (r) => r.contact === params.id);
		db.removeWhere('contactTags', (r) => r.contact === params.id);
		db.removeWhere('fieldValues', (r) => r.contact === params.id);
		return ok({});
	});

	emulator.route('GET', '/contacts/:id/contactTags', ({ params }, db) => {
		if (!db.get('contacts', params.id)) return notFound('Subscriber', params.id);
		return ok({ contactTags: db.all('contactTags').filter((ct) => ct.contact === params.id) });
	});

	emulator.route('GET', '/contacts/:id/contactLists', ({ params }, db) => {
		if (!db.get('contacts', params.id)) return notFound('Subscriber', params.id);
		return ok({ contactLists: db.all('contactLists').filter((cl) => cl.contact === params.id) });
	});

	// Contact lists: POST upserts on (contact, list) and changes every matching row.
	emulator.route('POST', '/contactLists', ({ body }, db) => {
		const input: Row = body?.contactList ?? {};
		const contactId = String(input.contact ?? '');
		const listId = String(input.list ?? '');
		const contact = db.get('contacts', contactId);
		if (!contact) return notFound('Subscriber', contactId);
		if (!db.get('lists', listId)) return notFound('List', listId);
		const status = String(input.status ?? '1');
		if (status !== '1' && status !== '2') return unprocessable('Status must be 1 or 2', 'status');
		const now = acTimestamp();
		const rows = db.all('contactLists').filter((cl) => cl.contact === contactId && cl.list === listId);
		if (rows.length > 0) {
			for (const row of rows) {
				row.status = status;
				if (input.sourceid !== undefined) row.sourceid = String(input.sourceid);
				row.udate = now;
				if (status === '2') row.unsubscribe_date = now;
			}
			return ok({ contacts: [publicContact(contact)], contactList: rows[0] });
		}
		const row = db.insert('contactLists', {
			contact: contactId,
			list: listId,
			form: null,
			seriesid: '0',
			sdate: now,
			status,
			responder: '1',
			sync: '0',
			unsubreason: '',
			sourceid: String(input.sourceid ?? '0'),
			cdate: now,
			udate: now,
			first_name: contact.firstName,
			last_name: contact.lastName,
		});
		row.links = links('contactLists', row.id, ['automation', 'list', 'contact', 'form']);
		return created({ contacts: [publicContact(contact)], contactList: row });
	});

	// Contact tags: adding a tag the contact already has returns the existing association.
	emulator.route('POST', '/contactTags', ({ body }, db) => {
		const input: Row = body?.contactTag ?? {};
		const contactId = String(input.contact ?? '');
		const tagId = String(input.tag ?? '');
		if (!db.get('contacts', contactId)) return notFound('Subscriber', contactId);
		if (!db.get('tags', tagId)) return notFound('Tag', tagId);
		const existing = db.all('contactTags').find((ct) => ct.contact === contactId && ct.tag === tagId);
		if (existing) return ok({ contactTag: existing });
		const now = acTimestamp();
		const row = db.insert('contactTags', { contact: contactId, tag: tagId, cdate: now, created_timestamp: now, updated_timestamp: now, created_by: null, updated_by: null });
		row.links = links('contactTags', row.id, ['tag', 'contact']);
		return created({ contactTag: row });
	});

	emulator.route('GET', '/contactTags/:id', ({ params }, db) => {
		const row = db.get('contactTags', params.id);
		return row ? ok({ contactTag: row }) : notFound('ContactTag', params.id);
	});

	emulator.route('DELETE', '/contactTags/:id', ({ params }, db) =>
		db.remove('contactTags', params.id) ? ok({}) : notFound('ContactTag', params.id),
	);
}
