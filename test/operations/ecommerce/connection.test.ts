import { success, useEmulator } from '../../helpers';
import { BAD_IDS, KEY_403, POST_503, badIdMessage, call, clearLog, failed, invalid, upstream } from '../foundation.support';
import { ADMIN, LOGO, connectionRecord, seedConnection } from './ecommerce.support';

const CREATE = {
	service: 'Shopify',
	externalId: 'shop12345',
	name: 'My Toystore, Inc.',
	logoUrl: LOGO,
	linkUrl: ADMIN,
};

describe('Connection: Create a Connection', () => {
	const ac = useEmulator();

	it('looks for the same service + external ID, then creates the connection with List ID (201)', async () => {
		const out = await ac.one('connection', 'create', { ...CREATE, options: { listId: '3' } });
		expect(out).toEqual(
			success(
				'Connection',
				connectionRecord('1', { service: 'Shopify', externalid: 'shop12345', name: 'My Toystore, Inc.', listId: '3' }),
				201,
			),
		);
		expect(ac.emulator.requests).toEqual([
			{
				method: 'GET',
				path: '/connections',
				query: { 'filters[service]': 'Shopify', 'filters[externalid]': 'shop12345', limit: '100', offset: '0' },
				body: undefined,
				status: 200,
			},
			{
				method: 'POST',
				path: '/connections',
				query: {},
				body: {
					connection: {
						service: 'Shopify',
						externalid: 'shop12345',
						name: 'My Toystore, Inc.',
						logoUrl: LOGO,
						linkUrl: ADMIN,
						listId: '3',
					},
				},
				status: 201,
			},
		]);
	});

	it('returns the existing connection with the same service (any case) and external ID, without a POST (200)', async () => {
		await seedConnection(ac, { service: 'shopify', externalid: 'shop12345', name: 'Old name' });
		const out = await ac.one('connection', 'create', CREATE);
		expect(out).toEqual(
			success('Connection', connectionRecord('1', { service: 'shopify', externalid: 'shop12345', name: 'Old name' }), 200),
		);
		expect(ac.emulator.sent('POST')).toEqual([]);
	});

	it('does not mistake another external ID of the same service for a duplicate', async () => {
		await seedConnection(ac, { service: 'Shopify', externalid: 'shop1234' });
		const out = await ac.one('connection', 'create', CREATE);
		expect(out).toEqual(
			success('Connection', connectionRecord('2', { service: 'Shopify', externalid: 'shop12345', name: 'My Toystore, Inc.' }), 201),
		);
	});

	it('checks the match itself when the API ignores the filters', async () => {
		await seedConnection(ac, { service: 'Shopify', externalid: 'other' });
		// An answer that ignores the filters lists a connection that is not the one asked for.
		ac.emulator.inject({
			method: 'GET',
			path: '/connections',
			status: 200,
			body: { connections: [connectionRecord('1', { service: 'Shopify', externalid: 'other' })], meta: { total: '1' } },
		});
		const out = await ac.one('connection', 'create', CREATE);
		expect(out.OriginalStatusCode).toBe(201);
		expect((out.Connection as { id: string }).id).toBe('2');
	});

	it('creates one connection for several items with the same key, all returning it', async () => {
		const { json } = await ac.run('connection', 'create', { ...CREATE, externalId: '={{ $json.shop }}' }, [
			{ shop: 'shop-a' },
			{ shop: 'shop-a' },
			{ shop: 'shop-b' },
		]);
		expect(json.map((j) => [(j.Connection as { id: string }).id, j.OriginalStatusCode])).toEqual([
			['1', 201],
			['1', 200],
			['2', 201],
		]);
		expect(ac.emulator.sent('POST', '/connections')).toHaveLength(2);
	});

	it.each([
		[{ service: '={{ "" }}' }, '"Service" (service) is required: Name of the external service, e.g. Shopify, WooCommerce, Magento, BigCommerce or Custom'],
		[
			{ externalId: '  ' },
			'"External ID" (externalId) is required: ID of the account in the external service (your store or account ID), e.g. shop12345',
		],
		[
			{ name: '={{ "" }}' },
			'"Name" (name) is required: Name of the account in the external service, usually the company or store name, e.g. My Toystore, Inc.',
		],
		[
			{ logoUrl: 'logo.png' },
			'"Logo URL" (logoUrl) is not valid (got "logo.png"): enter a full http(s) address such as https://example.com',
		],
		[
			{ linkUrl: '={{ "" }}' },
			'"Link URL" (linkUrl) is required: URL of the page where the integration is managed, e.g. https://mytoystore.myshopify.com/admin/settings',
		],
		[
			{ options: { listId: 'three' } },
			'"List ID" (listId) must be a positive whole number (got "three"): ID of the list new contacts from this connection are added to, e.g. "3" (from Get Many Lists). Leave empty to sync no list.',
		],
	])('refuses %j with -1 and sends nothing', async (change, message) => {
		const out = await ac.one('connection', 'create', { ...CREATE, ...change });
		expect(out).toEqual(invalid('Connection', message));
		expect(ac.emulator.requests).toEqual([]);
	});

	it('returns the existing connection when the POST says it exists but the filtered lookup missed it', async () => {
		await seedConnection(ac, { service: 'shopify', externalid: 'shop12345' });
		// A lookup answer that misses it (as a case-sensitive service filter would).
		ac.emulator.inject({ method: 'GET', path: '/connections', status: 200, body: { connections: [], meta: { total: '0' } } });
		const out = await ac.one('connection', 'create', CREATE);
		expect(out).toEqual(success('Connection', connectionRecord('1', { service: 'shopify', externalid: 'shop12345' }), 200));
		expect(ac.emulator.requests.map((r) => [r.method, r.query, r.status])).toEqual([
			['GET', { 'filters[service]': 'Shopify', 'filters[externalid]': 'shop12345', limit: '100', offset: '0' }, 200],
			['POST', {}, 422],
			['GET', { 'filters[externalid]': 'shop12345', limit: '100', offset: '0' }, 200],
		]);
		expect(ac.emulator.db.count('connections')).toBe(1);
	});

	it('reports a 422 of the API', async () => {
		ac.emulator.inject({
			method: 'POST',
			path: '/connections',
			status: 422,
			body: { errors: [{ title: 'The integration already exists in the system.', detail: '' }] },
		});
		const out = await ac.one('connection', 'create', CREATE);
		expect(out).toEqual(
			upstream('Connection', 422, 'ActiveCampaign rejected the data (HTTP 422): The integration already exists in the system.'),
		);
	});

	it('reports a 503 on the POST without sending it twice', async () => {
		ac.emulator.inject({ method: 'POST', path: '/connections', status: 503 });
		const out = await ac.one('connection', 'create', CREATE);
		expect(out).toEqual(failed('Connection', 503, POST_503));
		expect(ac.emulator.sent('POST', '/connections')).toHaveLength(1);
	});

	it('reports a bad API key (403) without echoing it', async () => {
		const { json } = await ac.run('connection', 'create', CREATE, undefined, { apiKey: 'wrong-key-123456' });
		expect(json).toEqual([upstream('Connection', 403, KEY_403)]);
	});
});

