#!/usr/bin/env node
// Throughput benchmark: our node against n8n's built-in ActiveCampaign node, side by side, inside
// a real n8n (the version scripts/ensure-n8n.js installs), against the project's emulator running
// with ActiveCampaign's real limit (5 requests/second per token, 429 + Retry-After).
//
//   npm run bench                       # 500 items, latencies 50 ms and 400 ms, Return All over 10,000
//   npm run bench -- --items 100        # fewer items
//   npm run bench -- --latencies 50     # one latency
//   npm run bench -- --return-all 0     # skip the Return All runs
//   npm run bench -- --parallel         # all runs at once (each has its own emulator, token and limit)
//
// Every run gets a fresh emulator, so the runs share nothing but the machine. Results go to
// bench/results/ (git-ignored): results.md, results.json and chart.svg.
'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');

const { startEmulator } = require('../scripts/emulator');
const { walkArgs } = require('../scripts/lib/args');
const { ROOT, RESULTS, N8N_VERSION, prepareRuntime, machineFacts, n8nId, node, chain, sourceNodes, stampArrivals, cliEnv, runN8n, importIntoN8n, parseRun, outputItems } = require('./lib/setup');

const LIMIT = 5;
const PAGE = 100;

// ---------------------------------------------------------------------------------------------
// Arguments
// ---------------------------------------------------------------------------------------------

function parseArgs(argv) {
	const options = { items: 500, latencies: [50, 400], returnAll: 10_000, returnAllLatency: 50, parallel: false, only: undefined, keep: false };
	const usage = 'usage: npm run bench -- [--items 500] [--latencies 50,400] [--return-all 10000] [--return-all-latency 50] [--parallel] [--only ours|builtin]\n';
	walkArgs(argv, usage, (arg, value) => {
		if (arg === '--items') options.items = Number(value());
		else if (arg === '--latencies') options.latencies = value().split(',').map(Number);
		else if (arg === '--return-all') options.returnAll = Number(value());
		else if (arg === '--return-all-latency') options.returnAllLatency = Number(value());
		else if (arg === '--parallel') options.parallel = true;
		else if (arg === '--keep') options.keep = true;
		else if (arg === '--only') options.only = value();
		else return false;
		return true;
	});
	const whole = (n) => Number.isInteger(n) && n >= 0;
	if (!whole(options.items) || options.items < 1) throw new Error('--items must be a whole number >= 1');
	if (!options.latencies.every(whole)) throw new Error('--latencies must be whole numbers of ms, e.g. 50,400');
	if (!whole(options.returnAll)) throw new Error('--return-all must be a whole number >= 0');
	if (options.only && !['ours', 'builtin'].includes(options.only)) throw new Error('--only must be ours or builtin');
	return options;
}

const log = (message) => process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);

// ---------------------------------------------------------------------------------------------
// Workflows
// ---------------------------------------------------------------------------------------------

const OUR_TYPE = 'CUSTOM.activeCampaignV3';
const BUILTIN_TYPE = 'n8n-nodes-base.activeCampaign';

/** Create a Contact → Update a Contact → Add a Contact Tag, for every item. */
function syncWorkflow(run) {
	const credentials =
		run.impl === 'ours'
			? { activeCampaignV3Api: { id: run.credentialId, name: run.credentialId } }
			: { activeCampaignApi: { id: run.credentialId, name: run.credentialId } };
	// The built-in node stops the whole execution at the first failed item unless told to go on;
	// with "continue" every item is accounted for, as ours does by design.
	const builtinExtra = { credentials, onError: 'continueRegularOutput' };
	const steps =
		run.impl === 'ours'
			? [
					node('Create Contact', OUR_TYPE, 1, { resource: 'contact', operation: 'create', email: '={{ $json.email }}', options: { firstName: '={{ $json.firstName }}' } }, 3, { credentials }),
					node('Update Contact', OUR_TYPE, 1, { resource: 'contact', operation: 'update', contactId: '={{ $json.Contact.contact.id }}', options: { lastName: 'Updated' } }, 4, { credentials }),
					node('Add Tag', OUR_TYPE, 1, { resource: 'contactTag', operation: 'add', contactId: '={{ $json.Contact.id }}', tagId: run.tagId }, 5, { credentials }),
				]
			: [
					node('Create Contact', BUILTIN_TYPE, 1, { resource: 'contact', operation: 'create', email: '={{ $json.email }}', updateIfExists: false, additionalFields: { firstName: '={{ $json.firstName }}' } }, 3, builtinExtra),
					node('Update Contact', BUILTIN_TYPE, 1, { resource: 'contact', operation: 'update', contactId: '={{ $json.id }}', updateFields: { lastName: 'Updated' } }, 4, builtinExtra),
					node('Add Tag', BUILTIN_TYPE, 1, { resource: 'contactTag', operation: 'add', contactId: '={{ $json.id }}', tagId: run.tagId }, 5, builtinExtra),
				];
	const nodes = [...sourceNodes(run.items), ...steps];
	return { id: run.workflowId, name: run.title, active: false, nodes, connections: chain(nodes), settings: { executionOrder: 'v1' }, pinData: {} };
}

