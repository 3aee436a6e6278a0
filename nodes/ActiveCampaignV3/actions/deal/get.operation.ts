import { CUSTOM_FIELD_FAMILIES, customFieldsByNameOption, withCustomFieldsByName } from '../../framework/customFields';
import { defineOperation } from '../../framework/operation';
import { dealIdParam, subjectOf } from './shared';

export default defineOperation({
	resource: 'deal',
	operation: 'get',
	title: 'Get a Deal',
	description: 'Retrieve a deal by ID',
	agentHint: 'Deal ID is the deal\'s numeric ID (from Get Many Deals); value is in cents',
	outputKey: 'Deal',
	params: { dealId: dealIdParam('The numeric ID of the deal to retrieve, e.g. 12345 (from Get Many Deals)') },
	options: {
		customFieldsByName: customFieldsByNameOption(CUSTOM_FIELD_FAMILIES.deal),
	},
	async execute({ params, api }) {
		const body = await api.get(`/deals/${params.dealId}`, undefined, subjectOf(params.dealId));
		if (!params.customFieldsByName) return body.deal;
		return withCustomFieldsByName(api, CUSTOM_FIELD_FAMILIES.deal, params.dealId, body.deal, subjectOf(params.dealId));
	},
});
