import type { IDataObject } from 'n8n-workflow';

import type { ApiClient } from '../../framework/apiClient';
import { withTotalNote } from '../../framework/listTotal';
import { defineOperation } from '../../framework/operation';
import { paginationParams } from '../../framework/pagination';
import { RECORD_KINDS, recordLocator } from '../../framework/locator';
import { text } from '../../framework/params';

interface Page {
	returnAll: boolean;
	limit: number;
	offset: number;
}

/** The IDs of the customers whose external (store) ID is exactly `externalId`. */
async function customersWithExternalId(api: ApiClient, externalId: string): Promise<string[]> {
	const customers = await api.list<{ id?: unknown; externalid?: unknown }>({
		path: '/ecomCustomers',
		listKey: 'ecomCustomers',
		qs: { 'filters[externalid]': externalId },
		page: { returnAll: true },
	});
	// The API ignores filters it does not know: keep only exact matches.
	return customers.records.filter((c) => String(c.externalid ?? '') === externalId).map((c) => String(c.id));
}

async function ordersOf(api: ApiClient, qs: IDataObject, page: Page) {
	const result = await api.list({ path: '/ecomOrders', listKey: 'ecomOrders', qs, page });
	return withTotalNote(result, { orders: result.records, total: result.total, hasMore: result.hasMore });
}

export default defineOperation({
	resource: 'ecommerceOrder',
	operation: 'getMany',
	title: 'Get Ecommerce Orders',
	description: 'List e-commerce orders, optionally only those of one customer (by customer ID or by the customer\'s ID in the store)',
	agentHint: 'Customer ID is the e-commerce customer\'s ID, External ID the customer\'s ID in the store; records are in Orders.orders; amounts in cents',
	outputKey: 'Orders',
	params: paginationParams({ noun: 'orders' }),
	options: {
		customerId: recordLocator('CustomerId', RECORD_KINDS.ecommerceCustomer, {
			type: 'string',
			description: 'Only orders of this e-commerce customer, e.g. "67890" (from Get Ecommerce Customers). Wins over External ID.',
		}),
		externalId: text('ExternalId', {
			description: 'Only orders of the customer with this ID in the store (Shopify, WooCommerce, …), e.g. SHOP-CUST-001',
		}),
	},
	async execute({ params, api }) {
		const page: Page = { returnAll: params.returnAll ?? false, limit: params.limit ?? 100, offset: params.offset ?? 0 };
		if (params.customerId !== undefined) return ordersOf(api, { 'filters[customerid]': params.customerId }, page);
		if (params.externalId === undefined) return ordersOf(api, {}, page);

		const customerIds = await customersWithExternalId(api, params.externalId);
		if (customerIds.length === 0) return { orders: [], total: 0, hasMore: false };
		if (customerIds.length === 1) return ordersOf(api, { 'filters[customerid]': customerIds[0] }, page);
		// The same store ID under several connections: gather every order, then page the union.
		const all: IDataObject[] = [];
		for (const customerId of customerIds) {
			const result = await api.list({
				path: '/ecomOrders',
				listKey: 'ecomOrders',
				qs: { 'filters[customerid]': customerId },
				page: { returnAll: true },
			});
			all.push(...result.records);
		}
		all.sort((a, b) => Number(a.id) - Number(b.id));
		const orders = page.returnAll ? all.slice(page.offset) : all.slice(page.offset, page.offset + page.limit);
		return { orders, total: all.length, hasMore: page.offset + orders.length < all.length };
	},
});
