import type { IDataObject } from 'n8n-workflow';

import { defineOperation, Outcome } from '../../framework/operation';
import { pipelineIdParam, subjectOf } from './shared';

export default defineOperation({
	resource: 'pipeline',
	operation: 'get',
	title: 'Get a Pipeline',
	description: 'Retrieve a pipeline by ID with its stages (each with id, title and order)',
	agentHint: 'Pipeline ID is the pipeline\'s numeric ID; its stages (id, title, order) are in Pipeline.DealGroup.stages',
	outputKey: 'Pipeline',
	params: { pipelineId: pipelineIdParam('The numeric ID of the pipeline to retrieve, e.g. 1 (from Get Many Pipelines)') },
	async execute({ params, api }) {
		const subject = subjectOf(params.pipelineId);
		const body = await api.get(`/dealGroups/${params.pipelineId}`, undefined, subject);
		const group: IDataObject = body.dealGroup ?? {};
		const ids = Array.isArray(group.stages) ? group.stages.map(String) : [];
		// ActiveCampaign lists stage IDs in the group and side-loads the stages themselves; the
		// output embeds the stage objects, in pipeline order.
		let stages: IDataObject[] = Array.isArray(body.dealStages)
			? body.dealStages.filter((s: IDataObject) => String(s.group) === String(group.id ?? params.pipelineId) || ids.includes(String(s.id)))
			: [];
		const missingFrom = (found: IDataObject[]) => ids.filter((id) => !found.some((s) => String(s.id) === id));
		// Not side-loaded, or side-loaded without some stage the pipeline lists: one listing settles it.
		if ((!Array.isArray(body.dealStages) && ids.length > 0) || missingFrom(stages).length > 0) {
			const listed = await api.list({
				path: '/dealStages',
				listKey: 'dealStages',
				qs: { 'filters[d_groupid]': params.pipelineId },
				page: { returnAll: true },
			});
			stages = listed.records;
		}
		stages = [...stages].sort((a, b) => Number(a.order) - Number(b.order) || Number(a.id) - Number(b.id));
		const missing = missingFrom(stages);
		if (missing.length === 0) return { DealGroup: { ...group, stages } };
		// A pipeline shown with fewer stages than it has would look complete: say which are missing.
		return new Outcome(
			{ DealGroup: { ...group, stages } },
			`${subject} was read, but not all its stages: it lists stage${missing.length === 1 ? '' : 's'} ${missing.join(', ')}, which could not be read; "stages" holds the ${stages.length} that could`,
		);
	},
});
