import type { IDataObject } from 'n8n-workflow';

import { call, clearLog, TIMESTAMP, type Ac } from '../foundation.support';

/**
 * Fixtures and expected records for the e-commerce tests. Fixtures are made over HTTP through the
 * emulator's own routes; the records are what the emulator (like ActiveCampaign) answers.
 */

const LINK = 'https://emulator.api-us1.com/api/3';

export const LOGO = 'https://cdn.example.com/logo.png';
export const ADMIN = 'https://shop.example.com/admin';

export interface ConnectionFields {
	service: string;
	externalid: string;
	name?: string;
	logoUrl?: string;
	linkUrl?: string;
	status?: string;
	syncStatus?: string;
	listId?: string;
}

export function connectionRecord(id: string, fields: ConnectionFields): IDataObject {
	return {
		service: fields.service,
		externalid: fields.externalid,
		name: fields.name ?? `${fields.service} store`,
		isInternal: '0',
		connectionType: 'ecommerce',
		status: fields.status ?? '1',
		syncStatus: fields.syncStatus ?? '0',
		lastSync: null,
		logoUrl: fields.logoUrl ?? LOGO,
		linkUrl: fields.linkUrl ?? ADMIN,
		...(fields.listId !== undefined ? { listId: fields.listId } : {}),
		cdate: TIMESTAMP,
		udate: TIMESTAMP,
		links: { customers: `${LINK}/connections/${id}/customers` },
		id,
	};
}

export async function seedConnection(ac: Ac, fields: ConnectionFields): Promise<IDataObject> {
	const body = await call(ac, 'POST', '/connections', {
		connection: { name: `${fields.service} store`, logoUrl: LOGO, linkUrl: ADMIN, ...fields },
	});
	clearLog(ac);
	return body.connection;
}

export interface CustomerFields {
	connectionid: string;
	externalid: string;
	email: string;
	acceptsMarketing?: string;
}

export interface CustomerTotals {
	totalRevenue?: string;
	totalOrders?: string;
	totalProducts?: string;
	avgRevenuePerOrder?: string;
	totalAbandonedcarts?: string;
}

export function customerRecord(id: string, fields: CustomerFields, totals: CustomerTotals = {}): IDataObject {
	return {
		connectionid: fields.connectionid,
		externalid: fields.externalid,
		email: fields.email,
		totalRevenue: totals.totalRevenue ?? '0',
		totalOrders: totals.totalOrders ?? '0',
		totalProducts: totals.totalProducts ?? '0',
		avgRevenuePerOrder: totals.avgRevenuePerOrder ?? '0',
		totalAbandonedcarts: totals.totalAbandonedcarts ?? '0',
		acceptsMarketing: fields.acceptsMarketing ?? '0',
		tstamp: TIMESTAMP,
		links: {
			connection: `${LINK}/ecomCustomers/${id}/connection`,
			orders: `${LINK}/ecomCustomers/${id}/orders`,
		},
		id,
		connection: fields.connectionid,
	};
}

export async function seedCustomer(ac: Ac, fields: CustomerFields): Promise<IDataObject> {
	const body = await call(ac, 'POST', '/ecomCustomers', { ecomCustomer: fields });
	clearLog(ac);
	return body.ecomCustomer;
}

export interface ProductFields {
	externalid: string;
	name: string;
	price: string;
	quantity: string;
	sku?: string;
	description?: string;
	category?: string;
	imageUrl?: string;
	productUrl?: string;
}

export function productRecord(id: string, orderid: string, connectionid: string, fields: ProductFields): IDataObject {
	return {
		orderid,
		connectionid,
		externalid: fields.externalid,
		sku: fields.sku ?? '',
		name: fields.name,
		description: fields.description ?? '',
		price: fields.price,
		quantity: fields.quantity,
		category: fields.category ?? '',
		imageUrl: fields.imageUrl ?? '',
		productUrl: fields.productUrl ?? '',
		createdDate: TIMESTAMP,
		updatedDate: TIMESTAMP,
		tstamp: TIMESTAMP,
		links: { ecomOrder: `${LINK}/ecomOrderProducts/${id}/ecomOrder` },
		id,
		ecomOrder: orderid,
	};
}

