import { defineOperation } from '../../framework/operation';
import { text } from '../../framework/params';
import { definedOnly } from '../common';
import { allGroupsParam, allUsersParam, autoAssignParam, groupsParam, pipelineCurrencyParam, usersParam } from './shared';

export default defineOperation({
	resource: 'pipeline',
	operation: 'create',
	title: 'Create a Pipeline',
	action: 'Create a Pipeline (not idempotent)',
	description: 'Create a pipeline (deal group); not idempotent: a retry would create a second one, so failures are reported, not retried',
	agentHint: 'A pipeline (deal group) with three default stages; not idempotent: after a 500 check with Get Many Pipelines before retrying, a retry can create a second pipeline',
	outputKey: 'Pipeline',
	params: {
		title: text('Title', { required: true, description: 'Pipeline name, e.g. Sales Pipeline Q1 2024' }),
		currency: pipelineCurrencyParam(true, 'Currency of the deals in this pipeline, 3 letters in any case, e.g. usd'),
	},
	options: {
		allGroups: allGroupsParam(),
		allUsers: allUsersParam(),
		autoAssign: autoAssignParam(),
		users: usersParam(),
		groups: groupsParam(),
	},
	async execute({ params, api }) {
		const dealGroup = definedOnly({
			title: params.title,
			currency: params.currency,
			allgroups: params.allGroups ?? 1,
			allusers: params.allUsers ?? 1,
			autoassign: params.autoAssign ?? 0,
			users: params.users,
			groups: params.groups,
		});
		const body = await api.post('/dealGroups', { dealGroup });
		// The contract's Pipeline always has `stages` (an array; ActiveCampaign may add default stages).
		const created = body.dealGroup;
		return created && typeof created === 'object' && !Array.isArray(created.stages) ? { ...created, stages: [] } : created;
	},
});
