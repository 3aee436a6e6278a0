import { success, useEmulator } from '../helpers';
import {
	BAD_IDS,
	KEY_403,
	POST_503,
	TIMESTAMP,
	badIdMessage,
	call,
	clearLog,
	failed,
	invalid,
	seedContact,
	seedList,
	subscribe,
	upstream,
} from './foundation.support';

const LIST_ID_HELP = 'The numeric ID of the list, e.g. 123';

/** A list as the emulator (like ActiveCampaign) returns it. */
function listRecord(id: string, fields: { name: string; stringid: string; sender_url?: string; sender_reminder?: string; channel?: string }) {
	return {
		stringid: fields.stringid,
		userid: '1',
		name: fields.name,
		cdate: TIMESTAMP,
		udate: TIMESTAMP,
		p_use_tracking: '1',
		p_use_analytics_read: '0',
		p_use_captcha: '1',
		sender_name: '',
		sender_addr1: '',
		sender_city: '',
		sender_state: '',
		sender_country: '',
		sender_url: fields.sender_url ?? 'https://example.com',
		sender_reminder: fields.sender_reminder ?? 'You signed up on our site',
		send_last_broadcast: '0',
		carboncopy: '',
		subscription_notify: '',
		unsubscription_notify: '',
		twitter_token: '',
		twitter_token_secret: '',
		private: '0',
		channel: fields.channel ?? 'email',
		user: '1',
		id,
		links: {
			contactGoalLists: `https://emulator.api-us1.com/api/3/lists/${id}/contactGoalLists`,
			user: `https://emulator.api-us1.com/api/3/lists/${id}/user`,
			addressLists: `https://emulator.api-us1.com/api/3/lists/${id}/addressLists`,
		},
	};
}

const CREATE = {
	name: 'VIP Customer List',
	stringId: 'vip-customer-list',
	senderUrl: 'https://shop.example.com',
	senderReminder: 'You joined our VIP programme',
};
const VIP = listRecord('1', {
	name: 'VIP Customer List',
	stringid: 'vip-customer-list',
	sender_url: 'https://shop.example.com',
	sender_reminder: 'You joined our VIP programme',
});

async function seedLists(ac: Parameters<typeof seedList>[0], count: number): Promise<void> {
	for (let start = 0; start < count; start += 25) {
		const batch = Array.from({ length: Math.min(25, count - start) }, (_, i) => start + i + 1);
		await Promise.all(
			batch.map((n) =>
				call(ac, 'POST', '/lists', {
					list: { name: `List ${String(n).padStart(3, '0')}`, stringid: `list-${n}`, sender_url: 'https://example.com', sender_reminder: 'You signed up on our site' },
				}),
			),
		);
	}
	clearLog(ac);
}

