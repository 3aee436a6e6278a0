import {
	acTimestamp,
	applyFilters,
	applyOrder,
	compare,
	created,
	links,
	notFound,
	ok,
	paginate,
	unprocessable,
	type Database,
	type Row,
} from '../database';
import type { ActiveCampaignEmulator, RouteResponse } from '../server';

/**
 * Connections, e-commerce customers, orders (with their order products and discounts), written
 * from the public API reference: string IDs, amounts as strings of cents, side-loaded arrays on
 * order writes, 201 on creates, 422 `{errors}` for invalid or duplicate data, 404 `{message}`.
 * Customer totals are derived from the customer's orders, so they follow every order write.
 */

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const ORDER_STATE = { pending: '0', completed: '1', abandoned: '2' } as const;

const isGiven = (value: unknown) => value !== undefined && value !== null && String(value).trim() !== '';

/** A whole number ≥ 0 given as a number or a string of digits, else undefined. */
function wholeNumber(value: unknown): number | undefined {
	if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return value;
	if (typeof value === 'string' && /^\d+$/.test(value.trim())) return Number(value.trim());
	return undefined;
}

// ---------------------------------------------------------------------------------------------
// Connections
// ---------------------------------------------------------------------------------------------

function publicConnection(row: Row): Row {
	return {
		service: row.service,
		externalid: row.externalid,
		name: row.name,
		isInternal: '0',
		connectionType: 'ecommerce',
		status: row.status,
		syncStatus: row.syncStatus,
		lastSync: null,
		logoUrl: row.logoUrl,
		linkUrl: row.linkUrl,
		...(row.listId !== undefined ? { listId: row.listId } : {}),
		cdate: row.cdate,
		udate: row.udate,
		links: links('connections', row.id, ['customers']),
		id: row.id,
	};
}

function sameConnectionKey(row: Row, service: unknown, externalid: unknown): boolean {
	return String(row.service).toLowerCase() === String(service).toLowerCase() && row.externalid === String(externalid);
}

function applyConnectionFields(row: Row, input: Row): RouteResponse | undefined {
	for (const key of ['status', 'syncStatus'] as const) {
		if (input[key] === undefined) continue;
		if (!['0', '1'].includes(String(input[key]))) return unprocessable(`The ${key} must be 0 or 1`, key);
		row[key] = String(input[key]);
	}
	for (const key of ['service', 'externalid', 'name', 'logoUrl', 'linkUrl'] as const) {
		if (input[key] !== undefined) row[key] = String(input[key]);
	}
	if (input.listId !== undefined) row.listId = String(input.listId);
	return undefined;
}

function connectionRoutes(emulator: ActiveCampaignEmulator): void {
	emulator.route('POST', '/connections', ({ body }, db) => {
		const input: Row = body?.connection ?? {};
		for (const key of ['service', 'externalid', 'name', 'logoUrl', 'linkUrl']) {
			if (!isGiven(input[key])) return unprocessable(`The ${key} field is required`, key, 'field_missing');
		}
		if (db.all('connections').some((c) => sameConnectionKey(c, input.service, input.externalid))) {
			return unprocessable('The integration already exists in the system.', 'externalid', 'duplicate');
		}
		const now = acTimestamp();
		const row: Row = { status: '1', syncStatus: '0', cdate: now, udate: now };
		const invalid = applyConnectionFields(row, input);
		if (invalid) return invalid;
		return created({ connection: publicConnection(db.insert('connections', row)) });
	});

	emulator.route('GET', '/connections', ({ query }, db) => {
		const rows = applyFilters(db.all('connections'), query, { service: 'service', externalid: 'externalid' });
		return paginate(rows.map(publicConnection), query, 'connections');
	});

	emulator.route('GET', '/connections/:id', ({ params }, db) => {
		const row = db.get('connections', params.id);
		return row ? ok({ connection: publicConnection(row) }) : notFound('Connection', params.id);
	});

	emulator.route('PUT', '/connections/:id', ({ params, body }, db) => {
		const row = db.get('connections', params.id);
		if (!row) return notFound('Connection', params.id);
		const input: Row = body?.connection ?? {};
		const service = input.service ?? row.service;
		const externalid = input.externalid ?? row.externalid;
		if (db.all('connections').some((c) => c.id !== row.id && sameConnectionKey(c, service, externalid))) {
			return unprocessable('The integration already exists in the system.', 'externalid', 'duplicate');
		}
		const changed = { ...row };
		const invalid = applyConnectionFields(changed, input);
		if (invalid) return invalid;
		Object.assign(row, changed, { udate: acTimestamp() });
		return ok({ connection: publicConnection(row) });
	});

	emulator.route('DELETE', '/connections/:id', ({ params }, db) => {
		if (!db.remove('connections', params.id)) return notFound('Connection', params.id);
		return ok({});
	});
}

