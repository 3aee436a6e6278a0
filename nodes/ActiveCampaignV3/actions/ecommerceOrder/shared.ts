import type { IDataObject } from 'n8n-workflow';

import { ValidationError } from '../../framework/errors';
import { RECORD_KINDS, recordLocator } from '../../framework/locator';
import { isIsoDate, parseInteger } from '../../framework/params';

export const orderIdParam = (description: string) => recordLocator('OrderId', RECORD_KINDS.ecommerceOrder, { required: true, description });

export const orderSubject = (orderId: number) => `Ecommerce order ${orderId}`;

// ---------------------------------------------------------------------------------------------
// Field checkers: every value is checked before anything is sent, and a failure names the exact
// place (item index and field) so a user or an agent can fix it in one go.
// ---------------------------------------------------------------------------------------------

function show(value: unknown): string {
	const text = JSON.stringify(value) ?? String(value);
	return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

/** A whole number of cents ≥ 0 (CONTRACT §3.1), as a number or a string of digits. */
export function checkCents(value: unknown, where: string): number {
	const number = parseInteger(value);
	if (number === undefined || number < 0) {
		throw new ValidationError(`${where} must be a whole number of cents, 0 or more (got ${show(value)}): e.g. 4999 for 49.99`);
	}
	return number;
}

function checkPositiveInteger(value: unknown, where: string): number {
	const number = parseInteger(value);
	if (number === undefined || number < 1) {
		throw new ValidationError(`${where} must be a whole number, 1 or more (got ${show(value)})`);
	}
	return number;
}

function checkText(value: unknown, where: string, required: boolean): string {
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	if (typeof value !== 'string' || (required && value.trim() === '')) {
		throw new ValidationError(`${where} must be ${required ? 'a non-empty text' : 'text'} (got ${show(value)})`);
	}
	return value.trim();
}

function checkUrl(value: unknown, where: string): string {
	const text = checkText(value, where, true);
	if (!/^https?:\/\/[^\s/$.?#][^\s]*$/i.test(text)) {
		throw new ValidationError(`${where} must be a full http(s) address such as https://example.com (got ${show(value)})`);
	}
	return text;
}

export function checkDate(value: unknown, where: string): string {
	const text = typeof value === 'string' ? value.trim() : '';
	if (!isIsoDate(text)) {
		throw new ValidationError(`${where} must be an ISO 8601 date such as 2026-03-19T00:00:00Z (got ${show(value)})`);
	}
	return text;
}

function isObject(value: unknown): value is IDataObject {
	return value !== null && typeof value === 'object' && !Array.isArray(value);
}

const PRODUCT_TEXT_FIELDS = ['category', 'sku', 'description'] as const;
const PRODUCT_URL_FIELDS = ['imageUrl', 'productUrl'] as const;
const PRODUCT_FIELDS = ['externalid', 'name', 'price', 'quantity', ...PRODUCT_TEXT_FIELDS, ...PRODUCT_URL_FIELDS];

/** orderProducts: at least one item; each needs externalid, name, price (cents), quantity (≥ 1). */
export function checkOrderProducts(value: unknown, where: string): IDataObject[] {
	if (!Array.isArray(value)) throw new ValidationError(`${where} must be a JSON array of product objects`);
	if (value.length === 0) {
		throw new ValidationError(`${where} must hold at least one product such as {"externalid": "PROD1", "name": "Pogo Stick", "price": 4900, "quantity": 1}`);
	}
	return value.map((item, index) => {
		const at = `${where} item ${index}`;
		if (!isObject(item)) {
			throw new ValidationError(`${at} must be an object with "externalid", "name", "price" and "quantity"`);
		}
		for (const key of Object.keys(item)) {
			if (!PRODUCT_FIELDS.includes(key)) {
				throw new ValidationError(`${at} has an unknown field "${key}": allowed fields are ${PRODUCT_FIELDS.join(', ')}`);
			}
		}
		for (const key of ['externalid', 'name', 'price', 'quantity']) {
			if (item[key] === undefined || item[key] === null) throw new ValidationError(`${at} needs "${key}"`);
		}
		const product: IDataObject = {
			externalid: checkText(item.externalid, `${at} "externalid"`, true),
			name: checkText(item.name, `${at} "name"`, true),
			price: checkCents(item.price, `${at} "price"`),
			quantity: checkPositiveInteger(item.quantity, `${at} "quantity"`),
		};
		for (const key of PRODUCT_TEXT_FIELDS) if (item[key] !== undefined) product[key] = checkText(item[key], `${at} "${key}"`, false);
		for (const key of PRODUCT_URL_FIELDS) if (item[key] !== undefined) product[key] = checkUrl(item[key], `${at} "${key}"`);
		return product;
	});
}

const DISCOUNT_TYPES = ['order', 'shipping'];

/** orderDiscounts: each needs name, type (order | shipping) and discountAmount (cents). */
export function checkOrderDiscounts(value: unknown, where: string): IDataObject[] {
	if (!Array.isArray(value)) throw new ValidationError(`${where} must be a JSON array of discount objects`);
	return value.map((item, index) => {
		const at = `${where} item ${index}`;
		if (!isObject(item)) {
			throw new ValidationError(`${at} must be an object with "name", "type" and "discountAmount"`);
		}
		for (const key of Object.keys(item)) {
			if (!['name', 'type', 'discountAmount'].includes(key)) {
				throw new ValidationError(`${at} has an unknown field "${key}": allowed fields are name, type, discountAmount`);
			}
		}
		for (const key of ['name', 'type', 'discountAmount']) {
			if (item[key] === undefined || item[key] === null) throw new ValidationError(`${at} needs "${key}"`);
		}
		const type = checkText(item.type, `${at} "type"`, true);
		if (!DISCOUNT_TYPES.includes(type)) {
			throw new ValidationError(`${at} "type" must be "order" or "shipping" (got ${show(item.type)})`);
		}
		return {
			name: checkText(item.name, `${at} "name"`, true),
			type,
			discountAmount: checkCents(item.discountAmount, `${at} "discountAmount"`),
		};
	});
}

type FieldChecker = (value: unknown, where: string) => unknown;

const text = (value: unknown, where: string) => checkText(value, where, true);

/** The AdditionalFields both order operations accept, each with its checker. */
const SHARED_ADDITIONAL: Record<string, FieldChecker> = {
	shippingAmount: checkCents,
	taxAmount: checkCents,
	discountAmount: checkCents,
	orderUrl: checkUrl,
	shippingMethod: text,
	orderNumber: text,
	orderProducts: checkOrderProducts,
	orderDiscounts: checkOrderDiscounts,
};

function checkSource(value: unknown, where: string): number {
	if (value === 0 || value === 1 || value === '0' || value === '1') return Number(value);
	throw new ValidationError(`${where} must be 0 (historical) or 1 (real-time) (got ${show(value)})`);
}

export const CREATE_ADDITIONAL: Record<string, FieldChecker> = {
	...SHARED_ADDITIONAL,
	source: checkSource,
	externalUpdatedDate: checkDate,
};

/** On update, products have their own option (Order Products), so they are not an additional field. */
const { orderProducts: _products, ...SHARED_WITHOUT_PRODUCTS } = SHARED_ADDITIONAL;

export const UPDATE_ADDITIONAL: Record<string, FieldChecker> = {
	...SHARED_WITHOUT_PRODUCTS,
	externalid: text,
	externalcheckoutid: text,
	abandonedDate: checkDate,
};

/** Keys that have their own parameter; naming it beats silently overriding it. */
const CREATE_CORE: Record<string, string> = {
	externalid: '"External ID" (externalId)',
	externalId: '"External ID" (externalId)',
	externalcheckoutid: 'the "External Checkout ID" option',
	externalCheckoutId: 'the "External Checkout ID" option',
	abandonedDate: 'the "Abandoned Date" option',
	email: '"Email" (email)',
	totalPrice: '"Total Price" (totalPrice)',
	currency: '"Currency" (currency)',
	connectionid: '"Connection ID" (connectionId)',
	connectionId: '"Connection ID" (connectionId)',
	customerid: '"Customer ID" (customerId)',
	customerId: '"Customer ID" (customerId)',
	externalCreatedDate: '"External Created Date" (externalCreatedDate)',
};

const UPDATE_CORE: Record<string, string> = {
	orderProducts: 'the "Order Products" option',
	email: 'the "Email" option',
	totalPrice: 'the "Total Price" option',
	currency: 'the "Currency" option',
	externalUpdatedDate: 'the "External Updated Date" option',
};

/** Builds the checker of an AdditionalFields object from the allowed keys. */
export function additionalFieldsChecker(allowed: Record<string, FieldChecker>, core: 'create' | 'update') {
	const coreKeys = core === 'create' ? CREATE_CORE : UPDATE_CORE;
	return (value: unknown, where: string): IDataObject => {
		const input = value as IDataObject;
		const out: IDataObject = {};
		for (const [rawKey, raw] of Object.entries(input)) {
			// The reference spells it "abandoneDate" in one place; accept it for the real name.
			const key = rawKey === 'abandoneDate' && core === 'update' ? 'abandonedDate' : rawKey;
			if (coreKeys[key]) throw new ValidationError(`${where} must not contain "${key}": use ${coreKeys[key]} instead`);
			const check = allowed[key];
			if (!check) {
				throw new ValidationError(
					`${where} has an unknown field "${rawKey}": allowed fields are ${Object.keys(allowed).join(', ')}`,
				);
			}
			out[key] = check(raw, `${where} "${key}"`) as IDataObject[string];
		}
		return out;
	};
}

/**
 * The API answers an order with its product IDs and the products side-loaded; the node shows the
 * product objects in place of the bare IDs (the side-loaded arrays themselves are dropped).
 */
export function orderWithProducts(body: any): IDataObject {
	const order: IDataObject = { ...(body?.ecomOrder ?? {}) };
	const products: IDataObject[] = Array.isArray(body?.ecomOrderProducts) ? body.ecomOrderProducts : [];
	if (Array.isArray(order.orderProducts) && products.length > 0) {
		order.orderProducts = (order.orderProducts as unknown[]).map(
			(ref) => products.find((p) => p.id !== undefined && String(p.id) === String(ref)) ?? (ref as IDataObject),
		);
	}
	return order;
}
