import { ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import {
	ICredentialsHelper,
	Workflow,
	type ICredentialDataDecryptedObject,
	type IDataObject,
	type IExecuteFunctions,
	type IHttpRequestOptions,
	type INode,
	type INodeExecutionData,
	type INodeType,
	type INodeTypes,
	type IRun,
	type IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';

import { ActiveCampaignV3Api } from '../credentials/ActiveCampaignV3Api.credentials';
import { ActiveCampaignV3V1 as ActiveCampaignV3 } from '../nodes/ActiveCampaignV3/ActiveCampaignV3V1.node';

/**
 * Runs our node the way n8n runs it: an in-memory workflow (an item source feeding our node)
 * executed by n8n-core's real WorkflowExecute, with credentials resolved and applied through the
 * same ICredentialsHelper contract n8n's server implements.
 */

export const NODE_TYPE = 'n8n-nodes-activecampaign-v3.activeCampaignV3';
const SOURCE_TYPE = 'test.itemSource';
const credentialType = new ActiveCampaignV3Api();

/** Emits the items given in its `items` parameter: the test's input. */
class ItemSource implements INodeType {
	description = {
		displayName: 'Item Source',
		name: 'itemSource',
		group: ['input'],
		version: 1,
		description: 'Test input',
		defaults: { name: 'Items' },
		inputs: ['main'],
		outputs: ['main'],
		properties: [{ displayName: 'Items', name: 'items', type: 'json', default: '[]' }],
	} as unknown as INodeType['description'];

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = JSON.parse(this.getNodeParameter('items', 0) as string) as IDataObject[];
		return [items.map((json) => ({ json }))];
	}
}

export class TestNodeTypes implements INodeTypes {
	private readonly types: Record<string, INodeType> = {
		[NODE_TYPE]: new ActiveCampaignV3(),
		[SOURCE_TYPE]: new ItemSource(),
	};

	getByName(type: string): INodeType {
		return this.types[type];
	}

	getByNameAndVersion(type: string): INodeType {
		return this.types[type];
	}

	getKnownTypes() {
		return {};
	}
}

/** Resolves `={{$credentials.x}}` templates the way n8n's CredentialsHelper does for generic auth. */
function resolveTemplate(template: unknown, credentials: ICredentialDataDecryptedObject): string {
	return String(template).replace(/^=\{\{\s*\$credentials\.(\w+)\s*\}\}$/, (_m, key: string) =>
		String(credentials[key] ?? ''),
	);
}

export class TestCredentialsHelper extends ICredentialsHelper {
	constructor(private readonly credentials: ICredentialDataDecryptedObject) {
		super();
	}

	getParentTypes(): string[] {
		return [];
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		if (typeName !== credentialType.name) throw new Error(`Unexpected credential type ${typeName}`);
		const headers = { ...(requestOptions.headers ?? {}) } as IDataObject;
		for (const [name, template] of Object.entries(credentialType.authenticate.properties.headers ?? {})) {
			headers[name] = resolveTemplate(template, credentials);
		}
		return { ...requestOptions, headers };
	}

	async preAuthentication() {
		return undefined;
	}

	async getCredentials(): Promise<never> {
		throw new Error('not used');
	}

	async getDecrypted(): Promise<ICredentialDataDecryptedObject> {
		return { ...this.credentials };
	}

	async updateCredentials(): Promise<void> {}

	async updateCredentialsOauthTokenData(): Promise<void> {}

	getCredentialsProperties() {
		return credentialType.properties;
	}
}

export interface RunOptions {
	/** Parameters of our node (resource, operation, …); values may be n8n expressions. */
	parameters: IDataObject;
	/** Input items; one empty item by default. */
	items?: IDataObject[];
	credentials: { apiUrl: string; apiKey: string; requestsPerSecond?: number };
}

export interface RunResult {
	items: INodeExecutionData[];
	json: IDataObject[];
	error: unknown;
}

let executionCounter = 0;

export async function runNode(options: RunOptions): Promise<RunResult> {
	const nodes: INode[] = [
		{
			id: 'source',
			name: 'Items',
			type: SOURCE_TYPE,
			typeVersion: 1,
			position: [0, 0],
			parameters: { items: JSON.stringify(options.items ?? [{}]) },
		},
		{
			id: 'ac',
			name: 'ActiveCampaign',
			type: NODE_TYPE,
			typeVersion: 1,
			position: [200, 0],
			parameters: options.parameters as INode['parameters'],
			credentials: { activeCampaignV3Api: { id: '1', name: 'ActiveCampaign account' } },
		},
	];
	const connections = { Items: { main: [[{ node: 'ActiveCampaign', type: 'main' as const, index: 0 }]] } };
	const workflow = new Workflow({
		id: 'test-workflow',
		name: 'test',
		nodes,
		connections,
		active: false,
		nodeTypes: new TestNodeTypes(),
		staticData: {},
		settings: {},
	});
	const executionId = `test-${++executionCounter}`;
	const hooks = new ExecutionLifecycleHooks('manual', executionId, {
		id: 'test-workflow',
		name: 'test',
		nodes,
		connections,
		active: false,
		settings: {},
		createdAt: new Date(),
		updatedAt: new Date(),
	} as never);
	const additionalData = {
		hooks,
		credentialsHelper: new TestCredentialsHelper(options.credentials),
		executeWorkflow: async () => {
			throw new Error('not used');
		},
		restApiUrl: 'http://127.0.0.1:5678/rest',
		instanceBaseUrl: 'http://127.0.0.1:5678',
		formWaitingBaseUrl: 'http://127.0.0.1:5678/form-waiting',
		webhookBaseUrl: 'http://127.0.0.1:5678/webhook',
		webhookWaitingBaseUrl: 'http://127.0.0.1:5678/webhook-waiting',
		webhookTestBaseUrl: 'http://127.0.0.1:5678/webhook-test',
		variables: {},
		userId: 'test-user',
		setExecutionStatus: () => {},
		logAiEvent: () => {},
	} as unknown as IWorkflowExecuteAdditionalData;
	const engine = new WorkflowExecute(additionalData, 'manual');
	const run: IRun = await engine.run({ workflow, startNode: workflow.getNode('Items')! });
	const nodeRuns = run.data.resultData.runData.ActiveCampaign;
	const items = nodeRuns?.[0]?.data?.main?.[0] ?? [];
	return { items, json: items.map((i) => i.json), error: run.data.resultData.error };
}