// ---------------------------------------------------------------------------------------------
// Customers
// ---------------------------------------------------------------------------------------------

function ordersOfCustomer(db: Database, customerId: string): Row[] {
	return db.all('ecomOrders').filter((o) => o.customerid === customerId);
}

/** Revenue and counts come from the customer's completed orders; carts only count as abandoned. */
function publicCustomer(db: Database, row: Row): Row {
	const orders = ordersOfCustomer(db, row.id);
	const completed = orders.filter((o) => o.state === ORDER_STATE.completed);
	const revenue = completed.reduce((sum, o) => sum + Number(o.totalPrice), 0);
	const products = completed.reduce(
		(sum, o) => sum + productsOfOrder(db, o.id).reduce((n, p) => n + Number(p.quantity), 0),
		0,
	);
	return {
		connectionid: row.connectionid,
		externalid: row.externalid,
		email: row.email,
		totalRevenue: String(revenue),
		totalOrders: String(completed.length),
		totalProducts: String(products),
		avgRevenuePerOrder: String(completed.length ? Math.round(revenue / completed.length) : 0),
		totalAbandonedcarts: String(orders.filter((o) => o.state === ORDER_STATE.abandoned).length),
		acceptsMarketing: row.acceptsMarketing,
		tstamp: row.tstamp,
		links: links('ecomCustomers', row.id, ['connection', 'orders']),
		id: row.id,
		connection: row.connectionid,
	};
}

function customerConflict(db: Database, id: string | undefined, connectionid: string, externalid: string): boolean {
	return db.all('ecomCustomers').some((c) => c.id !== id && c.connectionid === connectionid && c.externalid === externalid);
}

function checkCustomerFields(db: Database, input: Row): RouteResponse | undefined {
	if (input.email !== undefined && !EMAIL.test(String(input.email))) {
		return unprocessable('The email must be a valid email address', 'email');
	}
	if (input.connectionid !== undefined && !db.get('connections', String(input.connectionid))) {
		return unprocessable('The connection could not be found', 'connectionid', 'related_missing');
	}
	if (input.acceptsMarketing !== undefined && !['0', '1'].includes(String(input.acceptsMarketing))) {
		return unprocessable('The acceptsMarketing must be 0 or 1', 'acceptsMarketing');
	}
	return undefined;
}

