import { success, useEmulator } from '../../helpers';
import { BAD_IDS, KEY_403, POST_503, badIdMessage, clearLog, failed, invalid, upstream } from '../foundation.support';
import { productRecord, seedOrder, seedShop } from './ecommerce.support';

const EMPTY_PRODUCTS = { Products: [], TotalCount: 0 };

/** Order 1 with products 1-2, order 2 with product 3. */
async function seedTwoOrders(ac: ReturnType<typeof useEmulator>) {
	await seedShop(ac);
	await seedOrder(ac, {
		connectionid: '1',
		customerid: '1',
		externalid: 'o1',
		orderProducts: [
			{ externalid: 'P1', name: 'Pogo Stick', price: 4900, quantity: 1, category: 'Toys', sku: 'POGO-12', imageUrl: 'https://example.com/p.jpg' },
			{ externalid: 'P2', name: 'Skateboard', price: 3000, quantity: 2 },
		],
	});
	await seedOrder(ac, { connectionid: '1', customerid: '1', externalid: 'o2', orderProducts: [{ externalid: 'P3', name: 'Ball', price: 500, quantity: 3 }] });
}

const P1 = productRecord('1', '1', '1', {
	externalid: 'P1',
	name: 'Pogo Stick',
	price: '4900',
	quantity: '1',
	category: 'Toys',
	sku: 'POGO-12',
	imageUrl: 'https://example.com/p.jpg',
});
const P2 = productRecord('2', '1', '1', { externalid: 'P2', name: 'Skateboard', price: '3000', quantity: '2' });
const P3 = productRecord('3', '2', '1', { externalid: 'P3', name: 'Ball', price: '500', quantity: '3' });

describe('Ecommerce Order Product: Get Ecommerce Order Product by ProductId', () => {
	const ac = useEmulator();

	it('returns the order product', async () => {
		await seedTwoOrders(ac);
		const out = await ac.one('ecommerceOrderProduct', 'getByProductId', { productId: 2 });
		expect(out).toEqual(success('Product', P2));
		expect(ac.emulator.requests).toEqual([{ method: 'GET', path: '/ecomOrderProducts/2', query: {}, body: undefined, status: 200 }]);
	});

	it('reports an unknown order product (404) with an empty object', async () => {
		const out = await ac.one('ecommerceOrderProduct', 'getByProductId', { productId: '123456' });
		expect(out).toEqual(
			upstream(
				'Product',
				404,
				'Ecommerce order product 123456 not found (HTTP 404) (ActiveCampaign: No Result found for EcomOrderProduct with id 123456)',
			),
		);
	});

	it.each(BAD_IDS)('refuses Product ID %j with -1 and sends nothing', async (value, shown) => {
		const out = await ac.one('ecommerceOrderProduct', 'getByProductId', { productId: value as never });
		expect(out).toEqual(
			invalid(
				'Product',
				badIdMessage(
					'Product ID',
					'productId',
					shown,
					'The ID of the order product (the line item, not the catalog product), e.g. 123456 (from Get Ecommerce Order Products)',
				),
			),
		);
		expect(ac.emulator.requests).toEqual([]);
	});
});

describe('Ecommerce Order Product: Get Ecommerce Order Products', () => {
	const ac = useEmulator();

	it('lists order products of every order with TotalCount as a number (default limit 100)', async () => {
		await seedTwoOrders(ac);
		const out = await ac.one('ecommerceOrderProduct', 'getMany', {});
		expect(out).toEqual(success('Products', { Products: [P1, P2, P3], TotalCount: 3 }));
		expect(ac.emulator.requests.map((r) => [r.path, r.query])).toEqual([['/ecomOrderProducts', { limit: '100', offset: '0' }]]);
	});

	it('pages with Limit and Offset, TotalCount staying the whole count', async () => {
		await seedTwoOrders(ac);
		const out = await ac.one('ecommerceOrderProduct', 'getMany', { limit: 1, offset: 2 });
		expect(out).toEqual(success('Products', { Products: [P3], TotalCount: 3 }));
	});

	it('returns every order product with Return All', async () => {
		await seedShop(ac);
		await seedOrder(ac, {
			connectionid: '1',
			customerid: '1',
			externalid: 'big',
			orderProducts: Array.from({ length: 150 }, (_, i) => ({ externalid: `P${i}`, name: `Item ${i}`, price: 100, quantity: 1 })),
		});
		clearLog(ac);
		const out = await ac.one('ecommerceOrderProduct', 'getMany', { returnAll: true });
		const Products = out.Products as { Products: Array<{ id: string }>; TotalCount: number };
		expect({ count: new Set(Products.Products.map((p) => p.id)).size, total: Products.TotalCount }).toEqual({ count: 150, total: 150 });
		expect(ac.emulator.requests.map((r) => r.query)).toEqual([
			{ limit: '100', offset: '0' },
			{ limit: '100', offset: '100' },
		]);
	});

	it('gives {Products: [], TotalCount: 0} on -1', async () => {
		const out = await ac.one('ecommerceOrderProduct', 'getMany', { offset: -20 });
		expect(out).toEqual(invalid('Products', '"Offset" (offset) must be a whole number at least 0 (got -20)', EMPTY_PRODUCTS));
		expect(ac.emulator.requests).toEqual([]);
	});

	it('gives {Products: [], TotalCount: 0} on a bad key (403)', async () => {
		const { json } = await ac.run('ecommerceOrderProduct', 'getMany', {}, undefined, { apiKey: 'definitely-wrong' });
		expect(json).toEqual([upstream('Products', 403, KEY_403, EMPTY_PRODUCTS)]);
	});

	it('gives {Products: [], TotalCount: 0} on a 503', async () => {
		ac.emulator.inject({ method: 'GET', path: '/ecomOrderProducts', status: 503, times: 10 });
		const out = await ac.one('ecommerceOrderProduct', 'getMany', {});
		expect(out).toEqual(failed('Products', 503, POST_503, EMPTY_PRODUCTS));
	});
});

