#!/usr/bin/env node
// `npm run dev`: builds the package, starts the ActiveCampaign emulator with demo data and a real
// n8n 2.41.1 with this package loaded, a credential pointing at the emulator and a sample workflow.
// Ctrl-C stops everything it started.
//
//   npm run dev                         emulator + n8n on http://127.0.0.1:5678 (or the next free port)
//   npm run dev -- --real               a real ActiveCampaign account: needs AC_API_URL and AC_API_KEY
//   npm run dev -- --port 5700 --fresh  another port; --fresh forgets the instance's data first
//   npm run dev -- --no-build           skip `npm run build` (e.g. a `npm run build -- --watch` runs)
//
// The instance lives in .n8n-dev/ (git-ignored) so workflows you build survive restarts.
'use strict';

const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');

const n8n = require('./lib/n8n');

const CREDENTIAL_ID = 'AcV3DevCredentl1';
const WORKFLOW_ID = 'AcV3DevWorkflow1';
const DEV_FOLDER = path.join(n8n.ROOT, '.n8n-dev');

function parseArgs(argv) {
	const options = { real: false, fresh: false, build: true, port: undefined, emulatorPort: 0 };
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		if (arg === '--real') options.real = true;
		else if (arg === '--fresh') options.fresh = true;
		else if (arg === '--no-build') options.build = false;
		else if (arg === '--port') options.port = Number(argv[++i]);
		else if (arg === '--emulator-port') options.emulatorPort = Number(argv[++i]);
		else if (arg === '--help' || arg === '-h') {
			process.stdout.write(fs.readFileSync(__filename, 'utf8').split('\n').slice(1, 11).join('\n').replace(/^\/\/ ?/gm, '') + '\n');
			process.exit(0);
		} else throw new Error(`unknown argument ${arg} (see --help)`);
	}
	if (process.env.AC_API_URL && process.env.AC_API_KEY) options.real = true;
	return options;
}

function say(message) {
	process.stdout.write(`[dev] ${message}\n`);
}

function npmRun(script) {
	const result = spawnSync('npm', ['run', '--silent', script], { cwd: n8n.ROOT, stdio: 'inherit' });
	if (result.status !== 0) throw new Error(`npm run ${script} failed`);
}