/** Get Many Contacts with Return All. */
function returnAllWorkflow(run) {
	const nodes = [
		node('Start', 'n8n-nodes-base.manualTrigger', 1, {}, 0),
		run.impl === 'ours'
			? node('Get All Contacts', OUR_TYPE, 1, { resource: 'contact', operation: 'getMany', returnAll: true }, 1, {
					credentials: { activeCampaignV3Api: { id: run.credentialId, name: run.credentialId } },
				})
			: node('Get All Contacts', BUILTIN_TYPE, 1, { resource: 'contact', operation: 'getAll', returnAll: true, simple: true, additionalFields: {} }, 1, {
					credentials: { activeCampaignApi: { id: run.credentialId, name: run.credentialId } },
					onError: 'continueRegularOutput',
				}),
	];
	return { id: run.workflowId, name: run.title, active: false, nodes, connections: chain(nodes), settings: { executionOrder: 'v1' }, pinData: {} };
}

// ---------------------------------------------------------------------------------------------
// Emulators
// ---------------------------------------------------------------------------------------------

const NOW = '2026-01-01T00:00:00-05:00';

async function emulatorFor(run) {
	// The seed goes straight into the tables: it must not count against the run's rate limit.
	const started = await startEmulator({ rateLimitPerSecond: LIMIT, latencyMs: run.latencyMs, seed: 'empty' });
	const { emulator } = started;
	if (run.kind === 'sync') {
		const tag = emulator.db.insert('tags', { tagType: 'contact', tag: 'bench', description: '', subscriber_count: '0', cdate: NOW, created_timestamp: NOW, updated_timestamp: NOW });
		run.tagId = Number(tag.id);
	} else {
		for (let i = 0; i < run.contacts; i++) {
			emulator.db.insert('contacts', { email: `seed${i}@example.com`, phone: '', firstName: `Seed${i}`, lastName: '', orgid: '0', cdate: NOW, udate: NOW });
		}
	}
	stampArrivals(emulator);
	return started;
}

// ---------------------------------------------------------------------------------------------
// Measuring
// ---------------------------------------------------------------------------------------------

function duplicatesIn(emulator) {
	const counts = new Map();
	let duplicates = 0;
	for (const c of emulator.db.all('contacts')) {
		const key = `contact:${String(c.email).toLowerCase()}`;
		counts.set(key, (counts.get(key) ?? 0) + 1);
	}
	for (const ct of emulator.db.all('contactTags')) {
		const key = `contactTag:${ct.contact}:${ct.tag}`;
		counts.set(key, (counts.get(key) ?? 0) + 1);
	}
	for (const n of counts.values()) if (n > 1) duplicates += n - 1;
	return duplicates;
}

function trafficOf(emulator, latencyMs) {
	const requests = emulator.requests.filter((r) => r.at !== undefined);
	const accepted = requests.filter((r) => r.status !== 429);
	const refused = requests.length - accepted.length;
	if (requests.length === 0) return { requests: 0, accepted: 0, refused429: 0, windowS: 0, ratePerS: 0 };
	const first = requests[0].at;
	const last = requests[requests.length - 1].at;
	// From the first request's arrival to the last answer: the API-bound part of the run.
	const windowS = (last - first + latencyMs) / 1000;
	// A sliding window of one second lets LIMIT requests start at once and then LIMIT per second,
	// so n requests need at least (n - LIMIT) / LIMIT seconds: the rate counts the requests after
	// the first LIMIT over the time they took (exactly LIMIT/s for a client that uses the whole limit).
	const spanS = accepted.length > 1 ? (accepted[accepted.length - 1].at - accepted[0].at) / 1000 : 0;
	const ratePerS = accepted.length > LIMIT && spanS > 0 ? (accepted.length - LIMIT) / spanS : 0;
	// Every arrival (ms since the first, status), for looking into where time or 429s came from.
	const trace = requests.map((r) => [r.at - first, r.status, r.method]);
	return { requests: requests.length, accepted: accepted.length, refused429: refused, windowS, ratePerS, trace };
}

