import { success, useEmulator } from '../../helpers';
import { BAD_IDS, KEY_403, POST_503, RESET, badIdMessage, call, clearLog, failed, invalid, upstream } from '../foundation.support';
import { PLACED, orderRecord, productRecord, seedCustomer, seedOrder, seedShop } from './ecommerce.support';

const ORDER = {
	externalId: 'order-20240115-001',
	email: 'alice@example.com',
	totalPrice: 9111,
	currency: 'usd',
	connectionId: 1,
	customerId: 1,
	externalCreatedDate: PLACED,
};

const ADDITIONAL = '"Additional Fields" (additionalFields)';

describe('Ecommerce Order: Create an Ecommerce Order', () => {
	const ac = useEmulator();

	beforeEach(async () => {
		await seedShop(ac);
	});

	it('creates an order with products and discounts; currency upper-case, source 1 by default (201)', async () => {
		const out = await ac.one('ecommerceOrder', 'create', {
			...ORDER,
			options: {
				additionalFields: JSON.stringify({
					shippingAmount: 200,
					taxAmount: 500,
					discountAmount: 100,
					orderUrl: 'https://example.com/orders/1',
					externalUpdatedDate: '2026-03-20T00:00:00Z',
					shippingMethod: 'UPS Ground',
					orderNumber: 'myorder-123',
					orderProducts: [
						{
							externalid: 'PROD12345',
							name: 'Pogo Stick',
							price: 4900,
							quantity: 1,
							category: 'Toys',
							sku: 'POGO-12',
							description: 'lorem ipsum...',
							imageUrl: 'https://example.com/product.jpg',
							productUrl: 'https://store.example.com/product12345',
						},
						{ externalid: 'PROD23456', name: 'Skateboard', price: '3000', quantity: '1' },
					],
					orderDiscounts: [{ name: '1OFF', type: 'order', discountAmount: 100 }],
				}),
			},
		});
		expect(out).toEqual(
			success(
				'Order',
				orderRecord('1', {
					customerid: '1',
					connectionid: '1',
					externalid: 'order-20240115-001',
					email: 'alice@example.com',
					totalPrice: '9111',
					currency: 'USD',
					externalCreatedDate: PLACED,
					orderNumber: 'myorder-123',
					discountAmount: '100',
					shippingAmount: '200',
					taxAmount: '500',
					shippingMethod: 'UPS Ground',
					orderUrl: 'https://example.com/orders/1',
					externalUpdatedDate: '2026-03-20T00:00:00Z',
					orderProducts: [
						productRecord('1', '1', '1', {
							externalid: 'PROD12345',
							name: 'Pogo Stick',
							price: '4900',
							quantity: '1',
							category: 'Toys',
							sku: 'POGO-12',
							description: 'lorem ipsum...',
							imageUrl: 'https://example.com/product.jpg',
							productUrl: 'https://store.example.com/product12345',
						}),
						productRecord('2', '1', '1', { externalid: 'PROD23456', name: 'Skateboard', price: '3000', quantity: '1' }),
					],
					orderDiscounts: ['1'],
				}),
				201,
			),
		);
		expect(ac.emulator.requests).toEqual([
			{
				method: 'POST',
				path: '/ecomOrders',
				query: {},
				body: {
					ecomOrder: {
						shippingAmount: 200,
						taxAmount: 500,
						discountAmount: 100,
						orderUrl: 'https://example.com/orders/1',
						externalUpdatedDate: '2026-03-20T00:00:00Z',
						shippingMethod: 'UPS Ground',
						orderNumber: 'myorder-123',
						orderProducts: [
							{
								externalid: 'PROD12345',
								name: 'Pogo Stick',
								price: 4900,
								quantity: 1,
								category: 'Toys',
								sku: 'POGO-12',
								description: 'lorem ipsum...',
								imageUrl: 'https://example.com/product.jpg',
								productUrl: 'https://store.example.com/product12345',
							},
							{ externalid: 'PROD23456', name: 'Skateboard', price: 3000, quantity: 1 },
						],
						orderDiscounts: [{ name: '1OFF', type: 'order', discountAmount: 100 }],
						source: 1,
						email: 'alice@example.com',
						totalPrice: 9111,
						currency: 'USD',
						connectionid: 1,
						customerid: 1,
						externalCreatedDate: PLACED,
						externalid: 'order-20240115-001',
					},
				},
				status: 201,
			},
		]);
		// The order's products exist as order products of their own.
		expect(ac.emulator.db.count('ecomOrderProducts')).toBe(2);
	});

	it('sends source 0 only when Additional Fields says so', async () => {
		const out = await ac.one('ecommerceOrder', 'create', { ...ORDER, options: { additionalFields: { source: 0 } } });
		expect((out.Order as { source: string }).source).toBe('0');
		expect(ac.emulator.requests[0].body.ecomOrder.source).toBe(0);
	});

	it('creates an abandoned cart from External Checkout ID + Abandoned Date, with External ID left empty', async () => {
		const out = await ac.one('ecommerceOrder', 'create', {
			...ORDER,
			externalId: '',
			options: { externalCheckoutId: 'cart-77', abandonedDate: '2026-03-19T12:00:00Z' },
		});
		expect(out).toEqual(
			success(
				'Order',
				orderRecord('1', {
					customerid: '1',
					connectionid: '1',
					state: '2',
					externalcheckoutid: 'cart-77',
					abandonedDate: '2026-03-19T12:00:00Z',
					email: 'alice@example.com',
					totalPrice: '9111',
					currency: 'USD',
					externalCreatedDate: PLACED,
				}),
				201,
			),
		);
		expect(ac.emulator.requests[0].body).toEqual({
			ecomOrder: {
				source: 1,
				email: 'alice@example.com',
				totalPrice: 9111,
				currency: 'USD',
				connectionid: 1,
				customerid: 1,
				externalCreatedDate: PLACED,
				externalcheckoutid: 'cart-77',
				abandonedDate: '2026-03-19T12:00:00Z',
			},
		});
	});

	it('reports a duplicate External ID (422) and does not retry it', async () => {
		await seedOrder(ac, { connectionid: '1', customerid: '1', externalid: 'order-20240115-001' });
		const out = await ac.one('ecommerceOrder', 'create', ORDER);
		expect(out).toEqual(
			upstream(
				'Order',
				422,
				'ActiveCampaign rejected the data (HTTP 422): An order with externalid order-20240115-001 already exists for this connection',
			),
		);
		expect(ac.emulator.sent('POST', '/ecomOrders')).toHaveLength(1);
		expect(ac.emulator.db.count('ecomOrders')).toBe(1);
	});

	it('creates once and reports the duplicate for a second item with the same External ID', async () => {
		const { json } = await ac.run('ecommerceOrder', 'create', ORDER, [{}, {}]);
		expect(json.map((j) => [j.StatusCode, j.OriginalStatusCode])).toEqual([
			[200, 201],
			[200, 422],
		]);
		expect(ac.emulator.db.count('ecomOrders')).toBe(1);
	});

	it('reports a 503 without a second POST (a retry would duplicate the order)', async () => {
		ac.emulator.inject({ method: 'POST', path: '/ecomOrders', status: 503 });
		const out = await ac.one('ecommerceOrder', 'create', ORDER);
		expect(out).toEqual(failed('Order', 503, POST_503));
		expect(ac.emulator.sent('POST', '/ecomOrders')).toHaveLength(1);
	});

	it('reports a connection dropped after the order was applied, without a second POST', async () => {
		ac.emulator.inject({ method: 'POST', path: '/ecomOrders', drop: 'after' });
		const out = await ac.one('ecommerceOrder', 'create', ORDER);
		expect(out).toEqual(failed('Order', 0, RESET));
		expect(ac.emulator.sent('POST', '/ecomOrders')).toHaveLength(1);
		expect(ac.emulator.db.count('ecomOrders')).toBe(1);
	});

	it('reports an unknown customer (422 from the API)', async () => {
		const out = await ac.one('ecommerceOrder', 'create', { ...ORDER, customerId: 42 });
		expect(out).toEqual(upstream('Order', 422, 'ActiveCampaign rejected the data (HTTP 422): The customer could not be found'));
	});

	it('reports a bad API key (403)', async () => {
		const { json } = await ac.run('ecommerceOrder', 'create', ORDER, undefined, { apiKey: 'nope-nope-nope' });
		expect(json).toEqual([upstream('Order', 403, KEY_403)]);
	});

	it.each([
		[
			{ options: { externalCheckoutId: 'cart-1', abandonedDate: PLACED } },
			'Give only one of "External ID" (externalId) and "External Checkout ID" (externalCheckoutId): External ID for an order, External Checkout ID for an abandoned cart',
		],
		[
			{ externalId: '' },
			'"External ID" (externalId) is required: enter the order ID from your store, or leave it empty and give "External Checkout ID" (externalCheckoutId) under "Options" for an abandoned cart',
		],
		[
			{ externalId: '', options: { externalCheckoutId: 'cart-1' } },
			'"Abandoned Date" (abandonedDate) is required with "External Checkout ID" (externalCheckoutId): add it under "Options", e.g. 2026-03-19T00:00:00Z',
		],
		[{ totalPrice: -5 }, '"Total Price" (totalPrice) must be a whole number of cents, 0 or more (got -5): e.g. 4999 for 49.99'],
		[{ totalPrice: 45.67 }, '"Total Price" (totalPrice) must be a whole number of cents, 0 or more (got 45.67): e.g. 4999 for 49.99'],
		[{ currency: 'US' }, '"Currency" (currency) is not valid (got "US"): enter a 3-letter ISO currency code such as USD'],
		[{ customerId: 'abc' }, badIdMessage('Customer ID', 'customerId', '"abc"', 'The numeric ID of the e-commerce customer, e.g. 9 (from Get Ecommerce Customers or Create an Ecommerce Customer)')],
		[
			{ externalCreatedDate: 'yesterday' },
			'"External Created Date" (externalCreatedDate) is not an ISO 8601 date (got "yesterday"): use a form like 2026-03-18T10:30:00-05:00',
		],
		[
			{ email: '={{ "" }}' },
			'"Email" (email) is required: Email address of the customer who placed the order, e.g. customer@example.com',
		],
		[{ options: { additionalFields: { source: 2 } } }, `${ADDITIONAL} "source" must be 0 (historical) or 1 (real-time) (got 2)`],
		[
			{ options: { additionalFields: { shippingAmount: -1 } } },
			`${ADDITIONAL} "shippingAmount" must be a whole number of cents, 0 or more (got -1): e.g. 4999 for 49.99`,
		],
		[
			{ options: { additionalFields: { orderProducts: [{ externalid: 'P1', name: 'A', price: 100, quantity: 1 }, { externalid: 'P2', name: 'B', price: 12.5, quantity: 1 }] } } },
			`${ADDITIONAL} "orderProducts" item 1 "price" must be a whole number of cents, 0 or more (got 12.5): e.g. 4999 for 49.99`,
		],
		[
			// Beyond 2^53 a price is no longer exact: refused like a top-level amount.
			{ options: { additionalFields: { orderProducts: [{ externalid: 'P1', name: 'A', price: 1e20, quantity: 1 }] } } },
			`${ADDITIONAL} "orderProducts" item 0 "price" must be a whole number of cents, 0 or more (got 100000000000000000000): e.g. 4999 for 49.99`,
		],
		[
			{ options: { additionalFields: { orderProducts: [{ externalid: 'P1', name: 'A', price: 100 }] } } },
			`${ADDITIONAL} "orderProducts" item 0 needs "quantity"`,
		],
		[
			{ options: { additionalFields: { orderProducts: [{ externalid: 'P1', name: 'A', price: 100, quantity: 0 }] } } },
			`${ADDITIONAL} "orderProducts" item 0 "quantity" must be a whole number, 1 or more (got 0)`,
		],
		[
			{ options: { additionalFields: { orderProducts: [{ externalid: 'P1', name: 'A', price: 100, quantity: 1, qty: 2 }] } } },
			`${ADDITIONAL} "orderProducts" item 0 has an unknown field "qty": allowed fields are externalid, name, price, quantity, category, sku, description, imageUrl, productUrl`,
		],
		[
			{ options: { additionalFields: { orderProducts: [] } } },
			`${ADDITIONAL} "orderProducts" must hold at least one product such as {"externalid": "PROD1", "name": "Pogo Stick", "price": 4900, "quantity": 1}`,
		],
		[
			{ options: { additionalFields: { orderDiscounts: [{ name: '1OFF', type: 'coupon', discountAmount: 100 }] } } },
			`${ADDITIONAL} "orderDiscounts" item 0 "type" must be "order" or "shipping" (got "coupon")`,
		],
		[
			{ options: { additionalFields: { orderDiscounts: [{ name: '1OFF', type: 'order', discountAmount: -100 }] } } },
			`${ADDITIONAL} "orderDiscounts" item 0 "discountAmount" must be a whole number of cents, 0 or more (got -100): e.g. 4999 for 49.99`,
		],
		[
			{ options: { additionalFields: { totalPrice: 5 } } },
			`${ADDITIONAL} must not contain "totalPrice": use "Total Price" (totalPrice) instead`,
		],
		[
			{ options: { additionalFields: { colour: 'red' } } },
			`${ADDITIONAL} has an unknown field "colour": allowed fields are shippingAmount, taxAmount, discountAmount, orderUrl, shippingMethod, orderNumber, orderProducts, orderDiscounts, source, externalUpdatedDate`,
		],
		[{ options: { additionalFields: '{"source": 1,}' } }, expect.stringMatching(/^"Additional Fields" \(additionalFields\) is not valid JSON \(/)],
	])('refuses %j with -1 and sends nothing', async (change, message) => {
		const out = await ac.one('ecommerceOrder', 'create', { ...ORDER, ...change });
		expect(out).toEqual(invalid('Order', message as string));
		expect(ac.emulator.requests).toEqual([]);
	});
});

describe('Ecommerce Order: Delete an Ecommerce Order', () => {
	const ac = useEmulator();

	it('deletes the order and its products, returning {deleted, orderId}', async () => {
		await seedShop(ac);
		await seedOrder(ac, { connectionid: '1', customerid: '1', externalid: 'o1' });
		const out = await ac.one('ecommerceOrder', 'delete', { orderId: 1 });
		expect(out).toEqual(success('DeletedEcommerceOrder', { deleted: true, orderId: '1' }));
		expect(ac.emulator.requests).toEqual([{ method: 'DELETE', path: '/ecomOrders/1', query: {}, body: undefined, status: 200 }]);
		expect(ac.emulator.db.count('ecomOrderProducts')).toBe(0);
	});

	it('reports an unknown order (404)', async () => {
		const out = await ac.one('ecommerceOrder', 'delete', { orderId: 3 });
		expect(out).toEqual(
			upstream('DeletedEcommerceOrder', 404, 'Ecommerce order 3 not found (HTTP 404) (ActiveCampaign: No Result found for EcomOrder with id 3)'),
		);
	});

	it.each(BAD_IDS)('refuses Order ID %j with -1 and sends nothing', async (value, shown) => {
		const out = await ac.one('ecommerceOrder', 'delete', { orderId: value as never });
		expect(out).toEqual(
			invalid(
				'DeletedEcommerceOrder',
				badIdMessage('Order ID', 'orderId', shown, 'The numeric ID of the order to delete, e.g. 12345 (the id field from Get Ecommerce Orders)'),
			),
		);
		expect(ac.emulator.requests).toEqual([]);
	});
});

describe('Ecommerce Order: Get an Ecommerce Order', () => {
	const ac = useEmulator();

	it('returns the order with its product records', async () => {
		await seedShop(ac);
		await seedOrder(ac, {
			connectionid: '1',
			customerid: '1',
			externalid: 'o1',
			totalPrice: 2500,
			orderProducts: [
				{ externalid: 'P1', name: 'Pogo', price: 1500, quantity: 1, sku: 'POGO' },
				{ externalid: 'P2', name: 'Ball', price: 500, quantity: 2 },
			],
		});
		const out = await ac.one('ecommerceOrder', 'get', { orderId: '1' });
		expect(out).toEqual(
			success(
				'Order',
				orderRecord('1', {
					customerid: '1',
					connectionid: '1',
					externalid: 'o1',
					email: 'alice@example.com',
					totalPrice: '2500',
					currency: 'USD',
					externalCreatedDate: PLACED,
					orderProducts: [
						productRecord('1', '1', '1', { externalid: 'P1', name: 'Pogo', price: '1500', quantity: '1', sku: 'POGO' }),
						productRecord('2', '1', '1', { externalid: 'P2', name: 'Ball', price: '500', quantity: '2' }),
					],
				}),
			),
		);
		expect(ac.emulator.requests.map((r) => [r.method, r.path, r.query])).toEqual([
			['GET', '/ecomOrders/1', {}],
			['GET', '/ecomOrders/1/orderProducts', { limit: '100', offset: '0' }],
		]);
	});

	it('reports an unknown order (404)', async () => {
		const out = await ac.one('ecommerceOrder', 'get', { orderId: 12345 });
		expect(out).toEqual(
			upstream('Order', 404, 'Ecommerce order 12345 not found (HTTP 404) (ActiveCampaign: No Result found for EcomOrder with id 12345)'),
		);
		expect(ac.emulator.requests).toHaveLength(1);
	});

	it('refuses a bad Order ID with -1', async () => {
		const out = await ac.one('ecommerceOrder', 'get', { orderId: 'x1' });
		expect(out).toEqual(
			invalid('Order', badIdMessage('Order ID', 'orderId', '"x1"', 'The numeric ID of the order, e.g. 12345 (from Get Ecommerce Orders)')),
		);
		expect(ac.emulator.requests).toEqual([]);
	});
});

describe('Ecommerce Order: Get Ecommerce Orders', () => {
	const ac = useEmulator();

	beforeEach(async () => {
		await seedShop(ac); // connection 1, customer 1 (cust1)
		await seedCustomer(ac, { connectionid: '1', externalid: 'cust2', email: 'bob@example.com' }); // customer 2
		await seedOrder(ac, { connectionid: '1', customerid: '1', externalid: 'o1' });
		await seedOrder(ac, { connectionid: '1', customerid: '2', externalid: 'o2' });
		await seedOrder(ac, { connectionid: '1', customerid: '1', externalid: 'o3' });
	});

	const ids = (out: Record<string, unknown>) => (out.Orders as { orders: Array<{ id: string }> }).orders.map((o) => o.id);

	it('lists orders as {orders, total, hasMore} with the default limit of 100', async () => {
		const out = await ac.one('ecommerceOrder', 'getMany', {});
		const Orders = out.Orders as { orders: unknown[]; total: number; hasMore: boolean };
		expect(Orders.orders[0]).toEqual(
			orderRecord('1', {
				customerid: '1',
				connectionid: '1',
				externalid: 'o1',
				email: 'alice@example.com',
				totalPrice: '1000',
				currency: 'USD',
				externalCreatedDate: PLACED,
				orderProducts: ['1'],
			}),
		);
		expect({ ids: ids(out), total: Orders.total, hasMore: Orders.hasMore }).toEqual({ ids: ['1', '2', '3'], total: 3, hasMore: false });
		expect(ac.emulator.requests.map((r) => r.query)).toEqual([{ limit: '100', offset: '0' }]);
	});

	it('pages with Limit and Offset', async () => {
		const out = await ac.one('ecommerceOrder', 'getMany', { limit: 1, offset: 1 });
		expect(out).toEqual(
			success('Orders', {
				orders: [
					orderRecord('2', {
						customerid: '2',
						connectionid: '1',
						externalid: 'o2',
						email: 'alice@example.com',
						totalPrice: '1000',
						currency: 'USD',
						externalCreatedDate: PLACED,
						orderProducts: ['2'],
					}),
				],
				total: 3,
				hasMore: true,
			}),
		);
	});

	it('filters by Customer ID, which wins over External ID', async () => {
		const out = await ac.one('ecommerceOrder', 'getMany', { options: { customerId: '1', externalId: 'cust2' } });
		expect(ids(out)).toEqual(['1', '3']);
		expect(ac.emulator.requests.map((r) => [r.path, r.query])).toEqual([
			['/ecomOrders', { 'filters[customerid]': '1', limit: '100', offset: '0' }],
		]);
	});

	it('filters by the customer\'s External ID (its ID in the store)', async () => {
		const out = await ac.one('ecommerceOrder', 'getMany', { options: { externalId: 'cust2' } });
		expect({ ids: ids(out), total: (out.Orders as { total: number }).total }).toEqual({ ids: ['2'], total: 1 });
		expect(ac.emulator.requests.map((r) => [r.path, r.query])).toEqual([
			['/ecomCustomers', { 'filters[externalid]': 'cust2', limit: '100', offset: '0' }],
			['/ecomOrders', { 'filters[customerid]': '2', limit: '100', offset: '0' }],
		]);
	});

	it('gathers the orders of every customer with that External ID across connections', async () => {
		await call(ac, 'POST', '/connections', {
			connection: { service: 'Woo', externalid: 'w1', name: 'Woo', logoUrl: 'https://x.example/l.png', linkUrl: 'https://x.example' },
		});
		await seedCustomer(ac, { connectionid: '2', externalid: 'cust1', email: 'alice@example.com' }); // customer 3
		await seedOrder(ac, { connectionid: '2', customerid: '3', externalid: 'o4' });
		const out = await ac.one('ecommerceOrder', 'getMany', { limit: 2, options: { externalId: 'cust1' } });
		expect({ ids: ids(out), total: (out.Orders as { total: number }).total, hasMore: (out.Orders as { hasMore: boolean }).hasMore }).toEqual({
			ids: ['1', '3'],
			total: 3,
			hasMore: true,
		});
	});

	it('returns no orders when no customer has that External ID', async () => {
		const out = await ac.one('ecommerceOrder', 'getMany', { options: { externalId: 'nobody' } });
		expect(out).toEqual(success('Orders', { orders: [], total: 0, hasMore: false }));
		expect(ac.emulator.requests).toHaveLength(1);
	});

	it('returns every order with Return All', async () => {
		for (let start = 4; start <= 110; start += 20) {
			await Promise.all(
				Array.from({ length: Math.min(20, 111 - start) }, (_, i) =>
					seedOrder(ac, { connectionid: '1', customerid: '1', externalid: `o${start + i}` }),
				),
			);
		}
		clearLog(ac);
		const out = await ac.one('ecommerceOrder', 'getMany', { returnAll: true });
		const Orders = out.Orders as { orders: Array<{ id: string }>; total: number; hasMore: boolean };
		expect({ count: new Set(Orders.orders.map((o) => o.id)).size, total: Orders.total, hasMore: Orders.hasMore }).toEqual({
			count: 110,
			total: 110,
			hasMore: false,
		});
		expect(ac.emulator.requests.map((r) => r.query)).toEqual([
			{ limit: '100', offset: '0' },
			{ limit: '100', offset: '100' },
		]);
	});

	it('refuses a bad Customer ID with -1', async () => {
		const out = await ac.one('ecommerceOrder', 'getMany', { options: { customerId: 'cust1' } });
		expect(out).toEqual(
			invalid(
				'Orders',
				badIdMessage(
					'Customer ID',
					'customerId',
					'"cust1"',
					'Only orders of this e-commerce customer, e.g. "67890" (from Get Ecommerce Customers). Wins over External ID.',
				),
			),
		);
		expect(ac.emulator.requests).toEqual([]);
	});

	it('reports a bad API key (403)', async () => {
		const { json } = await ac.run('ecommerceOrder', 'getMany', {}, undefined, { apiKey: 'bad-bad-bad-bad' });
		expect(json).toEqual([upstream('Orders', 403, KEY_403)]);
	});
});

describe('Ecommerce Order: Update an Ecommerce Order', () => {
	const ac = useEmulator();

	beforeEach(async () => {
		await seedShop(ac);
		await seedOrder(ac, { connectionid: '1', customerid: '1', externalid: 'o1' }); // order 1, product 1
	});

	it('sends only the given fields, replaces the product list and returns the order with its products', async () => {
		const out = await ac.one('ecommerceOrder', 'update', {
			orderId: 1,
			options: {
				email: 'new@example.com',
				totalPrice: 7998,
				currency: 'eur',
				externalUpdatedDate: '2024-01-15T10:30:00Z',
				orderProducts: '[{"externalid": "prod-123", "name": "Wireless Mouse", "price": 2999, "quantity": 2, "category": "Electronics"}, {"externalid": "prod-9", "name": "Pad", "price": 2000, "quantity": 1}]',
				additionalFields: { shippingAmount: 500, orderNumber: 'A-1', abandoneDate: '2024-01-14T00:00:00Z' },
			},
		});
		expect(out).toEqual(
			success(
				'EcommerceOrder',
				orderRecord('1', {
					customerid: '1',
					connectionid: '1',
					externalid: 'o1',
					email: 'new@example.com',
					totalPrice: '7998',
					currency: 'EUR',
					externalCreatedDate: PLACED,
					externalUpdatedDate: '2024-01-15T10:30:00Z',
					shippingAmount: '500',
					orderNumber: 'A-1',
					abandonedDate: '2024-01-14T00:00:00Z',
					orderProducts: [
						productRecord('2', '1', '1', { externalid: 'prod-123', name: 'Wireless Mouse', price: '2999', quantity: '2', category: 'Electronics' }),
						productRecord('3', '1', '1', { externalid: 'prod-9', name: 'Pad', price: '2000', quantity: '1' }),
					],
				}),
			),
		);
		expect(ac.emulator.requests).toEqual([
			{
				method: 'PUT',
				path: '/ecomOrders/1',
				query: {},
				body: {
					ecomOrder: {
						shippingAmount: 500,
						orderNumber: 'A-1',
						abandonedDate: '2024-01-14T00:00:00Z',
						email: 'new@example.com',
						totalPrice: 7998,
						currency: 'EUR',
						externalUpdatedDate: '2024-01-15T10:30:00Z',
						orderProducts: [
							{ externalid: 'prod-123', name: 'Wireless Mouse', price: 2999, quantity: 2, category: 'Electronics' },
							{ externalid: 'prod-9', name: 'Pad', price: 2000, quantity: 1 },
						],
					},
				},
				status: 200,
			},
		]);
		// The old product is gone: the list was replaced, not appended to.
		expect(ac.emulator.db.all('ecomOrderProducts').map((p) => p.id)).toEqual(['2', '3']);
	});

	it('keeps the products when Order Products is not given', async () => {
		const out = await ac.one('ecommerceOrder', 'update', { orderId: 1, options: { totalPrice: 0 } });
		const order = out.EcommerceOrder as { totalPrice: string; orderProducts: Array<{ id: string }> };
		expect({ totalPrice: order.totalPrice, products: order.orderProducts.map((p) => p.id) }).toEqual({ totalPrice: '0', products: ['1'] });
		expect(ac.emulator.requests[0].body).toEqual({ ecomOrder: { totalPrice: 0 } });
	});

	it('reports the 422 for an External ID another order has', async () => {
		await seedOrder(ac, { connectionid: '1', customerid: '1', externalid: 'o2' });
		const out = await ac.one('ecommerceOrder', 'update', { orderId: 2, options: { additionalFields: { externalid: 'o1' } } });
		expect(out).toEqual(
			upstream('EcommerceOrder', 422, 'ActiveCampaign rejected the data (HTTP 422): An order with externalid o1 already exists for this connection'),
		);
	});

	it('reports an unknown order (404)', async () => {
		const out = await ac.one('ecommerceOrder', 'update', { orderId: 50, options: { email: 'x@example.com' } });
		expect(out).toEqual(
			upstream('EcommerceOrder', 404, 'Ecommerce order 50 not found (HTTP 404) (ActiveCampaign: No Result found for EcomOrder with id 50)'),
		);
	});

	it.each([
		[
			{},
			'Nothing to update: add at least one of Email, Total Price, Currency, External Updated Date, Order Products or Additional Fields under "Options" (options)',
		],
		[{ options: { totalPrice: 1.5 } }, '"Total Price" (totalPrice) must be a whole number of cents, 0 or more (got 1.5): e.g. 4999 for 49.99'],
		[{ options: { currency: 'EURO' } }, '"Currency" (currency) is too long (4 characters, at most 3): shorten it'],
		[
			{ options: { orderProducts: [{ externalid: 'P', name: 'A', price: 1, quantity: 1 }, { externalid: 'Q', name: 'B', price: 1 }] } },
			'"Order Products" (orderProducts) item 1 needs "quantity"',
		],
		[
			{ options: { orderProducts: '[{"externalid": "P", "name": "", "price": 1, "quantity": 1}]' } },
			'"Order Products" (orderProducts) item 0 "name" must be a non-empty text (got "")',
		],
		[
			{ options: { additionalFields: { orderProducts: [] } } },
			`${ADDITIONAL} must not contain "orderProducts": use the "Order Products" option instead`,
		],
		[{ options: { additionalFields: { email: 'x@example.com' } } }, `${ADDITIONAL} must not contain "email": use the "Email" option instead`],
		[
			{ options: { additionalFields: { source: 1 } } },
			`${ADDITIONAL} has an unknown field "source": allowed fields are shippingAmount, taxAmount, discountAmount, orderUrl, shippingMethod, orderNumber, orderDiscounts, externalid, externalcheckoutid, abandonedDate`,
		],
		[
			{ options: { additionalFields: { orderDiscounts: [{ name: 'X', type: 'order' }] } } },
			`${ADDITIONAL} "orderDiscounts" item 0 needs "discountAmount"`,
		],
	])('refuses %j with -1 and sends nothing', async (change, message) => {
		const out = await ac.one('ecommerceOrder', 'update', { orderId: 1, ...change });
		expect(out).toEqual(invalid('EcommerceOrder', message));
		expect(ac.emulator.requests).toEqual([]);
	});
});
