#!/usr/bin/env node
// Scaling-out benchmark: several n8n 2.41.1 processes sharing one ActiveCampaign account (the
// project's emulator with the real limit: 5 requests/second per account, 429 + Retry-After).
//
//   npm run bench:queue                       # builds, then every scenario below (about 8 minutes)
//   npm run bench:queue -- --latency 400      # the emulator answers after 400 ms instead of 100 ms
//   npm run bench:queue -- --only plain       # only the plain processes (or: --only queue)
//   npm run bench:queue -- --keep             # keep user folders and n8n logs for a look afterwards
//   npm run bench:queue -- --requests-log     # also every request of every scenario (arrival, status,
//                                             # process) in bench/results/queue-requests.json
//
// Setups (each gets a fresh emulator; our package is packed once and installed into every user
// folder as n8n installs community packages):
//   plain — three separate `n8n start` processes, each with its own user folder and SQLite database,
//           one account: one process alone (the baseline), then all three at once on distinct
//           contacts, then all three creating the same tag names at the same moment.
//   queue — n8n's queue mode: Redis (Debian's redis-server) and PostgreSQL (Debian's postgresql;
//           n8n 2.41.1 warns "Scaling mode is not officially supported with sqlite", and four
//           processes writing one SQLite file is not a setup anyone should run), one main process
//           (`n8n start`, EXECUTIONS_MODE=queue) that receives the webhooks and three workers
//           (`n8n worker`) that run the executions.
// Every scenario calls webhook-started workflows (Webhook → Edit Fields → Split Out → ActiveCampaign
// V3) all at once and reads each execution's output from the webhook's answer ("last node, all
// entries"). Results: bench/results/queue.md and queue.json (git-ignored), also printed.
'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');
const http = require('http');
const { spawn } = require('child_process');

const n8n = require('../scripts/lib/n8n');
const { startEmulator } = require('../scripts/emulator');
const { walkArgs } = require('../scripts/lib/args');
const { missingServices, startRedis, startPostgres, waitForOutput } = require('./lib/services');
const { LIMIT, instrument, summarize, atWorkText } = require('./lib/traffic');
const { RESULTS, prepareRuntime, machineFacts } = require('./lib/setup');

const ENCRYPTION_KEY = 'activecampaign-v3-queue-bench-key';
const CREDENTIAL = { id: 'AcV3QueueBenchCr', name: 'ActiveCampaign emulator (queue bench)' };
const WORKFLOWS = {
	contacts: { id: 'AcV3QueueBenchWc', path: 'bench-contacts', webhookId: '5b0f3c1e-7d2a-4e8b-9c61-0a1b2c3d4e01' },
	tags: { id: 'AcV3QueueBenchWt', path: 'bench-tags', webhookId: '5b0f3c1e-7d2a-4e8b-9c61-0a1b2c3d4e02' },
};
const PAUSE_BETWEEN_SCENARIOS_MS = 5000;
/** n8n boots in 15-60 s on an idle machine; a shared, loaded one needed more than 4 minutes. */
const BOOT_TIMEOUT_MS = 600000;

/**
 * What to end if the benchmark is interrupted (Ctrl-C, a timeout): the n8n processes, Redis and
 * PostgreSQL it started, and its temp folders. Normal runs stop everything in `finally` blocks.
 */
const live = { children: new Set(), syncStops: new Set(), folders: new Set() };
function track(child) {
	live.children.add(child);
	child.once('exit', () => live.children.delete(child));
	return child;
}
for (const signal of ['SIGINT', 'SIGTERM']) {
	process.once(signal, () => {
		for (const child of live.children) child.kill('SIGKILL');
		for (const stop of live.syncStops) stop();
		for (const folder of live.folders) fs.rmSync(folder, { recursive: true, force: true });
		process.exit(130);
	});
}

const log = (message) => process.stderr.write(`[bench:queue ${new Date().toISOString().slice(11, 19)}] ${message}\n`);

