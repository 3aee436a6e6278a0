import type { E2ECase } from './cases';
import { LINK, TIMESTAMP, ok, upstream } from './expectations';

/**
 * E-commerce cases (Connection, Ecommerce Customer, Ecommerce Order, Ecommerce Order Product). The
 * demo seed has no e-commerce records, so the cases create their own inside the run and chain onto
 * them with `after`; the IDs are the emulator's first IDs of each table, in branch order:
 *   connections 1 Shopify e2e-shop (renamed E2E Toy Shop (EU)), 2 e2e-temp (deleted)
 *   customers 1 ada.lovelace (cust-ada, connection 1), 2 alan.turing (deleted)
 *   orders 1 E2E-ORDER-1 (customer 1, order products 1 Pogo Stick, 2 Skateboard), 2 (deleted)
 */

const LOGO = 'https://cdn.example.com/e2e-logo.png';
const ADMIN = 'https://shop.example.com/admin';
const PLACED = '2026-03-19T10:00:00-05:00';

const connection = (id: string, fields: { service: string; externalid: string; name: string; listId?: string }) => ({
	service: fields.service,
	externalid: fields.externalid,
	name: fields.name,
	isInternal: '0',
	connectionType: 'ecommerce',
	status: '1',
	syncStatus: '0',
	lastSync: null,
	logoUrl: LOGO,
	linkUrl: ADMIN,
	...(fields.listId !== undefined ? { listId: fields.listId } : {}),
	cdate: TIMESTAMP,
	udate: TIMESTAMP,
	links: { customers: `${LINK}/connections/${id}/customers` },
	id,
});

const SHOP = { service: 'Shopify', externalid: 'e2e-shop', name: 'E2E Toy Shop', listId: '1' };

const customer = (id: string, fields: { email: string; externalid: string; acceptsMarketing: string }) => ({
	connectionid: '1',
	externalid: fields.externalid,
	email: fields.email,
	totalRevenue: '0',
	totalOrders: '0',
	totalProducts: '0',
	avgRevenuePerOrder: '0',
	totalAbandonedcarts: '0',
	acceptsMarketing: fields.acceptsMarketing,
	tstamp: TIMESTAMP,
	links: { connection: `${LINK}/ecomCustomers/${id}/connection`, orders: `${LINK}/ecomCustomers/${id}/orders` },
	id,
	connection: '1',
});

const ADA = { email: 'ada.lovelace@example.com', externalid: 'cust-ada', acceptsMarketing: '1' };

/** An order product (line item) as the emulator answers it; prices in cents, as strings. */
const product = (id: string, orderid: string, fields: { externalid: string; name: string; price: string; quantity: string; sku?: string; category?: string }) => ({
	orderid,
	connectionid: '1',
	externalid: fields.externalid,
	sku: fields.sku ?? '',
	name: fields.name,
	description: '',
	price: fields.price,
	quantity: fields.quantity,
	category: fields.category ?? '',
	imageUrl: '',
	productUrl: '',
	createdDate: TIMESTAMP,
	updatedDate: TIMESTAMP,
	tstamp: TIMESTAMP,
	links: { ecomOrder: `${LINK}/ecomOrderProducts/${id}/ecomOrder` },
	id,
	ecomOrder: orderid,
});

const POGO = product('1', '1', { externalid: 'SKU-POGO', name: 'Pogo Stick', price: '4900', quantity: '1', sku: 'POGO-12', category: 'Toys' });
const SKATEBOARD = product('2', '1', { externalid: 'SKU-SKATE', name: 'Skateboard', price: '2100', quantity: '2' });

const ORDER_1 = {
	externalId: 'E2E-ORDER-1',
	email: 'ada.lovelace@example.com',
	totalPrice: 9111,
	// Any case in, ActiveCampaign's upper case out.
	currency: 'usd',
	connectionId: 1,
	customerId: 1,
	externalCreatedDate: PLACED,
	options: {
		additionalFields: JSON.stringify({
			shippingAmount: 11,
			orderNumber: 'E2E-1001',
			orderProducts: [
				{ externalid: 'SKU-POGO', name: 'Pogo Stick', price: 4900, quantity: 1, sku: 'POGO-12', category: 'Toys' },
				{ externalid: 'SKU-SKATE', name: 'Skateboard', price: 2100, quantity: 2 },
			],
		}),
	},
};

