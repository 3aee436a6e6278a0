import { success, useEmulator } from '../helpers';
import {
	BAD_IDS,
	KEY_403,
	POST_503,
	NO_RATE_LIMIT_WAIT,
	RATE_LIMITED,
	tagRecord,
	badIdMessage,
	call,
	clearLog,
	failed,
	invalid,
	seedContact,
	seedTag,
	tagContact,
	upstream,
} from './foundation.support';

const TAG_ID_HELP = 'The numeric ID of the tag, e.g. 12 (from Get Many Tags or Create a Tag)';

async function seedTags(ac: Parameters<typeof seedTag>[0], count: number): Promise<void> {
	for (let start = 0; start < count; start += 25) {
		const batch = Array.from({ length: Math.min(25, count - start) }, (_, i) => start + i + 1);
		await Promise.all(
			batch.map((n) => call(ac, 'POST', '/tags', { tag: { tag: `Tag ${String(n).padStart(3, '0')}`, tagType: 'contact' } })),
		);
	}
	clearLog(ac);
}

describe('Tag: Create a Tag', () => {
	const ac = useEmulator();

	it('searches for the name, then creates a contact tag with its description (201)', async () => {
		const out = await ac.one('tag', 'create', { tag: 'VIP Customer', options: { description: 'High-value customers' } });
		expect(out).toEqual(success('Tag', tagRecord('1', 'VIP Customer', 'contact', 'High-value customers'), 201));
		expect(ac.emulator.requests).toEqual([
			{ method: 'GET', path: '/tags', query: { search: 'VIP Customer', limit: '100', offset: '0' }, body: undefined, status: 200 },
			{
				method: 'POST',
				path: '/tags',
				query: {},
				body: { tag: { tag: 'VIP Customer', tagType: 'contact', description: 'High-value customers' } },
				status: 201,
			},
		]);
	});

	it('creates a template tag without a description', async () => {
		const out = await ac.one('tag', 'create', { tag: 'Welcome Series', options: { tagType: 'template' } });
		expect(out).toEqual(success('Tag', tagRecord('1', 'Welcome Series', 'template'), 201));
		expect(ac.emulator.requests[1].body).toEqual({ tag: { tag: 'Welcome Series', tagType: 'template' } });
	});

	it('returns the existing tag whose name matches in any case and whose type matches', async () => {
		await seedTag(ac, 'VIP Customer Gold');
		await seedTag(ac, 'vip customer', 'contact', 'old');
		const out = await ac.one('tag', 'create', { tag: 'VIP Customer' });
		expect(out).toEqual(success('Tag', tagRecord('2', 'vip customer', 'contact', 'old'), 200));
		expect(ac.emulator.requests.map((r) => r.method)).toEqual(['GET']);
		expect(ac.emulator.db.count('tags')).toBe(2);
	});

	it('creates a tag whose name exists only with the other type', async () => {
		await seedTag(ac, 'Promo', 'template');
		const out = await ac.one('tag', 'create', { tag: 'Promo' });
		expect(out).toEqual(success('Tag', tagRecord('2', 'Promo'), 201));
		expect(ac.emulator.db.all('tags').map((t) => [t.tag, t.tagType])).toEqual([
			['Promo', 'template'],
			['Promo', 'contact'],
		]);
	});

	it('makes one tag for the same name twice in one execution and again in a second execution', async () => {
		const items = [{ t: 'Lead' }, { t: 'LEAD' }, { t: 'Customer' }];
		const first = await ac.run('tag', 'create', { tag: '={{ $json.t }}' }, items);
		const second = await ac.run('tag', 'create', { tag: '={{ $json.t }}' }, items);
		expect(first.items.map((i) => [i.pairedItem, i.json.StatusCode, (i.json.Tag as any).tag])).toEqual([
			[{ item: 0 }, 200, 'Lead'],
			[{ item: 1 }, 200, 'Lead'],
			[{ item: 2 }, 200, 'Customer'],
		]);
		expect(second.json.map((j) => [j.OriginalStatusCode, (j.Tag as any).id])).toEqual(
			first.json.map((j) => [200, (j.Tag as any).id]),
		);
		expect(ac.emulator.db.all('tags').map((t) => t.tag).sort()).toEqual(['Customer', 'Lead']);
	});

	it.each([
		['Tag Type "deal"', { tag: 'X', options: { tagType: 'deal' } }, '"Tag Type" (tagType) must be one of "contact", "template" (got "deal")'],
		['a tag name with a line break', { tag: 'A\nB' }, '"Tag" (tag) contains control characters: remove them'],
		['a tag name of 256 characters', { tag: 'x'.repeat(256) }, '"Tag" (tag) is too long (256 characters, at most 255): shorten it'],
	])('refuses %s with -1 and sends nothing', async (_case, params, message) => {
		const out = await ac.one('tag', 'create', params);
		expect(out).toEqual(invalid('Tag', message));
		expect(ac.emulator.requests).toEqual([]);
	});

	it('refuses a tag name that an expression leaves empty with -1', async () => {
		const { json } = await ac.run('tag', 'create', { tag: '={{ $json.name }}' }, [{ name: '   ' }]);
		expect(json).toEqual([invalid('Tag', '"Tag" (tag) is required: Tag name, e.g. VIP Customer')]);
		expect(ac.emulator.requests).toEqual([]);
	});

	it('reports a 422 from ActiveCampaign', async () => {
		ac.emulator.inject({ method: 'POST', path: '/tags', status: 422, body: { errors: [{ title: 'Tag name is too long', detail: '' }] } });
		const out = await ac.one('tag', 'create', { tag: 'VIP' });
		expect(out).toEqual(upstream('Tag', 422, 'ActiveCampaign rejected the data (HTTP 422): Tag name is too long'));
	});

	it('does not repeat the POST after a 503 or a dropped connection', async () => {
		ac.emulator.inject({ method: 'POST', path: '/tags', status: 503 });
		expect(await ac.one('tag', 'create', { tag: 'VIP' })).toEqual(failed('Tag', 503, POST_503));
		ac.emulator.inject({ method: 'POST', path: '/tags', drop: 'after' });
		const dropped = await ac.one('tag', 'create', { tag: 'Lead' });
		expect([dropped.StatusCode, dropped.OriginalStatusCode, dropped.Tag]).toEqual([500, 0, {}]);
		expect(ac.emulator.sent('POST', '/tags')).toHaveLength(2);
		expect(ac.emulator.db.all('tags').map((t) => t.tag)).toEqual(['Lead']);
	});

	it('reports a bad API key as 403', async () => {
		const { json } = await ac.run('tag', 'create', { tag: 'VIP' }, undefined, { apiKey: 'forged-key-1234' });
		expect(json).toEqual([upstream('Tag', 403, KEY_403)]);
	});
});

