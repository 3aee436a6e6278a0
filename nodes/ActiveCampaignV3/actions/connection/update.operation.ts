import type { IDataObject } from 'n8n-workflow';

import { defineOperation } from '../../framework/operation';
import { json } from '../../framework/params';
import {
	checkConnectionAdditionalFields,
	connectionIdParam,
	connectionSubject,
	externalIdParam,
	linkUrlParam,
	logoUrlParam,
	nameParam,
	serviceParam,
} from './shared';

export default defineOperation({
	resource: 'connection',
	operation: 'update',
	title: 'Update a Connection',
	description: 'Change the name, URLs, list or status of a connection; options not given stay as they are',
	agentHint: 'Connection ID is the connection\'s numeric ID; fields not given stay as they are',
	outputKey: 'Connection',
	params: {
		connectionId: connectionIdParam('The numeric ID of the connection to update, e.g. 123 (from Get Many Connections)'),
		service: serviceParam('Name of the external service, e.g. Shopify (the service of the connection)'),
		externalId: externalIdParam('ID of the account in the external service, e.g. shop12345'),
		name: nameParam('Display name of the connection, usually the company name, e.g. Acme Corp'),
	},
	options: {
		logoUrl: logoUrlParam(false),
		linkUrl: linkUrlParam(false),
		additionalFields: json('AdditionalFields', {
			kind: 'object',
			description:
				'More connection fields: listId (ID of the list new contacts are synced to), status (0 = error, 1 = connected), syncStatus (0 = stopped, 1 = running)',
			example: '{"listId": "5", "status": 1, "syncStatus": 1}',
			check: checkConnectionAdditionalFields,
		}),
	},
	async execute({ params, api }) {
		const connection: IDataObject = {
			service: params.service,
			externalid: params.externalId,
			name: params.name,
		};
		if (params.logoUrl !== undefined) connection.logoUrl = params.logoUrl;
		if (params.linkUrl !== undefined) connection.linkUrl = params.linkUrl;
		Object.assign(connection, params.additionalFields ?? {});
		const body = await api.put(
			`/connections/${params.connectionId}`,
			{ connection },
			connectionSubject(params.connectionId),
		);
		return body.connection;
	},
});
