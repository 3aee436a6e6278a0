import type { IDataObject } from 'n8n-workflow';

import { success, useEmulator } from '../helpers';

/**
 * A total the API did not send is not presented as a total (issue 15). When an answer carries no
 * `meta.total`, the node counts: exact where the pages show where the set ends, with one more
 * request where that settles it, otherwise the number is a lower bound and the ErrorMessage says so
 * (StatusCode 200: completed, check ErrorMessage). The answers without a total are injected as
 * whole 200 bodies for the exact limit/offset the node asks for; everything goes through n8n's
 * engine and the transport over HTTP.
 */

const product = (id: number): IDataObject => ({ id: String(id), orderid: '1', name: `Product ${id}`, price: '100', quantity: '1' });
const products = (from: number, count: number) => Array.from({ length: count }, (_, i) => product(from + i));
const lowerBound = (n: number) =>
	`ActiveCampaign sent no total for this list (meta.total): ${n} is a lower bound, there are at least ${n} records; Return All counts them all`;

describe('Get Ecommerce Order Products when the answers carry no meta.total', () => {
	const ac = useEmulator();

	/** GET /ecomOrderProducts?limit=&offset= answers `records` without meta. */
	const answer = (limit: number, offset: number, records: IDataObject[]) =>
		ac.emulator.inject({
			method: 'GET',
			path: '/ecomOrderProducts',
			when: (r) => r.query.limit === String(limit) && r.query.offset === String(offset),
			status: 200,
			body: { ecomOrderProducts: records },
		});
	const asked = () => ac.emulator.requests.map((r) => [r.method, r.path, r.query, r.status]);

	it('a page shorter than the limit ends the set: its count is the exact total, no extra request', async () => {
		answer(100, 0, products(1, 40));
		const out = await ac.one('ecommerceOrderProduct', 'getMany', {});
		expect(out).toEqual(success('Products', { Products: products(1, 40), TotalCount: 40 }));
		expect(asked()).toEqual([['GET', '/ecomOrderProducts', { limit: '100', offset: '0' }, 200]]);
	});

	it('a full page: one more request finds the end, and the total is exact (not offset + count)', async () => {
		answer(2, 3, products(4, 2));
		answer(100, 5, products(6, 3));
		const out = await ac.one('ecommerceOrderProduct', 'getMany', { limit: 2, offset: 3 });
		expect(out).toEqual(success('Products', { Products: products(4, 2), TotalCount: 8 }));
		expect(asked()).toEqual([
			['GET', '/ecomOrderProducts', { limit: '2', offset: '3' }, 200],
			['GET', '/ecomOrderProducts', { limit: '100', offset: '5' }, 200],
		]);
	});

	it('a full page followed by exactly nothing: the total is exact', async () => {
		answer(2, 0, products(1, 2));
		answer(100, 2, []);
		const out = await ac.one('ecommerceOrderProduct', 'getMany', { limit: 2 });
		expect(out).toEqual(success('Products', { Products: products(1, 2), TotalCount: 2 }));
	});

	it('when one more request does not reach the end: the lower bound, and the ErrorMessage says it is one', async () => {
		answer(2, 0, products(1, 2));
		answer(100, 2, products(3, 100));
		const out = await ac.one('ecommerceOrderProduct', 'getMany', { limit: 2 });
		expect(out).toEqual({ ...success('Products', { Products: products(1, 2), TotalCount: 102 }), ErrorMessage: lowerBound(102) });
		expect(asked()).toHaveLength(2);
	});

	it('an offset past the end: the first page counts the set', async () => {
		answer(5, 10, []);
		answer(100, 0, products(1, 7));
		const out = await ac.one('ecommerceOrderProduct', 'getMany', { limit: 5, offset: 10 });
		expect(out).toEqual(success('Products', { Products: [], TotalCount: 7 }));
		expect(asked()).toEqual([
			['GET', '/ecomOrderProducts', { limit: '5', offset: '10' }, 200],
			['GET', '/ecomOrderProducts', { limit: '100', offset: '0' }, 200],
		]);
	});

	it('Return All pages one after the other until a short page (it used to stop after the first 100)', async () => {
		answer(100, 0, products(1, 100));
		answer(100, 100, products(101, 100));
		answer(100, 200, products(201, 30));
		const out = await ac.one('ecommerceOrderProduct', 'getMany', { returnAll: true });
		expect(out).toEqual(success('Products', { Products: products(1, 230), TotalCount: 230 }));
		expect(asked()).toEqual([0, 100, 200].map((offset) => ['GET', '/ecomOrderProducts', { limit: '100', offset: String(offset) }, 200]));
	});

	it('with meta.total the answer is taken as it is: one request', async () => {
		ac.emulator.inject({ method: 'GET', path: '/ecomOrderProducts', status: 200, body: { ecomOrderProducts: products(1, 2), meta: { total: '57' } } });
		const out = await ac.one('ecommerceOrderProduct', 'getMany', { limit: 2 });
		expect(out).toEqual(success('Products', { Products: products(1, 2), TotalCount: 57 }));
		expect(asked()).toHaveLength(1);
	});
});