function customerRoutes(emulator: ActiveCampaignEmulator): void {
	emulator.route('POST', '/ecomCustomers', ({ body }, db) => {
		const input: Row = body?.ecomCustomer ?? {};
		for (const key of ['connectionid', 'externalid', 'email']) {
			if (!isGiven(input[key])) return unprocessable(`The ${key} field is required`, key, 'field_missing');
		}
		const invalid = checkCustomerFields(db, input);
		if (invalid) return invalid;
		if (customerConflict(db, undefined, String(input.connectionid), String(input.externalid))) {
			return unprocessable('A customer with this externalid already exists for this connection', 'externalid', 'duplicate');
		}
		const now = acTimestamp();
		const row = db.insert('ecomCustomers', {
			connectionid: String(input.connectionid),
			externalid: String(input.externalid),
			email: String(input.email),
			acceptsMarketing: String(input.acceptsMarketing ?? '0'),
			tstamp: now,
		});
		return created({ ecomCustomer: publicCustomer(db, row) });
	});

	emulator.route('GET', '/ecomCustomers', ({ query }, db) => {
		let rows = applyFilters(db.all('ecomCustomers'), query, {
			email: 'email',
			externalid: 'externalid',
			connectionid: 'connectionid',
		});
		if (query.search) rows = rows.filter((c) => compare('contains', c.email, query.search) || compare('contains', c.externalid, query.search));
		rows = applyOrder(rows, query, { id: 'id', email: 'email' });
		return paginate(rows.map((row) => publicCustomer(db, row)), query, 'ecomCustomers');
	});

	emulator.route('GET', '/ecomCustomers/:id', ({ params }, db) => {
		const row = db.get('ecomCustomers', params.id);
		return row ? ok({ ecomCustomer: publicCustomer(db, row) }) : notFound('EcomCustomer', params.id);
	});

	emulator.route('PUT', '/ecomCustomers/:id', ({ params, body }, db) => {
		const row = db.get('ecomCustomers', params.id);
		if (!row) return notFound('EcomCustomer', params.id);
		const input: Row = body?.ecomCustomer ?? {};
		const invalid = checkCustomerFields(db, input);
		if (invalid) return invalid;
		const connectionid = String(input.connectionid ?? row.connectionid);
		const externalid = String(input.externalid ?? row.externalid);
		if (customerConflict(db, row.id, connectionid, externalid)) {
			return unprocessable('A customer with this externalid already exists for this connection', 'externalid', 'duplicate');
		}
		// Totals are computed from the orders; other fields are stored as sent.
		for (const [key, value] of Object.entries(input)) {
			if (!['totalRevenue', 'totalOrders', 'totalProducts', 'avgRevenuePerOrder', 'id'].includes(key)) row[key] = String(value);
		}
		row.tstamp = acTimestamp();
		return ok({ ecomCustomer: publicCustomer(db, row) });
	});

	emulator.route('DELETE', '/ecomCustomers/:id', ({ params }, db) => {
		if (!db.remove('ecomCustomers', params.id)) return notFound('EcomCustomer', params.id);
		return ok({});
	});
}

// ---------------------------------------------------------------------------------------------
// Orders, order products, order discounts
// ---------------------------------------------------------------------------------------------

function productsOfOrder(db: Database, orderId: string): Row[] {
	return db.all('ecomOrderProducts').filter((p) => p.orderid === orderId);
}

function discountsOfOrder(db: Database, orderId: string): Row[] {
	return db.all('ecomOrderDiscounts').filter((d) => d.orderid === orderId);
}

function publicOrderProduct(row: Row): Row {
	return {
		orderid: row.orderid,
		connectionid: row.connectionid,
		externalid: row.externalid,
		sku: row.sku,
		name: row.name,
		description: row.description,
		price: row.price,
		quantity: row.quantity,
		category: row.category,
		imageUrl: row.imageUrl,
		productUrl: row.productUrl,
		createdDate: row.createdDate,
		updatedDate: row.updatedDate,
		tstamp: row.updatedDate,
		links: links('ecomOrderProducts', row.id, ['ecomOrder']),
		id: row.id,
		ecomOrder: row.orderid,
	};
}

const ORDER_TEXT_FIELDS = [
	'externalid',
	'externalcheckoutid',
	'email',
	'currency',
	'orderUrl',
	'shippingMethod',
	'orderNumber',
	'externalCreatedDate',
	'externalUpdatedDate',
	'abandonedDate',
] as const;
const ORDER_AMOUNTS = ['totalPrice', 'shippingAmount', 'taxAmount', 'discountAmount'] as const;