export interface OrderFields {
	customerid: string;
	connectionid: string;
	email: string;
	totalPrice: string;
	currency: string;
	externalCreatedDate: string;
	externalid?: string | null;
	externalcheckoutid?: string | null;
	state?: string;
	source?: string;
	orderNumber?: string;
	discountAmount?: string;
	shippingAmount?: string;
	taxAmount?: string;
	shippingMethod?: string;
	orderUrl?: string;
	externalUpdatedDate?: string | null;
	abandonedDate?: string | null;
	/** IDs, or the product records where the node resolves them. */
	orderProducts?: unknown[];
	orderDiscounts?: string[];
}

export function orderRecord(id: string, fields: OrderFields): IDataObject {
	const products = fields.orderProducts ?? [];
	return {
		customerid: fields.customerid,
		connectionid: fields.connectionid,
		state: fields.state ?? '1',
		source: fields.source ?? '1',
		externalid: fields.externalid ?? null,
		externalcheckoutid: fields.externalcheckoutid ?? null,
		orderNumber: fields.orderNumber ?? '',
		email: fields.email,
		totalPrice: fields.totalPrice,
		discountAmount: fields.discountAmount ?? '0',
		shippingAmount: fields.shippingAmount ?? '0',
		taxAmount: fields.taxAmount ?? '0',
		totalProducts: String(products.length),
		currency: fields.currency,
		shippingMethod: fields.shippingMethod ?? '',
		orderUrl: fields.orderUrl ?? '',
		externalCreatedDate: fields.externalCreatedDate,
		externalUpdatedDate: fields.externalUpdatedDate ?? null,
		abandonedDate: fields.abandonedDate ?? null,
		createdDate: TIMESTAMP,
		updatedDate: TIMESTAMP,
		orderProducts: products,
		orderDiscounts: fields.orderDiscounts ?? [],
		customer: fields.customerid,
		orderDate: fields.externalCreatedDate,
		tstamp: TIMESTAMP,
		links: {
			connection: `${LINK}/ecomOrders/${id}/connection`,
			customer: `${LINK}/ecomOrders/${id}/customer`,
			orderProducts: `${LINK}/ecomOrders/${id}/orderProducts`,
			orderDiscounts: `${LINK}/ecomOrders/${id}/orderDiscounts`,
			orderActivities: `${LINK}/ecomOrders/${id}/orderActivities`,
		},
		id,
		connection: fields.connectionid,
	};
}

export const PLACED = '2026-03-19T10:00:00-05:00';

/** Creates an order through the emulator; products default to one line of `totalPrice`. */
export async function seedOrder(
	ac: Ac,
	order: { connectionid: string; customerid: string; externalid: string; totalPrice?: number; orderProducts?: IDataObject[] },
): Promise<any> {
	const totalPrice = order.totalPrice ?? 1000;
	const body = await call(ac, 'POST', '/ecomOrders', {
		ecomOrder: {
			source: 1,
			email: 'alice@example.com',
			currency: 'USD',
			externalCreatedDate: PLACED,
			orderProducts: [{ externalid: `P-${order.externalid}`, name: 'Pogo Stick', price: totalPrice, quantity: 1 }],
			...order,
			totalPrice,
		},
	});
	clearLog(ac);
	return body;
}

/** A connection (1) and its customer (1, alice@example.com), the base of most order tests. */
export async function seedShop(ac: Ac): Promise<{ connectionId: string; customerId: string }> {
	const connection = await seedConnection(ac, { service: 'Shopify', externalid: 'shop1' });
	const customer = await seedCustomer(ac, {
		connectionid: String(connection.id),
		externalid: 'cust1',
		email: 'alice@example.com',
	});
	return { connectionId: String(connection.id), customerId: String(customer.id) };
}
