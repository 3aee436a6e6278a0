import { defineOperation } from '../../framework/operation';
import { listIdParam } from '../common';

export default defineOperation({
	resource: 'list',
	operation: 'delete',
	title: 'Delete a List',
	description: 'Permanently delete a list by ID; its contacts are kept',
	agentHint: 'List ID is the list\'s numeric ID (from Get Many Lists); permanent, its contacts are kept',
	outputKey: 'DeletedList',
	params: { listId: listIdParam('The numeric ID of the list to delete, e.g. 123') },
	async execute({ params, api }) {
		await api.delete(`/lists/${params.listId}`, `List ${params.listId}`);
		return { deleted: true };
	},
});