describe('List: Create a List', () => {
	const ac = useEmulator();

	it('looks for the String ID, then creates the list (201)', async () => {
		const out = await ac.one('list', 'create', CREATE);
		expect(out).toEqual(success('List', VIP, 201));
		expect(ac.emulator.requests).toEqual([
			{
				method: 'GET',
				path: '/lists',
				query: { 'filters[stringid]': 'vip-customer-list', limit: '100', offset: '0' },
				body: undefined,
				status: 200,
			},
			{
				method: 'POST',
				path: '/lists',
				query: {},
				body: {
					list: {
						name: 'VIP Customer List',
						stringid: 'vip-customer-list',
						sender_url: 'https://shop.example.com',
						sender_reminder: 'You joined our VIP programme',
						channel: 'email',
					},
				},
				status: 201,
			},
		]);
	});

	it('sends the SMS channel', async () => {
		const out = await ac.one('list', 'create', { ...CREATE, options: { channel: 'sms' } });
		expect(out).toEqual(success('List', { ...VIP, channel: 'sms' }, 201));
		expect(ac.emulator.requests[1].body.list.channel).toBe('sms');
	});

	it('returns the existing list with the same String ID instead of creating one', async () => {
		await seedList(ac, 'other');
		await seedList(ac, 'vip-customer-list', 'Old name');
		const out = await ac.one('list', 'create', CREATE);
		expect(out).toEqual(success('List', listRecord('2', { name: 'Old name', stringid: 'vip-customer-list' }), 200));
		expect(ac.emulator.requests.map((r) => r.method)).toEqual(['GET']);
		expect(ac.emulator.db.count('lists')).toBe(2);
	});

	it('finds an existing list beyond the first page (the API ignores the stringid filter)', async () => {
		await seedLists(ac, 150);
		const out = await ac.one('list', 'create', { ...CREATE, stringId: 'list-140' });
		expect((out.List as any).id).toBe('140');
		expect(out.OriginalStatusCode).toBe(200);
		expect(ac.emulator.requests.map((r) => [r.method, r.query.offset])).toEqual([
			['GET', '0'],
			['GET', '100'],
		]);
		expect(ac.emulator.db.count('lists')).toBe(150);
	});

	it('makes one list for the same String ID twice in one execution and again in a second execution', async () => {
		const items = [{ s: 'weekly' }, { s: 'weekly' }, { s: 'monthly' }];
		const params = { ...CREATE, stringId: '={{ $json.s }}' };
		const first = await ac.run('list', 'create', params, items);
		const second = await ac.run('list', 'create', params, items);
		expect(first.items.map((i) => [i.pairedItem, i.json.StatusCode, (i.json.List as any).stringid])).toEqual([
			[{ item: 0 }, 200, 'weekly'],
			[{ item: 1 }, 200, 'weekly'],
			[{ item: 2 }, 200, 'monthly'],
		]);
		expect((first.json[0].List as any).id).toBe((first.json[1].List as any).id);
		expect(second.json.map((j) => [j.OriginalStatusCode, (j.List as any).id])).toEqual(
			first.json.map((j) => [200, (j.List as any).id]),
		);
		expect(ac.emulator.db.all('lists').map((l) => l.stringid).sort()).toEqual(['monthly', 'weekly']);
		expect(ac.emulator.sent('POST', '/lists')).toHaveLength(2);
	});

	it.each([
		['a missing Name', { ...CREATE, name: undefined }, '"Name" (name) is required: List display name, e.g. VIP Customer List'],
		[
			'a String ID with spaces and capitals',
			{ ...CREATE, stringId: 'VIP List' },
			'"String ID" (stringId) is not valid (got "VIP List"): use lowercase letters, numbers and hyphens only, e.g. vip-customer-list',
		],
		[
			'a Sender URL without a scheme',
			{ ...CREATE, senderUrl: 'example.com' },
			'"Sender URL" (senderUrl) is not valid (got "example.com"): enter a full http(s) address such as https://example.com',
		],
		[
			'a missing Sender Reminder',
			{ ...CREATE, senderReminder: undefined },
			'"Sender Reminder" (senderReminder) is required: Why contacts are on this list, shown in email footers, e.g. You subscribed on our website',
		],
		['Channel "fax"', { ...CREATE, options: { channel: 'fax' } }, '"Channel" (channel) must be one of "email", "sms" (got "fax")'],
	])('refuses %s with -1 and sends nothing', async (_case, params, message) => {
		// Required strings left empty are stopped by n8n itself, so the empty ones arrive through an expression.
		const parameters = Object.fromEntries(
			Object.entries(params).map(([k, v]) => [k, v === undefined ? '={{ $json.missing }}' : v]),
		);
		const { json } = await ac.run('list', 'create', parameters, [{ other: 1 }]);
		expect(json).toEqual([invalid('List', message)]);
		expect(ac.emulator.requests).toEqual([]);
	});

	it('reports a 422 from ActiveCampaign', async () => {
		ac.emulator.inject({
			method: 'POST',
			path: '/lists',
			status: 422,
			body: { errors: [{ title: 'The sender_url field is invalid', detail: 'must be a public URL' }] },
		});
		const out = await ac.one('list', 'create', CREATE);
		expect(out).toEqual(
			upstream('List', 422, 'ActiveCampaign rejected the data (HTTP 422): The sender_url field is invalid: must be a public URL'),
		);
	});

	it('does not repeat the POST after a 503', async () => {
		ac.emulator.inject({ method: 'POST', path: '/lists', status: 503 });
		const out = await ac.one('list', 'create', CREATE);
		expect(out).toEqual(failed('List', 503, POST_503));
		expect(ac.emulator.sent('POST', '/lists')).toHaveLength(1);
	});

	it('retries the lookup after a 503 and a 429', async () => {
		ac.emulator.inject({ method: 'GET', path: '/lists', status: 503 });
		ac.emulator.inject({ method: 'GET', path: '/lists', status: 429, headers: { 'Retry-After': '0' } });
		const out = await ac.one('list', 'create', CREATE);
		expect(out).toEqual(success('List', VIP, 201));
		expect(ac.emulator.requests.map((r) => [r.method, r.status])).toEqual([
			['GET', 503],
			['GET', 429],
			['GET', 200],
			['POST', 201],
		]);
	});

	it('reports a bad API key as 403 and creates nothing', async () => {
		const { json } = await ac.run('list', 'create', CREATE, undefined, { apiKey: 'wrong-wrong-wrong' });
		expect(json).toEqual([upstream('List', 403, KEY_403)]);
		expect(ac.emulator.db.count('lists')).toBe(0);
	});
});

