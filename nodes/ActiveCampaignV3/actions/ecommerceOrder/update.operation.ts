import type { IDataObject } from 'n8n-workflow';

import { defineOperation } from '../../framework/operation';
import { cents, currency, dateTime, email, json } from '../../framework/params';
import { additionalFieldsChecker, checkOrderProducts, orderIdParam, orderSubject, orderWithProducts, UPDATE_ADDITIONAL } from './shared';

export default defineOperation({
	resource: 'ecommerceOrder',
	operation: 'update',
	title: 'Update an Ecommerce Order',
	action: 'Update an Ecommerce Order (cents)',
	description:
		'Change the given fields of an e-commerce order; Order Products, when given, replaces the whole product list. Amounts are in cents.',
	agentHint: 'Order ID is the e-commerce order\'s numeric ID; amounts are in cents; Order Products replaces the whole product list',
	outputKey: 'EcommerceOrder',
	params: { orderId: orderIdParam('The numeric ID of the order to update, e.g. 12345 (from Get Ecommerce Orders)') },
	options: {
		email: email('Email', { description: 'New customer email address, e.g. customer@example.com' }),
		totalPrice: cents('TotalPrice', { description: 'New total amount in cents, tax and shipping included, e.g. 45678 for 456.78' }),
		currency: currency('Currency', { sendAs: 'upper', description: 'New 3-letter ISO 4217 currency code, e.g. USD' }),
		externalUpdatedDate: dateTime('ExternalUpdatedDate', {
			description: 'When the order was last updated in the store, ISO 8601, e.g. 2024-01-15T10:30:00Z',
		}),
		orderProducts: json('OrderProducts', {
			kind: 'array',
			description:
				'The complete new product list (replaces the current one): objects with externalid, name, price (cents), quantity (1 or more) and optionally category, sku, description, imageUrl, productUrl',
			example: '[{"externalid": "prod-123", "name": "Wireless Mouse", "price": 2999, "quantity": 2}]',
			check: checkOrderProducts,
		}),
		additionalFields: json('AdditionalFields', {
			kind: 'object',
			description:
				'More order fields: externalid, externalcheckoutid, shippingAmount, taxAmount, discountAmount (cents), orderUrl, shippingMethod, orderNumber, abandonedDate, orderDiscounts [{name, type: order|shipping, discountAmount}]',
			example: '{"shippingAmount": 500, "taxAmount": 3679, "orderUrl": "https://store.example.com/orders/12345"}',
			check: additionalFieldsChecker(UPDATE_ADDITIONAL, 'update'),
		}),
	},
	requiresAnOption: true,
	async execute({ params, api }) {
		const ecomOrder: IDataObject = { ...(params.additionalFields ?? {}) };
		if (params.email !== undefined) ecomOrder.email = params.email;
		if (params.totalPrice !== undefined) ecomOrder.totalPrice = params.totalPrice;
		if (params.currency !== undefined) ecomOrder.currency = params.currency;
		if (params.externalUpdatedDate !== undefined) ecomOrder.externalUpdatedDate = params.externalUpdatedDate;
		if (params.orderProducts !== undefined) ecomOrder.orderProducts = params.orderProducts;
		const body = await api.put(`/ecomOrders/${params.orderId}`, { ecomOrder }, orderSubject(params.orderId));
		return orderWithProducts(body);
	},
});