describe('Connection: Delete a Connection', () => {
	const ac = useEmulator();

	it('deletes by ID and returns {id, deleted}', async () => {
		await seedConnection(ac, { service: 'Shopify', externalid: 'shop1' });
		const out = await ac.one('connection', 'delete', { connectionId: 1 });
		expect(out).toEqual(success('DeletedConnection', { id: '1', deleted: true }));
		expect(ac.emulator.requests).toEqual([{ method: 'DELETE', path: '/connections/1', query: {}, body: undefined, status: 200 }]);
		expect(ac.emulator.db.count('connections')).toBe(0);
	});

	it('reports an unknown connection (404)', async () => {
		const out = await ac.one('connection', 'delete', { connectionId: '42' });
		expect(out).toEqual(
			upstream('DeletedConnection', 404, 'Connection 42 not found (HTTP 404) (ActiveCampaign: No Result found for Connection with id 42)'),
		);
	});

	it.each(BAD_IDS)('refuses Connection ID %j with -1 and sends nothing', async (value, shown) => {
		const out = await ac.one('connection', 'delete', { connectionId: value as never });
		expect(out).toEqual(
			invalid(
				'DeletedConnection',
				badIdMessage('Connection ID', 'connectionId', shown, 'The numeric ID of the connection to delete, e.g. 123 (from Get Many Connections)'),
			),
		);
		expect(ac.emulator.requests).toEqual([]);
	});
});