export const ecommerceCases: E2ECase[] = [
	// ---------------------------------------------------------------- Connection
	// create -> the same service + external ID again (duplicate check) -> get (Connection.Connection) -> update
	{
		name: 'connection.create',
		resource: 'connection',
		operation: 'create',
		params: { service: 'Shopify', externalId: 'e2e-shop', name: 'E2E Toy Shop', logoUrl: LOGO, linkUrl: ADMIN, options: { listId: '1' } },
		expected: [ok('Connection', connection('1', SHOP), 201)],
	},
	{
		name: 'connection.create (same service and external ID)',
		resource: 'connection',
		operation: 'create',
		after: 'connection.create',
		// The service in another case and another name: still the same connection (200), unchanged.
		params: { service: 'SHOPIFY', externalId: 'e2e-shop', name: 'Another name', logoUrl: LOGO, linkUrl: ADMIN },
		expected: [ok('Connection', connection('1', SHOP), 200)],
	},
	{
		name: 'connection.get',
		resource: 'connection',
		operation: 'get',
		after: 'connection.create (same service and external ID)',
		params: { connectionId: '={{ $json.Connection.id }}' },
		expected: [ok('Connection', { Connection: connection('1', SHOP) })],
		downstream: { fields: { shop: '={{ $json.Connection.Connection.name }}' }, expected: [{ shop: 'E2E Toy Shop' }] },
	},
	{
		name: 'connection.update',
		resource: 'connection',
		operation: 'update',
		after: 'connection.get',
		params: { connectionId: '={{ $json.Connection.Connection.id }}', service: 'Shopify', externalId: 'e2e-shop', name: 'E2E Toy Shop (EU)' },
		expected: [ok('Connection', connection('1', { ...SHOP, name: 'E2E Toy Shop (EU)' }))],
	},
	{
		name: 'connection.getMany',
		resource: 'connection',
		operation: 'getMany',
		params: { returnAll: false, limit: 10, offset: 0, options: { filterService: 'Shopify' } },
		expected: [
			ok('Connections', {
				Connections: [connection('1', { ...SHOP, name: 'E2E Toy Shop (EU)' })],
				Pagination: { limit: 10, offset: 0, total: 1, hasMore: false },
			}),
		],
	},
	// ---------------------------------------------------------------- Ecommerce Customer
	// create -> get by ID -> update (EcommerceCustomer.EcommerceCustomer)
	{
		name: 'ecommerceCustomer.create',
		resource: 'ecommerceCustomer',
		operation: 'create',
		params: { email: '={{ $json.email }}', connectionId: 1, externalId: 'cust-ada', options: { acceptsMarketing: 1 } },
		items: [{ email: 'ada.lovelace@example.com' }],
		expected: [ok('EcommerceCustomer', customer('1', ADA), 201)],
	},
	{
		name: 'ecommerceCustomer.get',
		resource: 'ecommerceCustomer',
		operation: 'get',
		after: 'ecommerceCustomer.create',
		params: { options: { ecommerceCustomerId: '={{ $json.EcommerceCustomer.id }}' } },
		expected: [ok('Customer', customer('1', ADA))],
	},
	{
		name: 'ecommerceCustomer.update',
		resource: 'ecommerceCustomer',
		operation: 'update',
		after: 'ecommerceCustomer.get',
		params: { ecommerceCustomerId: '={{ $json.Customer.id }}', options: { acceptsMarketing: 0 } },
		expected: [ok('EcommerceCustomer', { EcommerceCustomer: customer('1', { ...ADA, acceptsMarketing: '0' }) })],
		downstream: {
			fields: { optIn: '={{ $json.EcommerceCustomer.EcommerceCustomer.acceptsMarketing }}' },
			expected: [{ optIn: '0' }],
		},
	},
	{
		name: 'ecommerceCustomer.get (by email)',
		resource: 'ecommerceCustomer',
		operation: 'get',
		// Exact email in any case; a missing one says so with an empty Customer.
		params: { options: { email: '={{ $json.email }}' } },
		items: [{ email: 'ADA.Lovelace@example.com' }, { email: 'nobody@example.com' }],
		expected: [
			ok('Customer', customer('1', { ...ADA, acceptsMarketing: '0' })),
			{ Customer: {}, OriginalStatusCode: 200, StatusCode: 200, ErrorMessage: 'No ecommerce customer with email nobody@example.com was found' },
		],
	},
	{
		name: 'ecommerceCustomer.getMany',
		resource: 'ecommerceCustomer',
		operation: 'getMany',
		params: { returnAll: false, limit: 10, offset: 0, options: { connectionId: '1' } },
		expected: [ok('Customers', { Customers: [customer('1', { ...ADA, acceptsMarketing: '0' })], TotalCount: 1 })],
	},
	// ---------------------------------------------------------------- Ecommerce Order
	// create (two products, cents, currency upper-cased) -> the same external ID again (422)
	{
		name: 'ecommerceOrder.create',
		resource: 'ecommerceOrder',
		operation: 'create',
		params: ORDER_1,
		expected: [
			ok(
				'Order',
				expect.objectContaining({
					id: '1',
					externalid: 'E2E-ORDER-1',
					customerid: '1',
					connectionid: '1',
					email: 'ada.lovelace@example.com',
					totalPrice: '9111',
					shippingAmount: '11',
					currency: 'USD',
					orderNumber: 'E2E-1001',
					source: '1',
					state: '1',
					totalProducts: '2',
					externalCreatedDate: PLACED,
					orderProducts: [POGO, SKATEBOARD],
				}),
				201,
			),
		],
		downstream: { fields: { total: '={{ Number($json.Order.totalPrice) }}', lines: '={{ $json.Order.orderProducts.length }}' }, expected: [{ total: 9111, lines: 2 }] },
	},
	{
		name: 'ecommerceOrder.create (same external ID)',
		resource: 'ecommerceOrder',
		operation: 'create',
		after: 'ecommerceOrder.create',
		params: ORDER_1,
		expected: [
			upstream('Order', 422, 'ActiveCampaign rejected the data (HTTP 422): An order with externalid E2E-ORDER-1 already exists for this connection'),
		],
	},
	// get -> its products (a bare array) -> one product by ID
	{
		name: 'ecommerceOrder.get',
		resource: 'ecommerceOrder',
		operation: 'get',
		params: { orderId: 1 },
		expected: [
			ok(
				'Order',
				expect.objectContaining({ id: '1', externalid: 'E2E-ORDER-1', totalPrice: '9111', currency: 'USD', customerid: '1', orderProducts: [POGO, SKATEBOARD] }),
			),
		],
	},
	{
		name: 'ecommerceOrderProduct.getByOrderId',
		resource: 'ecommerceOrderProduct',
		operation: 'getByOrderId',
		after: 'ecommerceOrder.get',
		params: { orderId: '={{ $json.Order.id }}', returnAll: true },
		expected: [ok('Products', [POGO, SKATEBOARD])],
		downstream: { fields: { second: '={{ $json.Products[1].name }}' }, expected: [{ second: 'Skateboard' }] },
	},
	{
		name: 'ecommerceOrderProduct.getByProductId',
		resource: 'ecommerceOrderProduct',
		operation: 'getByProductId',
		after: 'ecommerceOrderProduct.getByOrderId',
		params: { productId: '={{ $json.Products[1].id }}' },
		expected: [ok('Product', SKATEBOARD)],
	},
	{
		name: 'ecommerceOrderProduct.getByOrderId (unknown order)',
		resource: 'ecommerceOrderProduct',
		operation: 'getByOrderId',
		params: { orderId: 777, returnAll: false, options: { limit: 5 } },
		expected: [upstream('Products', 404, 'Ecommerce order 777 not found (HTTP 404) (ActiveCampaign: No Result found for EcomOrder with id 777)', [])],
	},
	{
		name: 'ecommerceOrderProduct.getMany',
		resource: 'ecommerceOrderProduct',
		operation: 'getMany',
		params: { returnAll: false, limit: 10, offset: 0 },
		expected: [ok('Products', { Products: [POGO, SKATEBOARD], TotalCount: 2 })],
	},
	{
		name: 'ecommerceOrder.getMany',
		resource: 'ecommerceOrder',
		operation: 'getMany',
		params: { returnAll: false, limit: 10, offset: 0, options: { customerId: '1' } },
		expected: [
			ok('Orders', {
				orders: [expect.objectContaining({ id: '1', externalid: 'E2E-ORDER-1', customerid: '1', totalPrice: '9111', currency: 'USD', orderProducts: ['1', '2'] })],
				total: 1,
				hasMore: false,
			}),
		],
		downstream: { fields: { total: '={{ $json.Orders.total }}', more: '={{ $json.Orders.hasMore }}' }, expected: [{ total: 1, more: false }] },
	},
	{
		name: 'ecommerceOrder.update',
		resource: 'ecommerceOrder',
		operation: 'update',
		params: { orderId: 1, options: { totalPrice: 9999, currency: 'eur' } },
		expected: [
			ok(
				'EcommerceOrder',
				expect.objectContaining({ id: '1', externalid: 'E2E-ORDER-1', totalPrice: '9999', currency: 'EUR', orderProducts: [POGO, SKATEBOARD] }),
			),
		],
	},
	// create -> delete
	{
		name: 'ecommerceOrder.create (to delete)',
		resource: 'ecommerceOrder',
		operation: 'create',
		params: { ...ORDER_1, externalId: 'E2E-ORDER-2', totalPrice: 500, options: {} },
		expected: [ok('Order', expect.objectContaining({ id: '2', externalid: 'E2E-ORDER-2', totalPrice: '500', currency: 'USD', orderProducts: [] }), 201)],
	},
	{
		name: 'ecommerceOrder.delete',
		resource: 'ecommerceOrder',
		operation: 'delete',
		after: 'ecommerceOrder.create (to delete)',
		params: { orderId: '={{ $json.Order.id }}' },
		expected: [ok('DeletedEcommerceOrder', { deleted: true, orderId: '2' })],
	},
	// ---------------------------------------------------------------- deletes of a customer and a connection
	{
		name: 'ecommerceCustomer.create (to delete)',
		resource: 'ecommerceCustomer',
		operation: 'create',
		params: { email: 'alan.turing@example.com', connectionId: 1, externalId: 'cust-alan' },
		expected: [ok('EcommerceCustomer', customer('2', { email: 'alan.turing@example.com', externalid: 'cust-alan', acceptsMarketing: '0' }), 201)],
	},
	{
		name: 'ecommerceCustomer.delete',
		resource: 'ecommerceCustomer',
		operation: 'delete',
		after: 'ecommerceCustomer.create (to delete)',
		params: { ecommerceCustomerId: '={{ $json.EcommerceCustomer.id }}' },
		expected: [ok('DeletedEcommerceCustomer', { id: '2', deleted: true })],
	},
	{
		name: 'connection.create (to delete)',
		resource: 'connection',
		operation: 'create',
		params: { service: 'WooCommerce', externalId: 'e2e-temp', name: 'E2E Temporary Shop', logoUrl: LOGO, linkUrl: ADMIN },
		expected: [ok('Connection', connection('2', { service: 'WooCommerce', externalid: 'e2e-temp', name: 'E2E Temporary Shop' }), 201)],
	},
	{
		name: 'connection.delete',
		resource: 'connection',
		operation: 'delete',
		after: 'connection.create (to delete)',
		params: { connectionId: '={{ $json.Connection.id }}' },
		expected: [ok('DeletedConnection', { id: '2', deleted: true })],
	},
];
