import { defineOperation } from '../../framework/operation';
import { pipelineIdParam, subjectOf } from './shared';

export default defineOperation({
	resource: 'pipeline',
	operation: 'delete',
	title: 'Delete a Pipeline',
	description: 'Permanently delete a pipeline and its stages by ID (move its deals first)',
	agentHint: 'Pipeline ID is the pipeline\'s numeric ID (from Get Many Pipelines); permanent, with its stages',
	outputKey: 'DeletedPipeline',
	params: { pipelineId: pipelineIdParam('The numeric ID of the pipeline to delete, e.g. 12345 (from Get Many Pipelines)') },
	async execute({ params, api }) {
		await api.delete(`/dealGroups/${params.pipelineId}`, subjectOf(params.pipelineId));
		return { Deleted: true };
	},
});
