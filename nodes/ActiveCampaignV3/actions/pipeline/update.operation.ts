import { defineOperation } from '../../framework/operation';
import { text } from '../../framework/params';
import { definedOnly } from '../common';
import {
	allGroupsParam,
	allUsersParam,
	autoAssignParam,
	groupsParam,
	pipelineCurrencyParam,
	pipelineIdParam,
	subjectOf,
	usersParam,
} from './shared';

export default defineOperation({
	resource: 'pipeline',
	operation: 'update',
	title: 'Update a Pipeline',
	description: 'Change the given settings of a pipeline; settings not given stay as they are',
	agentHint: 'Pipeline ID is the pipeline\'s numeric ID; fields not given stay as they are',
	outputKey: 'Pipeline',
	params: { pipelineId: pipelineIdParam('The numeric ID of the pipeline to update, e.g. 8 (from Get Many Pipelines)') },
	options: {
		title: text('Title', { description: 'New pipeline name, e.g. Sales Pipeline Q1 2024' }),
		currency: pipelineCurrencyParam(false, 'New currency, 3 letters in any case, e.g. usd'),
		allGroups: allGroupsParam(),
		allUsers: allUsersParam(),
		autoAssign: autoAssignParam(),
		users: usersParam(),
		groups: groupsParam(),
	},
	requiresAnOption: true,
	async execute({ params, api }) {
		const dealGroup = definedOnly({
			title: params.title,
			currency: params.currency,
			allgroups: params.allGroups,
			allusers: params.allUsers,
			autoassign: params.autoAssign,
			users: params.users,
			groups: params.groups,
		});
		const body = await api.put(`/dealGroups/${params.pipelineId}`, { dealGroup }, subjectOf(params.pipelineId));
		return body.dealGroup;
	},
});
