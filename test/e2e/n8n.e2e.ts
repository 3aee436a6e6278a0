/**
 * End-to-end: the packed tarball installed into a real n8n 2.41.1 with the README's commands
 * (`npm install --legacy-peer-deps` in the user folder's nodes/; the agent suite uses n8n's own
 * installer), then workflows imported and executed through n8n's CLI against the emulator:
 *   - success cases (test/e2e/cases.ts, cases.crm.ts, cases.ecommerce.ts) for every operation:
 *     exact outputs, four keys, status codes, pairing, a downstream Set node whose expressions read
 *     our output, and (the emulator runs in this process) the requests the node sent;
 *   - a -1 validation case for EVERY operation in the registry, derived from its parameter specs,
 *     with no request reaching the emulator.
 * Run with `npm run test:e2e` (jest.e2e.config.js). Needs `npm run build` first.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

import { registry } from '../../nodes/ActiveCampaignV3/actions';
import { ActiveCampaignEmulator, DEFAULT_TOKEN } from '../emulator/server';
import { seedEmulator } from '../emulator/seed';
import { successCases } from './cases';
import { deriveValidationCases, downstreamName, successWorkflow, validationWorkflow, type ValidationCase } from './workflows';

// Plain-JS tooling shared with `npm run dev` and the browser test.
// eslint-disable-next-line @typescript-eslint/no-var-requires
const n8n = require('../../scripts/lib/n8n');

const CREDENTIAL = { id: 'AcV3E2eCredentl1', name: 'ActiveCampaign emulator (e2e)', type: 'activeCampaignV3Api' };
const SUCCESS_WORKFLOW_ID = 'AcV3E2eSuccess01';
const VALIDATION_WORKFLOW_ID = 'AcV3E2eValidat01';

interface OutputItem {
	json: Record<string, unknown>;
	pairedItem?: { item: number; input?: number } | Array<{ item: number }>;
}

interface Execution {
	runData: Record<string, Array<{ data?: { main: OutputItem[][] }; error?: unknown; executionStatus?: string }>>;
	requests: number;
	stderr: string;
}

let runtime: { nodeBin: string; n8nBin: string; dir: string };
let emulator: ActiveCampaignEmulator;
let userFolder: string;
let env: NodeJS.ProcessEnv;
let pack: { tarball: string; files: string[] };
let installedAt: string;
let success: Execution;
let validation: Execution;
const { cases: validationCases, underivable } = deriveValidationCases();

/** Runs the saved workflow in n8n and asserts it succeeded. */
async function execute(workflowId: string): Promise<Execution> {
	const before = emulator.requests.length;
	const { run, stdout, stderr } = await n8n.executeWorkflow(runtime, workflowId, { env, timeoutMs: 300000 });
	expect(run.status).toBe('success');
	return { runData: run.data.resultData.runData, requests: emulator.requests.length - before, stderr: stdout + stderr };
}

function outputOf(execution: Execution, node: string): OutputItem[] {
	const runs = execution.runData[node];
	if (!runs) throw new Error(`node "${node}" did not run; ran: ${Object.keys(execution.runData).join(', ')}`);
	expect(runs).toHaveLength(1);
	expect(runs[0].error).toBeUndefined();
	return runs[0].data!.main[0];
}

const pairing = (items: OutputItem[]) =>
	items.map((item) => (Array.isArray(item.pairedItem) ? item.pairedItem.map((p) => p.item) : item.pairedItem?.item));

beforeAll(async () => {
	const started = Date.now();
	runtime = await n8n.ensureN8n();
	if (!fs.existsSync(path.join(n8n.ROOT, 'dist', 'nodes', 'ActiveCampaignV3', 'ActiveCampaignV3V1.node.js'))) {
		execFileSync('npm', ['run', 'build'], { cwd: n8n.ROOT, stdio: 'inherit' });
	}
	emulator = new ActiveCampaignEmulator({ tokens: [DEFAULT_TOKEN], rateLimitPerSecond: 0 });
	await emulator.start();
	await seedEmulator(emulator.url, DEFAULT_TOKEN, 'demo');
	emulator.requests.length = 0;
	// The real API's limit: our node must stay under it through n8n too.
	emulator.rateLimitPerSecond = 5;

	userFolder = n8n.makeUserFolder('n8n-ac-v3-e2e-');
	pack = n8n.packPackage(path.join(userFolder, 'pack'));
	installedAt = n8n.installAsReadme(userFolder, pack.tarball);
	env = n8n.n8nEnv({ userFolder, ...(await n8n.allocatePorts()) });

	const work = path.join(userFolder, 'import');
	fs.mkdirSync(path.join(work, 'workflows'), { recursive: true });
	n8n.credentialFile(path.join(work, 'credentials.json'), { ...CREDENTIAL, apiUrl: emulator.url, apiKey: DEFAULT_TOKEN });
	fs.writeFileSync(
		path.join(work, 'workflows', 'success.json'),
		JSON.stringify(successWorkflow(SUCCESS_WORKFLOW_ID, successCases, n8n.NODE_TYPE, CREDENTIAL)),
	);
	fs.writeFileSync(
		path.join(work, 'workflows', 'validation.json'),
		JSON.stringify(validationWorkflow(VALIDATION_WORKFLOW_ID, validationCases, n8n.NODE_TYPE, CREDENTIAL)),
	);
	await n8n.runCli(runtime, ['import:credentials', `--input=${path.join(work, 'credentials.json')}`], { env });
	await n8n.runCli(runtime, ['import:workflow', '--separate', `--input=${path.join(work, 'workflows')}`], { env });

	success = await execute(SUCCESS_WORKFLOW_ID);
	validation = await execute(VALIDATION_WORKFLOW_ID);
	process.stdout.write(`e2e setup + 2 executions in real n8n: ${Math.round((Date.now() - started) / 1000)} s\n`);
}, 900000);

