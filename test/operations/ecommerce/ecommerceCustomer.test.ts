import { success, useEmulator } from '../../helpers';
import { BAD_IDS, KEY_403, POST_503, badIdMessage, call, clearLog, failed, invalid, upstream } from '../foundation.support';
import { customerRecord, seedConnection, seedCustomer, seedOrder } from './ecommerce.support';

const EMPTY_LIST = { Customers: [], TotalCount: 0 };

describe('Ecommerce Customer: Create an Ecommerce Customer', () => {
	const ac = useEmulator();

	beforeEach(async () => {
		await seedConnection(ac, { service: 'Shopify', externalid: 'shop1' });
	});

	it('creates the customer with Accepts Marketing and returns it (201)', async () => {
		const out = await ac.one('ecommerceCustomer', 'create', {
			email: 'alice@example.com',
			connectionId: 1,
			externalId: 'cust_abc123',
			options: { acceptsMarketing: 1 },
		});
		expect(out).toEqual(
			success(
				'EcommerceCustomer',
				customerRecord('1', { connectionid: '1', externalid: 'cust_abc123', email: 'alice@example.com', acceptsMarketing: '1' }),
				201,
			),
		);
		expect(ac.emulator.requests).toEqual([
			{
				method: 'POST',
				path: '/ecomCustomers',
				query: {},
				body: { ecomCustomer: { connectionid: 1, externalid: 'cust_abc123', email: 'alice@example.com', acceptsMarketing: 1 } },
				status: 201,
			},
		]);
	});

	it('leaves Accepts Marketing to the API default (0) when not given', async () => {
		const out = await ac.one('ecommerceCustomer', 'create', { email: 'bob@example.com', connectionId: '1', externalId: '12345' });
		expect(out).toEqual(
			success('EcommerceCustomer', customerRecord('1', { connectionid: '1', externalid: '12345', email: 'bob@example.com' }), 201),
		);
		expect(ac.emulator.requests[0].body).toEqual({ ecomCustomer: { connectionid: 1, externalid: '12345', email: 'bob@example.com' } });
	});

	it('reports the 422 of a duplicate external ID on the same connection', async () => {
		await seedCustomer(ac, { connectionid: '1', externalid: 'cust1', email: 'a@example.com' });
		const out = await ac.one('ecommerceCustomer', 'create', { email: 'b@example.com', connectionId: 1, externalId: 'cust1' });
		expect(out).toEqual(
			upstream(
				'EcommerceCustomer',
				422,
				'ActiveCampaign rejected the data (HTTP 422): A customer with this externalid already exists for this connection',
			),
		);
		expect(ac.emulator.db.count('ecomCustomers')).toBe(1);
	});

	it('reports an unknown connection (422 from the API)', async () => {
		const out = await ac.one('ecommerceCustomer', 'create', { email: 'b@example.com', connectionId: 99, externalId: 'c' });
		expect(out).toEqual(upstream('EcommerceCustomer', 422, 'ActiveCampaign rejected the data (HTTP 422): The connection could not be found'));
	});

	it('reports a 503 without sending the POST twice (a retry could duplicate the customer)', async () => {
		ac.emulator.inject({ method: 'POST', path: '/ecomCustomers', status: 503 });
		const out = await ac.one('ecommerceCustomer', 'create', { email: 'b@example.com', connectionId: 1, externalId: 'c' });
		expect(out).toEqual(failed('EcommerceCustomer', 503, POST_503));
		expect(ac.emulator.sent('POST', '/ecomCustomers')).toHaveLength(1);
	});

	it('reports a bad API key (403)', async () => {
		const { json } = await ac.run(
			'ecommerceCustomer',
			'create',
			{ email: 'b@example.com', connectionId: 1, externalId: 'c' },
			undefined,
			{ apiKey: 'not-the-key-999' },
		);
		expect(json).toEqual([upstream('EcommerceCustomer', 403, KEY_403)]);
	});

	it.each([
		[
			{ email: 'not-an-email' },
			'"Email" (email) is not valid (got "not-an-email"): enter an email address such as john.doe@example.com',
		],
		[
			{ connectionId: 'shop' },
			badIdMessage(
				'Connection ID',
				'connectionId',
				'"shop"',
				'The numeric ID of the connection (store) the customer belongs to, e.g. 8 (from Get Many Connections or Create a Connection)',
			),
		],
		[
			{ externalId: '={{ "" }}' },
			'"External ID" (externalId) is required: The customer ID in your store (Shopify, WooCommerce, …), e.g. cust_abc123; unique per connection',
		],
		[{ options: { acceptsMarketing: 2 } }, '"Accepts Marketing" (acceptsMarketing) must be one of 0, 1 (got 2)'],
	])('refuses %j with -1 and sends nothing', async (change, message) => {
		const out = await ac.one('ecommerceCustomer', 'create', {
			email: 'b@example.com',
			connectionId: 1,
			externalId: 'c',
			...change,
		});
		expect(out).toEqual(invalid('EcommerceCustomer', message));
		expect(ac.emulator.requests).toEqual([]);
	});
});

