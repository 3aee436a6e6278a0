import { defineOperation } from '../../framework/operation';
import { withTotalNote } from '../../framework/listTotal';
import { paginationParams } from '../../framework/pagination';
import { RECORD_KINDS, recordLocator } from '../../framework/locator';
import { email, text } from '../../framework/params';
import { definedOnly } from '../common';

export default defineOperation({
	resource: 'ecommerceCustomer',
	operation: 'getMany',
	title: 'Get Ecommerce Customers',
	description: 'List e-commerce customers, optionally searched or filtered by exact email or connection',
	agentHint: 'Filter by email or connection; records are in Customers.Customers; revenue in cents',
	outputKey: 'Customers',
	failureValue: () => ({ Customers: [], TotalCount: 0 }),
	params: paginationParams({ noun: 'customers', defaultLimit: 20 }),
	options: {
		search: text('Search', { description: 'Text to look for in customers, e.g. John' }),
		email: email('Email', { description: 'Only the customers with this exact email address, e.g. customer@example.com' }),
		connectionId: recordLocator('ConnectionId', RECORD_KINDS.connection, {
			type: 'string',
			description: 'Only customers of this connection (store), e.g. "1" (from Get Many Connections)',
		}),
	},
	async execute({ params, api }) {
		const page = await api.list({
			path: '/ecomCustomers',
			listKey: 'ecomCustomers',
			qs: definedOnly({
				search: params.search,
				'filters[email]': params.email,
				'filters[connectionid]': params.connectionId,
			}),
			page: params,
		});
		return withTotalNote(page, { Customers: page.records, TotalCount: page.total });
	},
});
