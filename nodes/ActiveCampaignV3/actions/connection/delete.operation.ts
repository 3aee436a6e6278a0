import { defineOperation } from '../../framework/operation';
import { connectionIdParam, connectionSubject } from './shared';

export default defineOperation({
	resource: 'connection',
	operation: 'delete',
	title: 'Delete a Connection',
	description: 'Permanently delete a connection (external service integration) by ID; syncing through it stops (cannot be undone)',
	agentHint: 'Connection ID is the connection\'s numeric ID (from Get Many Connections); permanent',
	outputKey: 'DeletedConnection',
	params: { connectionId: connectionIdParam('The numeric ID of the connection to delete, e.g. 123 (from Get Many Connections)') },
	async execute({ params, api }) {
		await api.delete(`/connections/${params.connectionId}`, connectionSubject(params.connectionId));
		return { id: String(params.connectionId), deleted: true };
	},
});