function parseArgs(argv) {
	const options = { latencyMs: 100, calls: 30, perCall: 10, tags: 60, workers: 3, processes: 3, timeoutS: 480, dbPoolSize: 0, only: undefined, keep: false, requestsLog: false };
	const usage = 'usage: npm run bench:queue -- [--latency 100] [--calls 30] [--per-call 10] [--tags 60] [--timeout 480] [--db-pool-size N] [--only plain|queue] [--keep] [--requests-log]\n';
	walkArgs(argv, usage, (arg, value) => {
		if (arg === '--latency') options.latencyMs = Number(value());
		else if (arg === '--calls') options.calls = Number(value());
		else if (arg === '--per-call') options.perCall = Number(value());
		else if (arg === '--tags') options.tags = Number(value());
		else if (arg === '--timeout') options.timeoutS = Number(value());
		else if (arg === '--db-pool-size') options.dbPoolSize = Number(value());
		else if (arg === '--only') options.only = value();
		else if (arg === '--keep') options.keep = true;
		else if (arg === '--requests-log') options.requestsLog = true;
		else return false;
		return true;
	});
	for (const key of ['latencyMs', 'calls', 'perCall', 'tags', 'timeoutS', 'dbPoolSize']) {
		if (!Number.isInteger(options[key]) || options[key] < 0) throw new Error(`--${key} must be a whole number >= 0`);
	}
	if (options.calls % options.processes !== 0) throw new Error(`--calls must be a multiple of ${options.processes}`);
	if (options.only && !['plain', 'queue'].includes(options.only)) throw new Error('--only must be plain or queue');
	return options;
}

// ---------------------------------------------------------------------------------------------
// Workflows and credential
// ---------------------------------------------------------------------------------------------

function workflow(kind) {
	const spec = WORKFLOWS[kind];
	const credentials = { [n8n.CREDENTIAL_TYPE]: { id: CREDENTIAL.id, name: CREDENTIAL.name } };
	// The webhook body says how many items and how to name them: { batch, count, tagPrefix }.
	const expression =
		'={{ { "items": Array.from({ length: $json.body.count }, (_, i) => ({ email: $json.body.batch + "-" + i + "@example.com", firstName: "Bench" + i, tag: $json.body.tagPrefix + " " + (i + 1) })) } }}';
	const action =
		kind === 'contacts'
			? { resource: 'contact', operation: 'create', email: '={{ $json.email }}', options: { firstName: '={{ $json.firstName }}' } }
			: { resource: 'tag', operation: 'create', tag: '={{ $json.tag }}', options: {} };
	const nodes = [
		{
			id: `${spec.webhookId.slice(0, 30)}a1`,
			name: 'Webhook',
			type: 'n8n-nodes-base.webhook',
			typeVersion: 2,
			position: [0, 0],
			webhookId: spec.webhookId,
			parameters: { httpMethod: 'POST', path: spec.path, responseMode: 'lastNode', responseData: 'allEntries', options: {} },
		},
		{ id: `${spec.webhookId.slice(0, 30)}a2`, name: 'Make Items', type: 'n8n-nodes-base.set', typeVersion: 3.4, position: [220, 0], parameters: { mode: 'raw', jsonOutput: expression, options: {} } },
		{ id: `${spec.webhookId.slice(0, 30)}a3`, name: 'Split Items', type: 'n8n-nodes-base.splitOut', typeVersion: 1, position: [440, 0], parameters: { fieldToSplitOut: 'items', options: {} } },
		{ id: `${spec.webhookId.slice(0, 30)}a4`, name: 'ActiveCampaign', type: n8n.NODE_TYPE, typeVersion: 1, position: [660, 0], parameters: action, credentials },
	];
	const connections = {};
	for (let i = 0; i + 1 < nodes.length; i++) connections[nodes[i].name] = { main: [[{ node: nodes[i + 1].name, type: 'main', index: 0 }]] };
	return { id: spec.id, name: `ActiveCampaign queue bench: ${kind}`, active: false, nodes, connections, settings: { executionOrder: 'v1' }, pinData: {} };
}

