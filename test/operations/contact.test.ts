import { success, useEmulator } from '../helpers';
import {
	BAD_IDS,
	KEY_403,
	POST_503,
	NO_RATE_LIMIT_WAIT,
	RATE_LIMITED,
	RESET,
	TIMESTAMP,
	badIdMessage,
	clearLog,
	failed,
	invalid,
	jsonError,
	seedContact,
	seedContacts,
	seedTag,
	tagContact,
	upstream,
} from './foundation.support';

const CONTACT_ID_HELP = 'The numeric ID of the contact, e.g. 123 (from Get Many Contacts or Create a Contact)';

/** The contact record as the emulator (like ActiveCampaign) returns it. */
function contactRecord(id: string, fields: { email?: string; firstName?: string; lastName?: string; phone?: string }) {
	return {
		cdate: TIMESTAMP,
		email: fields.email ?? '',
		phone: fields.phone ?? '',
		firstName: fields.firstName ?? '',
		lastName: fields.lastName ?? '',
		orgid: '0',
		orgname: '',
		segmentio_id: '',
		bounced_hard: '0',
		bounced_soft: '0',
		deleted: '0',
		anonymized: '0',
		udate: TIMESTAMP,
		created_timestamp: TIMESTAMP,
		updated_timestamp: TIMESTAMP,
		links: {
			contactLists: `https://emulator.api-us1.com/api/3/contacts/${id}/contactLists`,
			contactTags: `https://emulator.api-us1.com/api/3/contacts/${id}/contactTags`,
			fieldValues: `https://emulator.api-us1.com/api/3/contacts/${id}/fieldValues`,
			notes: `https://emulator.api-us1.com/api/3/contacts/${id}/notes`,
		},
		id,
		organization: null,
	};
}

function fieldValueRecord(id: string, contact: string, field: string, value: string) {
	return {
		contact,
		field,
		value,
		cdate: TIMESTAMP,
		udate: TIMESTAMP,
		created_by: null,
		updated_by: null,
		owner: contact,
		id,
		links: {
			owner: `https://emulator.api-us1.com/api/3/fieldValues/${id}/owner`,
			field: `https://emulator.api-us1.com/api/3/fieldValues/${id}/field`,
		},
	};
}