describe('Tag: Delete a Tag', () => {
	const ac = useEmulator();

	it('deletes the tag and its contact associations', async () => {
		await seedContact(ac, { email: 'a@example.com' });
		await seedTag(ac, 'VIP');
		await tagContact(ac, '1', '1');
		const out = await ac.one('tag', 'delete', { tagId: 1 });
		expect(out).toEqual(success('DeletedTag', { id: '1', deleted: true }));
		expect(ac.emulator.requests).toEqual([{ method: 'DELETE', path: '/tags/1', query: {}, body: undefined, status: 200 }]);
		expect([ac.emulator.db.count('tags'), ac.emulator.db.count('contactTags')]).toEqual([0, 0]);
	});

	it('reports an unknown tag as 404', async () => {
		const out = await ac.one('tag', 'delete', { tagId: 12 });
		expect(out).toEqual(upstream('DeletedTag', 404, 'Tag 12 not found (HTTP 404) (ActiveCampaign: No Result found for Tag with id 12)'));
	});

	it.each(BAD_IDS)('refuses Tag ID %p with -1 and sends nothing', async (value, quoted) => {
		const out = await ac.one('tag', 'delete', { tagId: value as never });
		expect(out).toEqual(invalid('DeletedTag', badIdMessage('Tag ID', 'tagId', quoted, TAG_ID_HELP)));
		expect(ac.emulator.requests).toEqual([]);
	});

	it.each([[0], [undefined]])('refuses a missing Tag ID (%p) with -1 and sends nothing', async (value) => {
		const out = await ac.one('tag', 'delete', value === undefined ? {} : { tagId: value });
		expect(out).toEqual(invalid('DeletedTag', `"Tag ID" (tagId) is required: ${TAG_ID_HELP}`));
		expect(ac.emulator.requests).toEqual([]);
	});

	it('retries a DELETE answered 503', async () => {
		await seedTag(ac, 'VIP');
		ac.emulator.inject({ method: 'DELETE', status: 503 });
		const out = await ac.one('tag', 'delete', { tagId: 1 });
		expect(out).toEqual(success('DeletedTag', { id: '1', deleted: true }));
		expect(ac.emulator.requests.map((r) => r.status)).toEqual([503, 200]);
	});
});

