// Running a real n8n (from scripts/ensure-n8n.js's cache) for `npm run dev`, the end-to-end suite
// and the browser test: a private user folder, our package in its nodes/ folder, the CLI, the
// server, the owner account. Plain Node.js so every script can use it without compiling.
'use strict';

const fs = require('fs');
const net = require('net');
const os = require('os');
const path = require('path');
const { spawn, execFileSync } = require('child_process');

const { ensureN8n } = require('../ensure-n8n');

const ROOT = path.join(__dirname, '..', '..');
const PACKAGE = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const PACKAGE_NAME = PACKAGE.name;
const NODE_TYPE = `${PACKAGE_NAME}.activeCampaignV3`;
const CREDENTIAL_TYPE = 'activeCampaignV3Api';

const OWNER = Object.freeze({
	email: 'owner@example.com',
	password: 'Emulator-Dev-1',
	firstName: 'Dev',
	lastName: 'Owner',
});

/** A TCP port nobody listens on right now (the OS picks it). */
function freePort() {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address();
			server.close(() => resolve(port));
		});
	});
}

/**
 * The environment for every n8n process: its own user folder, loopback only, and everything that
 * would phone home switched off (telemetry, version checks, templates, banners, the verified
 * community-package list, license renewal).
 */
function n8nEnv({ userFolder, port, brokerPort, extra = {} }) {
	const env = { ...process.env };
	// Our own npm/jest variables must not leak into n8n: with jest's NODE_ENV=test, n8n believes
	// it runs in its own unit tests (silent logger, no node loading).
	for (const key of Object.keys(env)) {
		if (key.startsWith('npm_') || key.startsWith('JEST_') || ['NODE_OPTIONS', 'INIT_CWD', 'NODE_ENV'].includes(key)) delete env[key];
	}
	return {
		...env,
		N8N_USER_FOLDER: userFolder,
		N8N_PORT: String(port ?? 5678),
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: '127.0.0.1',
		N8N_PROTOCOL: 'http',
		N8N_EDITOR_BASE_URL: `http://127.0.0.1:${port ?? 5678}/`,
		N8N_SECURE_COOKIE: 'false',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		N8N_DYNAMIC_BANNERS_ENABLED: 'false',
		N8N_VERIFIED_PACKAGES_ENABLED: 'false',
		N8N_UNVERIFIED_PACKAGES_ENABLED: 'true',
		N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
		N8N_LICENSE_AUTO_RENEW_ENABLED: 'false',
		N8N_AI_ENABLED: 'false',
		N8N_PUBLIC_API_SWAGGERUI_DISABLED: 'true',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
		N8N_RUNNERS_ENABLED: 'false',
		// Each n8n process also opens a task-broker port (5679 by default): two instances (a dev
		// instance and the tests, or two test runs) would collide on it, so it is chosen per run.
		...(brokerPort ? { N8N_RUNNERS_BROKER_PORT: String(brokerPort) } : {}),
		N8N_BLOCK_ENV_ACCESS_IN_NODE: 'false',
		N8N_LOG_LEVEL: process.env.N8N_LOG_LEVEL || 'warn',
		EXTERNAL_FRONTEND_HOOKS_URLS: '',
		N8N_DEV_RELOAD: 'false',
		DB_TYPE: 'sqlite',
		GENERIC_TIMEZONE: 'UTC',
		TZ: 'UTC',
		...extra,
	};
}

/** A free port for the editor and one for n8n's task broker. */
async function allocatePorts() {
	const port = await freePort();
	let brokerPort = await freePort();
	while (brokerPort === port) brokerPort = await freePort();
	return { port, brokerPort };
}

/** Where n8n keeps community packages inside a user folder. */
function nodesDir(userFolder) {
	return path.join(userFolder, '.n8n', 'nodes');
}

function writeNodesPackageJson(userFolder, dependencies) {
	const dir = nodesDir(userFolder);
	fs.mkdirSync(path.join(dir, 'node_modules'), { recursive: true });
	fs.writeFileSync(
		path.join(dir, 'package.json'),
		JSON.stringify({ name: 'installed-nodes', private: true, dependencies }, null, 2),
	);
	return dir;
}

/**
 * Development mode: nodes/node_modules/<package> is a symlink to this clone, so a rebuild
 * (`npm run build`) is picked up by the next n8n start without reinstalling.
 */
function linkPackage(userFolder) {
	const dir = writeNodesPackageJson(userFolder, { [PACKAGE_NAME]: `file:${ROOT}` });
	const target = path.join(dir, 'node_modules', PACKAGE_NAME);
	fs.rmSync(target, { recursive: true, force: true });
	fs.symlinkSync(ROOT, target, 'dir');
	return target;
}

