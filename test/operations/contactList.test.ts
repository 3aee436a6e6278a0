import { success, useEmulator } from '../helpers';
import {
	BAD_IDS,
	KEY_403,
	POST_503,
	NO_RATE_LIMIT_WAIT,
	RATE_LIMITED,
	TIMESTAMP,
	badIdMessage,
	failed,
	invalid,
	seedContact,
	seedList,
	subscribe,
	upstream,
} from './foundation.support';

const ADD_CONTACT_HELP = 'The numeric ID of the contact to add, e.g. 123 (from Get Many Contacts)';
const ADD_LIST_HELP = 'The numeric ID of the list to add the contact to, e.g. 456 (from Get Many Lists)';

/** A contactList row as the emulator (like ActiveCampaign) returns it. */
function membership(id: string, contact: string, list: string, status: string, sourceid: string, names = { first: '', last: '' }) {
	return {
		contact,
		list,
		form: null,
		seriesid: '0',
		sdate: TIMESTAMP,
		status,
		responder: '1',
		sync: '0',
		unsubreason: '',
		sourceid,
		cdate: TIMESTAMP,
		udate: TIMESTAMP,
		first_name: names.first,
		last_name: names.last,
		id,
		links: {
			automation: `https://emulator.api-us1.com/api/3/contactLists/${id}/automation`,
			list: `https://emulator.api-us1.com/api/3/contactLists/${id}/list`,
			contact: `https://emulator.api-us1.com/api/3/contactLists/${id}/contact`,
			form: `https://emulator.api-us1.com/api/3/contactLists/${id}/form`,
		},
	};
}

