/**
 * End-to-end for the ActiveCampaign V3 Trigger in a real n8n 2.41.1 (`n8n start`): the packed
 * tarball installed as n8n installs community packages, a credential and a workflow with the
 * trigger imported, the workflow activated through n8n's REST API. The emulator plays
 * ActiveCampaign: it holds the webhooks n8n registers and, through its test-only delivery route,
 * posts events form-encoded with PHP-style keys to the registered URL, as ActiveCampaign does.
 * Executions are read back through n8n's REST API.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

import { ActiveCampaignEmulator, DEFAULT_TOKEN } from '../emulator/server';
import { seedEmulator } from '../emulator/seed';
import { WEBHOOK_EVENTS } from '../emulator/routes/webhooks';

// eslint-disable-next-line @typescript-eslint/no-var-requires
const n8n = require('../../scripts/lib/n8n');

const TRIGGER_TYPE = `${n8n.PACKAGE_NAME}.activeCampaignV3Trigger`;
const CREDENTIAL = { id: 'AcV3TrigCredent1', name: 'ActiveCampaign emulator (trigger e2e)', type: 'activeCampaignV3Api' };
const WORKFLOW_ID = 'AcV3TriggerWf001';
const WORKFLOW_NAME = 'ActiveCampaign trigger e2e';
const WEBHOOK_ID = '6f1c2a8e-3b7d-4c55-9a0e-0123456789ab';
const NODE_NAME = 'ActiveCampaign V3 Trigger';
// The delivery route is a test control, not ActiveCampaign traffic: its own token, so its calls do not
// count against the account's 5 requests/second that n8n's requests are held to.
const CONTROL_TOKEN = 'emulator-control-token-trigger-e2e';

let runtime: { nodeBin: string; n8nBin: string; dir: string };
let emulator: ActiveCampaignEmulator;
let userFolder: string;
let server: { url: string; stop: () => Promise<void>; log: () => string };
let cookie: string;
let serverEnv: NodeJS.ProcessEnv;
let serverPort: number;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
let flatted: { parse: (text: string) => any };

function triggerWorkflow() {
	return {
		id: WORKFLOW_ID,
		name: WORKFLOW_NAME,
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [
			{
				id: '0c6f2a43-1d55-4c1e-9d8e-5b3c1a7e9f01',
				name: NODE_NAME,
				type: TRIGGER_TYPE,
				typeVersion: 1,
				position: [0, 0],
				webhookId: WEBHOOK_ID,
				parameters: {
					events: ['subscribe', 'update'],
					sources: ['public', 'admin'],
					listId: '',
					options: { includeRawBody: true, repeatWindowSeconds: 300 },
				},
				credentials: { activeCampaignV3Api: { id: CREDENTIAL.id, name: CREDENTIAL.name } },
			},
		],
		connections: {},
		pinData: {},
	};
}

async function rest(method: string, route: string, body?: unknown): Promise<{ status: number; json: any }> {
	const response = await fetch(`${server.url}/rest${route}`, {
		method,
		headers: { 'Content-Type': 'application/json', Cookie: cookie, 'browser-id': 'trigger-e2e' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const text = await response.text();
	let json: unknown = text;
	try {
		json = JSON.parse(text);
	} catch {
		// not JSON: kept as text for the failure message
	}
	return { status: response.status, json };
}

async function activate(): Promise<void> {
	const workflow = await rest('GET', `/workflows/${WORKFLOW_ID}`);
	expect(workflow.status).toBe(200);
	const answer = await rest('POST', `/workflows/${WORKFLOW_ID}/activate`, { versionId: workflow.json.data.versionId });
	if (answer.status !== 200) throw new Error(`activate answered ${answer.status}: ${JSON.stringify(answer.json).slice(0, 1000)}\n${server.log().slice(-3000)}`);
}

/** Polls `check` (n8n 2.41 registers and removes webhooks asynchronously, after the REST call returns). */
async function eventually<T>(what: string, check: () => Promise<T | undefined> | T | undefined, timeoutMs = 60000): Promise<T> {
	const started = Date.now();
	for (;;) {
		const value = await check();
		if (value !== undefined) return value;
		if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}\n${server.log().slice(-3000)}`);
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
}

/** The trigger's static data as n8n stored it. */
async function staticData(): Promise<Record<string, unknown>> {
	const workflow = await rest('GET', `/workflows/${WORKFLOW_ID}`);
	expect(workflow.status).toBe(200);
	return workflow.json.data.staticData?.[`node:${NODE_NAME}`] ?? {};
}

/** Activates and waits until the webhook is in ActiveCampaign and its ID and secret are stored in n8n. */
async function activateAndWait(): Promise<Record<string, any>> {
	await activate();
	return eventually('the webhook registration', async () => {
		const hooks = webhooks();
		if (hooks.length !== 1) return undefined;
		const stored = await staticData();
		return stored.webhookId === hooks[0].id ? hooks[0] : undefined;
	});
}

/** Deactivates and waits until n8n has removed the webhook (and forgotten it). */
async function deactivateAndWait(): Promise<void> {
	await deactivate();
	await eventually('the webhook removal', async () => {
		const stored = await staticData();
		return stored.webhookId === undefined && !(await rest('GET', `/workflows/${WORKFLOW_ID}`)).json.data.active ? true : undefined;
	});
}

async function deactivate(): Promise<void> {
	const answer = await rest('POST', `/workflows/${WORKFLOW_ID}/deactivate`, {});
	if (answer.status !== 200) throw new Error(`deactivate answered ${answer.status}: ${JSON.stringify(answer.json).slice(0, 1000)}`);
}

/** The emulator's delivery route: ActiveCampaign posting an event to webhook `id`. */
async function deliver(id: string, request: Record<string, unknown>): Promise<{ status: number; body: string; sent: string; deactivated: boolean }> {
	let response: Response;
	for (let attempt = 0; ; attempt++) {
		response = await fetch(`${emulator.url}/api/3/__emulator/webhooks/${id}/deliver`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json', 'Api-Token': CONTROL_TOKEN },
			body: JSON.stringify(request),
		});
		// The emulator's per-token limit also covers the control route: a 429 there delivered
		// nothing, so it is simply asked again a second later.
		if (response.status !== 429 || attempt === 5) break;
		await response.text();
		await new Promise((resolve) => setTimeout(resolve, 1000));
	}
	const text = await response.text();
	if (response.status !== 200) throw new Error(`delivery route answered ${response.status}: ${text}`);
	return JSON.parse(text).delivery;
}

interface ExecutionSummary {
	id: string;
	status: string;
	mode: string;
}

async function executions(): Promise<ExecutionSummary[]> {
	const filter = encodeURIComponent(JSON.stringify({ workflowId: WORKFLOW_ID }));
	const answer = await rest('GET', `/executions?filter=${filter}`);
	expect(answer.status).toBe(200);
	return answer.json.data.results;
}

/** Waits until the execution list has `count` entries, all finished. */
async function waitForExecutions(count: number): Promise<ExecutionSummary[]> {
	const started = Date.now();
	for (;;) {
		const list = await executions();
		if (list.length >= count && list.every((e) => e.status !== 'running' && e.status !== 'new')) return list;
		if (Date.now() - started > 60000) throw new Error(`expected ${count} finished executions, have ${JSON.stringify(list)}`);
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
}

async function triggerOutput(executionId: string): Promise<Array<{ json: Record<string, unknown> }>> {
	const answer = await rest('GET', `/executions/${executionId}`);
	expect(answer.status).toBe(200);
	const data = flatted.parse(answer.json.data.data);
	const runs = data.resultData.runData[NODE_NAME];
	expect(runs).toHaveLength(1);
	return runs[0].data.main[0];
}

const webhooks = () => emulator.db.all('webhooks');

/** Stops n8n, runs `whileDown`, starts it again on the same user folder and port, logs in. */
async function restartN8n(whileDown: () => void = () => undefined): Promise<void> {
	await server.stop();
	whileDown();
	server = await n8n.startServer(runtime, { env: serverEnv, port: serverPort });
	cookie = await n8n.login(server.url);
}

const sentSince = (index: number) => emulator.requests.slice(index).map((r) => `${r.method} ${r.path} ${r.status}`);

const CONTACT_EVENT = {
	url: '',
	type: 'subscribe',
	date_time: '2026-03-18T10:30:00-05:00',
	initiated_by: 'admin',
	initiated_from: 'admin',
	list: '1',
	contact: {
		id: '3',
		email: 'ada.lovelace@example.com',
		first_name: 'Ada',
		last_name: 'Lovelace',
		phone: '+44 20 7946 0000',
		tags: 'vip, early adopter',
		fields: { '7': 'blue', '12': '2026-01-31' },
	},
};

beforeAll(async () => {
	const started = Date.now();
	runtime = await n8n.ensureN8n();
	flatted = require(path.join(runtime.dir, 'node_modules', 'flatted'));
	if (!fs.existsSync(path.join(n8n.ROOT, 'dist', 'nodes', 'ActiveCampaignV3Trigger', 'ActiveCampaignV3Trigger.node.js'))) {
		execFileSync('npm', ['run', 'build'], { cwd: n8n.ROOT, stdio: 'inherit' });
	}
	emulator = new ActiveCampaignEmulator({ tokens: [DEFAULT_TOKEN, CONTROL_TOKEN], rateLimitPerSecond: 0 });
	await emulator.start();
	await seedEmulator(emulator.url, DEFAULT_TOKEN, 'demo');
	emulator.requests.length = 0;
	emulator.rateLimitPerSecond = 5;

	userFolder = n8n.makeUserFolder('n8n-ac-v3-trigger-e2e-');
	const pack = n8n.packPackage(path.join(userFolder, 'pack'));
	n8n.installTarball(userFolder, pack.tarball);
	const ports = await n8n.allocatePorts();
	const env = n8n.n8nEnv({ userFolder, ...ports });
	const work = path.join(userFolder, 'import');
	fs.mkdirSync(path.join(work, 'workflows'), { recursive: true });
	n8n.credentialFile(path.join(work, 'credentials.json'), { ...CREDENTIAL, apiUrl: `${emulator.url}/api/3/`, apiKey: DEFAULT_TOKEN });
	fs.writeFileSync(path.join(work, 'workflows', 'trigger.json'), JSON.stringify(triggerWorkflow()));
	await n8n.runCli(runtime, ['import:credentials', `--input=${path.join(work, 'credentials.json')}`], { env });
	await n8n.runCli(runtime, ['import:workflow', '--separate', `--input=${path.join(work, 'workflows')}`], { env });

	serverEnv = env;
	serverPort = ports.port;
	server = await n8n.startServer(runtime, { env, port: ports.port });
	await n8n.setupOwner(server.url);
	cookie = await n8n.login(server.url);
	process.stdout.write(`trigger e2e setup (pack, install, import, n8n start): ${Math.round((Date.now() - started) / 1000)} s\n`);
}, 600000);

afterAll(async () => {
	await server?.stop();
	await emulator?.stop();
	if (userFolder && !process.env.E2E_KEEP) fs.rmSync(userFolder, { recursive: true, force: true });
});

describe('ActiveCampaign V3 Trigger in a real n8n', () => {
	let webhookId: string;
	let registeredUrl: URL;

	it('the editor loads every event from /webhook/events (all pages) and the lists for the List picker', async () => {
		const request = (methodName: string, pathName: string) =>
			rest('POST', '/dynamic-node-parameters/options', {
				path: pathName,
				methodName,
				nodeTypeAndVersion: { name: TRIGGER_TYPE, version: 1 },
				currentNodeParameters: triggerWorkflow().nodes[0].parameters,
				credentials: { activeCampaignV3Api: { id: CREDENTIAL.id, name: CREDENTIAL.name } },
			});
		const before = emulator.requests.length;
		const events = await request('getEvents', 'events');
		expect(events.status).toBe(200);
		expect(events.json.data.map((o: { value: string }) => o.value)).toEqual([...WEBHOOK_EVENTS].sort());
		expect(events.json.data.find((o: { value: string }) => o.value === 'contact_tag_added')).toEqual({
			name: 'Contact Tag Added',
			value: 'contact_tag_added',
			description: 'contact_tag_added',
		});
		// 29 events, 10 per page: three requests that follow meta.total.
		const eventPages = emulator.requests.slice(before).filter((r) => r.path === '/webhook/events');
		expect(eventPages.map((r) => r.query)).toEqual([
			{ limit: '100', offset: '0' },
			{ limit: '100', offset: '10' },
			{ limit: '100', offset: '20' },
		]);
		const lists = await request('getLists', 'listId');
		expect(lists.status).toBe(200);
		const seeded = emulator.db.all('lists');
		expect(lists.json.data).toEqual([
			{ name: 'Any List', value: '' },
			...seeded.map((l) => ({ name: l.name, value: l.id })),
		]);
	});

	it('activation registers one webhook: n8n URL with a secret, the chosen events and sources, a name naming n8n and the workflow', async () => {
		const before = emulator.requests.length;
		const hook = await activateAndWait();
		expect(webhooks()).toHaveLength(1);
		webhookId = hook.id;
		registeredUrl = new URL(hook.url);
		expect(`${registeredUrl.origin}${registeredUrl.pathname}`).toBe(`${server.url}/webhook/${WEBHOOK_ID}/webhook`);
		expect([...registeredUrl.searchParams.keys()]).toEqual(['secret']);
		expect(registeredUrl.searchParams.get('secret')).toMatch(/^[A-Za-z0-9_-]{43}$/);
		expect(hook).toEqual({
			id: webhookId,
			cdate: expect.any(String),
			listid: '0',
			name: `n8n: ${WORKFLOW_NAME} (workflow ${WORKFLOW_ID}, node ${NODE_NAME})`,
			url: hook.url,
			events: ['subscribe', 'update'],
			sources: ['public', 'admin'],
			links: [],
		});
		// Nothing was stored yet, so no lookup: exactly one create.
		expect(emulator.requests.slice(before).map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual(['POST /webhooks 201']);
	});

	it('a delivered contact event starts one execution whose output is the form body as nested JSON (plus the raw body)', async () => {
		const delivery = await deliver(webhookId, { payload: CONTACT_EVENT });
		expect(delivery.status).toBe(200);
		expect(delivery.body).toBe('');
		expect(delivery.sent).toContain('contact%5Bfields%5D%5B7%5D=blue');
		const list = await waitForExecutions(1);
		expect(list).toHaveLength(1);
		expect(list[0]).toMatchObject({ status: 'success', mode: 'webhook' });
		const output = await triggerOutput(list[0].id);
		expect(output.map((item) => item.json)).toEqual([{ ...CONTACT_EVENT, rawBody: delivery.sent }]);
	});

	it('the same event delivered again within the window is answered 200 and starts nothing', async () => {
		const delivery = await deliver(webhookId, { payload: CONTACT_EVENT });
		expect(delivery.status).toBe(200);
		expect(JSON.parse(delivery.body)).toEqual({ message: 'Repeated delivery ignored' });
		expect(await executions()).toHaveLength(1);
	});

	it('a delivery without the secret is answered 401, with a wrong secret 403, and neither starts an execution', async () => {
		const other = { ...CONTACT_EVENT, date_time: '2026-03-18T10:31:00-05:00' };
		const missing = await deliver(webhookId, { payload: other, secret: 'omit' });
		expect(missing.status).toBe(401);
		expect(JSON.parse(missing.body)).toEqual({ message: 'Missing webhook secret' });
		const wrong = await deliver(webhookId, { payload: other, secret: 'wrong' });
		expect(wrong.status).toBe(403);
		expect(JSON.parse(wrong.body)).toEqual({ message: 'Wrong webhook secret' });
		expect(await executions()).toHaveLength(1);
	});

	it('a malformed body is answered 400, starts nothing, and n8n keeps serving the next delivery', async () => {
		const garbled = await deliver(webhookId, { raw: 'type=subscribe&contact=3&contact[email]=x%40example.com' });
		expect(garbled.status).toBe(400);
		expect(JSON.parse(garbled.body)).toEqual({
			message: 'Malformed ActiveCampaign event: field "contact[email]" is both a value and a group of fields',
		});
		const untyped = await deliver(webhookId, { raw: 'contact%5Bemail%5D=x%40example.com' });
		expect(untyped.status).toBe(400);
		expect(JSON.parse(untyped.body)).toEqual({ message: 'Malformed ActiveCampaign event: the body has no "type" field' });
		const xml = await deliver(webhookId, { raw: '<event/>', contentType: 'text/xml' });
		expect(xml.status).toBe(415);
		expect(await executions()).toHaveLength(1);

		const update = { type: 'update', date_time: '2026-03-18T11:00:00-05:00', initiated_by: 'public', contact: { id: '3', email: 'ada.lovelace@example.com' } };
		const next = await deliver(webhookId, { payload: update });
		expect(next.status).toBe(200);
		const list = await waitForExecutions(2);
		expect(list).toHaveLength(2);
		const newest = list.reduce((a, b) => (Number(b.id) > Number(a.id) ? b : a));
		expect((await triggerOutput(newest.id)).map((item) => item.json)).toEqual([{ ...update, rawBody: next.sent }]);
	});

	it('deactivation deletes the webhook in ActiveCampaign', async () => {
		const before = emulator.requests.length;
		await deactivateAndWait();
		expect(webhooks()).toEqual([]);
		expect(emulator.requests.slice(before).map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([`DELETE /webhooks/${webhookId} 200`]);
	});

	it('a webhook deleted in ActiveCampaign while active is recreated (new ID, new secret) on the next activation', async () => {
		const executionsBefore = (await executions()).length;
		const first = await activateAndWait();
		expect(first.id).not.toBe(webhookId);
		// Someone deletes it in ActiveCampaign's settings.
		emulator.db.remove('webhooks', first.id);
		const beforeDeactivate = emulator.requests.length;
		await deactivateAndWait(); // 404 on the delete is fine
		expect(emulator.requests.slice(beforeDeactivate).map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([`DELETE /webhooks/${first.id} 404`]);
		const second = await activateAndWait();
		expect(second.id).not.toBe(first.id);
		expect(new URL(second.url).searchParams.get('secret')).not.toBe(new URL(first.url).searchParams.get('secret'));
		// The old secret no longer opens the door; the new one does.
		const stale = await fetch(first.url, {
			method: 'POST',
			headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
			body: 'type=update&contact%5Bid%5D=9',
		});
		expect(stale.status).toBe(403);
		const fresh = await deliver(second.id, { payload: { type: 'update', date_time: '2026-03-18T12:00:00-05:00', initiated_by: 'api', contact: { id: '9' } } });
		expect(fresh.status).toBe(200);
		expect(await waitForExecutions(executionsBefore + 1)).toHaveLength(executionsBefore + 1);
		await deactivateAndWait();
		expect(webhooks()).toEqual([]);
	});
	describe('an n8n restart, and a deactivation whose delete fails', () => {
		let hook: Record<string, any>;

		it('after an n8n restart the webhook and its secret keep working; nothing is registered again', async () => {
			hook = await activateAndWait();
			const executionsBefore = (await executions()).length;
			const before = emulator.requests.length;
			await restartN8n();
			const delivery = await deliver(hook.id, { payload: { type: 'subscribe', date_time: '2026-03-18T13:00:00-05:00', initiated_by: 'public', contact: { id: '4' } } });
			expect(delivery.status).toBe(200);
			expect(await waitForExecutions(executionsBefore + 1)).toHaveLength(executionsBefore + 1);
			expect(webhooks()).toEqual([hook]);
			expect((await staticData()).webhookId).toBe(hook.id);
			// The delivery route is the test's own call; n8n itself sent nothing to ActiveCampaign.
			expect(sentSince(before).filter((line) => !line.includes('/__emulator/'))).toEqual([]);
		}, 300000);

		it('a delete that fails is not swallowed: n8n sees the error and retries the deactivation until the webhook is gone', async () => {
			// The transport retries a failed DELETE 4 times itself; the fifth 500 reaches n8n.
			emulator.inject({ method: 'DELETE', path: `/webhooks/${hook.id}`, status: 500, times: 5 });
			const before = emulator.requests.length;
			await deactivate();
			await eventually('the retried delete', () => (webhooks().length === 0 ? true : undefined));
			expect(sentSince(before)).toEqual([...Array(5).fill(`DELETE /webhooks/${hook.id} 500`), `DELETE /webhooks/${hook.id} 200`]);
			await eventually('the forgotten webhook', async () => ((await staticData()).webhookId === undefined ? true : undefined));
			expect(await staticData()).toEqual({});
		}, 300000);
	});

	describe('changing the events of an active workflow (n8n re-registers the webhook)', () => {
		/** Saves the workflow with other events (PATCH, as the editor saves) and publishes that version. */
		async function publishEvents(events: string[]): Promise<void> {
			const current = await rest('GET', `/workflows/${WORKFLOW_ID}`);
			expect(current.status).toBe(200);
			const nodes = current.json.data.nodes.map((node: Record<string, any>) =>
				node.name === NODE_NAME ? { ...node, parameters: { ...node.parameters, events } } : node,
			);
			const saved = await rest('PATCH', `/workflows/${WORKFLOW_ID}`, { nodes, connections: current.json.data.connections });
			if (saved.status !== 200) throw new Error(`PATCH answered ${saved.status}: ${JSON.stringify(saved.json).slice(0, 1000)}`);
			await activate();
		}

		/** Waits until ActiveCampaign holds exactly one webhook, with `events`, and n8n stores its ID. */
		function registeredWith(events: string[], timeoutMs?: number): Promise<Record<string, any>> {
			return eventually(
				`one webhook with events ${events.join(', ')}`,
				async () => {
					const hooks = webhooks();
					if (hooks.length !== 1 || JSON.stringify(hooks[0].events) !== JSON.stringify(events)) return undefined;
					return (await staticData()).webhookId === hooks[0].id ? hooks[0] : undefined;
				},
				timeoutMs,
			);
		}

		let current: Record<string, any>;

		it('new events: the old webhook is deleted and one with the new events registered (none left over)', async () => {
			current = await activateAndWait();
			expect(current.events).toEqual(['subscribe', 'update']);
			const before = emulator.requests.length;
			await publishEvents(['unsubscribe', 'bounce']);
			const replaced = await registeredWith(['unsubscribe', 'bounce']);
			expect(replaced.id).not.toBe(current.id);
			expect(webhooks()).toEqual([replaced]);
			expect([replaced.sources, replaced.listid, replaced.name]).toEqual([
				['public', 'admin'],
				'0',
				`n8n: ${WORKFLOW_NAME} (workflow ${WORKFLOW_ID}, node ${NODE_NAME})`,
			]);
			// n8n removes the old version's trigger, then adds the new one (nothing stored: no lookup).
			expect(sentSince(before)).toEqual([`DELETE /webhooks/${current.id} 200`, 'POST /webhooks 201']);
			// The new webhook starts executions; its URL carries a new secret.
			expect(new URL(replaced.url).searchParams.get('secret')).not.toBe(new URL(current.url).searchParams.get('secret'));
			const executionsBefore = (await executions()).length;
			const delivery = await deliver(replaced.id, { payload: { type: 'bounce', date_time: '2026-03-18T14:00:00-05:00', initiated_by: 'system', contact: { id: '5' } } });
			expect(delivery.status).toBe(200);
			expect(await waitForExecutions(executionsBefore + 1)).toHaveLength(executionsBefore + 1);
			current = replaced;
		}, 300000);

		it('when the old webhook cannot be deleted, the next registration finds it no longer matches (checkExists) and replaces it', async () => {
			// Every delete fails while n8n tears the old version down: 3 attempts by n8n, each a request
			// plus 4 retries by the transport. The webhook ID stays in static data, so adding the new
			// version asks ActiveCampaign for it, sees the old events, and create() deletes it first.
			emulator.inject({ method: 'DELETE', path: `/webhooks/${current.id}`, status: 500, times: 15 });
			const before = emulator.requests.length;
			await publishEvents(['deal_add']);
			const replaced = await registeredWith(['deal_add'], 180000);
			expect(webhooks()).toEqual([replaced]);
			expect(sentSince(before)).toEqual([
				...Array(15).fill(`DELETE /webhooks/${current.id} 500`),
				`GET /webhooks/${current.id} 200`,
				`DELETE /webhooks/${current.id} 200`,
				'POST /webhooks 201',
			]);
			current = replaced;
		}, 300000);

		it('a webhook deleted in ActiveCampaign while active is registered again when the events change', async () => {
			emulator.db.remove('webhooks', current.id);
			const before = emulator.requests.length;
			await publishEvents(['subscribe', 'update']);
			const replaced = await registeredWith(['subscribe', 'update']);
			expect(webhooks()).toEqual([replaced]);
			expect(sentSince(before)).toEqual([`DELETE /webhooks/${current.id} 404`, 'POST /webhooks 201']);
			await deactivateAndWait();
			expect(webhooks()).toEqual([]);
			expect(await staticData()).toEqual({});
			current = replaced;
		}, 300000);

		it('a webhook left in ActiveCampaign for an inactive workflow gets 404 from n8n, never 410, so it is not deactivated', async () => {
			// E.g. a delete n8n gave up on: the record still points at the inactive workflow's URL.
			const leftover = emulator.db.insert('webhooks', { ...current, id: undefined, events: ['subscribe'] });
			try {
				const executionsBefore = (await executions()).length;
				for (const minute of ['15', '16']) {
					const delivery = await deliver(leftover.id, { payload: { type: 'subscribe', date_time: `2026-03-18T${minute}:00:00-05:00`, contact: { id: '1' } } });
					expect([delivery.status, delivery.deactivated]).toEqual([404, false]);
				}
				expect(await executions()).toHaveLength(executionsBefore);
			} finally {
				emulator.db.remove('webhooks', String(leftover.id));
			}
		});
	});
});
