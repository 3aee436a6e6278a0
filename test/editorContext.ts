import { LoadOptionsContext } from 'n8n-core';
import { Workflow, type IDataObject, type ILoadOptionsFunctions, type INode, type IWorkflowExecuteAdditionalData } from 'n8n-workflow';

import { NODE_TYPE, TestCredentialsHelper, TestNodeTypes } from './harness';

/**
 * The context n8n's editor gives a node's `methods` (pickers, field lists): n8n-core's real
 * LoadOptionsContext over our node with its current parameters, credentials resolved through the
 * same helper the execution harness uses, so requests take the node's one transport.
 */
export function editorContext(options: {
	parameters: IDataObject;
	credentials: { apiUrl: string; apiKey: string };
	/** The parameter being loaded, e.g. `parameters.stageId`. */
	path?: string;
}): ILoadOptionsFunctions {
	const node: INode = {
		id: 'ac',
		name: 'ActiveCampaign',
		type: NODE_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters: options.parameters as INode['parameters'],
		credentials: { activeCampaignV3Api: { id: '1', name: 'ActiveCampaign account' } },
	};
	const workflow = new Workflow({
		id: 'editor-workflow',
		name: 'editor',
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: new TestNodeTypes(),
		staticData: {},
		settings: {},
	});
	const additionalData = {
		credentialsHelper: new TestCredentialsHelper(options.credentials),
		currentNodeParameters: options.parameters,
		restApiUrl: 'http://127.0.0.1:5678/rest',
		instanceBaseUrl: 'http://127.0.0.1:5678',
		webhookBaseUrl: 'http://127.0.0.1:5678/webhook',
		webhookWaitingBaseUrl: 'http://127.0.0.1:5678/webhook-waiting',
		webhookTestBaseUrl: 'http://127.0.0.1:5678/webhook-test',
		formWaitingBaseUrl: 'http://127.0.0.1:5678/form-waiting',
		variables: {},
		userId: 'test-user',
	} as unknown as IWorkflowExecuteAdditionalData;
	return new LoadOptionsContext(workflow, node, additionalData, options.path ?? 'parameters');
}
