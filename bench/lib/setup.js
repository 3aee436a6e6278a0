// What the benchmarks share: checking the build and starting n8n's runtime, the machine
// description, and, for the benchmarks that run workflows with `n8n execute` (bench/run.js and
// bench/bulk.js), the workflow pieces, the n8n CLI with its peak memory, and reading its output.
// bench/queue.js runs `n8n start` servers instead (scripts/lib/n8n.js) and only uses the first part.
'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawn } = require('child_process');

const { ensureN8n, N8N_VERSION } = require('../../scripts/ensure-n8n');

const ROOT = path.join(__dirname, '..', '..');
const RESULTS = path.join(__dirname, '..', 'results');

// ---------------------------------------------------------------------------------------------
// n8n's runtime and the machine
// ---------------------------------------------------------------------------------------------

/**
 * Checks that dist/ is built (`npm run <script>` builds it first), installs n8n once and adds the
 * version of the Node.js it runs on (`runtime.nodeVersion`), for the report.
 */
async function prepareRuntime(script) {
	if (!fs.existsSync(path.join(ROOT, 'dist', 'nodes', 'ActiveCampaignV3', 'ActiveCampaignV3V1.node.js'))) {
		throw new Error(`dist/ is missing: run "npm run build" first (npm run ${script} does)`);
	}
	const runtime = await ensureN8n();
	runtime.nodeVersion = await new Promise((resolve) => {
		const child = spawn(runtime.nodeBin, ['--version']);
		let text = '';
		child.stdout.on('data', (c) => (text += c));
		child.on('close', () => resolve(text.trim().replace(/^v/, '')));
	});
	return runtime;
}

function machineFacts(runtime) {
	const cpus = os.cpus();
	return {
		nproc: os.availableParallelism ? os.availableParallelism() : cpus.length,
		cpu: cpus[0]?.model ?? 'unknown',
		memoryGiB: Math.round(os.totalmem() / 2 ** 30),
		os: `${os.type()} ${os.release()}`,
		n8n: N8N_VERSION,
		n8nNode: runtime.nodeVersion,
		date: new Date().toISOString(),
	};
}

// ---------------------------------------------------------------------------------------------
// Workflows
// ---------------------------------------------------------------------------------------------

/** n8n wants 16-character IDs; pad a readable stem. */
const n8nId = (stem) => `${stem}${'0'.repeat(16)}`.slice(0, 16);

function node(name, type, typeVersion, parameters, position, extra = {}) {
	return { id: `${name.replace(/\W/g, '')}-id`, name, type, typeVersion, position: [position * 220, 0], parameters, ...extra };
}

function chain(nodes) {
	const connections = {};
	for (let i = 0; i + 1 < nodes.length; i++) {
		connections[nodes[i].name] = { main: [[{ node: nodes[i + 1].name, type: 'main', index: 0 }]] };
	}
	return connections;
}

/** Manual Trigger → Edit Fields (N items as one array) → Split Out: N items, without a Code node. */
function sourceNodes(count, prefix = 'bench') {
	const expression = `={{ { "items": Array.from({ length: ${count} }, (_, i) => ({ email: "${prefix}" + i + "@example.com", firstName: "Bench" + i })) } }}`;
	return [
		node('Start', 'n8n-nodes-base.manualTrigger', 1, {}, 0),
		node('Make Items', 'n8n-nodes-base.set', 3.4, { mode: 'raw', jsonOutput: expression, options: {} }, 1),
		node('Split Items', 'n8n-nodes-base.splitOut', 1, { fieldToSplitOut: 'items', options: {} }, 2),
	];
}

// ---------------------------------------------------------------------------------------------
// The emulator
// ---------------------------------------------------------------------------------------------

/**
 * Time-stamps every request as it arrives (`record.at`), for the API-bound window and the achieved
 * rate. bench/lib/traffic.js does the same and also remembers the sending process.
 */
function stampArrivals(emulator) {
	const requests = emulator.requests;
	const push = requests.push.bind(requests);
	requests.push = (...records) => {
		for (const record of records) record.at = Date.now();
		return push(...records);
	};
}

