/**
 * The sample agent workflow of the README (examples/ai-agent-activecampaign-tools.json) fits the
 * node: every tool uses a registered operation with its own parameter names, `$fromAI` keys n8n
 * accepts, and a manual tool description that tells the model how to read a result.
 */
import * as fs from 'fs';
import * as path from 'path';
import { traverseNodeParameters } from 'n8n-workflow';

import { registry } from '../../nodes/ActiveCampaignV3/actions';
import { RESULT_NOTE } from '../../nodes/ActiveCampaignV3/framework/agentText';
import { AGENT_NODE_TYPE, TOOL_NODE_TYPE } from './workflow';

interface ExampleNode {
	name: string;
	type: string;
	parameters: Record<string, any>;
}

const example = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'examples', 'ai-agent-activecampaign-tools.json'), 'utf8')) as {
	nodes: ExampleNode[];
	connections: Record<string, Record<string, Array<Array<{ node: string; type: string }>>>>;
};
const tools = example.nodes.filter((n) => n.type === TOOL_NODE_TYPE);

describe('examples/ai-agent-activecampaign-tools.json', () => {
	it('has a chat trigger, an AI Agent with a chat model, and six ActiveCampaign tools wired to it', () => {
		expect(example.nodes.map((n) => n.type).filter((t) => t !== TOOL_NODE_TYPE)).toEqual([
			'@n8n/n8n-nodes-langchain.chatTrigger',
			AGENT_NODE_TYPE,
			'@n8n/n8n-nodes-langchain.lmChatOpenAi',
		]);
		expect(tools.map((t) => `${t.parameters.resource}.${t.parameters.operation}`)).toEqual([
			'contact.getMany',
			'tag.getMany',
			'contactTag.add',
			'contactTag.remove',
			'stage.getMany',
			'deal.create',
		]);
		for (const tool of tools) expect(example.connections[tool.name]).toEqual({ ai_tool: [[{ node: 'AI Agent', type: 'ai_tool', index: 0 }]] });
	});

	it.each(tools.map((t) => [t.name, t] as const))('%s: parameters of its operation, valid $fromAI keys, a manual description', (_name, tool) => {
		const { resource, operation, descriptionType, toolDescription, options, ...params } = tool.parameters;
		const op = registry.get(resource, operation)!;
		expect(op).toBeDefined();
		expect(Object.keys(params).filter((name) => !Object.values(op.params).some((spec) => spec.name === name))).toEqual([]);
		expect(Object.keys(options ?? {}).filter((name) => !Object.values(op.options ?? {}).some((spec) => spec.name === name))).toEqual([]);
		const collected: Array<{ key: string; description?: string }> = [];
		traverseNodeParameters(tool.parameters, collected as never);
		expect(collected.length).toBeGreaterThan(0);
		for (const argument of collected) {
			expect(argument.key).toMatch(/^[a-zA-Z0-9_-]{1,64}$/);
			expect(argument.description).not.toBe('');
		}
		expect(descriptionType).toBe('manual');
		expect(toolDescription.startsWith(`${op.title}: `)).toBe(true);
		expect(toolDescription).toContain(RESULT_NOTE);
	});
});
