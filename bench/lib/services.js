// Redis and PostgreSQL for the queue-mode benchmark (bench/queue.js): Debian's own packages, each
// started privately on a free port with its data in a temp folder, and stopped afterwards. Nothing
// here touches a system-wide service.
'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawn, execFileSync } = require('child_process');

/** The first executable called `name` on PATH or in the given folders. */
function findExecutable(name, extraDirs = []) {
	const dirs = [...(process.env.PATH || '').split(path.delimiter), ...extraDirs].filter(Boolean);
	for (const dir of dirs) {
		const candidate = path.join(dir, name);
		try {
			fs.accessSync(candidate, fs.constants.X_OK);
			return candidate;
		} catch {
			// not here
		}
	}
	return undefined;
}

/** PostgreSQL's server programs live in /usr/lib/postgresql/<major>/bin on Debian, not on PATH. */
function postgresBinDir() {
	const base = '/usr/lib/postgresql';
	const majors = fs.existsSync(base) ? fs.readdirSync(base).filter((d) => /^\d+$/.test(d)).sort((a, b) => Number(b) - Number(a)) : [];
	for (const major of majors) {
		const dir = path.join(base, major, 'bin');
		if (fs.existsSync(path.join(dir, 'pg_ctl'))) return dir;
	}
	const initdb = findExecutable('initdb');
	return initdb ? path.dirname(fs.realpathSync(initdb)) : undefined;
}

/** What is missing, with the command that installs it (Debian/Ubuntu). */
function missingServices() {
	const missing = [];
	if (!findExecutable('redis-server', ['/usr/bin', '/usr/sbin'])) missing.push({ what: 'redis-server', install: 'apt-get install -y redis-server' });
	if (!postgresBinDir()) missing.push({ what: 'PostgreSQL (initdb, pg_ctl)', install: 'apt-get install -y postgresql' });
	return missing;
}

function waitForOutput(child, pattern, what, timeoutMs) {
	return new Promise((resolve, reject) => {
		let seen = '';
		const onData = (chunk) => {
			seen = (seen + chunk.toString()).slice(-20000);
			if (pattern.test(seen)) finish();
		};
		const onExit = (code) => fail(new Error(`${what} exited (${code}) before it was ready:\n${seen.slice(-3000)}`));
		const timer = setTimeout(() => fail(new Error(`${what} was not ready within ${timeoutMs} ms:\n${seen.slice(-3000)}`)), timeoutMs);
		const cleanup = () => {
			clearTimeout(timer);
			child.stdout.off('data', onData);
			child.stderr.off('data', onData);
			child.off('exit', onExit);
		};
		const finish = () => {
			cleanup();
			resolve();
		};
		const fail = (error) => {
			cleanup();
			reject(error);
		};
		child.stdout.on('data', onData);
		child.stderr.on('data', onData);
		child.on('exit', onExit);
	});
}

/** redis-server on 127.0.0.1:`port`, no persistence (`--save '' --appendonly no`). */
async function startRedis(port) {
	const bin = findExecutable('redis-server', ['/usr/bin', '/usr/sbin']);
	if (!bin) throw new Error('redis-server is not installed; on Debian/Ubuntu: apt-get install -y redis-server');
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ac-v3-bench-redis-'));
	const child = spawn(bin, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'no', '--dir', dir], {
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	await waitForOutput(child, /Ready to accept connections/, 'redis-server', 30000);
	return {
		port,
		child,
		async stop() {
			if (child.exitCode === null) {
				const done = new Promise((resolve) => child.once('exit', resolve));
				child.kill('SIGTERM');
				await done;
			}
			fs.rmSync(dir, { recursive: true, force: true });
		},
	};
}

/**
 * A private PostgreSQL cluster (initdb into a temp folder, trust authentication on 127.0.0.1 only,
 * the socket in the data folder) with a database `n8n` owned by user `n8n`. PostgreSQL refuses to
 * run as root: as root, the cluster belongs to Debian's `postgres` system user (runuser).
 */
async function startPostgres(port) {
	const bin = postgresBinDir();
	if (!bin) throw new Error('PostgreSQL is not installed; on Debian/Ubuntu: apt-get install -y postgresql');
	const asRoot = process.getuid && process.getuid() === 0;
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ac-v3-bench-pg-'));
	const data = path.join(dir, 'data');
	fs.mkdirSync(data);
	if (asRoot) execFileSync('chown', ['-R', 'postgres:postgres', dir]);
	const run = (program, args) => {
		const command = asRoot ? ['runuser', ['-u', 'postgres', '--', path.join(bin, program), ...args]] : [path.join(bin, program), args];
		return execFileSync(command[0], command[1], { stdio: ['ignore', 'pipe', 'pipe'], cwd: dir, encoding: 'utf8' });
	};
	run('initdb', ['-D', data, '-U', 'n8n', '--auth=trust', '-E', 'UTF8', '--no-sync']);
	// fsync off: the benchmark measures API traffic, not disk durability, on a shared machine.
	const serverOptions = `-p ${port} -k ${data} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off`;
	run('pg_ctl', ['-D', data, '-o', serverOptions, '-l', path.join(dir, 'server.log'), '-w', '-t', '60', 'start']);
	run('createdb', ['-h', '127.0.0.1', '-p', String(port), '-U', 'n8n', 'n8n']);
	return {
		port,
		env: {
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: '127.0.0.1',
			DB_POSTGRESDB_PORT: String(port),
			DB_POSTGRESDB_DATABASE: 'n8n',
			DB_POSTGRESDB_USER: 'n8n',
			DB_POSTGRESDB_PASSWORD: '',
		},
		/** Synchronous, so that it can also run from a signal handler. */
		stopSync() {
			if (!fs.existsSync(dir)) return;
			try {
				run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
			} catch {
				// already stopped
			} finally {
				fs.rmSync(dir, { recursive: true, force: true });
			}
		},
		async stop() {
			this.stopSync();
		},
	};
}

module.exports = { findExecutable, missingServices, startRedis, startPostgres, waitForOutput };
