import type { IDataObject } from 'n8n-workflow';

import { CUSTOM_FIELD_FAMILIES, customFieldsByName, withFieldList } from '../../framework/customFields';
import { defineOperation } from '../../framework/operation';
import { text } from '../../framework/params';
import { definedOnly } from '../common';
import { dealAdditionalFieldsParam, dealCurrencyParam, dealIdParam, statusParam, subjectOf, valueParam } from './shared';

/** The fields of a fetched deal that a PUT may carry back. */
const WRITABLE = ['title', 'description', 'value', 'currency', 'status', 'percent', 'owner', 'contact', 'account', 'group', 'stage'];

export default defineOperation({
	resource: 'deal',
	operation: 'update',
	title: 'Update a Deal',
	action: 'Update a Deal (value in cents)',
	description: 'Change the given fields of a deal: the deal is fetched, the fields merged, and the whole deal sent back',
	agentHint: 'Deal ID is the deal\'s numeric ID; Value is in cents; Status 0 open, 1 won, 2 lost',
	outputKey: 'Deal',
	params: {
		dealId: dealIdParam('The numeric ID of the deal to update, e.g. 123 (from Get Many Deals)'),
		customFieldsByName: customFieldsByName(CUSTOM_FIELD_FAMILIES.deal),
	},
	options: {
		title: text('Title', { description: 'New deal title, e.g. Updated Deal - Q1 Enterprise Contract' }),
		value: valueParam(false, 'New deal value in cents, a whole number of 0 or more: 50000 means 500.00'),
		currency: dealCurrencyParam(false, 'New currency, 3 letters in any case (sent lower-case), e.g. usd'),
		status: statusParam(),
		description: text('Description', { description: 'New deal description', maxLength: 65535, multiline: true }),
		additionalFields: dealAdditionalFieldsParam(
			'Other fields to change: group (pipeline ID), stage (stage ID, must belong to the pipeline), owner, percent (0-100), fields (custom field values)',
			'{"stage": "3", "percent": 50, "fields": [{"customFieldId": "1", "fieldValue": "Value 1"}]}',
		),
	},
	requiresAnOption: true,
	async execute({ params, api }) {
		const subject = subjectOf(params.dealId);
		// Merge before put: what is not given keeps the deal's current value.
		const current: IDataObject = (await api.get(`/deals/${params.dealId}`, undefined, subject)).deal ?? {};
		const base: IDataObject = {};
		for (const key of WRITABLE) {
			if (current[key] !== undefined && current[key] !== null) base[key] = current[key];
		}
		const deal = {
			...base,
			...withFieldList(CUSTOM_FIELD_FAMILIES.deal, params.additionalFields ?? {}, params.customFieldsByName),
			...definedOnly({
				title: params.title,
				value: params.value,
				currency: params.currency,
				status: params.status,
				description: params.description,
			}),
		};
		const body = await api.put(`/deals/${params.dealId}`, { deal }, subject);
		return body.deal;
	},
});
