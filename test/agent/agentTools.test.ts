/**
 * docs/agent-tools.json — what an AI agent is told about every operation — is up to date and says
 * what a model needs: which ID is meant, cents, which creates a retry can duplicate, how to read a
 * result. Regenerate with `npm run docs:agent-tools`.
 */
import * as fs from 'fs';
import * as path from 'path';

import { registry } from '../../nodes/ActiveCampaignV3/actions';
import { MAX_ACTION_LENGTH } from '../../nodes/ActiveCampaignV3/framework/agentText';
import { agentToolsFileText, buildAgentTools, type AgentTool } from './agentTools';

const FILE = path.join(__dirname, '..', '..', 'docs', 'agent-tools.json');

if (process.env.UPDATE_AGENT_TOOLS) fs.writeFileSync(FILE, agentToolsFileText());

const { tools } = buildAgentTools();
const tool = (resource: string, operation: string): AgentTool => {
	const found = tools.find((t) => t.resource === resource && t.operation === operation);
	if (!found) throw new Error(`no tool ${resource}.${operation}`);
	return found;
};

describe('docs/agent-tools.json', () => {
	it('is up to date (npm run docs:agent-tools)', () => {
		const committed = fs.readFileSync(FILE, 'utf8');
		if (committed !== agentToolsFileText()) {
			throw new Error('docs/agent-tools.json is out of date: an action, title or parameter changed. Run `npm run docs:agent-tools` and commit the file.');
		}
		expect(JSON.parse(committed).tools).toHaveLength(registry.all().length);
	});

	it('has one tool per registered operation', () => {
		expect(tools.map((t) => `${t.resource}.${t.operation}`).sort()).toEqual(registry.all().map((op) => `${op.resource}.${op.operation}`).sort());
	});
});

describe('what n8n tells the model with "Set Automatically"', () => {
	it('is "<action> in ActiveCampaign V3"; the tool name keeps all of it (no cut at 64)', () => {
		for (const t of tools) {
			expect(t.automaticDescription).toBe(`${t.action} in ActiveCampaign V3`);
			expect(t.action.length).toBeLessThanOrEqual(MAX_ACTION_LENGTH);
			expect(t.toolName).toBe(t.defaultNodeName.replace(/[^a-zA-Z0-9_-]+/g, '_'));
			expect(t.toolName.endsWith('_in_ActiveCampaign_V3')).toBe(true);
		}
		expect(tool('tag', 'create').toolName).toBe('Create_a_Tag_in_ActiveCampaign_V3');
	});

	it('says which ID is meant where the title would mislead', () => {
		expect(tool('contactTag', 'remove').automaticDescription).toBe('Remove a Contact Tag by association ID in ActiveCampaign V3');
		expect(tool('ecommerceOrderProduct', 'getByProductId').automaticDescription).toBe(
			'Get an Order Product by order line ID in ActiveCampaign V3',
		);
	});

	it('marks every create without a natural key as not idempotent, and amounts in cents', () => {
		const notIdempotent = tools.filter((t) => t.action.includes('not idempotent')).map((t) => `${t.resource}.${t.operation}`);
		expect(notIdempotent.sort()).toEqual(
			['accountContact.create', 'deal.create', 'dealNote.create', 'ecommerceCustomer.create', 'ecommerceOrder.create', 'pipeline.create', 'stage.create'].sort(),
		);
		const cents = tools.filter((t) => t.action.includes('cents')).map((t) => `${t.resource}.${t.operation}`);
		expect(cents.sort()).toEqual(['deal.create', 'deal.update', 'ecommerceOrder.create', 'ecommerceOrder.update'].sort());
	});
});

describe('the recommended "Set Manually" description', () => {
	it('carries an agent hint for every operation', () => {
		expect(registry.all().filter((op) => !op.agentHint).map((op) => `${op.resource}.${op.operation}`)).toEqual([]);
		for (const op of registry.all()) expect(tool(op.resource, op.operation).recommendedDescription).toContain(` ${op.agentHint}. `);
	});

	it('tells every tool how to read the result', () => {
		for (const t of tools) {
			expect(t.recommendedDescription.startsWith(`${t.title}: `)).toBe(true);
			expect(t.recommendedDescription).toContain('success only when ErrorMessage is empty');
			expect(t.recommendedDescription).toContain('StatusCode -1 = an argument is wrong');
			expect(t.recommendedDescription).toContain('500 = ActiveCampaign failed, may be retried unless said otherwise');
		}
	});

	it('names the association ID, the order line ID, cents and the duplicate risk', () => {
		expect(tool('contactTag', 'remove').recommendedDescription).toContain('the contact-tag association ID');
		expect(tool('contactTag', 'remove').recommendedDescription).toContain('not the tag ID');
		expect(tool('ecommerceOrderProduct', 'getByProductId').recommendedDescription).toContain('the order line');
		expect(tool('deal', 'create').recommendedDescription).toContain('Value is in cents (2500.00 = 250000)');
		for (const [resource, risk] of [
			['deal', 'a retry can create a second deal'],
			['dealNote', 'a retry can add a second note'],
			['pipeline', 'a retry can create a second pipeline'],
			['stage', 'a retry can create a second stage'],
			['ecommerceCustomer', 'a retry can create a second customer'],
			['ecommerceOrder', 'a retry can record the order twice'],
		]) {
			expect(tool(resource, 'create').recommendedDescription).toContain(risk);
		}
	});
});

describe('the arguments the ✨ button hands to the model', () => {
	it('are keyed by display name, typed as the editor types them, with the parameter description', () => {
		const create = tool('deal', 'create');
		expect(create.arguments.filter((a) => a.required).map((a) => [a.key, a.parameter, a.type])).toEqual([
			['Title', 'title', 'string'],
			['Contact_ID', 'contactId', expect.stringMatching(/^(number|string)$/)],
			['Value', 'value', 'number'],
			['Currency', 'currency', 'string'],
			['Stage_ID', 'stageId', expect.stringMatching(/^(number|string)$/)],
			['Pipeline_ID', 'pipelineId', expect.stringMatching(/^(number|string)$/)],
		]);
		expect(create.arguments.find((a) => a.key === 'Value')!.description).toContain('cents');
		expect(create.arguments.find((a) => a.key === 'Value')!.fromAI).toBe(
			"={{ $fromAI('Value', `Deal value in cents, a whole number of 0 or more, sent unchanged: 45678 means 456.78`, 'number') }}",
		);
	});

	it('become the JSON schema n8n sends: every required argument, described, no others', () => {
		expect(tool('deal', 'create').schema).toEqual({
			type: 'object',
			properties: Object.fromEntries(
				tool('deal', 'create')
					.arguments.filter((a) => a.required)
					.map((a) => [a.key, { type: a.type, description: a.description }]),
			),
			required: ['Title', 'Contact_ID', 'Value', 'Currency', 'Stage_ID', 'Pipeline_ID'],
			additionalProperties: false,
			$schema: 'http://json-schema.org/draft-07/schema#',
		});
	});
});