/** The sample workflow: Manual Trigger -> Get many contacts -> a Set node reading the output. */
function sampleWorkflow(credentialName) {
	return {
		id: WORKFLOW_ID,
		name: 'ActiveCampaign V3 sample',
		active: false,
		settings: { executionOrder: 'v1' },
		connections: {
			'When clicking "Execute workflow"': { main: [[{ node: 'Get many contacts', type: 'main', index: 0 }]] },
			'Get many contacts': { main: [[{ node: 'Summary', type: 'main', index: 0 }]] },
		},
		nodes: [
			{
				id: '3b0c1b1e-0000-4000-8000-000000000001',
				name: 'When clicking "Execute workflow"',
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
			{
				id: '3b0c1b1e-0000-4000-8000-000000000002',
				name: 'Get many contacts',
				type: n8n.NODE_TYPE,
				typeVersion: 1,
				position: [240, 0],
				parameters: { resource: 'contact', operation: 'getMany', returnAll: false, limit: 10 },
				credentials: { [n8n.CREDENTIAL_TYPE]: { id: CREDENTIAL_ID, name: credentialName } },
			},
			{
				id: '3b0c1b1e-0000-4000-8000-000000000003',
				name: 'Summary',
				type: 'n8n-nodes-base.set',
				typeVersion: 3.4,
				position: [480, 0],
				parameters: {
					assignments: {
						assignments: [
							{ id: 'a1', name: 'status', value: '={{ $json.StatusCode }}', type: 'number' },
							{ id: 'a2', name: 'contacts', value: '={{ $json.Contacts.length }}', type: 'number' },
							{ id: 'a3', name: 'firstEmail', value: '={{ $json.Contacts[0]?.email }}', type: 'string' },
						],
					},
					options: {},
				},
			},
		],
		pinData: {},
	};
}

const stoppers = [];
let stopping = false;

/** Stops what was started, newest first, then exits. */
async function stopAll(code) {
	if (stopping) return;
	stopping = true;
	say('stopping ...');
	for (const stop of stoppers.reverse()) {
		try {
			await stop();
		} catch (error) {
			process.stderr.write(`[dev] while stopping: ${error.message}\n`);
		}
	}
	process.exit(code);
}

async function main() {
	const options = parseArgs(process.argv.slice(2));
	process.on('SIGINT', () => void stopAll(0));
	process.on('SIGTERM', () => void stopAll(0));

	say('checking the cached n8n (the first start installs it; later starts take seconds) ...');
	const runtime = await n8n.ensureN8n();
	if (options.build) {
		say('building the package (npm run build) and the emulator ...');
		npmRun('build');
	}
	if (!options.real) npmRun('build:emulator');

	let apiUrl;
	let apiKey;
	let credentialName;
	if (options.real) {
		apiUrl = process.env.AC_API_URL;
		apiKey = process.env.AC_API_KEY;
		if (!apiUrl || !apiKey) {
			throw new Error('--real needs AC_API_URL (e.g. https://youraccount.api-us1.com) and AC_API_KEY in the environment');
		}
		credentialName = 'ActiveCampaign (real account)';
		say(`using the real ActiveCampaign account at ${apiUrl}`);
	} else {
		const { startEmulator } = require('./emulator');
		const emulator = await startEmulator({ port: options.emulatorPort, seed: 'demo', rateLimitPerSecond: 5 });
		stoppers.push(() => emulator.stop());
		apiUrl = emulator.url;
		apiKey = emulator.token;
		credentialName = 'ActiveCampaign emulator';
		const s = emulator.seeded;
		say(`emulator on ${apiUrl} (token ${apiKey}): ${s.contacts.length} contacts, ${s.lists.length} lists, ${s.tags.length} tags`);
	}

	if (options.fresh) fs.rmSync(DEV_FOLDER, { recursive: true, force: true });
	fs.mkdirSync(DEV_FOLDER, { recursive: true });
	const firstStart = !fs.existsSync(path.join(DEV_FOLDER, '.n8n', 'database.sqlite'));
	n8n.linkPackage(DEV_FOLDER);
	const port = options.port || ((await isFree(5678)) ? 5678 : await n8n.freePort());
	let brokerPort = await n8n.freePort();
	while (brokerPort === port) brokerPort = await n8n.freePort();
	const env = n8n.n8nEnv({ userFolder: DEV_FOLDER, port, brokerPort });

	// The emulator's port changes on every start, so the credential is imported every time
	// (same ID: it is updated in place). The sample workflow is imported on the first start only,
	// so your edits to it survive.
	say('importing the credential' + (firstStart ? ' and the sample workflow' : '') + ' ...');
	const work = fs.mkdtempSync(path.join(require('os').tmpdir(), 'n8n-dev-import-'));
	try {
		n8n.credentialFile(path.join(work, 'credentials.json'), { id: CREDENTIAL_ID, name: credentialName, apiUrl, apiKey });
		await n8n.runCli(runtime, ['import:credentials', `--input=${path.join(work, 'credentials.json')}`], { env });
		if (firstStart) {
			fs.writeFileSync(path.join(work, 'workflow.json'), JSON.stringify([sampleWorkflow(credentialName)], null, 2));
			await n8n.runCli(runtime, ['import:workflow', `--input=${path.join(work, 'workflow.json')}`], { env });
		}
	} finally {
		fs.rmSync(work, { recursive: true, force: true });
	}

	say(`starting n8n on port ${port} ...`);
	const server = await n8n.startServer(runtime, { env, port });
	stoppers.push(() => server.stop());
	server.child.on('exit', (code) => {
		if (!stopping) {
			process.stderr.write(`[dev] n8n exited (${code})\n${server.log().slice(-3000)}\n`);
			void stopAll(1);
		}
	});
	try {
		await n8n.setupOwner(server.url);
	} catch (error) {
		// Later starts: the owner exists already.
		if (!/already/i.test(error.message)) throw error;
	}
	process.stdout.write(
		[
			'',
			`  n8n editor:      ${server.url}/`,
			`  sign in:         ${n8n.OWNER.email} / ${n8n.OWNER.password}`,
			`  sample workflow: ${server.url}/workflow/${WORKFLOW_ID}`,
			`  credential:      "${credentialName}" -> ${apiUrl}`,
			`  node:            ${n8n.NODE_TYPE} (this clone, linked into ${path.relative(n8n.ROOT, n8n.nodesDir(DEV_FOLDER))})`,
			'',
			'  After changing the code: npm run build, then restart npm run dev -- --no-build.',
			'  Press Ctrl-C to stop n8n' + (options.real ? '' : ' and the emulator') + '.',
			'',
		].join('\n') + '\n',
	);
}

function isFree(port) {
	return new Promise((resolve) => {
		const server = require('net').createServer();
		server.once('error', () => resolve(false));
		server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
	});
}

main().catch((error) => {
	process.stderr.write(`[dev] ${error.message}\n`);
	void stopAll(1);
});