describe('the other composed totals when the answers carry no meta.total', () => {
	const ac = useEmulator();

	const tag = (id: number): IDataObject => ({ id: String(id), tag: `Tag ${id}`, tagType: 'contact', description: '' });
	const tags = (from: number, count: number) => Array.from({ length: count }, (_, i) => tag(from + i));
	const answer = (path: string, listKey: string, limit: number, offset: number, records: IDataObject[]) =>
		ac.emulator.inject({
			method: 'GET',
			path,
			when: (r) => r.query.limit === String(limit) && r.query.offset === String(offset),
			status: 200,
			body: { [listKey]: records },
		});

	it('Get Many Tags: Pagination.total and hasMore are exact after one more request', async () => {
		answer('/tags', 'tags', 1, 0, tags(1, 1));
		answer('/tags', 'tags', 100, 1, tags(2, 4));
		const out = await ac.one('tag', 'getMany', { limit: 1 });
		expect(out).toEqual(success('Tags', { Tags: tags(1, 1), Pagination: { limit: 1, offset: 0, total: 5, hasMore: true } }));
	});

	it('Get Many Tags: a lower bound in Pagination.total is named in the ErrorMessage', async () => {
		answer('/tags', 'tags', 1, 0, tags(1, 1));
		answer('/tags', 'tags', 100, 1, tags(2, 100));
		const out = await ac.one('tag', 'getMany', { limit: 1 });
		expect(out).toEqual({
			...success('Tags', { Tags: tags(1, 1), Pagination: { limit: 1, offset: 0, total: 101, hasMore: true } }),
			ErrorMessage: lowerBound(101),
		});
	});

	it('Get Many Account Contacts: Total and HasMore are exact, not offset + count', async () => {
		const link = (id: number) => ({ id: String(id), contact: String(id), account: '1', jobTitle: '' });
		answer('/accountContacts', 'accountContacts', 2, 0, [link(1), link(2)]);
		answer('/accountContacts', 'accountContacts', 100, 2, [link(3)]);
		const out = await ac.one('accountContact', 'getMany', { limit: 2 });
		expect(out).toEqual(
			success('AccountContacts', { AccountContacts: [link(1), link(2)], Total: 3, Limit: 2, Offset: 0, HasMore: true }),
		);
	});

	it('Create a Tag: the duplicate check reads past the first page when the answers carry no total', async () => {
		answer('/tags', 'tags', 100, 0, tags(1, 100));
		answer('/tags', 'tags', 100, 100, [{ id: '250', tag: 'VIP', tagType: 'contact', description: '' }]);
		const out = await ac.one('tag', 'create', { tag: 'VIP' });
		expect(out).toEqual(success('Tag', { id: '250', tag: 'VIP', tagType: 'contact', description: '' }));
		expect(ac.emulator.requests.map((r) => [r.method, r.path, r.query.offset])).toEqual([
			['GET', '/tags', '0'],
			['GET', '/tags', '100'],
		]);
		expect(ac.emulator.db.count('tags')).toBe(0);
	});
});
