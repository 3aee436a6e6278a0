import { defineOperation } from '../../framework/operation';
import { stageIdParam, subjectOf } from './shared';

export default defineOperation({
	resource: 'stage',
	operation: 'get',
	title: 'Get a Stage',
	description: 'Retrieve a deal stage by ID',
	agentHint: 'Stage ID is the stage\'s numeric ID (from Get Many Stages or Get a Pipeline)',
	outputKey: 'Stage',
	params: { stageId: stageIdParam('The numeric ID of the stage to retrieve, e.g. 12 (from Get Many Stages)') },
	async execute({ params, api }) {
		const body = await api.get(`/dealStages/${params.stageId}`, undefined, subjectOf(params.stageId));
		return body.dealStage;
	},
});