describe('List: Delete a List', () => {
	const ac = useEmulator();

	it('deletes the list and keeps its contacts', async () => {
		await seedContact(ac, { email: 'a@example.com' });
		await seedList(ac, 'news');
		await subscribe(ac, '1', '1');
		const out = await ac.one('list', 'delete', { listId: 1 });
		expect(out).toEqual(success('DeletedList', { deleted: true }));
		expect(ac.emulator.requests).toEqual([{ method: 'DELETE', path: '/lists/1', query: {}, body: undefined, status: 200 }]);
		expect([ac.emulator.db.count('lists'), ac.emulator.db.count('contacts')]).toEqual([0, 1]);
	});

	it('reports an unknown list as 404', async () => {
		const out = await ac.one('list', 'delete', { listId: 3 });
		expect(out).toEqual(upstream('DeletedList', 404, 'List 3 not found (HTTP 404) (ActiveCampaign: No Result found for List with id 3)'));
	});

	it.each(BAD_IDS)('refuses List ID %p with -1 and sends nothing', async (value, quoted) => {
		const out = await ac.one('list', 'delete', { listId: value as never });
		expect(out).toEqual(
			invalid('DeletedList', badIdMessage('List ID', 'listId', quoted, 'The numeric ID of the list to delete, e.g. 123')),
		);
		expect(ac.emulator.requests).toEqual([]);
	});

	it('retries a DELETE answered 503', async () => {
		await seedList(ac, 'news');
		ac.emulator.inject({ method: 'DELETE', status: 503 });
		const out = await ac.one('list', 'delete', { listId: 1 });
		expect(out).toEqual(success('DeletedList', { deleted: true }));
		expect(ac.emulator.requests.map((r) => r.status)).toEqual([503, 200]);
	});
});

describe('List: Get a List', () => {
	const ac = useEmulator();

	it('returns the list as ActiveCampaign sends it', async () => {
		await seedList(ac, 'news', 'Newsletter');
		const out = await ac.one('list', 'get', { listId: '1' });
		expect(out).toEqual(success('List', listRecord('1', { name: 'Newsletter', stringid: 'news' })));
		expect(ac.emulator.requests).toEqual([{ method: 'GET', path: '/lists/1', query: {}, body: undefined, status: 200 }]);
	});

	it('reports an unknown list as 404', async () => {
		const out = await ac.one('list', 'get', { listId: 8 });
		expect(out).toEqual(upstream('List', 404, 'List 8 not found (HTTP 404) (ActiveCampaign: No Result found for List with id 8)'));
	});

	it.each(BAD_IDS)('refuses List ID %p with -1 and sends nothing', async (value, quoted) => {
		const out = await ac.one('list', 'get', { listId: value as never });
		expect(out).toEqual(invalid('List', badIdMessage('List ID', 'listId', quoted, LIST_ID_HELP)));
		expect(ac.emulator.requests).toEqual([]);
	});

	it.each([[0], [undefined]])('refuses a missing List ID (%p) with -1 and sends nothing', async (value) => {
		const out = await ac.one('list', 'get', value === undefined ? {} : { listId: value });
		expect(out).toEqual(invalid('List', `"List ID" (listId) is required: ${LIST_ID_HELP}`));
		expect(ac.emulator.requests).toEqual([]);
	});

	it('retries a GET answered 503 and a dropped connection', async () => {
		await seedList(ac, 'news', 'Newsletter');
		ac.emulator.inject({ method: 'GET', status: 503 });
		ac.emulator.inject({ method: 'GET', drop: 'before' });
		const out = await ac.one('list', 'get', { listId: 1 });
		expect(out).toEqual(success('List', listRecord('1', { name: 'Newsletter', stringid: 'news' })));
		expect(ac.emulator.requests.map((r) => r.status)).toEqual([503, 0, 200]);
	});

	it('reports a bad API key as 403', async () => {
		const { json } = await ac.run('list', 'get', { listId: 1 }, undefined, { apiKey: 'zzz-wrong-key' });
		expect(json).toEqual([upstream('List', 403, KEY_403)]);
	});
});