/** `npm pack` of the built package into `outDir`; returns the tarball's path. */
function packPackage(outDir) {
	fs.mkdirSync(outDir, { recursive: true });
	const output = execFileSync('npm', ['pack', '--json', '--pack-destination', outDir], {
		cwd: ROOT,
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	const [info] = JSON.parse(output);
	return { tarball: path.join(outDir, info.filename), files: info.files.map((f) => f.path) };
}

/**
 * Installs a tarball the way n8n 2.41 installs a community package (CommunityPackagesService.
 * downloadPackage): extract it into <user folder>/.n8n/nodes/node_modules/<name>, drop dev, peer
 * and optional dependencies from its package.json, `npm install` inside it (shallow, no scripts,
 * no lockfile) and record it in nodes/package.json. Only the `npm pack` from the registry is
 * replaced by our local tarball.
 */
function installTarball(userFolder, tarball) {
	const dir = nodesDir(userFolder);
	fs.mkdirSync(path.join(dir, 'node_modules'), { recursive: true });
	const packageDirectory = path.join(dir, 'node_modules', PACKAGE_NAME);
	fs.rmSync(packageDirectory, { recursive: true, force: true });
	fs.mkdirSync(packageDirectory, { recursive: true });
	execFileSync('tar', ['-xzf', tarball, '-C', packageDirectory, '--strip-components=1']);
	const packageJsonPath = path.join(packageDirectory, 'package.json');
	// eslint-disable-next-line no-unused-vars
	const { devDependencies, peerDependencies, optionalDependencies, ...packageJson } = JSON.parse(fs.readFileSync(packageJsonPath, 'utf8'));
	fs.writeFileSync(packageJsonPath, JSON.stringify(packageJson, null, 2));
	const npmEnv = { ...process.env, npm_config_yes: 'true' };
	for (const key of Object.keys(npmEnv)) if (key.startsWith('npm_') && key !== 'npm_config_yes') delete npmEnv[key];
	execFileSync(
		'npm',
		['install', '--audit=false', '--fund=false', '--bin-links=false', '--install-strategy=shallow', '--ignore-scripts=true', '--package-lock=false', '--loglevel=error'],
		{ cwd: packageDirectory, stdio: ['ignore', 'pipe', 'pipe'], env: npmEnv },
	);
	writeNodesPackageJson(userFolder, { [PACKAGE_NAME]: packageJson.version });
	return packageDirectory;
}

/**
 * The README's "Install from a tarball", command for command: copy the `.tgz` into n8n's
 * `~/.n8n/nodes` (here <user folder>/.n8n/nodes) and `npm install --legacy-peer-deps` it there
 * (plus --no-audit/--no-fund/--loglevel, which only quiet npm).
 * The flag keeps npm (7+) from installing the peer dependency n8n-workflow, which n8n itself
 * provides; without it npm would pull a second n8n-workflow with native modules. The end-to-end
 * suite installs this way and checks that the README still shows these commands
 * (`readmeInstallCommands`): change both together.
 */
function readmeInstallCommands(tarballName) {
	return [`cp ${tarballName} ~/.n8n/nodes/`, 'cd ~/.n8n/nodes', `npm install --legacy-peer-deps ./${tarballName}`];
}

function installAsReadme(userFolder, tarball) {
	const dir = nodesDir(userFolder);
	fs.mkdirSync(dir, { recursive: true });
	const name = path.basename(tarball);
	fs.copyFileSync(tarball, path.join(dir, name));
	const npmEnv = { ...process.env };
	for (const key of Object.keys(npmEnv)) if (key.startsWith('npm_')) delete npmEnv[key];
	execFileSync('npm', ['install', '--legacy-peer-deps', `./${name}`, '--no-audit', '--no-fund', '--loglevel=error'], {
		cwd: dir,
		stdio: ['ignore', 'pipe', 'pipe'],
		env: npmEnv,
	});
	return path.join(dir, 'node_modules', PACKAGE_NAME);
}

/** Runs one n8n CLI command to completion; resolves with its output (rejects on failure). */
async function runCli(runtime, args, { env, timeoutMs = 180000 } = {}) {
	return new Promise((resolve, reject) => {
		const child = spawn(runtime.nodeBin, [runtime.n8nBin, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (c) => (stdout += c));
		child.stderr.on('data', (c) => (stderr += c));
		const timer = setTimeout(() => {
			child.kill('SIGKILL');
			reject(new Error(`n8n ${args.join(' ')} timed out after ${timeoutMs} ms\n${stderr.slice(-4000)}`));
		}, timeoutMs);
		child.on('error', (error) => {
			clearTimeout(timer);
			reject(error);
		});
		child.on('close', (code) => {
			clearTimeout(timer);
			if (code === 0) resolve({ stdout, stderr });
			else {
				const error = new Error(`n8n ${args.join(' ')} exited with ${code}\n${stderr.slice(-4000)}\n${stdout.slice(-4000)}`);
				error.stdout = stdout;
				error.stderr = stderr;
				reject(error);
			}
		});
	});
}

/**
 * Runs a saved workflow with `n8n execute --id … --rawOutput` and resolves with the run (IRun).
 * That command prints the run through n8n's logger at info level; with the JSON log format each log
 * line is one JSON object and the run is the message that parses as one (the last such line).
 */
async function executeWorkflow(runtime, workflowId, { env, timeoutMs } = {}) {
	const { stdout, stderr } = await runCli(runtime, ['execute', `--id=${workflowId}`, '--rawOutput'], {
		env: { ...env, N8N_LOG_LEVEL: 'info', N8N_LOG_FORMAT: 'json' },
		timeoutMs,
	});
	for (const line of stdout.split('\n').reverse()) {
		if (!line.startsWith('{')) continue;
		let message;
		try {
			message = JSON.parse(line).message;
		} catch {
			continue;
		}
		if (typeof message !== 'string' || !message.startsWith('{')) continue;
		const run = JSON.parse(message);
		if (run && run.data && run.data.resultData && run.data.resultData.runData) return { run, stdout, stderr };
	}
	throw new Error(`n8n execute printed no run:\n${stdout.slice(-3000)}\n${stderr.slice(-3000)}`);
}

/**
 * Starts `n8n start` and resolves once /healthz answers (n8n boots in 10-60 s depending on the
 * machine, longer on the very first start when it creates its database).
 */
async function startServer(runtime, { env, port, bootTimeoutMs = 240000, onOutput } = {}) {
	const child = spawn(runtime.nodeBin, [runtime.n8nBin, 'start'], { env, stdio: ['ignore', 'pipe', 'pipe'], detached: false });
	let log = '';
	const collect = (chunk) => {
		log = (log + chunk.toString()).slice(-100000);
		if (onOutput) onOutput(chunk.toString());
	};
	child.stdout.on('data', collect);
	child.stderr.on('data', collect);
	let exited = null;
	child.on('exit', (code, signal) => (exited = { code, signal }));
	const url = `http://127.0.0.1:${port}`;
	const started = Date.now();
	for (;;) {
		if (exited) throw new Error(`n8n exited during start-up (${JSON.stringify(exited)})\n${log.slice(-4000)}`);
		if (Date.now() - started > bootTimeoutMs) {
			child.kill('SIGKILL');
			throw new Error(`n8n did not answer on ${url}/healthz within ${bootTimeoutMs} ms\n${log.slice(-4000)}`);
		}
		try {
			const response = await fetch(`${url}/healthz/readiness`, { signal: AbortSignal.timeout(2000) });
			if (response.status === 200) break;
		} catch {
			// not listening yet
		}
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
	return {
		url,
		child,
		log: () => log,
		async stop() {
			if (exited) return;
			const done = new Promise((resolve) => child.once('exit', resolve));
			child.kill('SIGTERM');
			const timer = setTimeout(() => child.kill('SIGKILL'), 15000);
			await done;
			clearTimeout(timer);
		},
	};
}

/** Creates the instance owner through n8n's REST API (what the setup screen does). */
async function setupOwner(url, owner = OWNER) {
	const response = await fetch(`${url}/rest/owner/setup`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json' },
		body: JSON.stringify(owner),
	});
	const text = await response.text();
	if (response.status !== 200) throw new Error(`owner setup answered ${response.status}: ${text.slice(0, 500)}`);
	return JSON.parse(text).data;
}

/** Logs in and returns the auth cookie for further REST calls. */
async function login(url, owner = OWNER) {
	const response = await fetch(`${url}/rest/login`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json' },
		body: JSON.stringify({ emailOrLdapLoginId: owner.email, password: owner.password }),
	});
	if (response.status !== 200) throw new Error(`login answered ${response.status}: ${(await response.text()).slice(0, 500)}`);
	const cookie = response.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
	return cookie;
}

/** A fresh user folder under the OS temp dir (or `dir` when given, for a persistent dev instance). */
function makeUserFolder(prefix = 'n8n-ac-v3-') {
	return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** The credential as `n8n import:credentials` reads it (data unencrypted; n8n encrypts on import). */
function credentialFile(file, { id, name, apiUrl, apiKey }) {
	fs.writeFileSync(
		file,
		JSON.stringify([{ id, name, type: CREDENTIAL_TYPE, data: { apiUrl, apiKey }, isManaged: false }], null, 2),
	);
	return file;
}

module.exports = {
	ROOT,
	PACKAGE_NAME,
	NODE_TYPE,
	CREDENTIAL_TYPE,
	OWNER,
	ensureN8n,
	freePort,
	allocatePorts,
	n8nEnv,
	nodesDir,
	linkPackage,
	packPackage,
	installTarball,
	readmeInstallCommands,
	installAsReadme,
	runCli,
	executeWorkflow,
	startServer,
	setupOwner,
	login,
	makeUserFolder,
	credentialFile,
};