describe('Connection: Get a Connection', () => {
	const ac = useEmulator();

	it('returns the connection under Connection.Connection', async () => {
		await seedConnection(ac, { service: 'WooCommerce', externalid: 'site-9' });
		const out = await ac.one('connection', 'get', { connectionId: '1' });
		expect(out).toEqual(success('Connection', { Connection: connectionRecord('1', { service: 'WooCommerce', externalid: 'site-9' }) }));
		expect(ac.emulator.requests).toEqual([{ method: 'GET', path: '/connections/1', query: {}, body: undefined, status: 200 }]);
	});

	it('reports an unknown connection (404) with an empty object', async () => {
		const out = await ac.one('connection', 'get', { connectionId: 7 });
		expect(out).toEqual(
			upstream('Connection', 404, 'Connection 7 not found (HTTP 404) (ActiveCampaign: No Result found for Connection with id 7)'),
		);
	});

	it('refuses a missing ID with -1', async () => {
		const out = await ac.one('connection', 'get', {});
		expect(out).toEqual(
			invalid(
				'Connection',
				'"Connection ID" (connectionId) is required: The numeric ID of the connection, e.g. 123 (from Get Many Connections or Create a Connection)',
			),
		);
		expect(ac.emulator.requests).toEqual([]);
	});
});

describe('Connection: Get Many Connections', () => {
	const ac = useEmulator();

	async function seedMany(count: number) {
		for (let start = 0; start < count; start += 25) {
			const batch = Array.from({ length: Math.min(25, count - start) }, (_, i) => start + i + 1);
			await Promise.all(
				batch.map((n) =>
					call(ac, 'POST', '/connections', {
						connection: { service: n % 2 ? 'shopify' : 'woocommerce', externalid: `s${n}`, name: `Store ${n}`, logoUrl: LOGO, linkUrl: ADMIN },
					}),
				),
			);
		}
		clearLog(ac);
	}

	it('lists with the default limit of 20 and numeric pagination', async () => {
		await seedMany(3);
		const out = await ac.one('connection', 'getMany', {});
		const Connections = out.Connections as { Connections: Array<{ externalid: string }>; Pagination: unknown };
		expect(Connections.Connections.map((c) => c.externalid).sort()).toEqual(['s1', 's2', 's3']);
		expect(Connections.Pagination).toEqual({ limit: 20, offset: 0, total: 3, hasMore: false });
		expect(ac.emulator.requests.map((r) => r.query)).toEqual([{ limit: '20', offset: '0' }]);
	});

	it('filters by service and external ID', async () => {
		await seedConnection(ac, { service: 'shopify', externalid: 'shop_12345' });
		await seedConnection(ac, { service: 'shopify', externalid: 'shop_9' });
		await seedConnection(ac, { service: 'woocommerce', externalid: 'shop_12345' });
		const out = await ac.one('connection', 'getMany', {
			limit: 5,
			options: { filterService: 'shopify', filterExternalId: 'shop_12345' },
		});
		expect(out).toEqual(
			success('Connections', {
				Connections: [connectionRecord('1', { service: 'shopify', externalid: 'shop_12345' })],
				Pagination: { limit: 5, offset: 0, total: 1, hasMore: false },
			}),
		);
		expect(ac.emulator.requests[0].query).toEqual({
			'filters[service]': 'shopify',
			'filters[externalid]': 'shop_12345',
			limit: '5',
			offset: '0',
		});
	});

	it('pages with Limit and Offset and says whether more remain', async () => {
		await seedMany(5);
		const out = await ac.one('connection', 'getMany', { limit: 2, offset: 1 });
		const Connections = out.Connections as { Connections: unknown[]; Pagination: unknown };
		expect(Connections.Connections).toHaveLength(2);
		expect(Connections.Pagination).toEqual({ limit: 2, offset: 1, total: 5, hasMore: true });
	});

	it('returns every connection with Return All, 100 per request', async () => {
		await seedMany(130);
		const out = await ac.one('connection', 'getMany', { returnAll: true });
		const Connections = out.Connections as { Connections: Array<{ id: string }>; Pagination: unknown };
		expect(new Set(Connections.Connections.map((c) => c.id)).size).toBe(130);
		expect(Connections.Pagination).toEqual({ limit: 130, offset: 0, total: 130, hasMore: false });
		expect(ac.emulator.requests.map((r) => r.query)).toEqual([
			{ limit: '100', offset: '0' },
			{ limit: '100', offset: '100' },
		]);
	});

	it.each([
		[{ limit: 0 }, '"Limit" (limit) must be a whole number between 1 and 100 (got 0)'],
		[{ limit: 101 }, '"Limit" (limit) must be a whole number between 1 and 100 (got 101)'],
		[{ offset: -1 }, '"Offset" (offset) must be a whole number at least 0 (got -1)'],
	])('refuses %j with -1 and sends nothing', async (params, message) => {
		const out = await ac.one('connection', 'getMany', params);
		expect(out).toEqual(invalid('Connections', message));
		expect(ac.emulator.requests).toEqual([]);
	});

	it('reports a 503 after the retries with an empty object', async () => {
		ac.emulator.inject({ method: 'GET', path: '/connections', status: 503, times: 10 });
		const out = await ac.one('connection', 'getMany', {});
		expect(out).toEqual(failed('Connections', 503, POST_503));
	});
});