/** Writes the import files once per setup; `n8n import:*` reads them. */
function importFiles(dir, emulator) {
	fs.mkdirSync(path.join(dir, 'workflows'), { recursive: true });
	// Requests per Second: the default, ActiveCampaign's 5 per account, in every process.
	const credential = { ...CREDENTIAL, type: n8n.CREDENTIAL_TYPE, data: { apiUrl: emulator.url, apiKey: emulator.token, requestsPerSecond: LIMIT }, isManaged: false };
	fs.writeFileSync(path.join(dir, 'credentials.json'), JSON.stringify([credential]));
	for (const kind of Object.keys(WORKFLOWS)) fs.writeFileSync(path.join(dir, 'workflows', `${kind}.json`), JSON.stringify(workflow(kind)));
	return { credentials: path.join(dir, 'credentials.json'), workflows: path.join(dir, 'workflows') };
}

// ---------------------------------------------------------------------------------------------
// n8n processes
// ---------------------------------------------------------------------------------------------

/** A user folder with our package installed (the first install is copied to the others). */
function userFolderWithPackage(tarball, template) {
	const userFolder = n8n.makeUserFolder('ac-v3-bench-queue-');
	live.folders.add(userFolder);
	if (template) fs.cpSync(n8n.nodesDir(template), n8n.nodesDir(userFolder), { recursive: true, verbatimSymlinks: true });
	else n8n.installTarball(userFolder, tarball);
	return userFolder;
}

