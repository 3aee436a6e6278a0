import { defineOperation } from '../../framework/operation';
import { RECORD_KINDS, recordLocator } from '../../framework/locator';
import { boolean, text } from '../../framework/params';
import { definedOnly } from '../common';
import { colorParam, orderParam, stageAdditionalFieldsParam, stageIdParam, subjectOf } from './shared';

export default defineOperation({
	resource: 'stage',
	operation: 'update',
	title: 'Update a Stage',
	description: 'Change the given properties of a stage; properties not given stay as they are',
	agentHint: 'Stage ID is the stage\'s numeric ID; Group moves it to another pipeline',
	outputKey: 'Stage',
	params: { stageId: stageIdParam('The numeric ID of the stage to update, e.g. 123456 (from Get Many Stages)') },
	options: {
		title: text('Title', { description: 'New stage name, e.g. Negotiation' }),
		group: recordLocator('Group', RECORD_KINDS.pipeline, {
			description: 'The numeric ID of the pipeline the stage belongs to, e.g. 1; needed when its current pipeline was deleted',
		}),
		order: orderParam('New position of the stage in its pipeline, lower first, e.g. 2'),
		color: colorParam('New colour as 6 hexadecimal digits without #, e.g. 3f3f3f'),
		reorder: boolean('Reorder', {
			description: 'Whether to renumber the orders of all stages of the pipeline after this update',
			default: false,
		}),
		additionalFields: stageAdditionalFieldsParam(
			'Other stage settings: dealOrder, cardRegion1 to cardRegion5, width',
			'{"dealOrder": "value DESC", "width": 320}',
		),
	},
	requiresAnOption: { ignoring: ['reorder'] },
	async execute({ params, api }) {
		const dealStage = {
			...(params.additionalFields ?? {}),
			...definedOnly({ title: params.title, group: params.group, order: params.order, color: params.color }),
		};
		const response = await api.request({
			method: 'PUT',
			path: `/dealStages/${params.stageId}`,
			qs: params.reorder === undefined ? undefined : { reorder: params.reorder ? 1 : 0 },
			body: { dealStage },
			subject: subjectOf(params.stageId),
		});
		return response.body.dealStage;
	},
});