describe('Connection: Update a Connection', () => {
	const ac = useEmulator();

	it('sends the required fields and the given options, and returns the connection', async () => {
		await seedConnection(ac, { service: 'Shopify', externalid: 'shop1' });
		const out = await ac.one('connection', 'update', {
			connectionId: 1,
			service: 'Shopify',
			externalId: 'shop1',
			name: 'Acme Corp',
			options: {
				logoUrl: 'https://example.com/new.png',
				linkUrl: 'https://example.com/manage',
				additionalFields: '{"listId": "5", "status": 0, "syncStatus": "1"}',
			},
		});
		expect(out).toEqual(
			success(
				'Connection',
				connectionRecord('1', {
					service: 'Shopify',
					externalid: 'shop1',
					name: 'Acme Corp',
					logoUrl: 'https://example.com/new.png',
					linkUrl: 'https://example.com/manage',
					listId: '5',
					status: '0',
					syncStatus: '1',
				}),
			),
		);
		expect(ac.emulator.requests).toEqual([
			{
				method: 'PUT',
				path: '/connections/1',
				query: {},
				body: {
					connection: {
						service: 'Shopify',
						externalid: 'shop1',
						name: 'Acme Corp',
						logoUrl: 'https://example.com/new.png',
						linkUrl: 'https://example.com/manage',
						listId: '5',
						status: 0,
						syncStatus: 1,
					},
				},
				status: 200,
			},
		]);
	});

	it('sends only the required fields when no option is given', async () => {
		await seedConnection(ac, { service: 'Shopify', externalid: 'shop1' });
		await ac.one('connection', 'update', { connectionId: 1, service: 'Shopify', externalId: 'shop1', name: 'New' });
		expect(ac.emulator.requests[0].body).toEqual({ connection: { service: 'Shopify', externalid: 'shop1', name: 'New' } });
	});

	it('reports an unknown connection (404)', async () => {
		const out = await ac.one('connection', 'update', { connectionId: 9, service: 'Shopify', externalId: 'x', name: 'y' });
		expect(out).toEqual(
			upstream('Connection', 404, 'Connection 9 not found (HTTP 404) (ActiveCampaign: No Result found for Connection with id 9)'),
		);
	});

	it('reports the 422 when the new key belongs to another connection', async () => {
		await seedConnection(ac, { service: 'Shopify', externalid: 'shop1' });
		await seedConnection(ac, { service: 'Shopify', externalid: 'shop2' });
		const out = await ac.one('connection', 'update', { connectionId: 2, service: 'Shopify', externalId: 'shop1', name: 'y' });
		expect(out).toEqual(
			upstream('Connection', 422, 'ActiveCampaign rejected the data (HTTP 422): The integration already exists in the system.'),
		);
	});

	it.each([
		[{ status: 2 }, '"Additional Fields" (additionalFields) "status" must be 0 or 1 (0 = error, 1 = connected)'],
		[{ syncStatus: 'on' }, '"Additional Fields" (additionalFields) "syncStatus" must be 0 or 1 (0 = sync stopped, 1 = sync running)'],
		[{ listId: 'x' }, '"Additional Fields" (additionalFields) "listId" must be the numeric ID of a list, e.g. "5" (from Get Many Lists)'],
		[{ name: 'x' }, '"Additional Fields" (additionalFields) must not contain "name": use the dedicated parameter instead'],
		[{ colour: 'red' }, '"Additional Fields" (additionalFields) has an unknown field "colour": allowed fields are listId, status and syncStatus'],
	])('refuses Additional Fields %j with -1 and sends nothing', async (fields, message) => {
		const out = await ac.one('connection', 'update', {
			connectionId: 1,
			service: 'Shopify',
			externalId: 'shop1',
			name: 'x',
			options: { additionalFields: fields },
		});
		expect(out).toEqual(invalid('Connection', message));
		expect(ac.emulator.requests).toEqual([]);
	});

	it('refuses a missing Service with -1', async () => {
		const out = await ac.one('connection', 'update', { connectionId: 1, service: '={{ $json.service }}', externalId: 'shop1', name: 'x' });
		expect(out).toEqual(
			invalid('Connection', '"Service" (service) is required: Name of the external service, e.g. Shopify (the service of the connection)'),
		);
	});
});