async function rest(url, cookie, method, route, body) {
	const response = await fetch(`${url}/rest${route}`, {
		method,
		headers: { 'Content-Type': 'application/json', Cookie: cookie, 'browser-id': 'queue-bench' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const text = await response.text();
	if (response.status !== 200) throw new Error(`${method} ${route} answered ${response.status}: ${text.slice(0, 1000)}`);
	return JSON.parse(text);
}

/** Owner account, login, and every bench workflow activated (registers its webhook). */
async function prepareServer(server) {
	await n8n.setupOwner(server.url);
	const cookie = await n8n.login(server.url);
	for (const spec of Object.values(WORKFLOWS)) {
		const current = await rest(server.url, cookie, 'GET', `/workflows/${spec.id}`);
		await rest(server.url, cookie, 'POST', `/workflows/${spec.id}/activate`, { versionId: current.data.versionId });
	}
}

/** `n8n worker`, resolved once it says it is ready; its log is kept for the execution split. */
async function startWorker(runtime, env, label) {
	const child = track(spawn(runtime.nodeBin, [runtime.n8nBin, 'worker', '--concurrency=10'], { env, stdio: ['ignore', 'pipe', 'pipe'] }));
	const worker = { label, child, pid: child.pid, output: '' };
	const collect = (chunk) => (worker.output += chunk.toString());
	child.stdout.on('data', collect);
	child.stderr.on('data', collect);
	await waitForOutput(child, /n8n worker is now ready/, `n8n worker ${label}`, BOOT_TIMEOUT_MS);
	worker.stop = async () => {
		if (child.exitCode !== null || child.signalCode !== null) return;
		const done = new Promise((resolve) => child.once('exit', resolve));
		child.kill('SIGTERM');
		const timer = setTimeout(() => child.kill('SIGKILL'), 20000);
		await done;
		clearTimeout(timer);
	};
	return worker;
}

// ---------------------------------------------------------------------------------------------
// Scenarios
// ---------------------------------------------------------------------------------------------

/**
 * POST, answered when the execution has finished. The timeout is generous: an execution may wait
 * out 429s for the whole Rate-Limit Wait Budget (300 s by default); a call still unanswered after
 * it counts all its items as failed (an execution that never ends is a failure too).
 */
function postJson(url, body, timeoutMs) {
	return new Promise((resolve) => {
		const started = Date.now();
		const timer = setTimeout(() => {
			request.destroy();
			resolve({ status: 0, json: undefined, text: `no answer within ${timeoutMs / 1000} s`, ms: Date.now() - started });
		}, timeoutMs);
		const payload = JSON.stringify(body);
		const request = http.request(url, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(payload) } }, (response) => {
			let text = '';
			response.on('data', (chunk) => (text += chunk));
			response.on('end', () => {
				let json;
				try {
					json = JSON.parse(text);
				} catch {
					json = undefined;
				}
				clearTimeout(timer);
				resolve({ status: response.statusCode, json, text, ms: Date.now() - started });
			});
		});
		request.on('error', (error) => {
			clearTimeout(timer);
			resolve({ status: 0, json: undefined, text: error.message, ms: Date.now() - started });
		});
		request.end(payload);
	});
}

/** Failed items of one call: StatusCode != 200 or ErrorMessage != '' (or no readable answer at all). */
function failedItems(call, expected) {
	if (call.status !== 200 || !Array.isArray(call.json)) return { failed: expected, errors: [`HTTP ${call.status}: ${String(call.text).slice(0, 200)}`] };
	const bad = call.json.filter((json) => json.StatusCode !== 200 || (json.ErrorMessage ?? '') !== '');
	const missing = Math.max(0, expected - call.json.length);
	return { failed: bad.length + missing, errors: bad.map((json) => `${json.StatusCode}/${json.OriginalStatusCode}: ${json.ErrorMessage}`) };
}

/** Records stored more than once, and creates the emulator accepted more than once for one key. */
function duplicates(emulator, kind, keys, records) {
	const wanted = new Set(keys.map((k) => k.toLowerCase()));
	const counts = (values) => {
		const map = new Map();
		for (const v of values) if (wanted.has(v)) map.set(v, (map.get(v) ?? 0) + 1);
		return [...map.values()];
	};
	const stored =
		kind === 'contacts'
			? counts(emulator.db.all('contacts').map((c) => String(c.email).toLowerCase()))
			: counts(emulator.db.all('tags').filter((t) => t.tagType === 'contact').map((t) => String(t.tag).toLowerCase()));
	const createPath = kind === 'contacts' ? '/contact/sync' : '/tags';
	const applied = counts(
		records
			.filter((r) => r.method === 'POST' && r.path === createPath && (r.status === 200 || r.status === 201))
			.map((r) => String(kind === 'contacts' ? r.body?.contact?.email : r.body?.tag?.tag).toLowerCase()),
	);
	return {
		stored: stored.reduce((n, c) => n + c, 0),
		missing: wanted.size - stored.length,
		storedTwice: stored.filter((c) => c > 1).length,
		appliedTwice: applied.filter((c) => c > 1).length,
	};
}

/**
 * Fires every call at once and measures. `calls`: [{ target: { url, label }, kind, batch, count }];
 * `workers`: queue-mode workers whose logs tell who ran which execution.
 */
async function runScenario({ name, setup, processes, emulator, traffic, calls, keys, kind, workers = [], callTimeoutMs }) {
	log(`${name}: ${calls.length} webhook calls at once, ${calls.reduce((n, c) => n + c.count, 0)} items`);
	const from = emulator.requests.length;
	const logFrom = workers.map((w) => w.output.length);
	const started = Date.now();
	const answers = await Promise.all(
		calls.map((call) => postJson(`${call.target.url}/webhook/${WORKFLOWS[kind].path}`, { batch: call.batch, count: call.count, tagPrefix: call.tagPrefix }, callTimeoutMs).then((a) => ({ ...a, call }))),
	);
	const wallS = (Date.now() - started) / 1000;
	// Answers are sent once the emulator has answered; give in-flight bookkeeping a moment.
	await new Promise((resolve) => setTimeout(resolve, 200));
	const records = emulator.requests.slice(from).filter((r) => r.at !== undefined);
	traffic.label(records);
	const summary = summarize(records);
	let failed = 0;
	const errors = [];
	const perTarget = {};
	for (const answer of answers) {
		const result = failedItems(answer, answer.call.count);
		failed += result.failed;
		errors.push(...result.errors);
		const t = (perTarget[answer.call.target.label] ??= { calls: 0, items: 0, failed: 0, slowestS: 0 });
		t.calls++;
		t.items += answer.call.count;
		t.failed += result.failed;
		t.slowestS = Math.max(t.slowestS, answer.ms / 1000);
	}
	const executionsPerWorker = {};
	workers.forEach((worker, i) => {
		executionsPerWorker[worker.label] = (worker.output.slice(logFrom[i]).match(/Worker started execution \d+/g) ?? []).length;
	});
	const dup = duplicates(emulator, kind, keys, records);
	const result = {
		name,
		setup,
		processes,
		kind,
		calls: calls.length,
		items: calls.reduce((n, c) => n + c.count, 0),
		wallS,
		failed,
		errorSamples: [...new Set(errors)].slice(0, 10),
		duplicates: dup,
		perTarget,
		executionsPerWorker,
		...summary,
	};
	// Every request in arrival order (ms from the scenario's first), for --requests-log; not in queue.json.
	const first = records.length > 0 ? records[0].at : 0;
	Object.defineProperty(result, 'requestLog', { enumerable: false, value: records.map((r) => ({ atMs: r.at - first, status: r.status, sender: r.sender, method: r.method })) });
	log(
		`  ${result.requests} requests, ${result.refused429} × 429 (${(summary.share429 * 100).toFixed(1)}%), ${(summary.ofLimit * 100).toFixed(1)}% of the limit over ${summary.busyS.toFixed(1)} s, ` +
			`failed ${failed}, stored twice ${dup.storedTwice}, applied twice ${dup.appliedTwice}, missing ${dup.missing}`,
	);
	return result;
}

const range = (n) => Array.from({ length: n }, (_, i) => i);
const pad = (n) => String(n).padStart(2, '0');

// ---------------------------------------------------------------------------------------------
// Setups
// ---------------------------------------------------------------------------------------------

async function benchEmulator(options, senders) {
	const started = await startEmulator({ rateLimitPerSecond: LIMIT, latencyMs: options.latencyMs, seed: 'empty' });
	// Like accounts that refuse a second tag with the same name (422 "already exists"): the node
	// must then find the existing tag; on accounts that accept duplicates only a shared lock could help.
	started.emulator.refuseDuplicateTags = true;
	return { ...started, traffic: instrument(started.emulator, () => senders) };
}

async function plainSetup(options, runtime, tarball, folders) {
	const senders = [{ pid: process.pid, label: 'bench (this script)' }];
	const emu = await benchEmulator(options, senders);
	const servers = [];
	const results = [];
	try {
		const userFolders = [];
		for (const i of range(options.processes)) userFolders.push(userFolderWithPackage(tarball, userFolders[0]));
		folders.push(...userFolders);
		log(`plain: importing and starting ${options.processes} n8n processes (own user folder and SQLite each)`);
		// One after the other: three n8n processes booting at once on a small machine take longer than in turn.
		for (const [i, userFolder] of userFolders.entries()) {
			const ports = await n8n.allocatePorts();
			const env = n8n.n8nEnv({ userFolder, ...ports, extra: { N8N_ENCRYPTION_KEY: ENCRYPTION_KEY, N8N_LOG_LEVEL: 'info' } });
			const files = importFiles(path.join(userFolder, 'import'), emu);
			await n8n.runCli(runtime, ['import:credentials', `--input=${files.credentials}`], { env });
			await n8n.runCli(runtime, ['import:workflow', '--separate', `--input=${files.workflows}`], { env });
			const server = await n8n.startServer(runtime, { env, port: ports.port, bootTimeoutMs: BOOT_TIMEOUT_MS });
			track(server.child);
			server.label = `n8n-${i + 1}`;
			servers[i] = server;
			senders.push({ pid: server.child.pid, label: server.label });
			await prepareServer(server);
		}
		const share = options.calls / options.processes;
		const contactCalls = (scenario, targets) =>
			targets.flatMap((target) => range(share).map((c) => ({ target: { url: target.url, label: target.label }, batch: `${scenario}-${target.label}-${pad(c)}`, count: options.perCall })));
		const emails = (calls) => calls.flatMap((c) => range(c.count).map((i) => `${c.batch}-${i}@example.com`));

		let calls = contactCalls('alone', [servers[0]]);
		results.push(await runScenario({ name: 'one n8n process alone (baseline)', setup: 'plain', processes: 1, emulator: emu.emulator, traffic: emu.traffic, calls, keys: emails(calls), kind: 'contacts', callTimeoutMs: options.timeoutS * 1000 }));
		await new Promise((resolve) => setTimeout(resolve, PAUSE_BETWEEN_SCENARIOS_MS));

		calls = contactCalls('three', servers);
		results.push(await runScenario({ name: `${options.processes} plain n8n processes, distinct contacts`, setup: 'plain', processes: options.processes, emulator: emu.emulator, traffic: emu.traffic, calls, keys: emails(calls), kind: 'contacts', callTimeoutMs: options.timeoutS * 1000 }));
		await new Promise((resolve) => setTimeout(resolve, PAUSE_BETWEEN_SCENARIOS_MS));

		if (options.tags > 0) {
			calls = servers.map((target) => ({ target: { url: target.url, label: target.label }, batch: `tags-${target.label}`, tagPrefix: 'Plain Bench Tag', count: options.tags }));
			const names = range(options.tags).map((i) => `Plain Bench Tag ${i + 1}`);
			results.push(await runScenario({ name: `${options.processes} plain n8n processes, the same ${options.tags} tag names`, setup: 'plain', processes: options.processes, emulator: emu.emulator, traffic: emu.traffic, calls, keys: names, kind: 'tags', callTimeoutMs: options.timeoutS * 1000 }));
		}
	} finally {
		if (options.keep) servers.forEach((s, i) => s && fs.writeFileSync(path.join(folders[i], 'n8n.log'), s.log()));
		await Promise.all(servers.map((s) => s?.stop()));
		await emu.stop();
	}
	return results;
}

async function queueSetup(options, runtime, tarball, folders) {
	const senders = [{ pid: process.pid, label: 'bench (this script)' }];
	const emu = await benchEmulator(options, senders);
	const started = [];
	const workers = [];
	let main;
	const results = [];
	try {
		log('queue: starting redis-server and PostgreSQL on free ports');
		const redis = await startRedis(await n8n.freePort());
		track(redis.child);
		started.push(redis);
		const postgres = await startPostgres(await n8n.freePort());
		live.syncStops.add(() => postgres.stopSync());
		started.push(postgres);
		const queueEnv = {
			...postgres.env,
			EXECUTIONS_MODE: 'queue',
			QUEUE_BULL_REDIS_HOST: '127.0.0.1',
			QUEUE_BULL_REDIS_PORT: String(redis.port),
			QUEUE_HEALTH_CHECK_ACTIVE: 'false',
			N8N_ENCRYPTION_KEY: ENCRYPTION_KEY,
			N8N_LOG_LEVEL: 'info',
			// n8n's default pool is 2 connections per process; --db-pool-size raises it.
			...(options.dbPoolSize > 0 ? { DB_POSTGRESDB_POOL_SIZE: String(options.dbPoolSize) } : {}),
		};
		const mainFolder = userFolderWithPackage(tarball);
		folders.push(mainFolder);
		const mainPorts = await n8n.allocatePorts();
		const mainEnv = n8n.n8nEnv({ userFolder: mainFolder, ...mainPorts, extra: queueEnv });
		const files = importFiles(path.join(mainFolder, 'import'), emu);
		log('queue: importing into PostgreSQL and starting the main process');
		await n8n.runCli(runtime, ['import:credentials', `--input=${files.credentials}`], { env: mainEnv });
		await n8n.runCli(runtime, ['import:workflow', '--separate', `--input=${files.workflows}`], { env: mainEnv });
		main = await n8n.startServer(runtime, { env: mainEnv, port: mainPorts.port, bootTimeoutMs: BOOT_TIMEOUT_MS });
		track(main.child);
		main.label = 'main';
		senders.push({ pid: main.child.pid, label: 'main' });
		await prepareServer(main);
		log(`queue: starting ${options.workers} workers (own user folder each, same database, Redis and encryption key)`);
		for (const i of range(options.workers)) {
			const userFolder = userFolderWithPackage(tarball, mainFolder);
			folders.push(userFolder);
			const ports = await n8n.allocatePorts();
			const worker = await startWorker(runtime, n8n.n8nEnv({ userFolder, ...ports, extra: queueEnv }), `worker-${i + 1}`);
			workers[i] = worker;
			senders.push({ pid: worker.pid, label: worker.label });
		}
		const target = { url: main.url, label: 'main' };
		const calls = range(options.calls).map((c) => ({ target, batch: `queue-${pad(c)}`, count: options.perCall }));
		const emails = calls.flatMap((c) => range(c.count).map((i) => `${c.batch}-${i}@example.com`));
		results.push(await runScenario({ name: `queue mode: main + ${options.workers} workers, distinct contacts`, setup: 'queue', processes: options.workers, emulator: emu.emulator, traffic: emu.traffic, calls, keys: emails, kind: 'contacts', workers, callTimeoutMs: options.timeoutS * 1000 }));
		if (options.tags > 0) {
			await new Promise((resolve) => setTimeout(resolve, PAUSE_BETWEEN_SCENARIOS_MS));
			const tagCalls = range(options.workers).map((c) => ({ target, batch: `qtags-${c}`, tagPrefix: 'Queue Bench Tag', count: options.tags }));
			const names = range(options.tags).map((i) => `Queue Bench Tag ${i + 1}`);
			results.push(await runScenario({ name: `queue mode: ${options.workers} executions, the same ${options.tags} tag names`, setup: 'queue', processes: options.workers, emulator: emu.emulator, traffic: emu.traffic, calls: tagCalls, keys: names, kind: 'tags', workers, callTimeoutMs: options.timeoutS * 1000 }));
		}
	} finally {
		if (options.keep) {
			if (main) fs.writeFileSync(path.join(os.tmpdir(), 'ac-v3-bench-queue-main.log'), main.log());
			workers.forEach((w) => w && fs.writeFileSync(path.join(os.tmpdir(), `ac-v3-bench-queue-${w.label}.log`), w.output));
		}
		await Promise.all(workers.map((w) => w?.stop()));
		await main?.stop();
		for (const service of started.reverse()) await service.stop();
		await emu.stop();
	}
	return results;
}

// ---------------------------------------------------------------------------------------------
// Report
// ---------------------------------------------------------------------------------------------

const pct = (n) => `${(n * 100).toFixed(1)}%`;

function verdict(result) {
	const misses = [];
	if (result.processes === 1) {
		if (result.ofLimit < 0.95) misses.push('< 95% of the limit');
		if (result.refused429 > 0) misses.push('429s');
	} else {
		if (result.ofLimit < 0.85) misses.push('< 85% of the limit');
		if (result.share429 > 0.1) misses.push('429s > 10%');
	}
	if (result.failed > 0) misses.push('failed items');
	if (result.duplicates.storedTwice > 0 || result.duplicates.appliedTwice > 0) misses.push('duplicates');
	if (result.duplicates.missing > 0) misses.push('records missing');
	return misses.length ? `missed: ${misses.join(', ')}` : 'met';
}

function splitText(result) {
	return Object.entries(result.perSender)
		.sort(([a], [b]) => a.localeCompare(b))
		.map(([label, s]) => {
			const executions = result.executionsPerWorker[label] ?? result.perTarget[label]?.calls;
			return `${label}: ${executions !== undefined ? `${executions} exec, ` : ''}${s.requests} req, ${s.refused429} × 429, last at ${s.lastS.toFixed(1)} s`;
		})
		.join('; ');
}

function markdown(options, machine, results) {
	const lines = [];
	lines.push('# Scaling out: several n8n processes, one ActiveCampaign account', '');
	lines.push(
		`Machine: ${machine.nproc} CPU (${machine.cpu}), ${machine.memoryGiB} GiB RAM, ${machine.os}; n8n ${machine.n8n} on Node ${machine.n8nNode}; ${machine.date}.`,
		`Emulator: ${LIMIT} requests/second per account (sliding one-second window, 429 + Retry-After: 1 above it), ${options.latencyMs} ms latency, refuses a second tag with the same name (422). Credential: Requests per Second ${LIMIT} in every process; node options at their defaults. Queue mode: PostgreSQL pool ${options.dbPoolSize > 0 ? options.dbPoolSize : "n8n's default (2)"} connections per process, worker concurrency 10.`,
		'',
	);
	lines.push('| scenario | items | requests | 429s (share) | busy period (s) | accepted req/s | % of limit | failed items | stored twice / applied twice / missing | targets |');
	lines.push('|---|---:|---:|---:|---:|---:|---:|---:|---|---|');
	for (const r of results) {
		lines.push(
			`| ${r.name} | ${r.items} | ${r.requests} | ${r.refused429} (${pct(r.share429)}) | ${r.busyS.toFixed(1)} | ${r.ratePerS.toFixed(2)} | ${pct(r.ofLimit)} | ${r.failed} | ${r.duplicates.storedTwice} / ${r.duplicates.appliedTwice} / ${r.duplicates.missing} | ${verdict(r)} |`,
		);
	}
	lines.push('', '## Split per process', '');
	for (const r of results) lines.push(`- ${r.name}: ${splitText(r)}`);
	lines.push('', '## Processes at work (from the first to the last accepted request)', '');
	for (const r of results.filter((x) => x.processes > 1)) lines.push(`- ${r.name}: ${atWorkText(r.atWork)}`);
	lines.push('', '## 429s over time (5-second buckets: requests / 429s)', '');
	for (const r of results) lines.push(`- ${r.name}: ${r.overTime.map((b) => `${b.requests}/${b.refused429}`).join(' ')}`);
	const errors = results.filter((r) => r.errorSamples.length);
	if (errors.length) {
		lines.push('', '## Failed items (samples)', '');
		for (const r of errors) lines.push(`- ${r.name}: ${r.errorSamples.map((e) => e.replace(/\|/g, '/')).join(' · ')}`);
	}
	lines.push(
		'',
		'"% of limit": accepted requests after the first 5, per second from the first to the last accepted request, ÷ 5 (a sliding window lets 5 start at once). "Processes at work": that time split by how many processes were between their own first and last request, with the rate in each part (the parts add up to "% of limit"). "busy period": first to last request arrival. "failed items": StatusCode ≠ 200 or ErrorMessage ≠ "" in the executions\' outputs (or no answer). "stored twice": emails/tag names stored more than once in the emulator; "applied twice": keys whose create the emulator accepted more than once; "missing": keys never stored. Queue mode: executions per worker from the workers\' logs ("Worker started execution"); requests per process from the emulator\'s TCP connections, matched to process IDs through /proc.',
	);
	return `${lines.join('\n')}\n`;
}

// ---------------------------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------------------------

async function main() {
	const options = parseArgs(process.argv.slice(2));
	if (options.only !== 'plain') {
		const missing = missingServices();
		if (missing.length) {
			process.stderr.write(
				`bench:queue needs ${missing.map((m) => m.what).join(' and ')} for n8n's queue mode. On Debian/Ubuntu install with:\n` +
					missing.map((m) => `  sudo ${m.install}\n`).join('') +
					'(the benchmark starts its own private instances on free ports; no system service is used), or run only the plain processes: npm run bench:queue -- --only plain\n',
			);
			process.exit(2);
		}
	}
	const runtime = await prepareRuntime('bench:queue');
	fs.mkdirSync(RESULTS, { recursive: true });
	const packDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ac-v3-bench-queue-pack-'));
	live.folders.add(packDir);
	const folders = [];
	const results = [];
	try {
		const { tarball } = n8n.packPackage(packDir);
		if (options.only !== 'queue') results.push(...(await plainSetup(options, runtime, tarball, folders)));
		if (options.only !== 'plain') results.push(...(await queueSetup(options, runtime, tarball, folders)));
	} finally {
		fs.rmSync(packDir, { recursive: true, force: true });
		if (options.keep) log(`kept: ${folders.join(' ')}`);
		else for (const folder of folders) fs.rmSync(folder, { recursive: true, force: true });
	}
	const machine = machineFacts(runtime);
	const md = markdown(options, machine, results);
	fs.writeFileSync(path.join(RESULTS, 'queue.md'), md);
	fs.writeFileSync(path.join(RESULTS, 'queue.json'), `${JSON.stringify({ options, machine, results }, null, 2)}\n`);
	process.stdout.write(md);
	log(`written: bench/results/queue.md, queue.json`);
	if (options.requestsLog) {
		fs.writeFileSync(path.join(RESULTS, 'queue-requests.json'), `${JSON.stringify(Object.fromEntries(results.map((r) => [r.name, r.requestLog])))}\n`);
		log('written: bench/results/queue-requests.json');
	}
}

main().catch((error) => {
	process.stderr.write(`bench:queue: ${error.stack || error.message}\n`);
	process.exit(1);
});