describe('Ecommerce Customer: Delete an Ecommerce Customer', () => {
	const ac = useEmulator();

	it('deletes by ID and returns {id, deleted}', async () => {
		await seedConnection(ac, { service: 'Shopify', externalid: 'shop1' });
		await seedCustomer(ac, { connectionid: '1', externalid: 'c1', email: 'a@example.com' });
		const out = await ac.one('ecommerceCustomer', 'delete', { ecommerceCustomerId: 1 });
		expect(out).toEqual(success('DeletedEcommerceCustomer', { id: '1', deleted: true }));
		expect(ac.emulator.requests).toEqual([{ method: 'DELETE', path: '/ecomCustomers/1', query: {}, body: undefined, status: 200 }]);
	});

	it('reports an unknown customer (404)', async () => {
		const out = await ac.one('ecommerceCustomer', 'delete', { ecommerceCustomerId: 5 });
		expect(out).toEqual(
			upstream(
				'DeletedEcommerceCustomer',
				404,
				'Ecommerce customer 5 not found (HTTP 404) (ActiveCampaign: No Result found for EcomCustomer with id 5)',
			),
		);
	});

	it.each(BAD_IDS)('refuses Ecommerce Customer ID %j with -1 and sends nothing', async (value, shown) => {
		const out = await ac.one('ecommerceCustomer', 'delete', { ecommerceCustomerId: value as never });
		expect(out).toEqual(
			invalid(
				'DeletedEcommerceCustomer',
				badIdMessage(
					'Ecommerce Customer ID',
					'ecommerceCustomerId',
					shown,
					'The numeric ID of the e-commerce customer to delete, e.g. 12345 (from Get Ecommerce Customers)',
				),
			),
		);
		expect(ac.emulator.requests).toEqual([]);
	});
});

