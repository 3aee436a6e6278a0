/**
 * What an AI agent in n8n is told about each operation when this node is its tool, computed with
 * n8n's own functions (n8n-workflow's tool description and `$fromAI` parsing, LangChain's JSON
 * schema conversion, as n8n 2.41.1 runs them; the e2e agent suite checks the same shape against a
 * real n8n). Written to docs/agent-tools.json by `npm run docs:agent-tools`; the unit test
 * agentTools.test.ts fails when the committed file is out of date.
 */
import { toJsonSchema } from '@langchain/core/utils/json_schema';
import { generateZodSchema, NodeHelpers, nodeNameToToolName, traverseNodeParameters, type INode, type INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { ActiveCampaignV3V1 as ActiveCampaignV3 } from '../../nodes/ActiveCampaignV3/ActiveCampaignV3V1.node';
import { registry } from '../../nodes/ActiveCampaignV3/actions';
import { actionText, agentDescription, RESULT_NOTE } from '../../nodes/ActiveCampaignV3/framework/agentText';
import type { ParamSpec } from '../../nodes/ActiveCampaignV3/framework/params';

export interface ToolArgument {
	/** The `$fromAI` key the editor's ✨ button writes: the display name, other characters as `_`. */
	key: string;
	/** The node parameter it fills, e.g. `contactId`, or `options.email`. */
	parameter: string;
	type: 'string' | 'number' | 'boolean' | 'json';
	required: boolean;
	/** The parameter's own description: a good `$fromAI` description to paste. */
	description: string;
	/** The expression to put into the parameter (✨ with the description filled in). */
	fromAI: string;
}

export interface AgentTool {
	resource: string;
	operation: string;
	title: string;
	/** The action text: the node panel's entry and the default name of a new tool node. */
	action: string;
	/** The tool node's default name, as the editor names a new tool node. */
	defaultNodeName: string;
	/** The tool name n8n derives from that node name. */
	toolName: string;
	/** The tool description n8n sends when "Tool Description" is "Set Automatically". */
	automaticDescription: string;
	/** A description for "Set Manually": what the operation does, its traps, how to read the result. */
	recommendedDescription: string;
	/** Every parameter the ✨ button can hand to the model. */
	arguments: ToolArgument[];
	/** The JSON schema n8n sends when every required parameter is ✨'d with its description. */
	schema: unknown;
}

/** Parameter types the editor's ✨ ("let the model define this") offers, and the `$fromAI` type it writes. */
function fromAIType(property: INodeProperties): ToolArgument['type'] | undefined {
	switch (property.type) {
		case 'boolean':
		case 'number':
		case 'json':
			return property.type;
		case 'string':
		case 'resourceLocator':
			return 'string';
		default:
			return undefined;
	}
}

/** The editor's key: the display name with every character outside [a-zA-Z0-9-] as `_`, at most 63. */
function editorKey(displayName: string): string {
	return displayName.replace(/[^a-zA-Z0-9-]/g, '_').slice(0, 63);
}

function fromAIExpression(key: string, description: string, type: string): string {
	const quote = description.includes('`') ? (description.includes('"') ? "'" : '"') : '`';
	return `={{ $fromAI('${key}', ${quote}${description.replace(/\\/g, '\\\\').split(quote).join(`\\${quote}`)}${quote}, '${type}') }}`;
}

export function buildAgentTools(): { resultNote: string; tools: AgentTool[] } {
	const nodeType = new ActiveCampaignV3();
	const nodeName = nodeType.description.defaults.name as string;
	const tools = registry.all().map((op): AgentTool => {
		const args: ToolArgument[] = [];
		const collect = (specs: Record<string, ParamSpec<unknown>> | undefined, inOptions: boolean) => {
			for (const spec of Object.values(specs ?? {})) {
				const type = fromAIType(spec.property);
				if (!type) continue;
				const key = editorKey(spec.property.displayName);
				const description = spec.property.description ?? '';
				args.push({
					key,
					parameter: inOptions ? `options.${spec.property.name}` : spec.property.name,
					type,
					required: !inOptions && spec.required,
					description,
					fromAI: fromAIExpression(key, description, type),
				});
			}
		};
		collect(op.params as Record<string, ParamSpec<unknown>>, false);
		collect(op.options as Record<string, ParamSpec<unknown>> | undefined, true);
		const action = actionText(op);
		const defaultNodeName = `${action} in ${nodeName}`;
		const parameters: Record<string, unknown> = { resource: op.resource, operation: op.operation, descriptionType: 'auto' };
		for (const arg of args.filter((a) => a.required)) parameters[arg.parameter] = arg.fromAI;
		const node = { name: defaultNodeName, parameters } as unknown as INode;
		const collected: Array<{ key: string; description?: string; type?: string; defaultValue?: unknown }> = [];
		traverseNodeParameters(node.parameters, collected as never);
		const shape = Object.fromEntries(collected.map((placeholder) => [placeholder.key, generateZodSchema(placeholder as never)]));
		return {
			resource: op.resource,
			operation: op.operation,
			title: op.title,
			action,
			defaultNodeName,
			toolName: nodeNameToToolName(defaultNodeName),
			automaticDescription: NodeHelpers.getToolDescriptionForNode(node, nodeType as never),
			recommendedDescription: agentDescription(op),
			arguments: args,
			schema: toJsonSchema(z.object(shape).required() as never),
		};
	});
	return { resultNote: RESULT_NOTE, tools };
}

/** The file's text: stable key order, tabs, a final newline. */
export function agentToolsFileText(): string {
	return `${JSON.stringify(buildAgentTools(), null, '\t')}\n`;
}
