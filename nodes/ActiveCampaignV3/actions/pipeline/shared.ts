import { ValidationError } from '../../framework/errors';
import { RECORD_KINDS, recordLocator } from '../../framework/locator';
import { choice, currency, json } from '../../framework/params';

export const pipelineIdParam = (description = 'The numeric ID of the pipeline, e.g. 8 (from Get Many Pipelines or Create a Pipeline)') =>
	recordLocator('PipelineId', RECORD_KINDS.pipeline, { required: true, description });

export const pipelineCurrencyParam = <R extends boolean>(required: R, description: string) =>
	currency<R>('Currency', { required, description, sendAs: 'lower' });

export const allGroupsParam = () =>
	choice('AllGroups', {
		description: 'Whether every user group may manage this pipeline (1) or only the groups listed in Groups (0)',
		options: [
			{ name: 'All Groups (1)', value: 1 },
			{ name: 'Only the Listed Groups (0)', value: 0 },
		],
		default: 1,
	});

export const allUsersParam = () =>
	choice('AllUsers', {
		description: 'Whether new deals are auto-assigned to all users (1) or only to the users listed in Users (0)',
		options: [
			{ name: 'All Users (1)', value: 1 },
			{ name: 'Only the Listed Users (0)', value: 0 },
		],
		default: 1,
	});

export const autoAssignParam = () =>
	choice('AutoAssign', {
		description: 'How new deals are assigned: 0 = disabled, 1 = round robin, 2 = by deal value',
		options: [
			{ name: 'Disabled (0)', value: 0 },
			{ name: 'Round Robin (1)', value: 1 },
			{ name: 'By Deal Value (2)', value: 2 },
		],
		default: 0,
	});

/** A JSON list of numeric IDs, sent as the strings ActiveCampaign's examples use. */
function idList(value: unknown, where: string): string[] {
	return (value as unknown[]).map((entry, i) => {
		const text = typeof entry === 'number' ? String(entry) : typeof entry === 'string' ? entry.trim() : '';
		if (!/^\d{1,15}$/.test(text) || Number(text) <= 0) {
			throw new ValidationError(`${where} item ${i} must be a positive numeric ID such as "3" (got ${JSON.stringify(entry)})`);
		}
		return text;
	});
}

export const usersParam = () =>
	json<string[]>('Users', {
		kind: 'array',
		description: 'User IDs to auto-assign new deals to (unless auto-assign is disabled)',
		example: '["3", "7", "12"]',
		check: idList,
	});

export const groupsParam = () =>
	json<string[]>('Groups', {
		kind: 'array',
		description: 'User group IDs allowed to manage this pipeline (used when All Groups is 0)',
		example: '["1", "2"]',
		check: idList,
	});

export const subjectOf = (pipelineId: number) => `Pipeline ${pipelineId}`;