describe('Ecommerce Order Product: Get Ecommerce Order Products by OrderId', () => {
	const ac = useEmulator();

	it('returns the products of one order as a bare array', async () => {
		await seedTwoOrders(ac);
		const out = await ac.one('ecommerceOrderProduct', 'getByOrderId', { orderId: 1 });
		expect(out).toEqual(success('Products', [P1, P2]));
		expect(ac.emulator.requests.map((r) => [r.path, r.query])).toEqual([['/ecomOrders/1/orderProducts', { limit: '100', offset: '0' }]]);
	});

	it('takes Limit and Offset from the options', async () => {
		await seedTwoOrders(ac);
		const out = await ac.one('ecommerceOrderProduct', 'getByOrderId', { orderId: 1, options: { limit: 1, offset: 1 } });
		expect(out).toEqual(success('Products', [P2]));
		expect(ac.emulator.requests[0].query).toEqual({ limit: '1', offset: '1' });
	});

	it('returns every product of a large order with Return All', async () => {
		await seedShop(ac);
		await seedOrder(ac, {
			connectionid: '1',
			customerid: '1',
			externalid: 'big',
			orderProducts: Array.from({ length: 120 }, (_, i) => ({ externalid: `P${i}`, name: `Item ${i}`, price: 100, quantity: 1 })),
		});
		clearLog(ac);
		const out = await ac.one('ecommerceOrderProduct', 'getByOrderId', { orderId: 1, returnAll: true });
		expect((out.Products as unknown[]).length).toBe(120);
		expect(ac.emulator.requests).toHaveLength(2);
	});

	it('gives [] for an unknown order (404)', async () => {
		const out = await ac.one('ecommerceOrderProduct', 'getByOrderId', { orderId: 77 });
		expect(out).toEqual(
			upstream('Products', 404, 'Ecommerce order 77 not found (HTTP 404) (ActiveCampaign: No Result found for EcomOrder with id 77)', []),
		);
	});

	it.each([
		[{ orderId: 'abc' }, badIdMessage('Order ID', 'orderId', '"abc"', 'The numeric ID of the order, e.g. 12345 (from Get Ecommerce Orders)')],
		[{ orderId: 1, options: { limit: 0 } }, '"Limit" (limit) must be a whole number between 1 and 100 (got 0)'],
	])('gives [] on -1 for %j and sends nothing', async (params, message) => {
		const out = await ac.one('ecommerceOrderProduct', 'getByOrderId', params);
		expect(out).toEqual(invalid('Products', message, []));
		expect(ac.emulator.requests).toEqual([]);
	});
});

describe('Ecommerce Order Product: one output per item, in order, under the real rate limit', () => {
	const ac = useEmulator({ rateLimitPerSecond: 5 });

	it('answers 12 mixed items (found, -1, 404) one each, paired, without a 429 reaching the output', async () => {
		await seedTwoOrders(ac);
		const ids = [1, 2, 'x', 3, 99, 1, 2, 3, 1, 2, 3, 1];
		const { items } = await ac.run('ecommerceOrderProduct', 'getByProductId', { productId: '={{ $json.id }}' }, ids.map((id) => ({ id })));
		expect(items.map((item) => item.pairedItem)).toEqual(ids.map((_, i) => ({ item: i })));
		expect(items.map((item) => [item.json.StatusCode, item.json.OriginalStatusCode, (item.json.Product as { id?: string }).id])).toEqual([
			[200, 200, '1'],
			[200, 200, '2'],
			[-1, 0, undefined],
			[200, 200, '3'],
			[200, 404, undefined],
			[200, 200, '1'],
			[200, 200, '2'],
			[200, 200, '3'],
			[200, 200, '1'],
			[200, 200, '2'],
			[200, 200, '3'],
			[200, 200, '1'],
		]);
	});
});
