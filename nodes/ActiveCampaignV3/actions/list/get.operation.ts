import { defineOperation } from '../../framework/operation';
import { listIdParam } from '../common';

export default defineOperation({
	resource: 'list',
	operation: 'get',
	title: 'Get a List',
	description: 'Retrieve a list by ID',
	agentHint: 'List ID is the list\'s numeric ID (from Get Many Lists)',
	outputKey: 'List',
	params: { listId: listIdParam('The numeric ID of the list, e.g. 123') },
	async execute({ params, api }) {
		const body = await api.get(`/lists/${params.listId}`, undefined, `List ${params.listId}`);
		return body.list;
	},
});