function publicOrder(db: Database, row: Row): Row {
	const products = productsOfOrder(db, row.id);
	return {
		customerid: row.customerid,
		connectionid: row.connectionid,
		state: row.state,
		source: row.source,
		externalid: row.externalid,
		externalcheckoutid: row.externalcheckoutid,
		orderNumber: row.orderNumber,
		email: row.email,
		totalPrice: row.totalPrice,
		discountAmount: row.discountAmount,
		shippingAmount: row.shippingAmount,
		taxAmount: row.taxAmount,
		totalProducts: String(products.length),
		currency: row.currency,
		shippingMethod: row.shippingMethod,
		orderUrl: row.orderUrl,
		externalCreatedDate: row.externalCreatedDate,
		externalUpdatedDate: row.externalUpdatedDate,
		abandonedDate: row.abandonedDate,
		createdDate: row.createdDate,
		updatedDate: row.updatedDate,
		orderProducts: products.map((p) => p.id),
		orderDiscounts: discountsOfOrder(db, row.id).map((d) => d.id),
		customer: row.customerid,
		orderDate: row.externalCreatedDate,
		tstamp: row.updatedDate,
		links: links('ecomOrders', row.id, ['connection', 'customer', 'orderProducts', 'orderDiscounts', 'orderActivities']),
		id: row.id,
		connection: row.connectionid,
	};
}

/** The answer to an order write: the order with its products and discounts side-loaded. */
function orderAnswer(db: Database, row: Row, extra: Row = {}): Row {
	return {
		...extra,
		ecomOrderProducts: productsOfOrder(db, row.id).map(publicOrderProduct),
		ecomOrderDiscounts: discountsOfOrder(db, row.id),
		ecomOrder: publicOrder(db, row),
	};
}

function checkProducts(input: unknown): RouteResponse | undefined {
	if (!Array.isArray(input)) return unprocessable('The orderProducts must be a list', 'orderProducts');
	for (const [i, product] of (input as Row[]).entries()) {
		for (const key of ['externalid', 'name', 'price', 'quantity']) {
			if (!isGiven(product?.[key])) return unprocessable(`orderProducts[${i}].${key} is required`, `orderProducts/${i}/${key}`, 'field_missing');
		}
		if (wholeNumber(product.price) === undefined) {
			return unprocessable(`orderProducts[${i}].price must be a whole number of cents`, `orderProducts/${i}/price`);
		}
		if (!wholeNumber(product.quantity)) {
			return unprocessable(`orderProducts[${i}].quantity must be a positive whole number`, `orderProducts/${i}/quantity`);
		}
	}
	return undefined;
}

function checkDiscounts(input: unknown): RouteResponse | undefined {
	if (!Array.isArray(input)) return unprocessable('The orderDiscounts must be a list', 'orderDiscounts');
	for (const [i, discount] of (input as Row[]).entries()) {
		if (!['order', 'shipping'].includes(String(discount?.type))) {
			return unprocessable(`orderDiscounts[${i}].type must be order or shipping`, `orderDiscounts/${i}/type`);
		}
		if (wholeNumber(discount.discountAmount) === undefined) {
			return unprocessable(`orderDiscounts[${i}].discountAmount must be a whole number of cents`, `orderDiscounts/${i}/discountAmount`);
		}
	}
	return undefined;
}

/** Checks the fields an order write may carry; returns the 422 for the first bad one. */
function checkOrderFields(db: Database, input: Row): RouteResponse | undefined {
	if (input.email !== undefined && !EMAIL.test(String(input.email))) {
		return unprocessable('The email must be a valid email address', 'email');
	}
	for (const key of ORDER_AMOUNTS) {
		if (input[key] !== undefined && wholeNumber(input[key]) === undefined) {
			return unprocessable(`The ${key} must be a whole number of cents, 0 or more`, key);
		}
	}
	if (input.currency !== undefined && !/^[A-Za-z]{3}$/.test(String(input.currency))) {
		return unprocessable('The currency must be a 3-letter ISO code', 'currency');
	}
	if (input.connectionid !== undefined && !db.get('connections', String(input.connectionid))) {
		return unprocessable('The connection could not be found', 'connectionid', 'related_missing');
	}
	if (input.customerid !== undefined && !db.get('ecomCustomers', String(input.customerid))) {
		return unprocessable('The customer could not be found', 'customerid', 'related_missing');
	}
	if (input.orderProducts !== undefined) {
		const invalid = checkProducts(input.orderProducts);
		if (invalid) return invalid;
	}
	if (input.orderDiscounts !== undefined) return checkDiscounts(input.orderDiscounts);
	return undefined;
}