describe('Contact List: Add a Contact to a List', () => {
	const ac = useEmulator();

	beforeEach(async () => {
		await seedContact(ac, { email: 'a@example.com', firstName: 'Ann', lastName: 'Lee' });
		await seedList(ac, 'newsletter');
		await seedList(ac, 'vip');
	});

	it('subscribes with status 1 and source 0 by default (201)', async () => {
		const out = await ac.one('contactList', 'add', { contactId: 1, listId: 2 });
		expect(out).toEqual(success('ContactList', membership('1', '1', '2', '1', '0', { first: 'Ann', last: 'Lee' }), 201));
		expect(ac.emulator.requests).toEqual([
			{
				method: 'POST',
				path: '/contactLists',
				query: {},
				body: { contactList: { list: 2, contact: 1, status: 1, sourceid: 0 } },
				status: 201,
			},
		]);
	});

	it('sends Status and Source ID from the options', async () => {
		const out = await ac.one('contactList', 'add', { contactId: '1', listId: '1', options: { status: 2, sourceId: 4 } });
		expect(out).toEqual(success('ContactList', membership('1', '1', '1', '2', '4', { first: 'Ann', last: 'Lee' }), 201));
		expect(ac.emulator.requests[0].body).toEqual({ contactList: { list: 1, contact: 1, status: 2, sourceid: 4 } });
	});

	it('re-subscribes an existing membership instead of adding a second one', async () => {
		await subscribe(ac, '1', '1', 2);
		const out = await ac.one('contactList', 'add', { contactId: 1, listId: 1, options: { status: 1, sourceId: 4 } });
		expect(out).toEqual(success('ContactList', membership('1', '1', '1', '1', '4', { first: 'Ann', last: 'Lee' }), 200));
		expect(ac.emulator.db.count('contactLists')).toBe(1);
	});

	it('makes one membership for the same pair twice in one execution and in a second execution', async () => {
		const items = [{ c: 1, l: 1 }, { c: '1', l: '1' }];
		const params = { contactId: '={{ $json.c }}', listId: '={{ $json.l }}' };
		const first = await ac.run('contactList', 'add', params, items);
		const second = await ac.run('contactList', 'add', params, items);
		for (const json of [...first.json, ...second.json]) {
			expect(json).toEqual(
				success('ContactList', membership('1', '1', '1', '1', '0', { first: 'Ann', last: 'Lee' }), json.OriginalStatusCode as number),
			);
		}
		expect([...first.json, ...second.json].map((j) => j.OriginalStatusCode).sort()).toEqual([200, 200, 200, 201]);
		expect(first.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(ac.emulator.db.count('contactLists')).toBe(1);
	});

	it.each(BAD_IDS)('refuses Contact ID %p with -1 and sends nothing', async (value, quoted) => {
		const out = await ac.one('contactList', 'add', { contactId: value as never, listId: 1 });
		expect(out).toEqual(invalid('ContactList', badIdMessage('Contact ID', 'contactId', quoted, ADD_CONTACT_HELP)));
		expect(ac.emulator.requests).toEqual([]);
	});

	it.each(BAD_IDS)('refuses List ID %p with -1 and sends nothing', async (value, quoted) => {
		const out = await ac.one('contactList', 'add', { contactId: 1, listId: value as never });
		expect(out).toEqual(invalid('ContactList', badIdMessage('List ID', 'listId', quoted, ADD_LIST_HELP)));
		expect(ac.emulator.requests).toEqual([]);
	});

	it.each([
		['a missing List ID', { contactId: 1 }, `"List ID" (listId) is required: ${ADD_LIST_HELP}`],
		['a missing Contact ID', { listId: 1 }, `"Contact ID" (contactId) is required: ${ADD_CONTACT_HELP}`],
		['Status 3', { contactId: 1, listId: 1, options: { status: 3 } }, '"Status" (status) must be one of 1, 2 (got 3)'],
		['Source ID -1', { contactId: 1, listId: 1, options: { sourceId: -1 } }, '"Source ID" (sourceId) must be a whole number at least 0 (got -1)'],
	])('refuses %s with -1 and sends nothing', async (_case, params, message) => {
		const out = await ac.one('contactList', 'add', params);
		expect(out).toEqual(invalid('ContactList', message));
		expect(ac.emulator.requests).toEqual([]);
	});

	it('reports an unknown contact as 404', async () => {
		const out = await ac.one('contactList', 'add', { contactId: 9, listId: 1 });
		expect(out).toEqual(
			upstream(
				'ContactList',
				404,
				'Contact 9 or list 1 not found (HTTP 404) (ActiveCampaign: No Result found for Subscriber with id 9)',
			),
		);
		expect(ac.emulator.db.count('contactLists')).toBe(0);
	});

	it('reports a bad API key as 403', async () => {
		const { json } = await ac.run('contactList', 'add', { contactId: 1, listId: 1 }, undefined, { apiKey: 'not-the-key' });
		expect(json).toEqual([upstream('ContactList', 403, KEY_403)]);
	});

	it('does not retry a POST answered 503', async () => {
		ac.emulator.inject({ method: 'POST', path: '/contactLists', status: 503 });
		const out = await ac.one('contactList', 'add', { contactId: 1, listId: 1 });
		expect(out).toEqual(failed('ContactList', 503, POST_503));
		expect(ac.emulator.requests).toHaveLength(1);
	});

	it('retries after a 429 and succeeds', async () => {
		ac.emulator.inject({ method: 'POST', path: '/contactLists', status: 429, headers: { 'Retry-After': '0' } });
		const out = await ac.one('contactList', 'add', { contactId: 1, listId: 1 });
		expect(out).toEqual(success('ContactList', membership('1', '1', '1', '1', '0', { first: 'Ann', last: 'Lee' }), 201));
		expect(ac.emulator.requests.map((r) => r.status)).toEqual([429, 201]);
	});
});

describe('Contact List: Remove a Contact from a List', () => {
	const ac = useEmulator();

	beforeEach(async () => {
		await seedContact(ac, { email: 'a@example.com' });
		await seedList(ac, 'newsletter');
		await seedList(ac, 'vip');
	});

	it('unsubscribes the membership and reports RemovedCount 1', async () => {
		await subscribe(ac, '1', '2');
		await subscribe(ac, '1', '1');
		const out = await ac.one('contactList', 'remove', { contactId: 1, listId: 2 });
		expect(out).toEqual(success('RemovedContactList', { RemovedCount: 1, ContactId: 1, ListId: 2 }));
		expect(ac.emulator.requests.map(({ method, path, query, body }) => ({ method, path, query, body }))).toEqual([
			{ method: 'GET', path: '/contacts/1/contactLists', query: {}, body: undefined },
			{ method: 'POST', path: '/contactLists', query: {}, body: { contactList: { list: 2, contact: 1, status: 2 } } },
		]);
		expect(ac.emulator.db.all('contactLists').map((r) => [r.list, r.status])).toEqual([
			['2', '2'],
			['1', '1'],
		]);
	});

	it('ends every duplicate membership of the contact on that list and counts them', async () => {
		await subscribe(ac, '1', '1');
		// A second row for the same pair, as older accounts can hold.
		const first = ac.emulator.db.all('contactLists')[0];
		ac.emulator.db.insert('contactLists', { ...first, id: undefined, sourceid: '4' });
		const out = await ac.one('contactList', 'remove', { contactId: 1, listId: 1 });
		expect(out).toEqual(success('RemovedContactList', { RemovedCount: 2, ContactId: 1, ListId: 1 }));
		expect(ac.emulator.db.all('contactLists').map((r) => r.status)).toEqual(['2', '2']);
	});

	it('says so when the contact is not on the list: StatusCode 200, RemovedCount 0, nothing changed', async () => {
		await subscribe(ac, '1', '1');
		const out = await ac.one('contactList', 'remove', { contactId: 1, listId: 2 });
		expect(out).toEqual({
			RemovedContactList: { RemovedCount: 0, ContactId: 1, ListId: 2 },
			OriginalStatusCode: 200,
			StatusCode: 200,
			ErrorMessage: 'Contact 1 is not on list 2',
		});
		expect(ac.emulator.requests.map((r) => r.method)).toEqual(['GET']);
	});

	it('says so when the contact is already unsubscribed: RemovedCount 0', async () => {
		await subscribe(ac, '1', '1', 2);
		const out = await ac.one('contactList', 'remove', { contactId: 1, listId: 1 });
		expect(out).toEqual({
			RemovedContactList: { RemovedCount: 0, ContactId: 1, ListId: 1 },
			OriginalStatusCode: 200,
			StatusCode: 200,
			ErrorMessage: 'Contact 1 is already unsubscribed from list 1',
		});
		expect(ac.emulator.requests.map((r) => r.method)).toEqual(['GET']);
	});

	it('is safe to run twice: the second run removes nothing', async () => {
		await subscribe(ac, '1', '1');
		const items = [{ c: 1 }, { c: 1 }];
		const { json } = await ac.run('contactList', 'remove', { contactId: '={{ $json.c }}', listId: 1 }, items);
		expect(json.map((j) => [(j.RemovedContactList as any).RemovedCount, j.StatusCode])).toEqual(
			expect.arrayContaining([
				[1, 200],
				[0, 200],
			]),
		);
		expect(ac.emulator.sent('POST', '/contactLists')).toHaveLength(1);
	});

	it('reports an unknown contact as 404', async () => {
		const out = await ac.one('contactList', 'remove', { contactId: 44, listId: 1 });
		expect(out).toEqual(
			upstream('RemovedContactList', 404, 'Contact 44 not found (HTTP 404) (ActiveCampaign: No Result found for Subscriber with id 44)'),
		);
	});

	it.each(BAD_IDS)('refuses List ID %p with -1 and sends nothing', async (value, quoted) => {
		const out = await ac.one('contactList', 'remove', { contactId: 1, listId: value as never });
		expect(out).toEqual(
			invalid('RemovedContactList', badIdMessage('List ID', 'listId', quoted, 'The numeric ID of the list to remove the contact from, e.g. 67890')),
		);
		expect(ac.emulator.requests).toEqual([]);
	});

	it('refuses a missing Contact ID with -1', async () => {
		const out = await ac.one('contactList', 'remove', { listId: 1 });
		expect(out).toEqual(
			invalid('RemovedContactList', '"Contact ID" (contactId) is required: The numeric ID of the contact to remove, e.g. 12345'),
		);
		expect(ac.emulator.requests).toEqual([]);
	});

	it('retries the GET after a 503 and a dropped connection, but not the POST', async () => {
		await subscribe(ac, '1', '1');
		ac.emulator.inject({ method: 'GET', path: '/contacts/1/contactLists', status: 503 });
		ac.emulator.inject({ method: 'GET', path: '/contacts/1/contactLists', drop: 'before' });
		ac.emulator.inject({ method: 'POST', path: '/contactLists', status: 503 });
		const out = await ac.one('contactList', 'remove', { contactId: 1, listId: 1 });
		expect(out).toEqual(failed('RemovedContactList', 503, POST_503));
		expect(ac.emulator.requests.map((r) => [r.method, r.status])).toEqual([
			['GET', 503],
			['GET', 0],
			['GET', 200],
			['POST', 503],
		]);
	});

	it('reports a 429 that outlasts the wait budget', async () => {
		await subscribe(ac, '1', '1');
		ac.emulator.inject({ method: 'GET', status: 429, headers: { 'Retry-After': '0' }, times: 5 });
		const out = await ac.one('contactList', 'remove', { contactId: 1, listId: 1, ...NO_RATE_LIMIT_WAIT });
		expect(out).toEqual(upstream('RemovedContactList', 429, RATE_LIMITED));
		expect(ac.emulator.db.all('contactLists')[0].status).toBe('1');
	});
});
