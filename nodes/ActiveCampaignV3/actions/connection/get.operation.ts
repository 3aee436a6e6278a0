import { defineOperation } from '../../framework/operation';
import { connectionIdParam, connectionSubject } from './shared';

export default defineOperation({
	resource: 'connection',
	operation: 'get',
	title: 'Get a Connection',
	description: 'Retrieve a connection (external service integration) by ID, with its status and sync status',
	agentHint: 'Connection ID is the connection\'s numeric ID (from Get Many Connections); the record is in Connection.Connection',
	outputKey: 'Connection',
	params: { connectionId: connectionIdParam() },
	async execute({ params, api }) {
		const body = await api.get(`/connections/${params.connectionId}`, undefined, connectionSubject(params.connectionId));
		// CONTRACT §3.4: the record sits one level down, under Connection.Connection.
		return { Connection: body.connection };
	},
});