function duplicateExternalId(db: Database, orderId: string | undefined, connectionid: string, externalid: unknown): boolean {
	if (!isGiven(externalid)) return false;
	return db
		.all('ecomOrders')
		.some((o) => o.id !== orderId && o.connectionid === connectionid && o.externalid === String(externalid));
}

function writeProducts(db: Database, order: Row, products: Row[]): void {
	db.removeWhere('ecomOrderProducts', (p) => p.orderid === order.id);
	const now = acTimestamp();
	for (const product of products) {
		db.insert('ecomOrderProducts', {
			orderid: order.id,
			connectionid: order.connectionid,
			externalid: String(product.externalid),
			sku: String(product.sku ?? ''),
			name: String(product.name),
			description: String(product.description ?? ''),
			price: String(product.price),
			quantity: String(product.quantity),
			category: String(product.category ?? ''),
			imageUrl: String(product.imageUrl ?? ''),
			productUrl: String(product.productUrl ?? ''),
			createdDate: now,
			updatedDate: now,
		});
	}
}

function writeDiscounts(db: Database, order: Row, discounts: Row[]): void {
	db.removeWhere('ecomOrderDiscounts', (d) => d.orderid === order.id);
	const now = acTimestamp();
	for (const discount of discounts) {
		db.insert('ecomOrderDiscounts', {
			name: String(discount.name ?? ''),
			type: String(discount.type),
			orderid: order.id,
			discountAmount: String(discount.discountAmount),
			createdDate: now,
			updatedDate: now,
		});
	}
}

function applyOrderFields(row: Row, input: Row): void {
	for (const key of ORDER_TEXT_FIELDS) if (input[key] !== undefined) row[key] = input[key] === null ? null : String(input[key]);
	for (const key of ORDER_AMOUNTS) if (input[key] !== undefined) row[key] = String(wholeNumber(input[key]));
}

