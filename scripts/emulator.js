#!/usr/bin/env node
// Runs the project's ActiveCampaign emulator outside jest (for `npm run dev`, the end-to-end and
// browser tests, the benchmarks). Needs `npm run build:emulator` first (compiles test/emulator to
// build/emulator); it is compiled rather than run through ts-node so it starts in milliseconds.
//
// CLI:    node scripts/emulator.js [--port N] [--rate-limit 5] [--latency 50] [--seed demo|empty]
//         prints EMULATOR_URL=<url> and EMULATOR_TOKEN=<token> first, then one line per request.
// Module: const { startEmulator } = require('./scripts/emulator');
//         const { url, token, emulator, stop } = await startEmulator({ port, rateLimitPerSecond, latencyMs, seed });
'use strict';

const fs = require('fs');
const path = require('path');

const { walkArgs } = require('./lib/args');

const BUILD = path.join(__dirname, '..', 'build', 'emulator');

function load() {
	if (!fs.existsSync(path.join(BUILD, 'server.js')) || !fs.existsSync(path.join(BUILD, 'seed.js'))) {
		throw new Error(`the emulator is not built (${BUILD}); run "npm run build:emulator" first`);
	}
	return {
		server: require(path.join(BUILD, 'server.js')),
		seed: require(path.join(BUILD, 'seed.js')),
	};
}

/**
 * @param {{port?: number, rateLimitPerSecond?: number, latencyMs?: number, seed?: string, token?: string}} [options]
 * @returns {Promise<{url: string, token: string, emulator: any, seeded: any, stop: () => Promise<void>}>}
 */
async function startEmulator(options = {}) {
	const { server, seed } = load();
	const token = options.token || server.DEFAULT_TOKEN;
	// Seeding goes through the HTTP API, so it runs with the limit and latency off, then both are set.
	const emulator = new server.ActiveCampaignEmulator({ tokens: [token], rateLimitPerSecond: 0, latencyMs: 0 });
	await emulator.start(options.port || 0);
	let seeded;
	try {
		seeded = await seed.seedEmulator(emulator.url, token, options.seed || 'empty');
	} catch (error) {
		await emulator.stop();
		throw error;
	}
	emulator.requests.length = 0;
	emulator.rateLimitPerSecond = options.rateLimitPerSecond === undefined ? 5 : Number(options.rateLimitPerSecond);
	emulator.latencyMs = Number(options.latencyMs || 0);
	return { url: emulator.url, token, emulator, seeded, stop: () => emulator.stop() };
}

function parseArgs(argv) {
	const options = { seed: 'demo' };
	const usage = 'usage: node scripts/emulator.js [--port N] [--rate-limit 5] [--latency 50] [--seed demo|empty] [--token T] [--quiet]\n';
	walkArgs(argv, usage, (arg, value) => {
		if (arg === '--port') options.port = Number(value());
		else if (arg === '--rate-limit') options.rateLimitPerSecond = Number(value());
		else if (arg === '--latency') options.latencyMs = Number(value());
		else if (arg === '--seed') options.seed = value();
		else if (arg === '--token') options.token = value();
		else if (arg === '--quiet') options.quiet = true;
		else return false;
		return true;
	});
	for (const key of ['port', 'rateLimitPerSecond', 'latencyMs']) {
		if (options[key] !== undefined && !(Number.isInteger(options[key]) && options[key] >= 0)) {
			throw new Error(`--${key} must be a whole number >= 0`);
		}
	}
	return options;
}

module.exports = { startEmulator };

if (require.main === module) {
	(async () => {
		const options = parseArgs(process.argv.slice(2));
		const running = await startEmulator(options);
		process.stdout.write(`EMULATOR_URL=${running.url}\nEMULATOR_TOKEN=${running.token}\n`);
		const s = running.seeded;
		process.stdout.write(
			`seeded "${options.seed}": ${s.contacts.length} contacts, ${s.lists.length} lists, ${s.tags.length} tags; ` +
				`rate limit ${running.emulator.rateLimitPerSecond}/s, latency ${running.emulator.latencyMs} ms\n`,
		);
		if (!options.quiet) {
			// A request log, so `npm run dev` users can see what the node sends.
			const requests = running.emulator.requests;
			const push = requests.push.bind(requests);
			requests.push = (...records) => {
				const result = push(...records);
				for (const r of records) {
					const query = new URLSearchParams(r.query).toString();
					// The status is known only once answered; log on the next tick of the response.
					setTimeout(() => process.stdout.write(`${r.method} /api/3${r.path}${query ? `?${query}` : ''} -> ${r.status}\n`), 0);
				}
				return result;
			};
		}
		const shutdown = async () => {
			await running.stop();
			process.exit(0);
		};
		process.on('SIGINT', shutdown);
		process.on('SIGTERM', shutdown);
	})().catch((error) => {
		process.stderr.write(`emulator: ${error.message}\n`);
		process.exit(1);
	});
}