function measureSync(run, parsed, emulator) {
	const final = outputItems(parsed, 'Add Tag');
	const ok =
		run.impl === 'ours'
			? final.filter((json) => json.StatusCode === 200).length
			: final.filter((json) => json.error === undefined && json.id !== undefined).length;
	return { itemsOk: ok, itemsFailed: run.items - ok, duplicates: duplicatesIn(emulator) };
}

function measureReturnAll(run, parsed) {
	const items = outputItems(parsed, 'Get All Contacts');
	let records = 0;
	// Ours: one item, { Contacts: { Contacts: [...], Total } }. Built-in: one item per contact.
	if (run.impl === 'ours') records = items.reduce((n, json) => n + (Array.isArray(json.Contacts?.Contacts) ? json.Contacts.Contacts.length : 0), 0);
	else records = items.filter((json) => json.error === undefined).length;
	const error = run.impl === 'ours' ? items.find((json) => json.StatusCode !== 200)?.ErrorMessage : items.find((json) => json.error)?.error;
	return { records, error };
}

// ---------------------------------------------------------------------------------------------
// Reporting
// ---------------------------------------------------------------------------------------------

const fmt = (n, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : '-');
const pct = (n) => `${fmt(n * 100, 1)}%`;
const mib = (kib) => fmt(kib / 1024, 0);
const label = (impl) => (impl === 'ours' ? 'ActiveCampaign V3 (ours)' : 'ActiveCampaign (built-in)');

function markdown(options, machine, results) {
	const lines = [];
	lines.push('# Benchmark: ActiveCampaign V3 (ours) vs the built-in ActiveCampaign node', '');
	lines.push(
		`Machine: ${machine.nproc} CPU (${machine.cpu}), ${machine.memoryGiB} GiB RAM, ${machine.os}; n8n ${machine.n8n} on Node ${machine.n8nNode}; ${machine.date}.`,
		`Emulator: ${LIMIT} requests/second per token (429 + Retry-After above it), fresh per run. Runs: ${options.parallel ? 'in parallel (own emulator, token and limit each)' : 'one after the other'}.`,
		'',
	);
	const sync = results.filter((r) => r.kind === 'sync');
	if (sync.length) {
		lines.push(`## Create a Contact → Update a Contact → Add a Contact Tag, ${options.items} items (${3 * options.items} requests of work)`, '');
		lines.push('| node | latency | API window (s) | n8n CLI wall (s) | requests sent | accepted req/s | % of limit | 429s received | items failed | created twice | peak memory (MiB) |');
		lines.push('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
		for (const r of sync) {
			lines.push(
				`| ${label(r.impl)} | ${r.latencyMs} ms | ${fmt(r.windowS)} | ${fmt(r.wallMs / 1000)} | ${r.requests} | ${fmt(r.ratePerS, 2)} | ${pct(r.ratePerS / LIMIT)} | ${r.refused429} | ${r.itemsFailed} | ${r.duplicates} | ${mib(r.peakKiB)} |`,
			);
		}
		lines.push('');
		lines.push('Ratios, ours ÷ built-in, same latency, same run:', '');
		lines.push('| latency | API window | accepted req/s | items failed (ours / built-in) | peak memory |');
		lines.push('|---:|---:|---:|---:|---:|');
		for (const latency of options.latencies) {
			const ours = sync.find((r) => r.impl === 'ours' && r.latencyMs === latency);
			const builtin = sync.find((r) => r.impl === 'builtin' && r.latencyMs === latency);
			if (!ours || !builtin) continue;
			lines.push(
				`| ${latency} ms | ${fmt(ours.windowS / builtin.windowS, 2)}× | ${fmt(ours.ratePerS / builtin.ratePerS, 2)}× | ${ours.itemsFailed} / ${builtin.itemsFailed} | ${fmt(ours.peakKiB / builtin.peakKiB, 2)}× |`,
			);
		}
		lines.push('');
	}
	const all = results.filter((r) => r.kind === 'returnAll');
	if (all.length) {
		lines.push(`## Get Many Contacts, Return All over ${options.returnAll} contacts (latency ${options.returnAllLatency} ms)`, '');
		lines.push('| node | records returned | requests sent | minimum ⌈N/100⌉ | 429s received | API window (s) | fastest the limit allows (s) | % of limit | peak memory (MiB) | error |');
		lines.push('|---|---:|---:|---:|---:|---:|---:|---:|---:|---|');
		for (const r of all) {
			const minimum = Math.ceil(options.returnAll / PAGE);
			const fastest = Math.max(0, (minimum - LIMIT) / LIMIT) + r.latencyMs / 1000;
			lines.push(
				`| ${label(r.impl)} | ${r.records} | ${r.requests} | ${minimum} | ${r.refused429} | ${fmt(r.windowS)} | ${fmt(fastest)} | ${pct(r.ratePerS / LIMIT)} | ${mib(r.peakKiB)} | ${r.error ? String(r.error).slice(0, 80).replace(/\|/g, '/') : ''} |`,
			);
		}
		lines.push('');
	}
	lines.push(
		'"API window": from the first request reaching the emulator to the last answer. "accepted req/s": requests the emulator did not refuse, per second of that window; "% of limit" divides it by 5. "n8n CLI wall" includes n8n\'s start-up. "items failed": input items that did not get through all steps. "created twice": contacts with the same email, or the same tag on the same contact, stored more than once. Peak memory: VmHWM of the n8n process.',
	);
	return `${lines.join('\n')}\n`;
}

function escapeXml(text) {
	return String(text).replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c]);
}

