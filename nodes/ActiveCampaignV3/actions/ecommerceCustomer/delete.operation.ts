import { defineOperation } from '../../framework/operation';
import { customerSubject, ecommerceCustomerIdParam } from './shared';

export default defineOperation({
	resource: 'ecommerceCustomer',
	operation: 'delete',
	title: 'Delete an Ecommerce Customer',
	description: 'Permanently delete an e-commerce customer by ID (the contact stays; cannot be undone)',
	agentHint: 'Ecommerce Customer ID is the e-commerce customer\'s ID (not the contact ID); permanent',
	outputKey: 'DeletedEcommerceCustomer',
	params: {
		ecommerceCustomerId: ecommerceCustomerIdParam('The numeric ID of the e-commerce customer to delete, e.g. 12345 (from Get Ecommerce Customers)'),
	},
	async execute({ params, api }) {
		await api.delete(`/ecomCustomers/${params.ecommerceCustomerId}`, customerSubject(params.ecommerceCustomerId));
		return { id: String(params.ecommerceCustomerId), deleted: true };
	},
});