describe('Ecommerce Customer: Get an Ecommerce Customer', () => {
	const ac = useEmulator();

	beforeEach(async () => {
		await seedConnection(ac, { service: 'Shopify', externalid: 'shop1' });
		await seedCustomer(ac, { connectionid: '1', externalid: 'c1', email: 'alice@example.com' });
		await seedCustomer(ac, { connectionid: '1', externalid: 'c2', email: 'bob@example.com', acceptsMarketing: '1' });
	});

	it('gets by ID', async () => {
		const out = await ac.one('ecommerceCustomer', 'get', { options: { ecommerceCustomerId: '2' } });
		expect(out).toEqual(
			success('Customer', customerRecord('2', { connectionid: '1', externalid: 'c2', email: 'bob@example.com', acceptsMarketing: '1' })),
		);
		expect(ac.emulator.requests).toEqual([{ method: 'GET', path: '/ecomCustomers/2', query: {}, body: undefined, status: 200 }]);
	});

	it('gets by exact email, in any case', async () => {
		const out = await ac.one('ecommerceCustomer', 'get', { options: { email: 'BOB@example.com' } });
		expect(out).toEqual(
			success('Customer', customerRecord('2', { connectionid: '1', externalid: 'c2', email: 'bob@example.com', acceptsMarketing: '1' })),
		);
		expect(ac.emulator.requests.map((r) => [r.path, r.query])).toEqual([
			['/ecomCustomers', { 'filters[email]': 'BOB@example.com', limit: '100', offset: '0' }],
		]);
	});

	it('lets the ID win when both are given', async () => {
		const out = await ac.one('ecommerceCustomer', 'get', { options: { ecommerceCustomerId: 1, email: 'bob@example.com' } });
		expect((out.Customer as { email: string }).email).toBe('alice@example.com');
		expect(ac.emulator.requests.map((r) => r.path)).toEqual(['/ecomCustomers/1']);
	});

	it('does not take another customer when the API ignores the email filter', async () => {
		ac.emulator.inject({
			method: 'GET',
			path: '/ecomCustomers',
			status: 200,
			body: {
				ecomCustomers: [customerRecord('1', { connectionid: '1', externalid: 'c1', email: 'alice@example.com' })],
				meta: { total: '1' },
			},
		});
		const out = await ac.one('ecommerceCustomer', 'get', { options: { email: 'carol@example.com' } });
		expect(out).toEqual({
			Customer: {},
			OriginalStatusCode: 200,
			StatusCode: 200,
			ErrorMessage: 'No ecommerce customer with email carol@example.com was found',
		});
	});

	it('says so when no customer has the email', async () => {
		const out = await ac.one('ecommerceCustomer', 'get', { options: { email: 'nobody@example.com' } });
		expect(out).toEqual({
			Customer: {},
			OriginalStatusCode: 200,
			StatusCode: 200,
			ErrorMessage: 'No ecommerce customer with email nobody@example.com was found',
		});
	});

	it('refuses neither ID nor email with -1', async () => {
		const out = await ac.one('ecommerceCustomer', 'get', {});
		expect(out).toEqual(
			invalid(
				'Customer',
				'Either "Ecommerce Customer ID" (ecommerceCustomerId) or "Email" (email) is required: add one of them under "Options" (options)',
			),
		);
		expect(ac.emulator.requests).toEqual([]);
	});

	it('refuses a malformed email with -1', async () => {
		const out = await ac.one('ecommerceCustomer', 'get', { options: { email: 'bob@' } });
		expect(out).toEqual(
			invalid('Customer', '"Email" (email) is not valid (got "bob@"): enter an email address such as john.doe@example.com'),
		);
		expect(ac.emulator.requests).toEqual([]);
	});

	it('reports an unknown ID (404)', async () => {
		const out = await ac.one('ecommerceCustomer', 'get', { options: { ecommerceCustomerId: '77' } });
		expect(out).toEqual(
			upstream('Customer', 404, 'Ecommerce customer 77 not found (HTTP 404) (ActiveCampaign: No Result found for EcomCustomer with id 77)'),
		);
	});

	it('shows totals that follow the customer\'s orders (orders add, carts count apart, deletes subtract)', async () => {
		await seedOrder(ac, {
			connectionid: '1',
			customerid: '1',
			externalid: 'o1',
			totalPrice: 3000,
			orderProducts: [
				{ externalid: 'P1', name: 'Pogo', price: 1000, quantity: 2 },
				{ externalid: 'P2', name: 'Ball', price: 1000, quantity: 1 },
			],
		});
		const second = await seedOrder(ac, { connectionid: '1', customerid: '1', externalid: 'o2', totalPrice: 1001 });
		await call(ac, 'POST', '/ecomOrders', {
			ecomOrder: {
				externalcheckoutid: 'cart-1',
				abandonedDate: '2026-03-19T10:00:00-05:00',
				source: 1,
				email: 'alice@example.com',
				totalPrice: 500,
				currency: 'USD',
				connectionid: 1,
				customerid: 1,
				externalCreatedDate: '2026-03-19T10:00:00-05:00',
			},
		});
		clearLog(ac);
		const before = await ac.one('ecommerceCustomer', 'get', { options: { ecommerceCustomerId: 1 } });
		expect(before.Customer).toEqual(
			customerRecord(
				'1',
				{ connectionid: '1', externalid: 'c1', email: 'alice@example.com' },
				{ totalRevenue: '4001', totalOrders: '2', totalProducts: '4', avgRevenuePerOrder: '2001', totalAbandonedcarts: '1' },
			),
		);
		await ac.one('ecommerceOrder', 'delete', { orderId: second.ecomOrder.id });
		const after = await ac.one('ecommerceCustomer', 'get', { options: { ecommerceCustomerId: 1 } });
		expect(after.Customer).toEqual(
			customerRecord(
				'1',
				{ connectionid: '1', externalid: 'c1', email: 'alice@example.com' },
				{ totalRevenue: '3000', totalOrders: '1', totalProducts: '3', avgRevenuePerOrder: '3000', totalAbandonedcarts: '1' },
			),
		);
	});
});