describe('List: Get Many Lists', () => {
	const ac = useEmulator();

	beforeEach(async () => {
		await seedList(ac, 'monthly', 'Monthly Newsletter');
		await seedList(ac, 'subs', 'Newsletter Subscribers');
		await seedList(ac, 'vip', 'VIP Customers');
	});

	it('returns a page with Pagination (numbers) and the default limit 100', async () => {
		const out = await ac.one('list', 'getMany', {});
		expect(out).toEqual(
			success('Lists', {
				Lists: [
					listRecord('1', { name: 'Monthly Newsletter', stringid: 'monthly' }),
					listRecord('2', { name: 'Newsletter Subscribers', stringid: 'subs' }),
					listRecord('3', { name: 'VIP Customers', stringid: 'vip' }),
				],
				Pagination: { limit: 100, offset: 0, total: 3, hasMore: false },
			}),
		);
		expect(ac.emulator.requests).toEqual([
			{ method: 'GET', path: '/lists', query: { limit: '100', offset: '0' }, body: undefined, status: 200 },
		]);
	});

	it('filters by name with the default operator contains and sorts descending', async () => {
		const out = await ac.one('list', 'getMany', { options: { name: 'newsletter', filterOrder: 'desc' } });
		expect((out.Lists as any).Lists.map((l: any) => l.name)).toEqual(['Newsletter Subscribers', 'Monthly Newsletter']);
		expect((out.Lists as any).Pagination).toEqual({ limit: 100, offset: 0, total: 2, hasMore: false });
		expect(ac.emulator.requests[0].query).toEqual({
			'filters[name][contains]': 'newsletter',
			'orders[name]': 'desc',
			limit: '100',
			offset: '0',
		});
	});

	it('filters by exact name and by prefix', async () => {
		const exact = await ac.one('list', 'getMany', { options: { name: 'VIP Customers', filterOperator: 'eq' } });
		expect((exact.Lists as any).Lists.map((l: any) => l.id)).toEqual(['3']);
		const prefix = await ac.one('list', 'getMany', { options: { name: 'Newsletter', filterOperator: 'starts_with' } });
		expect((prefix.Lists as any).Lists.map((l: any) => l.id)).toEqual(['2']);
		expect(ac.emulator.requests.map((r) => r.query)).toEqual([
			{ 'filters[name][eq]': 'VIP Customers', limit: '100', offset: '0' },
			{ 'filters[name][starts_with]': 'Newsletter', limit: '100', offset: '0' },
		]);
	});

	it('pages with Limit and Offset and says whether more exist', async () => {
		const out = await ac.one('list', 'getMany', { limit: 1, offset: 1 });
		expect(out).toEqual(
			success('Lists', {
				Lists: [listRecord('2', { name: 'Newsletter Subscribers', stringid: 'subs' })],
				Pagination: { limit: 1, offset: 1, total: 3, hasMore: true },
			}),
		);
	});

	it('returns all 250 lists with Return All in 3 requests', async () => {
		await seedLists(ac, 247);
		const out = await ac.one('list', 'getMany', { returnAll: true });
		const data = out.Lists as any;
		expect(data.Lists).toHaveLength(250);
		expect(data.Lists.map((l: any) => l.id)).toEqual(Array.from({ length: 250 }, (_, i) => String(i + 1)));
		expect(data.Pagination).toEqual({ limit: 250, offset: 0, total: 250, hasMore: false });
		expect(ac.emulator.requests.map((r) => r.query)).toEqual([
			{ limit: '100', offset: '0' },
			{ limit: '100', offset: '100' },
			{ limit: '100', offset: '200' },
		]);
	});

	it.each([
		['Limit 101', { limit: 101 }, '"Limit" (limit) must be a whole number between 1 and 100 (got 101)'],
		['Offset -5', { offset: -5 }, '"Offset" (offset) must be a whole number at least 0 (got -5)'],
		[
			'Filter Operator "like"',
			{ options: { name: 'x', filterOperator: 'like' } },
			'"Filter Operator" (filterOperator) must be one of "contains", "eq", "gt", "gte", "lt", "lte", "neq", "starts_with" (got "like")',
		],
		['Filter Order "up"', { options: { filterOrder: 'up' } }, '"Filter Order" (filterOrder) must be one of "asc", "desc", "weight" (got "up")'],
	])('refuses %s with -1 and sends nothing', async (_case, params, message) => {
		const out = await ac.one('list', 'getMany', params);
		expect(out).toEqual(invalid('Lists', message));
		expect(ac.emulator.requests).toEqual([]);
	});

	it('reports a 503 that outlasts the retries as 500 with {}', async () => {
		ac.emulator.inject({ method: 'GET', path: '/lists', status: 503, times: 5 });
		const out = await ac.one('list', 'getMany', {});
		expect(out).toEqual(failed('Lists', 503, POST_503));
		expect(ac.emulator.requests).toHaveLength(5);
	});
});