afterAll(async () => {
	await emulator?.stop();
	if (userFolder && !process.env.E2E_KEEP) fs.rmSync(userFolder, { recursive: true, force: true });
});

describe('the npm pack tarball, installed as the README says', () => {
	it('holds the compiled node, credential, icons and codex, and no sources or tests', () => {
		expect(pack.files).toEqual(
			expect.arrayContaining([
				'package.json',
				'dist/nodes/ActiveCampaignV3/ActiveCampaignV3V1.node.js',
				'dist/nodes/ActiveCampaignV3/ActiveCampaignV3V1.node.json',
				'dist/credentials/ActiveCampaignV3Api.credentials.js',
				'dist/icons/activecampaign.svg',
				'dist/icons/activecampaign.dark.svg',
			]),
		);
		expect(pack.files.filter((f) => /\.ts$/.test(f) && !/\.d\.ts$/.test(f))).toEqual([]);
		expect(pack.files.filter((f) => /^(test|scripts|nodes|credentials)\//.test(f))).toEqual([]);
	});

	it('is what the README tells a user to run', () => {
		const readme = fs.readFileSync(path.join(n8n.ROOT, 'README.md'), 'utf8');
		const tarballName = path.basename(pack.tarball);
		expect(tarballName).toBe(`n8n-nodes-activecampaign-v3-${JSON.parse(fs.readFileSync(path.join(n8n.ROOT, 'package.json'), 'utf8')).version}.tgz`);
		expect(readme).toContain(['npm pack', ...n8n.readmeInstallCommands(tarballName)].join('\n'));
	});

	it('sits in <user folder>/.n8n/nodes/node_modules alone (no second n8n-workflow), recorded in nodes/package.json', () => {
		const nodes = path.join(userFolder, '.n8n', 'nodes');
		const tarballName = path.basename(pack.tarball);
		expect(installedAt).toBe(path.join(nodes, 'node_modules', 'n8n-nodes-activecampaign-v3'));
		expect(fs.readdirSync(path.join(nodes, 'node_modules')).filter((name) => !name.startsWith('.'))).toEqual(['n8n-nodes-activecampaign-v3']);
		const nodesPackage = JSON.parse(fs.readFileSync(path.join(nodes, 'package.json'), 'utf8'));
		expect(nodesPackage.dependencies).toEqual({ 'n8n-nodes-activecampaign-v3': `file:${tarballName}` });
		const installed = JSON.parse(fs.readFileSync(path.join(installedAt, 'package.json'), 'utf8'));
		expect(installed.n8n).toEqual(JSON.parse(fs.readFileSync(path.join(n8n.ROOT, 'package.json'), 'utf8')).n8n);
	});

	it('is loaded by n8n as n8n-nodes-activecampaign-v3.activeCampaignV3 (every case node ran under that type)', () => {
		expect(n8n.NODE_TYPE).toBe('n8n-nodes-activecampaign-v3.activeCampaignV3');
		for (const c of successCases) expect(success.runData[c.name]).toBeDefined();
		expect(success.stderr).not.toMatch(/Unrecognized node type/);
	});
});

describe('success cases in real n8n (every resource)', () => {
	it('covers all 18 foundation operations and Create or Update Contacts in Bulk (issue 14)', () => {
		const covered = new Set(successCases.map((c) => `${c.resource}.${c.operation}`));
		const foundation = registry
			.all()
			.filter((op) => ['contact', 'contactList', 'contactTag', 'list', 'tag'].includes(op.resource))
			.map((op) => `${op.resource}.${op.operation}`);
		expect(foundation).toHaveLength(18 + 1);
		expect(foundation.filter((key) => !covered.has(key))).toEqual([]);
	});

	it('covers all 45 CRM and e-commerce operations', () => {
		const covered = new Set(successCases.map((c) => `${c.resource}.${c.operation}`));
		const families = ['account', 'accountContact', 'deal', 'dealNote', 'pipeline', 'stage', 'connection', 'ecommerceCustomer', 'ecommerceOrder', 'ecommerceOrderProduct'];
		const operations = registry
			.all()
			.filter((op) => families.includes(op.resource))
			.map((op) => `${op.resource}.${op.operation}`);
		expect(operations).toHaveLength(45);
		expect(operations.filter((key) => !covered.has(key))).toEqual([]);
	});

	it.each(successCases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
		const out = outputOf(success, c.name);
		expect(out.map((item) => item.json)).toEqual(c.expected);
		// Exactly the four keys, one output per input item, each paired to its own input item.
		const op = registry.get(c.resource, c.operation)!;
		for (const item of out) expect(Object.keys(item.json).sort()).toEqual([op.outputKey, 'ErrorMessage', 'OriginalStatusCode', 'StatusCode'].sort());
		const inputs = c.after ? outputOf(success, c.after).length : (c.items ?? [{}]).length;
		expect(out).toHaveLength(inputs);
		expect(pairing(out)).toEqual(out.map((_item, i) => i));
		if (c.downstream) {
			const downstream = outputOf(success, downstreamName(c.name));
			expect(downstream.map((item) => item.json)).toEqual(c.downstream.expected);
		}
	});

	// What reached ActiveCampaign: the duplicate checks looked up and did not create twice, the refused
	// order and the unknown stage got their upstream answers. No other case touches these paths.
	it('sent one create per new account and connection, and the refused order and unknown stage upstream', () => {
		const sent = (method: string, path: string) => emulator.sent(method, path).map(({ query, body, status }) => ({ query, body, status }));
		expect(sent('POST', '/accounts')).toEqual([
			{ query: {}, body: { account: { name: 'Wayne Enterprises', accountUrl: 'https://wayne.example', owner: 1 } }, status: 201 },
			{ query: {}, body: { account: { name: 'Disposable Co', owner: 1 } }, status: 201 },
		]);
		expect(sent('GET', '/accounts')).toEqual([
			{ query: { search: 'Wayne Enterprises', limit: '100', offset: '0' }, body: undefined, status: 200 },
			{ query: { search: 'WAYNE enterprises', limit: '100', offset: '0' }, body: undefined, status: 200 },
			{ query: { search: 'wayne', limit: '5', offset: '0' }, body: undefined, status: 200 },
			{ query: { search: 'Disposable Co', limit: '100', offset: '0' }, body: undefined, status: 200 },
		]);
		expect(sent('POST', '/connections').map((r) => [r.body, r.status])).toEqual([
			[{ connection: { service: 'Shopify', externalid: 'e2e-shop', name: 'E2E Toy Shop', logoUrl: 'https://cdn.example.com/e2e-logo.png', linkUrl: 'https://shop.example.com/admin', listId: '1' } }, 201],
			[{ connection: { service: 'WooCommerce', externalid: 'e2e-temp', name: 'E2E Temporary Shop', logoUrl: 'https://cdn.example.com/e2e-logo.png', linkUrl: 'https://shop.example.com/admin' } }, 201],
		]);
		// The refused order was sent once (a POST that reached the API is never repeated).
		expect(sent('POST', '/ecomOrders').map((r) => [(r.body as { ecomOrder: { externalid: string } }).ecomOrder.externalid, r.status])).toEqual([
			['E2E-ORDER-1', 201],
			['E2E-ORDER-1', 422],
			['E2E-ORDER-2', 201],
		]);
		expect(sent('DELETE', '/dealStages/4242')).toEqual([{ query: {}, body: undefined, status: 404 }]);
		// Cents go out as whole numbers, the currency lower-case: what the deal's create sent.
		expect(sent('POST', '/deals')[0].body).toEqual({
			deal: { title: 'E2E Enterprise Licence', contact: 1, value: 123456, currency: 'eur', group: 1, stage: 2, owner: 1 },
		});
	});

	// Bulk (cases.bulk.ts): 598 valid items in imports of at most 250; the refused one again without item 260.
	it('sent the 600 bulk items as ⌈598/250⌉ = 3 imports, plus one re-send of the batch refused for list 999', () => {
		const imports = emulator.sent('POST', '/import/bulk_import').map((r) => [r.status, (r.body as { contacts: unknown[] }).contacts.length]);
		expect([...imports].sort()).toEqual([[200, 250], [400, 250], [200, 249], [200, 98]].sort());
	});

	it('stayed under the 5 requests/second limit: the emulator answered no 429', () => {
		expect(success.requests).toBeGreaterThan(0);
		expect(emulator.requests.filter((r) => r.status === 429)).toEqual([]);
	});
});

describe('a -1 validation case for every registered operation, in real n8n', () => {
	it('derives a case for every operation in the registry', () => {
		expect(underivable).toEqual([]);
		expect(validationCases.map((c) => c.name).sort()).toEqual(registry.all().map((op) => `${op.resource}.${op.operation}`).sort());
	});

	it('sent nothing to ActiveCampaign', () => {
		expect(validation.requests).toBe(0);
	});

	it.each(validationCases.map((c) => [c.name, c] as const))('%s', (_name, c: ValidationCase) => {
		const out = outputOf(validation, c.name);
		expect(out.map((item) => item.json)).toEqual([c.expected]);
		expect(String(out[0].json.ErrorMessage)).toContain(`"${c.target.displayName}" (${c.target.name})`);
		expect(pairing(out)).toEqual([0]);
	});
});