describe('Contact: Create a Contact', () => {
	const ac = useEmulator();

	it('creates a new contact through /contact/sync with every option and returns contact + fieldValues (201)', async () => {
		const out = await ac.one('contact', 'create', {
			email: ' jane.doe@example.com ',
			options: {
				firstName: 'Jane',
				lastName: 'Doe',
				phone: '+1-555-0100',
				fieldValues: '[{"field": "1", "value": "Gold"}, {"field": 6, "value": "2026-03-18"}]',
			},
		});
		expect(out).toEqual(
			success(
				'Contact',
				{
					contact: contactRecord('1', { email: 'jane.doe@example.com', firstName: 'Jane', lastName: 'Doe', phone: '+1-555-0100' }),
					fieldValues: [fieldValueRecord('1', '1', '1', 'Gold'), fieldValueRecord('2', '1', '6', '2026-03-18')],
				},
				201,
			),
		);
		expect(ac.emulator.requests).toEqual([
			{
				method: 'POST',
				path: '/contact/sync',
				query: {},
				body: {
					contact: {
						email: 'jane.doe@example.com',
						firstName: 'Jane',
						lastName: 'Doe',
						phone: '+1-555-0100',
						fieldValues: [
							{ field: '1', value: 'Gold' },
							{ field: 6, value: '2026-03-18' },
						],
					},
				},
				status: 201,
			},
		]);
	});

	it('upserts by email: an existing contact is updated, not duplicated (200)', async () => {
		await seedContact(ac, { email: 'jane@example.com', firstName: 'Old' });
		const out = await ac.one('contact', 'create', { email: 'JANE@example.com', options: { firstName: 'New' } });
		expect(out).toEqual(
			success('Contact', { contact: contactRecord('1', { email: 'JANE@example.com', firstName: 'New' }), fieldValues: [] }, 200),
		);
		expect(ac.emulator.db.count('contacts')).toBe(1);
	});

	it('creates a phone-only contact with Allow Null Email through POST /contacts', async () => {
		const out = await ac.one('contact', 'create', { options: { allowNullEmail: true, phone: '+44 20 7946 0000' } });
		expect(out).toEqual(success('Contact', { contact: contactRecord('1', { phone: '+44 20 7946 0000' }), fieldValues: [] }, 201));
		expect(ac.emulator.requests).toEqual([
			{ method: 'POST', path: '/contacts', query: {}, body: { contact: { phone: '+44 20 7946 0000' } }, status: 201 },
		]);
	});

	it('reads the email from the input item through an expression', async () => {
		const { json } = await ac.run('contact', 'create', { email: '={{ $json.email }}', options: { firstName: '={{ $json.name }}' } }, [
			{ email: 'expr@example.com', name: 'Expr' },
		]);
		expect(json).toEqual([
			success('Contact', { contact: contactRecord('1', { email: 'expr@example.com', firstName: 'Expr' }), fieldValues: [] }, 201),
		]);
	});

	it.each([
		[
			'no email',
			{},
			'"Email" (email) is required: enter the contact\'s email address, or turn on Allow Null Email and give a Phone',
		],
		[
			'Allow Null Email without a phone',
			{ options: { allowNullEmail: true } },
			'"Email" (email) is required: enter the contact\'s email address, or turn on Allow Null Email and give a Phone',
		],
		[
			'a bad email',
			{ email: 'jane.example.com' },
			'"Email" (email) is not valid (got "jane.example.com"): enter an email address such as john.doe@example.com',
		],
		[
			'bad JSON in Field Values',
			{ email: 'a@example.com', options: { fieldValues: '[{"field": 1, ' } },
			`"Field Values" (fieldValues) is not valid JSON (${jsonError('[{"field": 1, ')}): enter a JSON array such as [{"field": "1", "value": "Gold"}]`,
		],
		[
			'Field Values that are an object',
			{ email: 'a@example.com', options: { fieldValues: '{"field": 1}' } },
			'"Field Values" (fieldValues) must be a JSON array such as [{"field": "1", "value": "Gold"}]',
		],
		[
			'a Field Values item without a field ID',
			{ email: 'a@example.com', options: { fieldValues: '[{"value": "x"}]' } },
			'"Field Values" (fieldValues) item 0 needs "field": the numeric ID of the custom field',
		],
		[
			'Allow Null Email that is not a boolean',
			{ email: 'a@example.com', options: { allowNullEmail: 'maybe' } },
			'"Allow Null Email" (allowNullEmail) must be true or false (got "maybe")',
		],
	])('refuses %s with -1 and sends nothing', async (_case, params, message) => {
		const out = await ac.one('contact', 'create', params);
		expect(out).toEqual(invalid('Contact', message));
		expect(ac.emulator.requests).toEqual([]);
	});

	it('reports a 422 with the upstream title', async () => {
		ac.emulator.inject({
			method: 'POST',
			path: '/contact/sync',
			status: 422,
			body: { errors: [{ title: 'Email address is not valid.', detail: '', code: 'invalid' }] },
		});
		const out = await ac.one('contact', 'create', { email: 'a@example.com' });
		expect(out).toEqual(upstream('Contact', 422, 'ActiveCampaign rejected the data (HTTP 422): Email address is not valid.'));
	});

	it('reports a bad API key (403) without leaking the key', async () => {
		const { json } = await ac.run('contact', 'create', { email: 'a@example.com' }, undefined, { apiKey: 'wrong-key-987654321' });
		expect(json).toEqual([upstream('Contact', 403, KEY_403)]);
		expect(JSON.stringify(json)).not.toContain('wrong-key-987654321');
		expect(ac.emulator.db.count('contacts')).toBe(0);
	});

	it('does not retry a POST answered 503: one request, StatusCode 500', async () => {
		ac.emulator.inject({ method: 'POST', path: '/contact/sync', status: 503 });
		const out = await ac.one('contact', 'create', { email: 'a@example.com' });
		expect(out).toEqual(failed('Contact', 503, POST_503));
		expect(ac.emulator.sent('POST', '/contact/sync')).toHaveLength(1);
	});

	it('does not retry a POST whose connection dropped after it was applied', async () => {
		ac.emulator.inject({ method: 'POST', path: '/contact/sync', drop: 'after' });
		const out = await ac.one('contact', 'create', { email: 'a@example.com' });
		expect(out).toEqual(failed('Contact', 0, RESET));
		expect(ac.emulator.requests).toHaveLength(1);
		expect(ac.emulator.db.count('contacts')).toBe(1);
	});

	it('retries a POST answered 429 and then succeeds', async () => {
		ac.emulator.inject({ method: 'POST', path: '/contact/sync', status: 429, headers: { 'Retry-After': '0' } });
		const out = await ac.one('contact', 'create', { email: 'a@example.com' });
		expect(out).toEqual(success('Contact', { contact: contactRecord('1', { email: 'a@example.com' }), fieldValues: [] }, 201));
		expect(ac.emulator.requests.map((r) => r.status)).toEqual([429, 201]);
	});

	it('waits through ten 429s within the wait budget (Request Settings), then creates the contact once', async () => {
		ac.emulator.inject({ method: 'POST', path: '/contact/sync', status: 429, headers: { 'Retry-After': '0' }, times: 10 });
		// Ten refusals in a row cut this process's rate down towards its floor: seconds, not minutes.
		const out = await ac.one('contact', 'create', { email: 'a@example.com', requestSettings: { rateLimitWaitBudget: 60 } });
		expect(out).toEqual(success('Contact', { contact: contactRecord('1', { email: 'a@example.com' }), fieldValues: [] }, 201));
		expect(ac.emulator.requests.map((r) => r.status)).toEqual([...Array(10).fill(429), 201]);
		expect(ac.emulator.db.count('contacts')).toBe(1);
	});

	it('reports 429 once the wait budget (Request Settings) is spent', async () => {
		ac.emulator.inject({ method: 'POST', path: '/contact/sync', status: 429, headers: { 'Retry-After': '0' }, times: 10 });
		const out = await ac.one('contact', 'create', { email: 'a@example.com', ...NO_RATE_LIMIT_WAIT });
		expect(out).toEqual(upstream('Contact', 429, RATE_LIMITED));
		expect(ac.emulator.requests).toHaveLength(1);
		expect(ac.emulator.db.count('contacts')).toBe(0);
	});

	it('makes one contact for the same email twice in one execution and again in a second execution', async () => {
		const items = [{ email: 'dup@example.com' }, { email: 'DUP@example.com' }];
		const first = await ac.run('contact', 'create', { email: '={{ $json.email }}' }, items);
		expect(first.json.map((j) => [j.StatusCode, (j.Contact as any).contact.id])).toEqual([
			[200, '1'],
			[200, '1'],
		]);
		expect(first.json.map((j) => j.OriginalStatusCode).sort()).toEqual([200, 201]);
		const second = await ac.run('contact', 'create', { email: '={{ $json.email }}' }, items);
		expect(second.json.map((j) => [j.StatusCode, j.OriginalStatusCode, (j.Contact as any).contact.id])).toEqual([
			[200, 200, '1'],
			[200, 200, '1'],
		]);
		expect(ac.emulator.db.count('contacts')).toBe(1);
	});

	it('keeps one output per item, paired and in input order, when some items are bad', async () => {
		const items = [{ email: 'one@example.com' }, { email: 'not-an-email' }, { email: 'three@example.com' }];
		const { items: out } = await ac.run('contact', 'create', { email: '={{ $json.email }}' }, items);
		expect(out.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(out.map((i) => [i.json.StatusCode, (i.json.Contact as any).contact?.email])).toEqual([
			[200, 'one@example.com'],
			[-1, undefined],
			[200, 'three@example.com'],
		]);
		expect(out[1].json).toEqual(
			invalid('Contact', '"Email" (email) is not valid (got "not-an-email"): enter an email address such as john.doe@example.com'),
		);
		expect(ac.emulator.requests).toHaveLength(2);
	});
});

describe('Contact: Delete a Contact', () => {
	const ac = useEmulator();

	it('deletes by ID and returns {id, deleted}', async () => {
		await seedContact(ac, { email: 'a@example.com' });
		await seedContact(ac, { email: 'b@example.com' });
		const out = await ac.one('contact', 'delete', { contactId: '2' });
		expect(out).toEqual(success('DeletedContact', { id: '2', deleted: true }));
		expect(ac.emulator.requests).toEqual([{ method: 'DELETE', path: '/contacts/2', query: {}, body: undefined, status: 200 }]);
		expect(ac.emulator.db.all('contacts').map((c) => c.email)).toEqual(['a@example.com']);
	});

	it('reports an unknown contact as 404 with {}', async () => {
		const out = await ac.one('contact', 'delete', { contactId: 99 });
		expect(out).toEqual(
			upstream('DeletedContact', 404, 'Contact 99 not found (HTTP 404) (ActiveCampaign: No Result found for Subscriber with id 99)'),
		);
	});

	it.each(BAD_IDS)('refuses Contact ID %p with -1 and sends nothing', async (value, quoted) => {
		const out = await ac.one('contact', 'delete', { contactId: value as never });
		expect(out).toEqual(invalid('DeletedContact', badIdMessage('Contact ID', 'contactId', quoted, CONTACT_ID_HELP)));
		expect(ac.emulator.requests).toEqual([]);
	});

	it.each([[0], [''], [undefined]])('refuses a missing Contact ID (%p) with -1', async (value) => {
		const out = await ac.one('contact', 'delete', value === undefined ? {} : { contactId: value });
		expect(out).toEqual(invalid('DeletedContact', `"Contact ID" (contactId) is required: ${CONTACT_ID_HELP}`));
		expect(ac.emulator.requests).toEqual([]);
	});

	it('retries a DELETE answered 503 and then succeeds', async () => {
		await seedContact(ac, { email: 'a@example.com' });
		ac.emulator.inject({ method: 'DELETE', path: '/contacts/1', status: 503 });
		const out = await ac.one('contact', 'delete', { contactId: 1 });
		expect(out).toEqual(success('DeletedContact', { id: '1', deleted: true }));
		expect(ac.emulator.requests.map((r) => [r.method, r.path, r.status])).toEqual([
			['DELETE', '/contacts/1', 503],
			['DELETE', '/contacts/1', 200],
		]);
	});

	it('retries a DELETE whose connection dropped', async () => {
		await seedContact(ac, { email: 'a@example.com' });
		ac.emulator.inject({ method: 'DELETE', path: '/contacts/1', drop: 'before' });
		const out = await ac.one('contact', 'delete', { contactId: 1 });
		expect(out).toEqual(success('DeletedContact', { id: '1', deleted: true }));
		expect(ac.emulator.requests.map((r) => r.status)).toEqual([0, 200]);
	});
});

describe('Contact: Get a Contact', () => {
	const ac = useEmulator();

	it('returns the contact with its tags (two GETs)', async () => {
		await seedContact(ac, { email: 'a@example.com', firstName: 'Ann', lastName: 'Lee', phone: '555' });
		const vip = await seedTag(ac, 'VIP');
		const association = await tagContact(ac, '1', vip.id);
		const out = await ac.one('contact', 'get', { contactId: 1 });
		expect(out).toEqual(
			success('Contact', {
				...contactRecord('1', { email: 'a@example.com', firstName: 'Ann', lastName: 'Lee', phone: '555' }),
				tags: [association],
			}),
		);
		expect(association).toEqual({
			contact: '1',
			tag: '1',
			cdate: TIMESTAMP,
			created_timestamp: TIMESTAMP,
			updated_timestamp: TIMESTAMP,
			created_by: null,
			updated_by: null,
			id: '1',
			links: {
				tag: 'https://emulator.api-us1.com/api/3/contactTags/1/tag',
				contact: 'https://emulator.api-us1.com/api/3/contactTags/1/contact',
			},
		});
		expect(ac.emulator.requests.map((r) => [r.method, r.path, r.query, r.status])).toEqual([
			['GET', '/contacts/1', {}, 200],
			['GET', '/contacts/1/contactTags', {}, 200],
		]);
	});

	it('returns the contact (OriginalStatusCode 200) and says the tags are unknown where the server has no contactTags endpoint', async () => {
		await seedContact(ac, { email: 'a@example.com' });
		ac.emulator.inject({ method: 'GET', path: '/contacts/1/contactTags', status: 404, body: { message: 'Not Found' } });
		const out = await ac.one('contact', 'get', { contactId: 1 });
		expect(out).toEqual({
			...success('Contact', { ...contactRecord('1', { email: 'a@example.com' }), tags: [] }),
			ErrorMessage:
				'Contact 1 was read, but not its tags: the server does not offer GET /contacts/1/contactTags. "tags" is empty because the tags are unknown, not because the contact has none',
		});
		expect(ac.emulator.requests.map((r) => [r.path, r.status])).toEqual([
			['/contacts/1', 200],
			['/contacts/1/contactTags', 404],
		]);
	});

	it('reads the ID from the input item through an expression', async () => {
		await seedContact(ac, { email: 'a@example.com' });
		await seedContact(ac, { email: 'b@example.com' });
		const { json } = await ac.run('contact', 'get', { contactId: '={{ $json.id }}' }, [{ id: 2 }, { id: '1' }]);
		expect(json).toEqual([
			success('Contact', { ...contactRecord('2', { email: 'b@example.com' }), tags: [] }),
			success('Contact', { ...contactRecord('1', { email: 'a@example.com' }), tags: [] }),
		]);
	});

	it('reports an unknown contact as 404', async () => {
		const out = await ac.one('contact', 'get', { contactId: 7 });
		expect(out).toEqual(upstream('Contact', 404, 'Contact 7 not found (HTTP 404) (ActiveCampaign: No Result found for Subscriber with id 7)'));
		expect(ac.emulator.requests).toHaveLength(1);
	});

	it.each(BAD_IDS)('refuses Contact ID %p with -1 and sends nothing', async (value, quoted) => {
		const out = await ac.one('contact', 'get', { contactId: value as never });
		expect(out).toEqual(invalid('Contact', badIdMessage('Contact ID', 'contactId', quoted, CONTACT_ID_HELP)));
		expect(ac.emulator.requests).toEqual([]);
	});

	it('retries a GET answered 503 and then succeeds', async () => {
		await seedContact(ac, { email: 'a@example.com' });
		ac.emulator.inject({ method: 'GET', path: '/contacts/1', status: 503 });
		const out = await ac.one('contact', 'get', { contactId: 1 });
		expect(out).toEqual(success('Contact', { ...contactRecord('1', { email: 'a@example.com' }), tags: [] }));
		expect(ac.emulator.requests.map((r) => [r.path, r.status])).toEqual([
			['/contacts/1', 503],
			['/contacts/1', 200],
			['/contacts/1/contactTags', 200],
		]);
	});

	it('gives up after the retries with StatusCode 500 and the upstream status', async () => {
		ac.emulator.inject({ method: 'GET', path: '/contacts/1', status: 503, times: 10 });
		const out = await ac.one('contact', 'get', { contactId: 1 });
		expect(out).toEqual(failed('Contact', 503, POST_503));
		expect(ac.emulator.requests).toHaveLength(5);
	});

	it('retries a GET whose connection dropped', async () => {
		await seedContact(ac, { email: 'a@example.com' });
		ac.emulator.inject({ method: 'GET', path: '/contacts/1', drop: 'before' });
		const out = await ac.one('contact', 'get', { contactId: 1 });
		expect(out).toEqual(success('Contact', { ...contactRecord('1', { email: 'a@example.com' }), tags: [] }));
		expect(ac.emulator.requests.map((r) => r.status)).toEqual([0, 200, 200]);
	});
});

describe('Contact: Get Many Contacts', () => {
	const ac = useEmulator();

	it('returns one page with the total as a number (default limit 100, offset 0)', async () => {
		await seedContacts(ac, 3);
		const out = await ac.one('contact', 'getMany', {});
		expect(out).toEqual(
			success('Contacts', {
				Contacts: [1, 2, 3].map((n) => contactRecord(String(n), { email: `c00${n}@example.com` })),
				Total: 3,
			}),
		);
		expect(ac.emulator.requests).toEqual([
			{ method: 'GET', path: '/contacts', query: { limit: '100', offset: '0' }, body: undefined, status: 200 },
		]);
	});

	it('applies Limit and Offset and keeps the total of the whole set', async () => {
		await seedContacts(ac, 5);
		const out = await ac.one('contact', 'getMany', { limit: 2, offset: 1 });
		expect(out).toEqual(
			success('Contacts', {
				Contacts: [contactRecord('2', { email: 'c002@example.com' }), contactRecord('3', { email: 'c003@example.com' })],
				Total: 5,
			}),
		);
		expect(ac.emulator.requests[0].query).toEqual({ limit: '2', offset: '1' });
	});

	it('filters by exact email and sends the email filter', async () => {
		await seedContacts(ac, 3);
		const out = await ac.one('contact', 'getMany', { options: { email: 'c002@example.com' } });
		expect(out).toEqual(success('Contacts', { Contacts: [contactRecord('2', { email: 'c002@example.com' })], Total: 1 }));
		expect(ac.emulator.requests[0].query).toEqual({ email: 'c002@example.com', limit: '100', offset: '0' });
	});

	it('filters by phone through search and sorts by ID and email', async () => {
		await seedContact(ac, { email: 'b@example.com', phone: '+1-555-0100' });
		await seedContact(ac, { email: 'a@example.com', phone: '+1-555-0199' });
		await seedContact(ac, { email: 'c@example.com', phone: '+44 20' });
		const out = await ac.one('contact', 'getMany', { options: { phone: '555', sortById: 'DESC' } });
		expect((out.Contacts as any).Contacts.map((c: any) => c.id)).toEqual(['2', '1']);
		expect((out.Contacts as any).Total).toBe(2);
		expect(ac.emulator.requests[0].query).toEqual({ search: '555', 'orders[id]': 'DESC', limit: '100', offset: '0' });
		clearLog(ac);
		const byEmail = await ac.one('contact', 'getMany', { options: { sortByEmail: 'ASC' } });
		expect((byEmail.Contacts as any).Contacts.map((c: any) => c.email)).toEqual(['a@example.com', 'b@example.com', 'c@example.com']);
		expect(ac.emulator.requests[0].query).toEqual({ 'orders[email]': 'ASC', limit: '100', offset: '0' });
	});

	it('returns all 250 contacts with Return All in 3 requests of 100', async () => {
		await seedContacts(ac, 250);
		const out = await ac.one('contact', 'getMany', { returnAll: true });
		const data = out.Contacts as any;
		expect(data.Total).toBe(250);
		expect(data.Contacts).toHaveLength(250);
		expect(data.Contacts.map((c: any) => c.id)).toEqual(Array.from({ length: 250 }, (_, i) => String(i + 1)));
		expect(Object.keys(out)).toEqual(['Contacts', 'OriginalStatusCode', 'StatusCode', 'ErrorMessage']);
		expect([out.OriginalStatusCode, out.StatusCode, out.ErrorMessage]).toEqual([200, 200, '']);
		expect(ac.emulator.requests.map((r) => r.query)).toEqual([
			{ limit: '100', offset: '0' },
			{ limit: '100', offset: '100' },
			{ limit: '100', offset: '200' },
		]);
	});

	it('returns an empty page with Total 0', async () => {
		const out = await ac.one('contact', 'getMany', {});
		expect(out).toEqual(success('Contacts', { Contacts: [], Total: 0 }));
	});

	it.each([
		['Limit 0', { limit: 0 }, '"Limit" (limit) must be a whole number between 1 and 100 (got 0)'],
		['Limit 101', { limit: 101 }, '"Limit" (limit) must be a whole number between 1 and 100 (got 101)'],
		['Limit 1.5', { limit: 1.5 }, '"Limit" (limit) must be a whole number between 1 and 100 (got 1.5)'],
		['Offset -1', { offset: -1 }, '"Offset" (offset) must be a whole number at least 0 (got -1)'],
		['Sort By ID "UP"', { options: { sortById: 'UP' } }, '"Sort By ID" (sortById) must be one of "ASC", "DESC" (got "UP")'],
		[
			'a bad email filter',
			{ options: { email: 'nope' } },
			'"Email" (email) is not valid (got "nope"): enter an email address such as john.doe@example.com',
		],
	])('refuses %s with -1 and sends nothing', async (_case, params, message) => {
		const out = await ac.one('contact', 'getMany', params);
		expect(out).toEqual(invalid('Contacts', message));
		expect(ac.emulator.requests).toEqual([]);
	});

	it('reports a bad API key as 403 with {}', async () => {
		const { json } = await ac.run('contact', 'getMany', {}, undefined, { apiKey: 'another-wrong-key' });
		expect(json).toEqual([upstream('Contacts', 403, KEY_403)]);
	});
});

describe('Contact: Update a Contact', () => {
	const ac = useEmulator();

	it('sends only the fields given and returns the contact with its field values', async () => {
		await seedContact(ac, { email: 'a@example.com', firstName: 'Ann', lastName: 'Lee' });
		const out = await ac.one('contact', 'update', { contactId: 1, options: { firstName: 'Anna' } });
		expect(out).toEqual(
			success('Contact', { ...contactRecord('1', { email: 'a@example.com', firstName: 'Anna', lastName: 'Lee' }), fieldValues: [] }),
		);
		expect(ac.emulator.requests).toEqual([
			{ method: 'PUT', path: '/contacts/1', query: {}, body: { contact: { firstName: 'Anna' } }, status: 200 },
		]);
	});

	it('updates every field including custom field values given as an array from an expression', async () => {
		await seedContact(ac, { email: 'a@example.com' });
		const { json } = await ac.run(
			'contact',
			'update',
			{
				contactId: '={{ $json.id }}',
				options: {
					email: 'b@example.com',
					firstName: 'B',
					lastName: 'C',
					phone: '123',
					fieldValues: '={{ $json.fields }}',
				},
			},
			[{ id: '1', fields: [{ field: '3', value: 'Silver' }] }],
		);
		expect(json).toEqual([
			success('Contact', {
				...contactRecord('1', { email: 'b@example.com', firstName: 'B', lastName: 'C', phone: '123' }),
				fieldValues: [fieldValueRecord('1', '1', '3', 'Silver')],
			}),
		]);
		expect(ac.emulator.requests[0].body).toEqual({
			contact: { email: 'b@example.com', firstName: 'B', lastName: 'C', phone: '123', fieldValues: [{ field: '3', value: 'Silver' }] },
		});
	});

	it.each([
		['no options', {}],
		['empty options', { options: { firstName: '  ', fieldValues: '[]' } }],
	])('refuses an update with nothing to change (%s) with -1', async (_case, extra) => {
		const out = await ac.one('contact', 'update', { contactId: 1, ...extra });
		expect(out).toEqual(
			invalid(
				'Contact',
				'Nothing to update: add at least one of Email, First Name, Last Name, Phone or Field Values under "Options" (options)',
			),
		);
		expect(ac.emulator.requests).toEqual([]);
	});

	it.each(BAD_IDS)('refuses Contact ID %p with -1 and sends nothing', async (value, quoted) => {
		const out = await ac.one('contact', 'update', { contactId: value as never, options: { firstName: 'X' } });
		expect(out).toEqual(invalid('Contact', badIdMessage('Contact ID', 'contactId', quoted, CONTACT_ID_HELP)));
		expect(ac.emulator.requests).toEqual([]);
	});

	it('refuses a bad email and bad JSON with -1', async () => {
		const badEmail = await ac.one('contact', 'update', { contactId: 1, options: { email: 'x@y' } });
		expect(badEmail).toEqual(
			invalid('Contact', '"Email" (email) is not valid (got "x@y"): enter an email address such as john.doe@example.com'),
		);
		const badJson = await ac.one('contact', 'update', { contactId: 1, options: { fieldValues: 'field=1' } });
		expect(badJson).toEqual(
			invalid(
				'Contact',
				`"Field Values" (fieldValues) is not valid JSON (${jsonError('field=1')}): enter a JSON array such as [{"field": "1", "value": "Gold"}]`,
			),
		);
		expect(ac.emulator.requests).toEqual([]);
	});

	it('reports an unknown contact as 404', async () => {
		const out = await ac.one('contact', 'update', { contactId: 5, options: { firstName: 'X' } });
		expect(out).toEqual(upstream('Contact', 404, 'Contact 5 not found (HTTP 404) (ActiveCampaign: No Result found for Subscriber with id 5)'));
	});

	it('reports the email of another contact as 422', async () => {
		await seedContact(ac, { email: 'a@example.com' });
		await seedContact(ac, { email: 'b@example.com' });
		const out = await ac.one('contact', 'update', { contactId: 2, options: { email: 'a@example.com' } });
		expect(out).toEqual(upstream('Contact', 422, 'ActiveCampaign rejected the data (HTTP 422): Email address already exists in the system.'));
		expect(ac.emulator.db.get('contacts', '2')?.email).toBe('b@example.com');
	});

	it('retries a PUT answered 503 and then succeeds', async () => {
		await seedContact(ac, { email: 'a@example.com' });
		ac.emulator.inject({ method: 'PUT', path: '/contacts/1', status: 503 });
		const out = await ac.one('contact', 'update', { contactId: 1, options: { lastName: 'Z' } });
		expect(out).toEqual(success('Contact', { ...contactRecord('1', { email: 'a@example.com', lastName: 'Z' }), fieldValues: [] }));
		expect(ac.emulator.requests.map((r) => r.status)).toEqual([503, 200]);
	});
});
