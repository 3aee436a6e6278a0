import type { IDataObject } from 'n8n-workflow';

import { ValidationError } from '../../framework/errors';
import { defineOperation } from '../../framework/operation';
import { RECORD_KINDS, recordLocator } from '../../framework/locator';
import { email, json, text } from '../../framework/params';
import { acceptsMarketingParam, customerSubject, ecommerceCustomerIdParam } from './shared';

const CORE_FIELDS: Record<string, string> = {
	email: 'Email',
	externalid: 'External ID',
	externalId: 'External ID',
	connectionid: 'Connection ID',
	connectionId: 'Connection ID',
	acceptsMarketing: 'Accepts Marketing',
};

function checkAdditionalFields(value: unknown, where: string): IDataObject {
	const fields = value as IDataObject;
	for (const key of Object.keys(fields)) {
		if (CORE_FIELDS[key]) {
			throw new ValidationError(`${where} must not contain "${key}": use the "${CORE_FIELDS[key]}" option instead`);
		}
	}
	return fields;
}

export default defineOperation({
	resource: 'ecommerceCustomer',
	operation: 'update',
	title: 'Update an Ecommerce Customer',
	description: 'Change the email, external ID, marketing opt-in or connection of an e-commerce customer; fields not given stay as they are',
	agentHint: 'Ecommerce Customer ID is the e-commerce customer\'s ID (not the contact ID); the record is in EcommerceCustomer.EcommerceCustomer',
	outputKey: 'EcommerceCustomer',
	params: {
		ecommerceCustomerId: ecommerceCustomerIdParam('The numeric ID of the e-commerce customer to update, e.g. 123456789 (from Get Ecommerce Customers)'),
	},
	options: {
		email: email('Email', { description: 'New email address of the customer, e.g. john.doe@company.com' }),
		externalId: text('ExternalId', { description: 'New customer ID in your store, e.g. CUST-2024-001' }),
		acceptsMarketing: acceptsMarketingParam('Marketing opt-in: 0 = not opted in, 1 = opted in'),
		connectionId: recordLocator('ConnectionId', RECORD_KINDS.connection, { description: 'Move the customer to this connection, e.g. 1 (from Get Many Connections)' }),
		additionalFields: json('AdditionalFields', {
			kind: 'object',
			description: 'Other customer fields as key-value pairs, e.g. totalRevenue, totalOrders, totalProducts (not email, externalid, connectionid or acceptsMarketing)',
			example: '{"totalRevenue": "15000", "totalOrders": "12"}',
			check: checkAdditionalFields,
		}),
	},
	requiresAnOption: true,
	async execute({ params, api }) {
		const ecomCustomer: IDataObject = { ...(params.additionalFields ?? {}) };
		if (params.email !== undefined) ecomCustomer.email = params.email;
		if (params.externalId !== undefined) ecomCustomer.externalid = params.externalId;
		if (params.acceptsMarketing !== undefined) ecomCustomer.acceptsMarketing = params.acceptsMarketing;
		if (params.connectionId !== undefined) ecomCustomer.connectionid = params.connectionId;
		const subject = customerSubject(params.ecommerceCustomerId);
		const body = await api.put(`/ecomCustomers/${params.ecommerceCustomerId}`, { ecomCustomer }, subject);
		// CONTRACT §3.4: the record sits one level down, under EcommerceCustomer.EcommerceCustomer.
		return { EcommerceCustomer: body.ecomCustomer };
	},
});