function orderRoutes(emulator: ActiveCampaignEmulator): void {
	emulator.route('POST', '/ecomOrders', ({ body }, db) => {
		const input: Row = body?.ecomOrder ?? {};
		if (!isGiven(input.externalid) && !isGiven(input.externalcheckoutid)) {
			return unprocessable('Either externalid or externalcheckoutid is required', 'externalid', 'field_missing');
		}
		if (!isGiven(input.externalid) && !isGiven(input.abandonedDate)) {
			return unprocessable('The abandonedDate is required with externalcheckoutid', 'abandonedDate', 'field_missing');
		}
		for (const key of ['source', 'email', 'totalPrice', 'currency', 'connectionid', 'customerid', 'externalCreatedDate']) {
			if (!isGiven(input[key])) return unprocessable(`The ${key} field is required`, key, 'field_missing');
		}
		if (!['0', '1'].includes(String(input.source))) return unprocessable('The source must be 0 or 1', 'source');
		const invalid = checkOrderFields(db, input);
		if (invalid) return invalid;
		if (duplicateExternalId(db, undefined, String(input.connectionid), input.externalid)) {
			return unprocessable(`An order with externalid ${input.externalid} already exists for this connection`, 'externalid', 'duplicate');
		}
		const now = acTimestamp();
		const row: Row = {
			customerid: String(input.customerid),
			connectionid: String(input.connectionid),
			state: isGiven(input.externalid) ? ORDER_STATE.completed : ORDER_STATE.abandoned,
			source: String(input.source),
			externalid: null,
			externalcheckoutid: null,
			orderNumber: '',
			shippingMethod: '',
			orderUrl: '',
			externalUpdatedDate: null,
			abandonedDate: null,
			discountAmount: '0',
			shippingAmount: '0',
			taxAmount: '0',
			createdDate: now,
			updatedDate: now,
		};
		applyOrderFields(row, input);
		const order = db.insert('ecomOrders', row);
		writeProducts(db, order, Array.isArray(input.orderProducts) ? input.orderProducts : []);
		writeDiscounts(db, order, Array.isArray(input.orderDiscounts) ? input.orderDiscounts : []);
		const connection = db.get('connections', order.connectionid);
		return created(orderAnswer(db, order, { connections: connection ? [publicConnection(connection)] : [] }));
	});

	emulator.route('GET', '/ecomOrders', ({ query }, db) => {
		const fields = {
			connectionid: 'connectionid',
			externalid: 'externalid',
			externalcheckoutid: 'externalcheckoutid',
			email: 'email',
			state: 'state',
			customerid: 'customerid',
			external_created_date: 'externalCreatedDate',
		};
		const rows = applyOrder(applyFilters(db.all('ecomOrders'), query, fields), query, { id: 'id', ...fields });
		return paginate(rows.map((row) => publicOrder(db, row)), query, 'ecomOrders');
	});

	emulator.route('GET', '/ecomOrders/:id', ({ params }, db) => {
		const row = db.get('ecomOrders', params.id);
		return row ? ok({ ecomOrder: publicOrder(db, row) }) : notFound('EcomOrder', params.id);
	});

	emulator.route('PUT', '/ecomOrders/:id', ({ params, body }, db) => {
		const row = db.get('ecomOrders', params.id);
		if (!row) return notFound('EcomOrder', params.id);
		const input: Row = body?.ecomOrder ?? {};
		const invalid = checkOrderFields(db, input);
		if (invalid) return invalid;
		if (duplicateExternalId(db, row.id, String(input.connectionid ?? row.connectionid), input.externalid)) {
			return unprocessable(`An order with externalid ${input.externalid} already exists for this connection`, 'externalid', 'duplicate');
		}
		applyOrderFields(row, input);
		if (isGiven(row.externalid)) row.state = ORDER_STATE.completed;
		row.updatedDate = acTimestamp();
		// Given products replace the order's whole product list, as the API documents.
		if (input.orderProducts !== undefined) writeProducts(db, row, input.orderProducts);
		if (input.orderDiscounts !== undefined) writeDiscounts(db, row, input.orderDiscounts);
		return ok(orderAnswer(db, row));
	});

	emulator.route('DELETE', '/ecomOrders/:id', ({ params }, db) => {
		if (!db.remove('ecomOrders', params.id)) return notFound('EcomOrder', params.id);
		db.removeWhere('ecomOrderProducts', (p) => p.orderid === params.id);
		db.removeWhere('ecomOrderDiscounts', (d) => d.orderid === params.id);
		return ok({});
	});

	emulator.route('GET', '/ecomOrders/:id/orderProducts', ({ params, query }, db) => {
		if (!db.get('ecomOrders', params.id)) return notFound('EcomOrder', params.id);
		return paginate(productsOfOrder(db, params.id).map(publicOrderProduct), query, 'ecomOrderProducts');
	});

	emulator.route('GET', '/ecomOrderProducts', ({ query }, db) => {
		return paginate(db.all('ecomOrderProducts').map(publicOrderProduct), query, 'ecomOrderProducts');
	});

	emulator.route('GET', '/ecomOrderProducts/:id', ({ params }, db) => {
		const row = db.get('ecomOrderProducts', params.id);
		return row ? ok({ ecomOrderProduct: publicOrderProduct(row) }) : notFound('EcomOrderProduct', params.id);
	});
}

/** Connections, e-commerce customers, orders and order products. */
export function ecommerceRoutes(emulator: ActiveCampaignEmulator): void {
	connectionRoutes(emulator);
	customerRoutes(emulator);
	orderRoutes(emulator);
}
