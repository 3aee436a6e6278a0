import { defineOperation } from '../../framework/operation';
import { choice, integer, text } from '../../framework/params';
import { definedOnly } from '../common';
import { pipelineIdParam } from '../pipeline/shared';
import { colorParam, orderParam, stageAdditionalFieldsParam } from './shared';

export default defineOperation({
	resource: 'stage',
	operation: 'create',
	title: 'Create a Stage',
	action: 'Create a Stage (not idempotent)',
	description: 'Create a stage in a pipeline; not idempotent: a retry would create a second one, so failures are reported, not retried',
	agentHint: 'Pipeline ID is the pipeline the stage belongs to; not idempotent: after a 500 check with Get Many Stages before retrying, a retry can create a second stage',
	outputKey: 'Stage',
	params: {
		title: text('Title', { required: true, description: 'Stage name, e.g. Proposal Sent' }),
		pipelineId: pipelineIdParam('The numeric ID of the pipeline (group) the stage belongs to, e.g. 8 (from Get Many Pipelines)'),
	},
	options: {
		order: orderParam('Position of the stage in the pipeline, lower first, e.g. 2; left out = placed at the end'),
		color: colorParam('Stage colour as 6 hexadecimal digits without #, e.g. 3f8cff (default 3f3f3f)'),
		width: integer('Width', { description: 'Width of the stage column in pixels, e.g. 300 (default 280)', min: 1, default: 280 }),
		reorder: choice('Reorder', {
			description: 'Whether to renumber the orders of all stages of the pipeline after creating this one: 0 = no, 1 = yes',
			options: [
				{ name: 'Keep Existing Orders (0)', value: 0 },
				{ name: 'Renumber All Stages (1)', value: 1 },
			],
			default: 0,
		}),
		additionalFields: stageAdditionalFieldsParam(
			'Deal card and sorting settings: dealOrder (e.g. "value ASC"), cardRegion1 to cardRegion5',
			'{"dealOrder": "value ASC", "cardRegion1": "value", "cardRegion3": "hide-avatar"}',
		),
	},
	async execute({ params, api }) {
		// The named options win over the same keys in Additional Fields.
		const dealStage = {
			...(params.additionalFields ?? {}),
			...definedOnly({
				title: params.title,
				group: params.pipelineId,
				order: params.order,
				color: params.color,
				width: params.width,
			}),
		};
		const response = await api.request({
			method: 'POST',
			path: '/dealStages',
			qs: params.reorder === undefined ? undefined : { reorder: params.reorder },
			body: { dealStage },
			subject: `Pipeline ${params.pipelineId}`,
		});
		return response.body.dealStage;
	},
});