/** Two panels of grouped bars: % of the limit, and items failed, per latency and node. */
function svgChart(options, results) {
	const sync = results.filter((r) => r.kind === 'sync');
	const width = 760;
	const height = 330;
	const panelW = 330;
	const top = 50;
	const plotH = 200;
	const colors = { ours: '#356ae6', builtin: '#9aa3ad' };
	const parts = [];
	parts.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12">`);
	parts.push(`<rect width="${width}" height="${height}" fill="#ffffff"/>`);
	parts.push(`<text x="${width / 2}" y="20" text-anchor="middle" font-size="14" font-weight="bold">${escapeXml(`${options.items} items × (create, update, tag) at ${LIMIT} req/s`)}</text>`);
	const panels = [
		{ title: 'Accepted requests/s, % of the 5 req/s limit', value: (r) => (r.ratePerS / LIMIT) * 100, max: 100, unit: '%' },
		{ title: 'Items failed', value: (r) => r.itemsFailed, max: Math.max(1, options.items), unit: '' },
	];
	panels.forEach((panel, p) => {
		const x0 = 50 + p * (panelW + 50);
		parts.push(`<text x="${x0 + panelW / 2}" y="${top - 12}" text-anchor="middle" font-weight="bold">${escapeXml(panel.title)}</text>`);
		parts.push(`<line x1="${x0}" y1="${top + plotH}" x2="${x0 + panelW}" y2="${top + plotH}" stroke="#333"/>`);
		parts.push(`<line x1="${x0}" y1="${top}" x2="${x0}" y2="${top + plotH}" stroke="#333"/>`);
		for (const tick of [0, 0.5, 1]) {
			const y = top + plotH - tick * plotH;
			parts.push(`<text x="${x0 - 5}" y="${y + 4}" text-anchor="end" fill="#555">${fmt(tick * panel.max, 0)}</text>`);
			parts.push(`<line x1="${x0}" y1="${y}" x2="${x0 + panelW}" y2="${y}" stroke="#eee"/>`);
		}
		const groupW = panelW / Math.max(1, options.latencies.length);
		options.latencies.forEach((latency, g) => {
			const gx = x0 + g * groupW;
			['ours', 'builtin'].forEach((impl, b) => {
				const r = sync.find((s) => s.impl === impl && s.latencyMs === latency);
				if (!r) return;
				const value = panel.value(r);
				const h = Math.min(1, value / panel.max) * plotH;
				const bx = gx + groupW * 0.15 + b * groupW * 0.35;
				parts.push(`<rect x="${fmt(bx)}" y="${fmt(top + plotH - h)}" width="${fmt(groupW * 0.33)}" height="${fmt(h)}" fill="${colors[impl]}"/>`);
				parts.push(`<text x="${fmt(bx + groupW * 0.165)}" y="${fmt(top + plotH - h - 4)}" text-anchor="middle">${escapeXml(`${fmt(value, panel.unit ? 1 : 0)}${panel.unit}`)}</text>`);
			});
			parts.push(`<text x="${fmt(gx + groupW / 2)}" y="${top + plotH + 16}" text-anchor="middle">${latency} ms latency</text>`);
		});
	});
	const ly = height - 30;
	parts.push(`<rect x="220" y="${ly - 10}" width="12" height="12" fill="${colors.ours}"/><text x="238" y="${ly}">${escapeXml(label('ours'))}</text>`);
	parts.push(`<rect x="430" y="${ly - 10}" width="12" height="12" fill="${colors.builtin}"/><text x="448" y="${ly}">${escapeXml(label('builtin'))}</text>`);
	parts.push('</svg>');
	return `${parts.join('\n')}\n`;
}

// ---------------------------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------------------------