describe('Tag: Get a Tag', () => {
	const ac = useEmulator();

	it('returns the tag as ActiveCampaign sends it', async () => {
		await seedTag(ac, 'VIP', 'contact', 'Best customers');
		const out = await ac.one('tag', 'get', { tagId: 1 });
		expect(out).toEqual(success('Tag', tagRecord('1', 'VIP', 'contact', 'Best customers')));
		expect(ac.emulator.requests).toEqual([{ method: 'GET', path: '/tags/1', query: {}, body: undefined, status: 200 }]);
	});

	it('reads the ID from each input item, in order', async () => {
		await seedTag(ac, 'A');
		await seedTag(ac, 'B');
		const { items } = await ac.run('tag', 'get', { tagId: '={{ $json.tag }}' }, [{ tag: 2 }, { tag: 'x' }, { tag: 1 }]);
		expect(items.map((i) => [i.pairedItem, i.json.StatusCode, (i.json.Tag as any).tag])).toEqual([
			[{ item: 0 }, 200, 'B'],
			[{ item: 1 }, -1, undefined],
			[{ item: 2 }, 200, 'A'],
		]);
		expect(items[1].json).toEqual(invalid('Tag', badIdMessage('Tag ID', 'tagId', '"x"', TAG_ID_HELP)));
	});

	it('reports an unknown tag as 404', async () => {
		const out = await ac.one('tag', 'get', { tagId: 4 });
		expect(out).toEqual(upstream('Tag', 404, 'Tag 4 not found (HTTP 404) (ActiveCampaign: No Result found for Tag with id 4)'));
	});

	it.each(BAD_IDS)('refuses Tag ID %p with -1 and sends nothing', async (value, quoted) => {
		const out = await ac.one('tag', 'get', { tagId: value as never });
		expect(out).toEqual(invalid('Tag', badIdMessage('Tag ID', 'tagId', quoted, TAG_ID_HELP)));
		expect(ac.emulator.requests).toEqual([]);
	});

	it('retries a GET after a 503, a dropped connection and a 429', async () => {
		await seedTag(ac, 'VIP');
		ac.emulator.inject({ method: 'GET', status: 503 });
		ac.emulator.inject({ method: 'GET', drop: 'before' });
		ac.emulator.inject({ method: 'GET', status: 429, headers: { 'Retry-After': '0' } });
		const out = await ac.one('tag', 'get', { tagId: 1 });
		expect(out).toEqual(success('Tag', tagRecord('1', 'VIP')));
		expect(ac.emulator.requests.map((r) => r.status)).toEqual([503, 0, 429, 200]);
	});
});

describe('Tag: Get Many Tags', () => {
	const ac = useEmulator();

	beforeEach(async () => {
		await seedTag(ac, 'VIP Gold');
		await seedTag(ac, 'Lead');
		await seedTag(ac, 'VIP');
	});

	it('returns a page with Pagination and the default limit 100', async () => {
		const out = await ac.one('tag', 'getMany', {});
		expect(out).toEqual(
			success('Tags', {
				Tags: [tagRecord('1', 'VIP Gold'), tagRecord('2', 'Lead'), tagRecord('3', 'VIP')],
				Pagination: { limit: 100, offset: 0, total: 3, hasMore: false },
			}),
		);
		expect(ac.emulator.requests).toEqual([
			{ method: 'GET', path: '/tags', query: { limit: '100', offset: '0' }, body: undefined, status: 200 },
		]);
	});

	it('searches with the default operator contains and orders descending', async () => {
		const out = await ac.one('tag', 'getMany', { options: { searchText: 'vip', searchOrder: 'desc' } });
		expect((out.Tags as any).Tags.map((t: any) => t.tag)).toEqual(['VIP Gold', 'VIP']);
		expect(ac.emulator.requests[0].query).toEqual({
			'filters[search][contains]': 'vip',
			'orders[search]': 'desc',
			limit: '100',
			offset: '0',
		});
	});

	it('searches with eq for an exact name', async () => {
		const out = await ac.one('tag', 'getMany', { options: { searchText: 'VIP', searchOperator: 'eq' } });
		expect(out).toEqual(success('Tags', { Tags: [tagRecord('3', 'VIP')], Pagination: { limit: 100, offset: 0, total: 1, hasMore: false } }));
		expect(ac.emulator.requests[0].query).toEqual({ 'filters[search][eq]': 'VIP', limit: '100', offset: '0' });
	});

	it('pages with Limit and Offset', async () => {
		const out = await ac.one('tag', 'getMany', { limit: 2, offset: 0 });
		expect((out.Tags as any).Pagination).toEqual({ limit: 2, offset: 0, total: 3, hasMore: true });
		expect((out.Tags as any).Tags.map((t: any) => t.id)).toEqual(['1', '2']);
	});

	it('returns every tag with Return All from an Offset', async () => {
		await seedTags(ac, 247);
		const out = await ac.one('tag', 'getMany', { returnAll: true, offset: 10 });
		const data = out.Tags as any;
		expect(data.Tags).toHaveLength(240);
		expect(data.Tags[0].id).toBe('11');
		expect(data.Pagination).toEqual({ limit: 240, offset: 10, total: 250, hasMore: false });
		expect(ac.emulator.requests.map((r) => r.query)).toEqual([
			{ limit: '100', offset: '10' },
			{ limit: '100', offset: '110' },
			{ limit: '100', offset: '210' },
		]);
	});

	it.each([
		['Limit 0', { limit: 0 }, '"Limit" (limit) must be a whole number between 1 and 100 (got 0)'],
		[
			'Search Operator "has"',
			{ options: { searchText: 'x', searchOperator: 'has' } },
			'"Search Operator" (searchOperator) must be one of "contains", "eq", "gt", "gte", "lt", "lte", "neq", "starts_with" (got "has")',
		],
		['Search Order "top"', { options: { searchOrder: 'top' } }, '"Search Order" (searchOrder) must be one of "asc", "desc", "weight" (got "top")'],
	])('refuses %s with -1 and sends nothing', async (_case, params, message) => {
		const out = await ac.one('tag', 'getMany', params);
		expect(out).toEqual(invalid('Tags', message));
		expect(ac.emulator.requests).toEqual([]);
	});

	it('reports a 429 that outlasts the wait budget', async () => {
		ac.emulator.inject({ method: 'GET', status: 429, headers: { 'Retry-After': '0' }, times: 5 });
		const out = await ac.one('tag', 'getMany', NO_RATE_LIMIT_WAIT);
		expect(out).toEqual(upstream('Tags', 429, RATE_LIMITED));
	});
});

