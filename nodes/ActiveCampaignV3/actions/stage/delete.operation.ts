import { defineOperation } from '../../framework/operation';
import { stageIdParam, subjectOf } from './shared';

export default defineOperation({
	resource: 'stage',
	operation: 'delete',
	title: 'Delete a Stage',
	description: 'Permanently delete a stage by ID; a stage that does not exist counts as deleted',
	agentHint: 'Stage ID is the stage\'s numeric ID (from Get Many Stages or Get a Pipeline); a missing stage counts as deleted',
	outputKey: 'DeletedStage',
	params: { stageId: stageIdParam('The numeric ID of the stage to delete, e.g. 123 (from Get Many Stages)') },
	async execute({ params, api }) {
		// Idempotent delete: a missing stage is already gone. OriginalStatusCode keeps the 404.
		await api.attempt({ method: 'DELETE', path: `/dealStages/${params.stageId}`, subject: subjectOf(params.stageId) }, [404]);
		return { Deleted: true };
	},
});
