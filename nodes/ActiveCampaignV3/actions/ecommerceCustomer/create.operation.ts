import type { IDataObject } from 'n8n-workflow';

import { defineOperation } from '../../framework/operation';
import { RECORD_KINDS, recordLocator } from '../../framework/locator';
import { email, text } from '../../framework/params';
import { acceptsMarketingParam } from './shared';

export default defineOperation({
	resource: 'ecommerceCustomer',
	operation: 'create',
	title: 'Create an Ecommerce Customer',
	action: 'Create an Ecommerce Customer (not idempotent)',
	description: 'Create an e-commerce customer of a connection to track purchases and revenue',
	agentHint: 'Connection ID is the store connection\'s ID; not idempotent: after a 500 check with Get Ecommerce Customers before retrying, a retry can create a second customer',
	outputKey: 'EcommerceCustomer',
	params: {
		email: email('Email', { required: true, description: 'Email address of the customer, e.g. alice@example.com' }),
		connectionId: recordLocator('ConnectionId', RECORD_KINDS.connection, {
			required: true,
			description: 'The numeric ID of the connection (store) the customer belongs to, e.g. 8 (from Get Many Connections or Create a Connection)',
		}),
		externalId: text('ExternalId', {
			required: true,
			description: 'The customer ID in your store (Shopify, WooCommerce, …), e.g. cust_abc123; unique per connection',
		}),
	},
	options: {
		acceptsMarketing: acceptsMarketingParam('Whether the customer opted in to marketing: 0 = not opted in (default), 1 = opted in'),
	},
	// Items for the same connection + external ID run in input order, so the first one wins and
	// the duplicate is the later item (as a sequential node would report it).
	orderKey: (params) => `${params.connectionId}:${params.externalId}`,
	async execute({ params, api }) {
		const ecomCustomer: IDataObject = {
			connectionid: params.connectionId,
			externalid: params.externalId,
			email: params.email,
		};
		if (params.acceptsMarketing !== undefined) ecomCustomer.acceptsMarketing = params.acceptsMarketing;
		// No lookup first: connection + external ID must be unique and the API answers 422 for a
		// duplicate. A POST is never repeated after an ambiguous failure (transport rule).
		const body = await api.post('/ecomCustomers', { ecomCustomer }, `Connection ${params.connectionId}`);
		return body.ecomCustomer;
	},
});
