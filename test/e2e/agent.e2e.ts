/**
 * End-to-end: n8n's AI Agent uses this package's node as a tool, in a real n8n 2.41.1.
 *
 * The agent's OpenAI Chat Model node points (credential Base URL) at a scripted OpenAI-compatible
 * model server on loopback (test/agent/modelServer.ts); the tools are our node's Tool variant
 * (`activeCampaignV3Tool`) with `$fromAI` parameters; ActiveCampaign is the emulator. One workflow
 * chains one AI Agent per scenario, so a single `n8n execute` plays them all:
 *   - find a contact by email, tag it, then remove the tag by the association ID the tag result gave
 *     (three tools, each call uses the previous result);
 *   - create a deal in a pipeline stage (through the Chat Completions API; the others use the
 *     Responses API, model node 1.3's default);
 *   - a bad argument: the -1 result goes back to the model, which fixes the argument and carries on;
 *   - an upstream 404: a result with OriginalStatusCode 404 and a message, not an exception;
 *   - a 429 storm: the tool waits through the 429s and the model gets the result.
 * Asserted: what the model was offered (tool names, descriptions, argument schemas), the tool
 * results it received, and the requests the emulator received.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

import { ActiveCampaignV3V1 as ActiveCampaignV3 } from '../../nodes/ActiveCampaignV3/ActiveCampaignV3V1.node';
import { ScriptedModelServer, type Script, type ToolResult } from '../agent/modelServer';
import { agentWorkflow, fromAI, type AgentScenario } from '../agent/workflow';
import { ActiveCampaignEmulator, DEFAULT_TOKEN } from '../emulator/server';
import { seedEmulator } from '../emulator/seed';
import { TIMESTAMP, contactTagRecord } from '../operations/foundation.support';

// eslint-disable-next-line @typescript-eslint/no-var-requires
const n8n = require('../../scripts/lib/n8n');

const AC_CREDENTIAL = { id: 'AcV3AgentCredAc1', name: 'ActiveCampaign emulator (agent e2e)' };
const OPENAI_CREDENTIAL = { id: 'AcV3AgentCredAi1', name: 'Scripted model (agent e2e)' };
const WORKFLOW_ID = 'AcV3AgentFlow001';

/** What n8n tells the model a tool does when its description is "Set Automatically": `<action> in <node name>`. */
function toolDescription(resource: string, operation: string): string {
	const property = new ActiveCampaignV3().description.properties.find(
		(p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes(resource),
	);
	const option = (property?.options as Array<{ value: string; action?: string }>).find((o) => o.value === operation);
	return `${option!.action} in ActiveCampaign V3`;
}


const parse = (result: ToolResult) => JSON.parse(result.output) as Array<Record<string, any>>;

/** The scenarios: what the user asks, the tools the agent has, and what the "model" does. */
const SCENARIOS: AgentScenario[] = [
	{
		agent: 'Agent tag a contact',
		prompt: '[scenario:tag] Tag grace.hopper@example.com as vip (the vip tag has ID 3), then take the tag off again.',
		api: 'responses',
		tools: [
			{
				name: 'Find contact by email',
				resource: 'contact',
				operation: 'getMany',
				// Only what the model needs: the list stays small (an output option for agents).
				parameters: { limit: 5, options: { email: fromAI('Email', 'The exact email address of the contact'), fieldsToReturn: 'id, email, firstName, lastName' } },
			},
			{
				name: 'Tag a contact',
				resource: 'contactTag',
				operation: 'add',
				parameters: { contactId: fromAI('Contact_ID', 'The contact ID'), tagId: fromAI('Tag_ID', 'The tag ID') },
			},
			{
				name: 'Untag a contact',
				resource: 'contactTag',
				operation: 'remove',
				parameters: { contactTagId: fromAI('Contact_Tag_ID', 'The contact-tag association ID') },
			},
		],
	},
	{
		agent: 'Agent create a deal',
		prompt: '[scenario:deal] Open a deal "Analytical Engine" worth 2500.00 USD for contact 1 in the first stage of the Sales pipeline.',
		api: 'chat',
		tools: [
			{
				name: 'Create a deal',
				resource: 'deal',
				operation: 'create',
				parameters: {
					title: fromAI('Title', 'The deal title'),
					contactId: fromAI('Contact_ID', 'The contact ID'),
					value: fromAI('Value', 'The deal value in cents', 'number'),
					currency: fromAI('Currency', 'Three-letter currency code'),
					stageId: fromAI('Stage_ID', 'The stage ID'),
					pipelineId: fromAI('Pipeline_ID', 'The pipeline ID'),
				},
			},
		],
	},
	{
		agent: 'Agent bad argument',
		prompt: '[scenario:bad-argument] Tag Alan Turing (contact 2) as vip (tag 3).',
		api: 'responses',
		tools: [
			{
				name: 'Apply a tag',
				resource: 'contactTag',
				operation: 'add',
				parameters: { contactId: fromAI('Contact_ID', 'The contact ID'), tagId: fromAI('Tag_ID', 'The tag ID') },
			},
		],
	},
	{
		agent: 'Agent not found',
		prompt: '[scenario:not-found] What is the email of contact 9999?',
		api: 'responses',
		tools: [
			{ name: 'Read a contact', resource: 'contact', operation: 'get', parameters: { contactId: fromAI('Contact_ID', 'The contact ID') } },
		],
	},
	{
		agent: 'Agent rate limited',
		prompt: '[scenario:429] Which tags contain the word vip?',
		api: 'responses',
		tools: [
			{
				name: 'Search tags',
				resource: 'tag',
				operation: 'getMany',
				parameters: { limit: 10, options: { searchText: fromAI('Search_Text', 'Text the tag name contains'), recordFields: 'simplified' } },
			},
		],
	},
];

let pipeline: { id: string; stageId: string };

const SCRIPTS: Script[] = [
	{
		marker: '[scenario:tag]',
		steps: [
			{ call: 'Find_contact_by_email', args: { Email: 'grace.hopper@example.com' } },
			{
				call: 'Tag_a_contact',
				// As a model would: the ID is read off the first tool result.
				args: (results) => ({ Contact_ID: String(parse(results[0])[0].Contacts.Contacts[0].id), Tag_ID: '3' }),
			},
			{
				call: 'Untag_a_contact',
				// The association's ID from the Add result, as the action text tells the model (not the tag ID 3).
				args: (results) => ({ Contact_Tag_ID: String(parse(results[1])[0].ContactTag.id) }),
			},
			{ answer: (results) => `Tagged and untagged: ${results.every((r) => parse(r)[0].ErrorMessage === '') ? 'yes' : 'no'}` },
		],
	},
	{
		marker: '[scenario:deal]',
		steps: [
			{
				call: 'Create_a_deal',
				args: () => ({
					Title: 'Analytical Engine',
					Contact_ID: '1',
					Value: 250000,
					Currency: 'USD',
					Stage_ID: pipeline.stageId,
					Pipeline_ID: pipeline.id,
				}),
			},
			{ answer: (results) => `Deal ${parse(results[0])[0].Deal.id} created.` },
		],
	},
	{
		marker: '[scenario:bad-argument]',
		steps: [
			// A model's typical slip: the name where the ID belongs.
			{ call: 'Apply_a_tag', args: { Contact_ID: 'Alan Turing', Tag_ID: '3' } },
			{ call: 'Apply_a_tag', args: { Contact_ID: '2', Tag_ID: '3' } },
			{ answer: 'Alan Turing is tagged vip.' },
		],
	},
	{
		marker: '[scenario:not-found]',
		steps: [
			{ call: 'Read_a_contact', args: { Contact_ID: '9999' } },
			{ answer: (results) => `Not found: ${parse(results[0])[0].ErrorMessage}` },
		],
	},
	{
		marker: '[scenario:429]',
		steps: [
			{ call: 'Search_tags', args: { Search_Text: 'vip' } },
			{ answer: (results) => `Tags: ${parse(results[0])[0].Tags.Tags.map((t: { tag: string }) => t.tag).join(', ')}` },
		],
	},
];

let runtime: { nodeBin: string; n8nBin: string; dir: string };
let emulator: ActiveCampaignEmulator;
let model: ScriptedModelServer;
let userFolder: string;
let env: NodeJS.ProcessEnv;
let runData: Record<string, Array<{ data?: Record<string, Array<Array<{ json: Record<string, any> }>>>; error?: unknown }>>;
let executionStatus: string;
let requestsBefore = 0;

/** The emulator's requests (method, path, query, body, status) of one path, in order. */
const sent = (method: string, p: string) => emulator.sent(method, p).map(({ query, body, status }) => ({ query, body, status }));

async function execute(workflowId: string): Promise<void> {
	const { run } = await n8n.executeWorkflow(runtime, workflowId, { env, timeoutMs: 600000 });
	runData = run.data.resultData.runData;
	executionStatus = run.status;
	if (run.status !== 'success') process.stdout.write(`agent workflow ended ${run.status}: ${JSON.stringify(run.data.resultData.error ?? {}).slice(0, 3000)}\n`);
}

const PER_RECORD = 'Get Many Lists, one item per record';
const EACH_LIST = 'Each list';

/**
 * A second branch from the trigger, without an agent: our (non-tool) node's Get Many with Output
 * "One Item per Record", and a Set node that reads each record, so n8n runs it once per record.
 */
function withPerRecordBranch(workflow: Record<string, any>): Record<string, unknown> {
	workflow.nodes.push(
		{
			id: '00000000-0000-4000-9000-000000000901',
			name: PER_RECORD,
			type: n8n.NODE_TYPE,
			typeVersion: 1,
			position: [300, -300],
			parameters: { resource: 'list', operation: 'getMany', limit: 10, options: { output: 'records', fieldsToReturn: 'name, stringid' } },
			credentials: { [n8n.CREDENTIAL_TYPE]: AC_CREDENTIAL },
		},
		{
			id: '00000000-0000-4000-9000-000000000902',
			name: EACH_LIST,
			type: 'n8n-nodes-base.set',
			typeVersion: 3.4,
			position: [550, -300],
			parameters: {
				mode: 'manual',
				assignments: { assignments: [{ id: 'a1', name: 'line', value: '={{ $json.name }} ({{ $json.stringid }}): {{ $json.StatusCode }}', type: 'string' }] },
				options: {},
			},
		},
	);
	workflow.connections.Start.main[0].push({ node: PER_RECORD, type: 'main', index: 0 });
	workflow.connections[PER_RECORD] = { main: [[{ node: EACH_LIST, type: 'main', index: 0 }]] };
	return workflow;
}

/** The agent node's one output item. */
function agentOutput(agent: string): Record<string, any> {
	const runs = runData[agent];
	if (!runs) throw new Error(`agent "${agent}" did not run; ran: ${Object.keys(runData).join(', ')}`);
	const last = runs[runs.length - 1];
	expect(last.error).toBeUndefined();
	return last.data!.main[0][0].json;
}

beforeAll(async () => {
	const started = Date.now();
	runtime = await n8n.ensureN8n();
	if (!fs.existsSync(path.join(n8n.ROOT, 'dist', 'nodes', 'ActiveCampaignV3', 'ActiveCampaignV3V1.node.js'))) {
		execFileSync('npm', ['run', 'build'], { cwd: n8n.ROOT, stdio: 'inherit' });
	}
	emulator = new ActiveCampaignEmulator({ tokens: [DEFAULT_TOKEN], rateLimitPerSecond: 0 });
	await emulator.start();
	await seedEmulator(emulator.url, DEFAULT_TOKEN, 'demo');
	const created = await fetch(`${emulator.url}/api/3/dealGroups`, {
		method: 'POST',
		headers: { 'Api-Token': DEFAULT_TOKEN, 'Content-Type': 'application/json' },
		body: JSON.stringify({ dealGroup: { title: 'Sales', currency: 'usd', allgroups: 1, allusers: 1 } }),
	}).then((r) => r.json() as Promise<any>);
	pipeline = { id: String(created.dealGroup.id), stageId: String(created.dealStages[0].id) };
	emulator.requests.length = 0;
	emulator.rateLimitPerSecond = 5;
	// The storm: the first three searches for tags are answered 429 (Retry-After 1 s).
	emulator.inject({ method: 'GET', path: '/tags', times: 3, status: 429, headers: { 'Retry-After': '1' }, body: { message: 'Too Many Requests' } });

	model = new ScriptedModelServer(SCRIPTS);
	await model.start();

	userFolder = n8n.makeUserFolder('n8n-ac-v3-agent-');
	const pack = n8n.packPackage(path.join(userFolder, 'pack'));
	n8n.installTarball(userFolder, pack.tarball);
	env = n8n.n8nEnv({ userFolder, ...(await n8n.allocatePorts()) });

	const work = path.join(userFolder, 'import');
	fs.mkdirSync(path.join(work, 'workflows'), { recursive: true });
	fs.writeFileSync(
		path.join(work, 'credentials.json'),
		JSON.stringify([
			{ ...AC_CREDENTIAL, type: n8n.CREDENTIAL_TYPE, data: { apiUrl: emulator.url, apiKey: DEFAULT_TOKEN }, isManaged: false },
			{ ...OPENAI_CREDENTIAL, type: 'openAiApi', data: { apiKey: 'sk-scripted-model', url: model.baseUrl }, isManaged: false },
		]),
	);
	fs.writeFileSync(
		path.join(work, 'workflows', 'agent.json'),
		JSON.stringify(withPerRecordBranch(agentWorkflow(WORKFLOW_ID, SCENARIOS, { activeCampaign: AC_CREDENTIAL, openAi: OPENAI_CREDENTIAL }))),
	);
	await n8n.runCli(runtime, ['import:credentials', `--input=${path.join(work, 'credentials.json')}`], { env });
	await n8n.runCli(runtime, ['import:workflow', '--separate', `--input=${path.join(work, 'workflows')}`], { env });
	requestsBefore = emulator.requests.length;
	try {
		await execute(WORKFLOW_ID);
	} catch (error) {
		// What the model and the emulator saw says where a stuck run stopped.
		const seen = model.requests.map((r) => `${r.api} ${r.marker} ${JSON.stringify(r.answered)}`);
		const requests = emulator.requests.map((r) => `${r.method} ${r.path} ${r.status}`);
		throw new Error(`${(error as Error).message.slice(0, 3000)}\nmodel: ${seen.join('\n')}\nemulator: ${requests.join('\n')}`);
	}
	process.stdout.write(`agent e2e setup + 1 execution (5 agents) in real n8n: ${Math.round((Date.now() - started) / 1000)} s\n`);
}, 900000);

afterAll(async () => {
	await model?.stop();
	await emulator?.stop();
	if (userFolder && !process.env.E2E_KEEP) fs.rmSync(userFolder, { recursive: true, force: true });
});

describe('an AI Agent in real n8n uses the node as a tool', () => {
	it('ran every agent to the end, each with its scripted conversation', () => {
		if (process.env.AGENT_DEBUG) {
			fs.writeFileSync('/tmp/agent-debug.json', JSON.stringify({ runData, model: model.requests, emulator: emulator.requests }, null, 1));
		}
		expect(executionStatus).toBe('success');
		expect(model.requests.filter((r) => 'error' in r.answered)).toEqual([]);
		// One model request per step: n8n asked again after every tool result.
		expect(SCRIPTS.map((s) => model.conversation(s.marker).length)).toEqual([4, 2, 3, 2, 2]);
		expect(SCENARIOS.map((s) => agentOutput(s.agent).output)).toEqual([
			'Tagged and untagged: yes',
			'Deal 1 created.',
			'Alan Turing is tagged vip.',
			'Not found: Contact 9999 not found (HTTP 404) (ActiveCampaign: No Result found for Subscriber with id 9999)',
			'Tags: vip',
		]);
	});

	it('spoke the Responses API (model node 1.3 default) and, where switched off, Chat Completions', () => {
		expect(SCRIPTS.map((s) => [...new Set(model.conversation(s.marker).map((r) => r.api))])).toEqual([
			['responses'],
			['chat'],
			['responses'],
			['responses'],
			['responses'],
		]);
		expect([...new Set(model.requests.map((r) => r.model))]).toEqual(['scripted-model']);
	});

	it('offered the tools named after their nodes, described by the operation, with the $fromAI arguments', () => {
		const offered = model.conversation('[scenario:tag]')[0].tools;
		expect(offered.map((t) => t.name).sort()).toEqual(['Find_contact_by_email', 'Tag_a_contact', 'Untag_a_contact']);
		// The trap is in the automatic description: which ID Remove a Contact Tag wants.
		expect(offered.find((t) => t.name === 'Untag_a_contact')!.description).toBe('Remove a Contact Tag by association ID in ActiveCampaign V3');
		const tag = offered.find((t) => t.name === 'Tag_a_contact')!;
		expect(tag.description).toBe(toolDescription('contactTag', 'add'));
		expect(tag.parameters).toEqual({
			type: 'object',
			properties: { Contact_ID: { type: 'string', description: 'The contact ID' }, Tag_ID: { type: 'string', description: 'The tag ID' } },
			required: ['Contact_ID', 'Tag_ID'],
			additionalProperties: false,
			$schema: 'http://json-schema.org/draft-07/schema#',
		});
		const deal = model.conversation('[scenario:deal]')[0].tools;
		expect(deal.map((t) => [t.name, t.description])).toEqual([['Create_a_deal', toolDescription('deal', 'create')]]);
		// The action text carries the traps into the automatic description.
		expect(deal[0].description).toBe('Create a Deal (cents, not idempotent) in ActiveCampaign V3');
		expect((deal[0].parameters as { properties: Record<string, { type: string }> }).properties.Value).toEqual({
			type: 'number',
			description: 'The deal value in cents',
		});
	});

	it('find a contact by email, tag it, untag it: each call used the ID the previous result gave (the association ID for the removal)', () => {
		const results = model.toolResults('[scenario:tag]');
		expect(results.map((r) => r.name)).toEqual(['Find_contact_by_email', 'Tag_a_contact', 'Untag_a_contact']);
		// Fields to Return: the model got four fields of the contact, not the whole record.
		expect(parse(results[0])).toEqual([
			{
				Contacts: { Contacts: [{ id: '3', email: 'grace.hopper@example.com', firstName: 'Grace', lastName: 'Hopper' }], Total: 1 },
				OriginalStatusCode: 200,
				StatusCode: 200,
				ErrorMessage: '',
			},
		]);
		expect(parse(results[1])).toEqual([{ ContactTag: contactTagRecord('6', '3', '3'), OriginalStatusCode: 201, StatusCode: 200, ErrorMessage: '' }]);
		expect(model.conversation('[scenario:tag]')[1].answered).toEqual({ call: 'Tag_a_contact', args: { Contact_ID: '3', Tag_ID: '3' } });
		expect(model.conversation('[scenario:tag]')[2].answered).toEqual({ call: 'Untag_a_contact', args: { Contact_Tag_ID: '6' } });
		expect(parse(results[2])).toEqual([
			{
				RemovedContactTag: { id: '6', contact: '3', tag: '3', deleted: true, message: 'Tag 3 removed from contact 3' },
				OriginalStatusCode: 200,
				StatusCode: 200,
				ErrorMessage: '',
			},
		]);
		expect(sent('DELETE', '/contactTags/6')).toEqual([{ query: {}, body: undefined, status: 200 }]);
		expect(sent('GET', '/contacts')).toEqual([{ query: { email: 'grace.hopper@example.com', limit: '5', offset: '0' }, body: undefined, status: 200 }]);
		expect(sent('POST', '/contactTags')[0]).toEqual({ query: {}, body: { contactTag: { contact: 3, tag: 3 } }, status: 201 });
	});

	it('create a deal in a pipeline stage: sent once, value in cents, the model got the deal', () => {
		expect(sent('POST', '/deals')).toEqual([
			{
				query: {},
				body: { deal: { title: 'Analytical Engine', contact: 1, value: 250000, currency: 'usd', group: Number(pipeline.id), stage: Number(pipeline.stageId), owner: 1 } },
				status: 201,
			},
		]);
		const results = model.toolResults('[scenario:deal]');
		expect(results.map((r) => r.name)).toEqual(['Create_a_deal']);
		expect(parse(results[0])).toEqual([
			{
				Deal: expect.objectContaining({ id: '1', title: 'Analytical Engine', value: '250000', currency: 'usd', group: pipeline.id, stage: pipeline.stageId, pipeline: pipeline.id }),
				OriginalStatusCode: 201,
				StatusCode: 200,
				ErrorMessage: '',
			},
		]);
	});

	it('a bad argument: the -1 went back to the model as a result, nothing was sent, the corrected call went through', () => {
		const results = model.toolResults('[scenario:bad-argument]');
		expect(results.map((r) => r.name)).toEqual(['Apply_a_tag', 'Apply_a_tag']);
		expect(parse(results[0])).toEqual([
			{
				ContactTag: {},
				OriginalStatusCode: 0,
				StatusCode: -1,
				ErrorMessage: expect.stringMatching(/^"Contact ID" \(contactId\) must be a positive whole number \(got "Alan Turing"\)/),
			},
		]);
		expect(parse(results[1])).toEqual([
			{ ContactTag: contactTagRecord('7', '2', '3'), OriginalStatusCode: 201, StatusCode: 200, ErrorMessage: '' },
		]);
		// Only the corrected call reached ActiveCampaign.
		expect(sent('POST', '/contactTags').map((r) => r.body)).toEqual([{ contactTag: { contact: 3, tag: 3 } }, { contactTag: { contact: 2, tag: 3 } }]);
	});

	it('an upstream 404 is a result with OriginalStatusCode 404 and a message, not an exception', () => {
		expect(parse(model.toolResults('[scenario:not-found]')[0])).toEqual([
			{
				Contact: {},
				OriginalStatusCode: 404,
				StatusCode: 200,
				ErrorMessage: 'Contact 9999 not found (HTTP 404) (ActiveCampaign: No Result found for Subscriber with id 9999)',
			},
		]);
		expect(sent('GET', '/contacts/9999')).toEqual([{ query: {}, body: undefined, status: 404 }]);
		expect(runData['Read a contact'].map((run) => run.error)).toEqual([undefined]);
	});

	it('a 429 storm: the tool waited through three 429s and the model got the tags', () => {
		const query = { 'filters[search][contains]': 'vip', limit: '10', offset: '0' };
		expect(sent('GET', '/tags')).toEqual([
			{ query, body: undefined, status: 429 },
			{ query, body: undefined, status: 429 },
			{ query, body: undefined, status: 429 },
			{ query, body: undefined, status: 200 },
		]);
		const tags = emulator.sent('GET', '/tags');
		// Retry-After: 1 was honoured between the attempts.
		for (let i = 1; i < tags.length; i++) expect(tags[i].receivedAt! - tags[i - 1].receivedAt!).toBeGreaterThanOrEqual(950);
		expect(parse(model.toolResults('[scenario:429]')[0])).toEqual([
			{
				// Record Fields "Simplified": no links, no empty values.
				Tags: {
					Tags: [
						{
							tagType: 'contact',
							tag: 'vip',
							description: 'Top accounts',
							subscriber_count: '0',
							cdate: TIMESTAMP,
							created_timestamp: TIMESTAMP,
							updated_timestamp: TIMESTAMP,
							id: '3',
						},
					],
					Pagination: { limit: 10, offset: 0, total: 1, hasMore: false },
				},
				OriginalStatusCode: 200,
				StatusCode: 200,
				ErrorMessage: '',
			},
		]);
	});

	it('Output "One Item per Record" in real n8n: one item per list, paired, and the next node ran once per record', () => {
		const status = { StatusCode: 200, OriginalStatusCode: 200, ErrorMessage: '' };
		const records = runData[PER_RECORD][0].data!.main[0];
		expect(records.map((item) => item.json)).toEqual([
			{ id: '1', name: 'Newsletter', stringid: 'newsletter', ...status },
			{ id: '2', name: 'Product Updates', stringid: 'product-updates', ...status },
		]);
		expect(records.map((item) => (item as { pairedItem?: unknown }).pairedItem)).toEqual([{ item: 0 }, { item: 0 }]);
		expect(runData[EACH_LIST][0].data!.main[0].map((item) => item.json.line)).toEqual([
			'Newsletter (newsletter): 200',
			'Product Updates (product-updates): 200',
		]);
		expect(sent('GET', '/lists')).toEqual([{ query: { limit: '10', offset: '0' }, body: undefined, status: 200 }]);
	});

	it('the tool results the model received are exactly the tool nodes outputs in n8n', () => {
		const pairs: Array<[string, string]> = [
			['[scenario:tag]', 'Find contact by email'],
			['[scenario:deal]', 'Create a deal'],
			['[scenario:not-found]', 'Read a contact'],
			['[scenario:429]', 'Search tags'],
		];
		for (const [marker, node] of pairs) {
			const fromN8n = runData[node][0].data!.ai_tool[0].map((item) => item.json);
			expect(parse(model.toolResults(marker)[0])).toEqual(fromN8n);
		}
		// Only these requests reached the emulator during the run (11 from the agents, 1 from the lists branch).
		expect(emulator.requests.length - requestsBefore).toBe(12);
	});
});
