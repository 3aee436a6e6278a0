/**
 * n8n workflow JSON for AI agents that use this package's node as a tool: a Manual Trigger, then one
 * AI Agent per scenario (chained, so one execution plays them all, one after the other), each with
 * an OpenAI Chat Model sub-node and our node's Tool variant(s) whose parameters are `$fromAI(...)`.
 */
export const TOOL_NODE_TYPE = 'n8n-nodes-activecampaign-v3.activeCampaignV3Tool';
export const AGENT_NODE_TYPE = '@n8n/n8n-nodes-langchain.agent';
export const MODEL_NODE_TYPE = '@n8n/n8n-nodes-langchain.lmChatOpenAi';

export interface CredentialRef {
	id: string;
	name: string;
}

export interface AgentTool {
	/** The node's name; n8n turns it into the tool's name (spaces become `_`). */
	name: string;
	resource: string;
	operation: string;
	/** Our node's parameters: `$fromAI` expressions and fixed values. */
	parameters: Record<string, unknown>;
}

export interface AgentScenario {
	/** The AI Agent node's name. */
	agent: string;
	/** What the user asks (the agent's prompt). */
	prompt: string;
	/** `responses` (model node 1.3's default) or `chat` (Chat Completions). */
	api: 'responses' | 'chat';
	tools: AgentTool[];
}

/** The expression the editor's ✨ button writes, with a description for the model. */
export function fromAI(key: string, description: string, type: 'string' | 'number' | 'boolean' = 'string'): string {
	if (/['\\]/.test(description)) throw new Error(`keep quotes and backslashes out of $fromAI descriptions: ${description}`);
	return `={{ $fromAI('${key}', '${description}', '${type}') }}`;
}

interface WorkflowNode {
	id: string;
	name: string;
	type: string;
	typeVersion: number;
	position: [number, number];
	parameters: Record<string, unknown>;
	credentials?: Record<string, CredentialRef>;
}

type Connections = Record<string, Record<string, Array<Array<{ node: string; type: string; index: number }>>>>;

export const AGENT_SYSTEM_MESSAGE =
	'You manage an ActiveCampaign account with the tools you are given. Every tool answers with one JSON object ' +
	'per call: the data under its own key, StatusCode, OriginalStatusCode and ErrorMessage. The call succeeded only ' +
	'when ErrorMessage is empty. StatusCode -1 means an argument was wrong and nothing was sent: fix the argument ' +
	'named in ErrorMessage and call again. StatusCode 500 means ActiveCampaign failed: you may retry a read, but do ' +
	'not repeat a create that the tool says is not idempotent. StatusCode 200 with a non-empty ErrorMessage (for ' +
	'example OriginalStatusCode 404) is a failure to report, not a success.';

export function agentWorkflow(
	id: string,
	scenarios: AgentScenario[],
	credentials: { activeCampaign: CredentialRef; openAi: CredentialRef },
): Record<string, unknown> {
	let counter = 0;
	const uuid = () => `00000000-0000-4000-9000-${String(++counter).padStart(12, '0')}`;
	const nodes: WorkflowNode[] = [
		{ id: uuid(), name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
	];
	const connections: Connections = {};
	let previous = 'Start';
	scenarios.forEach((scenario, index) => {
		const x = 300 + index * 600;
		nodes.push({
			id: uuid(),
			name: scenario.agent,
			type: AGENT_NODE_TYPE,
			typeVersion: 3.1,
			position: [x, 0],
			parameters: {
				promptType: 'define',
				text: scenario.prompt,
				options: { systemMessage: AGENT_SYSTEM_MESSAGE, returnIntermediateSteps: true, maxIterations: 10 },
			},
		});
		connections[previous] = { main: [[{ node: scenario.agent, type: 'main', index: 0 }]] };
		previous = scenario.agent;
		const model = `Model for ${scenario.agent}`;
		nodes.push({
			id: uuid(),
			name: model,
			type: MODEL_NODE_TYPE,
			typeVersion: 1.3,
			position: [x - 100, 250],
			parameters: {
				model: { __rl: true, mode: 'id', value: 'scripted-model' },
				responsesApiEnabled: scenario.api === 'responses',
				options: { maxRetries: 0 },
			},
			credentials: { openAiApi: credentials.openAi },
		});
		connections[model] = { ai_languageModel: [[{ node: scenario.agent, type: 'ai_languageModel', index: 0 }]] };
		scenario.tools.forEach((tool, toolIndex) => {
			nodes.push({
				id: uuid(),
				name: tool.name,
				type: TOOL_NODE_TYPE,
				typeVersion: 1,
				position: [x + 100 + toolIndex * 150, 250],
				parameters: { descriptionType: 'auto', resource: tool.resource, operation: tool.operation, ...tool.parameters },
				credentials: { activeCampaignV3Api: credentials.activeCampaign },
			});
			connections[tool.name] = { ai_tool: [[{ node: scenario.agent, type: 'ai_tool', index: 0 }]] };
		});
	});
	return {
		id,
		name: 'ActiveCampaign V3 as an AI agent tool',
		active: false,
		nodes,
		connections,
		settings: { executionOrder: 'v1' },
		pinData: {},
	};
}
