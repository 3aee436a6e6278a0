import { ValidationError } from '../../framework/errors';
import { defineOperation, Outcome } from '../../framework/operation';
import { RECORD_KINDS, recordLocator } from '../../framework/locator';
import { email } from '../../framework/params';
import { customerSubject } from './shared';

export default defineOperation({
	resource: 'ecommerceCustomer',
	operation: 'get',
	title: 'Get an Ecommerce Customer',
	description: 'Retrieve an e-commerce customer by ID or by exact email (the ID wins when both are given)',
	agentHint: 'By Ecommerce Customer ID (not the contact ID) or by exact Email',
	outputKey: 'Customer',
	params: {},
	options: {
		ecommerceCustomerId: recordLocator('EcommerceCustomerId', RECORD_KINDS.ecommerceCustomer, {
			type: 'string',
			description: 'The numeric ID of the e-commerce customer, e.g. "123" (from Get Ecommerce Customers). Wins over Email.',
		}),
		email: email('Email', {
			description: 'Exact email address of the customer, e.g. customer@example.com; the first customer with it is returned',
		}),
	},
	validate(params) {
		if (params.ecommerceCustomerId === undefined && params.email === undefined) {
			throw new ValidationError(
				'Either "Ecommerce Customer ID" (ecommerceCustomerId) or "Email" (email) is required: add one of them under "Options" (options)',
			);
		}
	},
	async execute({ params, api }) {
		if (params.ecommerceCustomerId !== undefined) {
			const customerId = params.ecommerceCustomerId;
			const body = await api.get(`/ecomCustomers/${customerId}`, undefined, customerSubject(customerId));
			return body.ecomCustomer;
		}
		const wanted = params.email!.toLowerCase();
		// The API silently ignores filters it does not know: check every candidate's email ourselves.
		const found = await api.findFirst<{ email?: unknown }>(
			'/ecomCustomers',
			'ecomCustomers',
			{ 'filters[email]': params.email },
			(c) => String(c.email ?? '').toLowerCase() === wanted,
		);
		if (!found) return new Outcome({}, `No ecommerce customer with email ${params.email} was found`);
		return found;
	},
});