describe('Ecommerce Customer: Get Ecommerce Customers', () => {
	const ac = useEmulator();

	beforeEach(async () => {
		await seedConnection(ac, { service: 'Shopify', externalid: 'shop1' });
		await seedConnection(ac, { service: 'WooCommerce', externalid: 'site1' });
	});

	it('lists with the default limit of 20 and TotalCount as a number', async () => {
		await seedCustomer(ac, { connectionid: '1', externalid: 'c1', email: 'alice@example.com' });
		await seedCustomer(ac, { connectionid: '2', externalid: 'c1', email: 'alice@example.com' });
		const out = await ac.one('ecommerceCustomer', 'getMany', {});
		expect(out).toEqual(
			success('Customers', {
				Customers: [
					customerRecord('1', { connectionid: '1', externalid: 'c1', email: 'alice@example.com' }),
					customerRecord('2', { connectionid: '2', externalid: 'c1', email: 'alice@example.com' }),
				],
				TotalCount: 2,
			}),
		);
		expect(ac.emulator.requests.map((r) => r.query)).toEqual([{ limit: '20', offset: '0' }]);
	});

	it('filters by exact email and connection, and sends Search', async () => {
		await seedCustomer(ac, { connectionid: '1', externalid: 'c1', email: 'alice@example.com' });
		await seedCustomer(ac, { connectionid: '2', externalid: 'c2', email: 'alice@example.com' });
		await seedCustomer(ac, { connectionid: '2', externalid: 'c3', email: 'bob@example.com' });
		const out = await ac.one('ecommerceCustomer', 'getMany', {
			limit: 10,
			offset: 0,
			options: { email: 'alice@example.com', connectionId: '2', search: 'alice' },
		});
		expect(out).toEqual(
			success('Customers', {
				Customers: [customerRecord('2', { connectionid: '2', externalid: 'c2', email: 'alice@example.com' })],
				TotalCount: 1,
			}),
		);
		expect(ac.emulator.requests[0].query).toEqual({
			search: 'alice',
			'filters[email]': 'alice@example.com',
			'filters[connectionid]': '2',
			limit: '10',
			offset: '0',
		});
	});

	it('returns every customer with Return All', async () => {
		for (let start = 1; start <= 120; start += 30) {
			await Promise.all(
				Array.from({ length: 30 }, (_, i) =>
					call(ac, 'POST', '/ecomCustomers', {
						ecomCustomer: { connectionid: '1', externalid: `c${start + i}`, email: `c${start + i}@example.com` },
					}),
				),
			);
		}
		clearLog(ac);
		const out = await ac.one('ecommerceCustomer', 'getMany', { returnAll: true });
		const Customers = out.Customers as { Customers: Array<{ id: string }>; TotalCount: number };
		expect(Customers.TotalCount).toBe(120);
		expect(new Set(Customers.Customers.map((c) => c.id)).size).toBe(120);
		expect(ac.emulator.requests.map((r) => r.query)).toEqual([
			{ limit: '100', offset: '0' },
			{ limit: '100', offset: '100' },
		]);
	});

	it('gives {Customers: [], TotalCount: 0} on -1', async () => {
		const out = await ac.one('ecommerceCustomer', 'getMany', { limit: 500 });
		expect(out).toEqual(invalid('Customers', '"Limit" (limit) must be a whole number between 1 and 100 (got 500)', EMPTY_LIST));
		expect(ac.emulator.requests).toEqual([]);
	});

	it('gives {Customers: [], TotalCount: 0} on a bad key (403)', async () => {
		const { json } = await ac.run('ecommerceCustomer', 'getMany', {}, undefined, { apiKey: 'bad-key-0000' });
		expect(json).toEqual([upstream('Customers', 403, KEY_403, EMPTY_LIST)]);
	});

	it('gives {Customers: [], TotalCount: 0} on a 503', async () => {
		ac.emulator.inject({ method: 'GET', path: '/ecomCustomers', status: 503, times: 10 });
		const out = await ac.one('ecommerceCustomer', 'getMany', {});
		expect(out).toEqual(failed('Customers', 503, POST_503, EMPTY_LIST));
	});
});

