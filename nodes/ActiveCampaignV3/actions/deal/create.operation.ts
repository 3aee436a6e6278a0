import { CUSTOM_FIELD_FAMILIES, customFieldsByName, withFieldList } from '../../framework/customFields';
import { defineOperation } from '../../framework/operation';
import { RECORD_KINDS, recordLocator } from '../../framework/locator';
import { text } from '../../framework/params';
import { contactIdParam } from '../common';
import { pipelineIdParam } from '../pipeline/shared';
import { dealAdditionalFieldsParam, dealCurrencyParam, valueParam } from './shared';

export default defineOperation({
	resource: 'deal',
	operation: 'create',
	title: 'Create a Deal',
	action: 'Create a Deal (cents, not idempotent)',
	description: 'Create a deal in a pipeline stage; not idempotent: a retry would create a second deal, so failures are reported, not retried',
	agentHint: 'Value is in cents (2500.00 = 250000); Stage ID must belong to Pipeline ID; not idempotent: after a 500 check with Get Many Deals before retrying, a retry can create a second deal',
	outputKey: 'Deal',
	params: {
		title: text('Title', { required: true, description: 'Deal title, e.g. Annual Software License - TechCo' }),
		contactId: contactIdParam('The numeric ID of the contact of the deal, e.g. 123 (from Get Many Contacts)'),
		value: valueParam(true, 'Deal value in cents, a whole number of 0 or more, sent unchanged: 45678 means 456.78'),
		currency: dealCurrencyParam(true, 'Currency code, 3 letters in any case (sent lower-case), e.g. USD'),
		stageId: recordLocator('StageId', RECORD_KINDS.stage, {
			required: true,
			description: 'The numeric ID of the stage, which must belong to the pipeline, e.g. 1 (from Get Many Stages)',
		}),
		pipelineId: pipelineIdParam('The numeric ID of the pipeline of the deal, e.g. 1 (from Get Many Pipelines)'),
		customFieldsByName: customFieldsByName(CUSTOM_FIELD_FAMILIES.deal),
	},
	options: {
		owner: recordLocator('Owner', RECORD_KINDS.user, { description: 'User ID of the deal owner, e.g. 1; defaults to 1, usually the first user' }),
		additionalFields: dealAdditionalFieldsParam(
			'Other deal fields: description, percent (0-100), status (0 open, 1 won, 2 lost), account, fields (custom field values)',
			'{"description": "Deal\'s description", "percent": 75, "status": 0}',
		),
	},
	async execute({ params, api }) {
		const extra = withFieldList(CUSTOM_FIELD_FAMILIES.deal, params.additionalFields ?? {}, params.customFieldsByName);
		// The required parameters win over the same keys in Additional Fields.
		const deal = {
			...extra,
			title: params.title,
			contact: params.contactId,
			value: params.value,
			currency: params.currency,
			group: params.pipelineId,
			stage: params.stageId,
			owner: params.owner ?? extra.owner ?? 1,
		};
		const body = await api.post('/deals', { deal }, `Contact ${params.contactId}, stage ${params.stageId} or pipeline ${params.pipelineId}`);
		// The API names the pipeline `group`; the contract's Deal also carries it as `pipeline`.
		return body.deal && typeof body.deal === 'object' ? { ...body.deal, pipeline: body.deal.pipeline ?? body.deal.group } : body.deal;
	},
});