describe('Tag: Update a Tag', () => {
	const ac = useEmulator();

	beforeEach(async () => {
		await seedTag(ac, 'VIP', 'contact', 'Best customers');
	});

	it('sends only the name when only the name is given', async () => {
		const out = await ac.one('tag', 'update', { tagId: 1, options: { tagName: 'VIP Customer' } });
		expect(out).toEqual(success('Tag', tagRecord('1', 'VIP Customer', 'contact', 'Best customers')));
		expect(ac.emulator.requests).toEqual([
			{ method: 'PUT', path: '/tags/1', query: {}, body: { tag: { tag: 'VIP Customer' } }, status: 200 },
		]);
	});

	it('changes type and description and reports the subscriber count', async () => {
		await seedContact(ac, { email: 'a@example.com' });
		await tagContact(ac, '1', '1');
		const out = await ac.one('tag', 'update', { tagId: '1', options: { tagType: 'template', description: 'Templates' } });
		expect(out).toEqual(success('Tag', tagRecord('1', 'VIP', 'template', 'Templates', '1')));
		expect(ac.emulator.requests[0].body).toEqual({ tag: { tagType: 'template', description: 'Templates' } });
	});

	it.each([
		['no options', {}],
		['options left empty', { options: { tagName: '', description: '  ' } }],
	])('refuses an update with nothing to change (%s) with -1', async (_case, extra) => {
		const out = await ac.one('tag', 'update', { tagId: 1, ...extra });
		expect(out).toEqual(invalid('Tag', 'Nothing to update: add at least one of Tag Name, Tag Type or Description under "Options" (options)'));
		expect(ac.emulator.requests).toEqual([]);
	});

	it.each(BAD_IDS)('refuses Tag ID %p with -1 and sends nothing', async (value, quoted) => {
		const out = await ac.one('tag', 'update', { tagId: value as never, options: { tagName: 'X' } });
		expect(out).toEqual(invalid('Tag', badIdMessage('Tag ID', 'tagId', quoted, TAG_ID_HELP)));
		expect(ac.emulator.requests).toEqual([]);
	});

	it('refuses Tag Type "deal" with -1', async () => {
		const out = await ac.one('tag', 'update', { tagId: 1, options: { tagType: 'deal' } });
		expect(out).toEqual(invalid('Tag', '"Tag Type" (tagType) must be one of "contact", "template" (got "deal")'));
		expect(ac.emulator.requests).toEqual([]);
	});

	it('reports an unknown tag as 404', async () => {
		const out = await ac.one('tag', 'update', { tagId: 9, options: { tagName: 'X' } });
		expect(out).toEqual(upstream('Tag', 404, 'Tag 9 not found (HTTP 404) (ActiveCampaign: No Result found for Tag with id 9)'));
	});

	it('retries a PUT answered 503', async () => {
		ac.emulator.inject({ method: 'PUT', status: 503 });
		const out = await ac.one('tag', 'update', { tagId: 1, options: { description: 'New' } });
		expect(out).toEqual(success('Tag', tagRecord('1', 'VIP', 'contact', 'New')));
		expect(ac.emulator.requests.map((r) => r.status)).toEqual([503, 200]);
	});

	it('reports a bad API key as 403 and changes nothing', async () => {
		const { json } = await ac.run('tag', 'update', { tagId: 1, options: { tagName: 'X' } }, undefined, { apiKey: 'no-such-key' });
		expect(json).toEqual([upstream('Tag', 403, KEY_403)]);
		expect(ac.emulator.db.get('tags', '1')?.tag).toBe('VIP');
	});
});