async function main() {
	const options = parseArgs(process.argv.slice(2));
	const n8n = await prepareRuntime('bench');

	const impls = options.only ? [options.only] : ['ours', 'builtin'];
	const runs = [];
	for (const latencyMs of options.latencies) {
		for (const impl of impls) {
			runs.push({ kind: 'sync', impl, latencyMs, items: options.items, title: `bench ${impl} sync ${latencyMs}ms` });
		}
	}
	if (options.returnAll > 0) {
		for (const impl of impls) {
			runs.push({ kind: 'returnAll', impl, latencyMs: options.returnAllLatency, contacts: options.returnAll, title: `bench ${impl} returnAll` });
		}
	}
	runs.forEach((run, i) => {
		run.workflowId = n8nId(`benchWf${i}x`);
		run.credentialId = n8nId(`benchCred${i}x`);
	});

	fs.mkdirSync(RESULTS, { recursive: true });
	const userFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'ac-v3-bench-'));
	const emulators = [];
	try {
		for (const run of runs) {
			const started = await emulatorFor(run);
			emulators.push(started);
			run.emulator = started;
		}
		const credentials = runs.map((run) => ({
			id: run.credentialId,
			name: run.credentialId,
			type: run.impl === 'ours' ? 'activeCampaignV3Api' : 'activeCampaignApi',
			data: { apiUrl: run.emulator.url, apiKey: run.emulator.token },
		}));
		const workflows = runs.map((run) => (run.kind === 'sync' ? syncWorkflow(run) : returnAllWorkflow(run)));
		log(`n8n ${N8N_VERSION}: importing ${credentials.length} credentials and ${workflows.length} workflows into ${userFolder}`);
		await importIntoN8n(n8n, userFolder, cliEnv(userFolder, 5700), credentials, workflows);

		const execute = async (run, index) => {
			log(`run ${index + 1}/${runs.length}: ${run.title}${run.kind === 'sync' ? ` (${run.items} items)` : ` (${run.contacts} contacts)`}`);
			const outputFile = path.join(userFolder, `output-${index}.json`);
			const result = await runN8n(n8n, ['execute', `--id=${run.workflowId}`, '--rawOutput'], cliEnv(userFolder, 5710 + index), { captureTo: outputFile });
			const parsed = parseRun(fs.readFileSync(outputFile, 'utf8'));
			if (!parsed) {
				log(`  n8n exited ${result.code} without a readable run: ${result.stderr.slice(-2000)}`);
			}
			const traffic = trafficOf(run.emulator.emulator, run.latencyMs);
			const measured = run.kind === 'sync' ? measureSync(run, parsed, run.emulator.emulator) : measureReturnAll(run, parsed);
			const record = {
				kind: run.kind,
				impl: run.impl,
				latencyMs: run.latencyMs,
				items: run.items,
				contacts: run.contacts,
				exitCode: result.code,
				wallMs: result.wallMs,
				peakKiB: result.peakKiB,
				...traffic,
				...measured,
			};
			log(
				`  done: window ${fmt(record.windowS)} s, ${fmt(record.ratePerS, 2)} req/s (${pct(record.ratePerS / LIMIT)} of limit), 429s ${record.refused429}, ` +
					(run.kind === 'sync'
						? `failed ${record.itemsFailed}, created twice ${record.duplicates}`
						: `records ${record.records}, requests ${record.requests}`) +
					`, peak ${mib(record.peakKiB)} MiB`,
			);
			return record;
		};
		// Executions in parallel would all load the same SQLite file; they only write at the end.
		const results = options.parallel
			? await Promise.all(runs.map((run, i) => execute(run, i)))
			: await runs.reduce(async (acc, run, i) => [...(await acc), await execute(run, i)], Promise.resolve([]));

		const machine = machineFacts(n8n);
		const md = markdown(options, machine, results);
		fs.writeFileSync(path.join(RESULTS, 'results.md'), md);
		fs.writeFileSync(path.join(RESULTS, 'results.json'), `${JSON.stringify({ options, machine, results }, null, 2)}\n`);
		fs.writeFileSync(path.join(RESULTS, 'chart.svg'), svgChart(options, results));
		process.stdout.write(md);
		log(`written: ${path.relative(ROOT, RESULTS)}/results.md, results.json, chart.svg`);
	} finally {
		for (const started of emulators) await started.stop();
		if (options.keep) log(`kept the n8n folder and raw outputs: ${userFolder}`);
		else fs.rmSync(userFolder, { recursive: true, force: true });
	}
}

main().catch((error) => {
	process.stderr.write(`bench: ${error.stack || error.message}\n`);
	process.exit(1);
});