// ---------------------------------------------------------------------------------------------
// The n8n CLI
// ---------------------------------------------------------------------------------------------

function cliEnv(userFolder, brokerPort) {
	return {
		...process.env,
		N8N_USER_FOLDER: userFolder,
		N8N_CUSTOM_EXTENSIONS: path.join(ROOT, 'dist'),
		N8N_ENCRYPTION_KEY: 'activecampaign-v3-bench-key',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		// `execute --rawOutput` prints the run through the logger at level info.
		N8N_LOG_LEVEL: 'info',
		N8N_RUNNERS_BROKER_PORT: String(brokerPort),
		DB_SQLITE_POOL_SIZE: '2',
	};
}

function readHwmKiB(pid) {
	try {
		const match = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
		return match ? Number(match[1]) : 0;
	} catch {
		return 0;
	}
}

/** Runs the n8n CLI; returns stdout, wall time and the peak resident memory of the n8n process. */
function runN8n(runtime, args, env, { captureTo } = {}) {
	return new Promise((resolve, reject) => {
		const started = Date.now();
		// stdout goes straight to a file: n8n exits right after printing the run, and output
		// still queued on a pipe would be lost (writes to a file are synchronous).
		const outFd = captureTo ? fs.openSync(captureTo, 'w') : undefined;
		const child = spawn(runtime.nodeBin, [runtime.n8nBin, ...args], { env, stdio: ['ignore', outFd ?? 'pipe', 'pipe'] });
		let stdout = '';
		let stderr = '';
		child.stdout?.on('data', (chunk) => (stdout += chunk.toString()));
		child.stderr.on('data', (chunk) => (stderr = (stderr + chunk.toString()).slice(-20_000)));
		let peakKiB = 0;
		// VmHWM is the process's own high-water mark; the last reading before exit is the peak.
		const poll = setInterval(() => (peakKiB = Math.max(peakKiB, readHwmKiB(child.pid))), 100);
		child.on('error', (error) => {
			clearInterval(poll);
			reject(error);
		});
		child.on('close', (code) => {
			clearInterval(poll);
			if (outFd !== undefined) fs.closeSync(outFd);
			resolve({ code, stdout, stderr, wallMs: Date.now() - started, peakKiB });
		});
	});
}

/** Writes credentials.json and workflows.json into the user folder and imports both. */
async function importIntoN8n(runtime, userFolder, env, credentials, workflows) {
	const credentialsFile = path.join(userFolder, 'credentials.json');
	const workflowsFile = path.join(userFolder, 'workflows.json');
	fs.writeFileSync(credentialsFile, JSON.stringify(credentials));
	fs.writeFileSync(workflowsFile, JSON.stringify(workflows));
	for (const args of [['import:credentials', `--input=${credentialsFile}`], ['import:workflow', `--input=${workflowsFile}`]]) {
		const result = await runN8n(runtime, args, env);
		if (result.code !== 0) throw new Error(`n8n ${args[0]} failed (${result.code}):\n${result.stderr}\n${result.stdout}`);
	}
}

/** `execute --rawOutput` prints the IRun as JSON, possibly after some log lines. */
function parseRun(text) {
	const start = text.search(/^\{/m);
	const end = text.lastIndexOf('\n}');
	if (start === -1 || end === -1) return undefined;
	try {
		return JSON.parse(text.slice(start, end + 2));
	} catch {
		return undefined;
	}
}

/** The items one node output in a parsed run (their `json`). */
function outputItems(run, nodeName) {
	const runData = run?.data?.resultData?.runData ?? {};
	return (runData[nodeName]?.[0]?.data?.main?.[0] ?? []).map((item) => item.json ?? {});
}

module.exports = {
	ROOT,
	RESULTS,
	N8N_VERSION,
	prepareRuntime,
	machineFacts,
	n8nId,
	node,
	chain,
	sourceNodes,
	stampArrivals,
	cliEnv,
	runN8n,
	importIntoN8n,
	parseRun,
	outputItems,
};