describe('Ecommerce Customer: Update an Ecommerce Customer', () => {
	const ac = useEmulator();

	beforeEach(async () => {
		await seedConnection(ac, { service: 'Shopify', externalid: 'shop1' });
		await seedConnection(ac, { service: 'WooCommerce', externalid: 'site1' });
		await seedCustomer(ac, { connectionid: '1', externalid: 'c1', email: 'alice@example.com' });
	});

	it('sends only the given fields and returns EcommerceCustomer.EcommerceCustomer', async () => {
		const out = await ac.one('ecommerceCustomer', 'update', {
			ecommerceCustomerId: 1,
			options: {
				email: 'alice.new@example.com',
				externalId: 'CUST-2024-001',
				acceptsMarketing: 1,
				connectionId: 2,
				additionalFields: { note: 'vip' },
			},
		});
		expect(out).toEqual(
			success('EcommerceCustomer', {
				EcommerceCustomer: customerRecord('1', {
					connectionid: '2',
					externalid: 'CUST-2024-001',
					email: 'alice.new@example.com',
					acceptsMarketing: '1',
				}),
			}),
		);
		expect(ac.emulator.requests).toEqual([
			{
				method: 'PUT',
				path: '/ecomCustomers/1',
				query: {},
				body: {
					ecomCustomer: {
						note: 'vip',
						email: 'alice.new@example.com',
						externalid: 'CUST-2024-001',
						acceptsMarketing: 1,
						connectionid: 2,
					},
				},
				status: 200,
			},
		]);
	});

	it('changes only the opt-in when only that is given', async () => {
		const out = await ac.one('ecommerceCustomer', 'update', { ecommerceCustomerId: 1, options: { acceptsMarketing: 0 } });
		expect(out).toEqual(
			success('EcommerceCustomer', {
				EcommerceCustomer: customerRecord('1', { connectionid: '1', externalid: 'c1', email: 'alice@example.com' }),
			}),
		);
		expect(ac.emulator.requests[0].body).toEqual({ ecomCustomer: { acceptsMarketing: 0 } });
	});

	it('refuses an update with nothing to change (-1)', async () => {
		const out = await ac.one('ecommerceCustomer', 'update', { ecommerceCustomerId: 1 });
		expect(out).toEqual(
			invalid(
				'EcommerceCustomer',
				'Nothing to update: add at least one of Email, External ID, Accepts Marketing, Connection ID or Additional Fields under "Options" (options)',
			),
		);
		expect(ac.emulator.requests).toEqual([]);
	});

	it('refuses a core field inside Additional Fields (-1)', async () => {
		const out = await ac.one('ecommerceCustomer', 'update', {
			ecommerceCustomerId: 1,
			options: { additionalFields: '{"email": "x@example.com"}' },
		});
		expect(out).toEqual(
			invalid('EcommerceCustomer', '"Additional Fields" (additionalFields) must not contain "email": use the "Email" option instead'),
		);
		expect(ac.emulator.requests).toEqual([]);
	});

	it('reports an unknown customer (404)', async () => {
		const out = await ac.one('ecommerceCustomer', 'update', { ecommerceCustomerId: 9, options: { email: 'x@example.com' } });
		expect(out).toEqual(
			upstream(
				'EcommerceCustomer',
				404,
				'Ecommerce customer 9 not found (HTTP 404) (ActiveCampaign: No Result found for EcomCustomer with id 9)',
			),
		);
	});

	it('reports the 422 for an external ID taken on the connection', async () => {
		await seedCustomer(ac, { connectionid: '1', externalid: 'c2', email: 'bob@example.com' });
		const out = await ac.one('ecommerceCustomer', 'update', { ecommerceCustomerId: 2, options: { externalId: 'c1' } });
		expect(out).toEqual(
			upstream(
				'EcommerceCustomer',
				422,
				'ActiveCampaign rejected the data (HTTP 422): A customer with this externalid already exists for this connection',
			),
		);
	});
});
