import type { IDataObject } from 'n8n-workflow';

import { ValidationError } from '../../framework/errors';
import { defineOperation } from '../../framework/operation';
import { RECORD_KINDS, recordLocator } from '../../framework/locator';
import { cents, currency, dateTime, email, json, text } from '../../framework/params';
import { additionalFieldsChecker, CREATE_ADDITIONAL, orderWithProducts } from './shared';

export default defineOperation({
	resource: 'ecommerceOrder',
	operation: 'create',
	title: 'Create an Ecommerce Order',
	action: 'Create an Order (cents, not idempotent)',
	description:
		'Record an order (or, with External Checkout ID, an abandoned cart) of a customer; amounts are in cents. A duplicate External ID is refused.',
	agentHint: 'Amounts are in cents; Customer ID is the e-commerce customer\'s ID; not idempotent: after a 500 check with Get Ecommerce Orders before retrying, a retry can record the order twice',
	outputKey: 'Order',
	params: {
		externalId: text('ExternalId', {
			description:
				'Your unique order ID in the store, e.g. order-20240115-001. Give exactly one of External ID or the External Checkout ID option.',
		}),
		email: email('Email', { required: true, description: 'Email address of the customer who placed the order, e.g. customer@example.com' }),
		totalPrice: cents('TotalPrice', {
			required: true,
			description: 'Total amount in cents, tax and shipping included, e.g. 45678 for 456.78',
		}),
		currency: currency('Currency', { required: true, sendAs: 'upper', description: '3-letter ISO 4217 currency code, e.g. USD' }),
		connectionId: recordLocator('ConnectionId', RECORD_KINDS.connection, {
			required: true,
			description: 'The numeric ID of the connection (store), e.g. 6 (from Get Many Connections or Create a Connection)',
		}),
		customerId: recordLocator('CustomerId', RECORD_KINDS.ecommerceCustomer, {
			required: true,
			description: 'The numeric ID of the e-commerce customer, e.g. 9 (from Get Ecommerce Customers or Create an Ecommerce Customer)',
		}),
		externalCreatedDate: dateTime('ExternalCreatedDate', {
			required: true,
			description: 'When the order was placed, ISO 8601, e.g. 2026-03-19T00:00:00Z',
		}),
	},
	options: {
		externalCheckoutId: text('ExternalCheckoutId', {
			description: 'ID of the cart in the store, for an abandoned cart; only when External ID is empty (then Abandoned Date is required)',
		}),
		abandonedDate: dateTime('AbandonedDate', {
			description: 'When the cart was abandoned, ISO 8601, e.g. 2026-03-19T00:00:00Z; required with External Checkout ID',
		}),
		additionalFields: json('AdditionalFields', {
			kind: 'object',
			description:
				'More order fields: source (0 historical, 1 real-time; default 1), shippingAmount, taxAmount, discountAmount (cents), orderUrl, externalUpdatedDate, shippingMethod, orderNumber, orderProducts [{externalid, name, price, quantity, category?, sku?, description?, imageUrl?, productUrl?}], orderDiscounts [{name, type: order|shipping, discountAmount}]',
			example: '{"source": 1, "orderProducts": [{"externalid": "PROD12345", "name": "Pogo Stick", "price": 4900, "quantity": 1}]}',
			check: additionalFieldsChecker(CREATE_ADDITIONAL, 'create'),
		}),
	},
	validate(params) {
		// CONTRACT §3.3: exactly one of the two IDs; a cart needs its abandonment date.
		if (params.externalId !== undefined && params.externalCheckoutId !== undefined) {
			throw new ValidationError(
				'Give only one of "External ID" (externalId) and "External Checkout ID" (externalCheckoutId): External ID for an order, External Checkout ID for an abandoned cart',
			);
		}
		if (params.externalId === undefined && params.externalCheckoutId === undefined) {
			throw new ValidationError(
				'"External ID" (externalId) is required: enter the order ID from your store, or leave it empty and give "External Checkout ID" (externalCheckoutId) under "Options" for an abandoned cart',
			);
		}
		if (params.externalCheckoutId !== undefined && params.abandonedDate === undefined) {
			throw new ValidationError(
				'"Abandoned Date" (abandonedDate) is required with "External Checkout ID" (externalCheckoutId): add it under "Options", e.g. 2026-03-19T00:00:00Z',
			);
		}
	},
	// Items with the same order ID run in input order: the first creates it, the later ones get the 422.
	orderKey: (params) => (params.externalId === undefined ? undefined : `${params.connectionId}:${params.externalId}`),
	async execute({ params, api }) {
		const additional = params.additionalFields ?? {};
		const ecomOrder: IDataObject = {
			...additional,
			// Real-time unless the caller explicitly asks for a historical import (CONTRACT §3.3).
			source: additional.source === 0 ? 0 : 1,
			email: params.email,
			totalPrice: params.totalPrice,
			currency: params.currency,
			connectionid: params.connectionId,
			customerid: params.customerId,
			externalCreatedDate: params.externalCreatedDate,
		};
		if (params.externalId !== undefined) ecomOrder.externalid = params.externalId;
		if (params.externalCheckoutId !== undefined) ecomOrder.externalcheckoutid = params.externalCheckoutId;
		if (params.abandonedDate !== undefined) ecomOrder.abandonedDate = params.abandonedDate;
		// No natural key to look up safely: a duplicate External ID is refused by the API (422) and
		// the POST is never repeated after an ambiguous failure, since a retry would duplicate it.
		const body = await api.post('/ecomOrders', { ecomOrder });
		return orderWithProducts(body);
	},
});
