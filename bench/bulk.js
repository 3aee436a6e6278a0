#!/usr/bin/env node
// Bulk benchmark (issue 14): contacts per second through "Create or Update Contacts in Bulk" against
// the per-item path (Create a Contact → Add a Contact Tag ×2 → Add a Contact to a List), both in a
// real n8n (the version scripts/ensure-n8n.js installs), in the same run, each against a fresh
// emulator at ActiveCampaign's real limits: 5 requests/second per token (429 + Retry-After above
// it) and 100 imports per minute (400 "Rate limit exceeded." above it), latency 50 ms, bulk
// batches processed 300 ms after they are queued.
//
//   npm run bench:bulk                                  # 10,000 contacts bulk, 500 per-item (extrapolated)
//   npm run bench:bulk -- --bulk 2000 --per-item 100    # smaller
//
// Every contact gets 2 tags and 1 list. Results: bench/results/bulk.md and bulk.json (git-ignored).
'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');

const { startEmulator } = require('../scripts/emulator');
const { RESULTS, prepareRuntime, machineFacts, n8nId, node, chain, sourceNodes, stampArrivals, cliEnv, runN8n, importIntoN8n, parseRun, outputItems } = require('./lib/setup');

const LIMIT = 5;
const LATENCY_MS = 50;
const TYPE = 'CUSTOM.activeCampaignV3';
const NOW = '2026-01-01T00:00:00-05:00';

function parseArgs(argv) {
	const options = { bulk: 10_000, perItem: 500, keep: false };
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		const value = () => Number(argv[++i]);
		if (arg === '--bulk') options.bulk = value();
		else if (arg === '--per-item') options.perItem = value();
		else if (arg === '--keep') options.keep = true;
		else throw new Error(`unknown argument ${arg} (use --bulk N --per-item N [--keep])`);
	}
	for (const key of ['bulk', 'perItem']) {
		if (!Number.isInteger(options[key]) || options[key] < 1) throw new Error(`--${key} must be a whole number >= 1`);
	}
	return options;
}

const log = (message) => process.stderr.write(`[bench:bulk ${new Date().toISOString().slice(11, 19)}] ${message}\n`);

function workflow(run) {
	const credentials = { activeCampaignV3Api: { id: run.credentialId, name: run.credentialId } };
	const steps =
		run.kind === 'bulk'
			? [
					node('Bulk Upsert', TYPE, 1, {
						resource: 'contact',
						operation: 'bulkUpsert',
						email: '={{ $json.email }}',
						waitForCompletion: true,
						options: { firstName: '={{ $json.firstName }}', tags: 'bench-a, bench-b', subscribeListIds: String(run.listId) },
					}, 3, { credentials }),
				]
			: [
					node('Create Contact', TYPE, 1, { resource: 'contact', operation: 'create', email: '={{ $json.email }}', options: { firstName: '={{ $json.firstName }}' } }, 3, { credentials }),
					node('Tag A', TYPE, 1, { resource: 'contactTag', operation: 'add', contactId: '={{ $json.Contact.contact.id }}', tagId: run.tagIds[0] }, 4, { credentials }),
					node('Tag B', TYPE, 1, { resource: 'contactTag', operation: 'add', contactId: '={{ $json.ContactTag.contact }}', tagId: run.tagIds[1] }, 5, { credentials }),
					node('Add to List', TYPE, 1, { resource: 'contactList', operation: 'add', contactId: '={{ $json.ContactTag.contact }}', listId: run.listId }, 6, { credentials }),
				];
	const nodes = [...sourceNodes(run.contacts, run.kind === 'bulk' ? 'bulk' : 'item'), ...steps];
	return { id: run.workflowId, name: run.title, active: false, nodes, connections: chain(nodes), settings: { executionOrder: 'v1' }, pinData: {} };
}

async function emulatorFor(run) {
	const started = await startEmulator({ rateLimitPerSecond: LIMIT, latencyMs: LATENCY_MS, seed: 'empty' });
	const { emulator } = started;
	// Fixtures go straight into the tables: they must not count against the run's limits.
	const list = emulator.db.insert('lists', { stringid: 'bench', name: 'Bench', userid: '1', cdate: NOW, udate: NOW, sender_url: 'https://example.com', sender_reminder: 'bench', private: '0', channel: 'email', user: '1' });
	run.listId = Number(list.id);
	if (run.kind === 'perItem') {
		run.tagIds = ['bench-a', 'bench-b'].map((tag) => Number(emulator.db.insert('tags', { tagType: 'contact', tag, description: '', subscriber_count: '0', cdate: NOW, created_timestamp: NOW, updated_timestamp: NOW }).id));
	}
	stampArrivals(emulator);
	return started;
}

/** Records stored more than once: a contact per email, a tag per contact, a list per contact. */
function duplicatesIn(db) {
	const counts = new Map();
	const count = (key) => counts.set(key, (counts.get(key) ?? 0) + 1);
	for (const c of db.all('contacts')) count(`contact:${String(c.email).toLowerCase()}`);
	for (const ct of db.all('contactTags')) count(`contactTag:${ct.contact}:${ct.tag}`);
	for (const cl of db.all('contactLists')) count(`contactList:${cl.contact}:${cl.list}`);
	for (const t of db.all('tags')) count(`tag:${String(t.tag).toLowerCase()}`);
	let duplicates = 0;
	for (const n of counts.values()) if (n > 1) duplicates += n - 1;
	return duplicates;
}

/** Contacts with everything they should have: 2 tags and the list. */
function completeContacts(db, listId) {
	const tags = new Map();
	for (const ct of db.all('contactTags')) tags.set(ct.contact, (tags.get(ct.contact) ?? 0) + 1);
	const listed = new Set(db.all('contactLists').filter((cl) => cl.list === String(listId) && cl.status === '1').map((cl) => cl.contact));
	return db.all('contacts').filter((c) => tags.get(c.id) === 2 && listed.has(c.id)).length;
}

const fmt = (n, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : '-');

async function main() {
	const options = parseArgs(process.argv.slice(2));
	const n8n = await prepareRuntime('bench:bulk');
	const runs = [
		{ kind: 'bulk', contacts: options.bulk, title: `bench bulk ${options.bulk}` },
		{ kind: 'perItem', contacts: options.perItem, title: `bench per-item ${options.perItem}` },
	];
	runs.forEach((run, i) => {
		run.workflowId = n8nId(`benchBulkWf${i}x`);
		run.credentialId = n8nId(`benchBulkCr${i}x`);
	});
	fs.mkdirSync(RESULTS, { recursive: true });
	const userFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'ac-v3-bench-bulk-'));
	const emulators = [];
	try {
		for (const run of runs) {
			run.emulator = await emulatorFor(run);
			emulators.push(run.emulator);
		}
		const credentials = runs.map((run) => ({ id: run.credentialId, name: run.credentialId, type: 'activeCampaignV3Api', data: { apiUrl: run.emulator.url, apiKey: run.emulator.token } }));
		const brokerBase = 5800 + Math.floor(Math.random() * 150);
		await importIntoN8n(n8n, userFolder, cliEnv(userFolder, brokerBase), credentials, runs.map(workflow));
		const results = [];
		for (const [index, run] of runs.entries()) {
			log(`run ${index + 1}/${runs.length}: ${run.title}`);
			const outputFile = path.join(userFolder, `output-${index}.json`);
			const result = await runN8n(n8n, ['execute', `--id=${run.workflowId}`, '--rawOutput'], cliEnv(userFolder, brokerBase + 1 + index), { captureTo: outputFile });
			const parsed = parseRun(fs.readFileSync(outputFile, 'utf8'));
			if (!parsed) log(`  n8n exited ${result.code} without a readable run: ${result.stderr.slice(-2000)}`);
			const { emulator } = run.emulator;
			const final = outputItems(parsed, run.kind === 'bulk' ? 'Bulk Upsert' : 'Add to List');
			const requests = emulator.requests.filter((r) => r.at !== undefined);
			const windowS = requests.length ? (requests[requests.length - 1].at - requests[0].at + LATENCY_MS) / 1000 : 0;
			const ok = final.filter((json) => json.StatusCode === 200 && json.ErrorMessage === '').length;
			const complete = completeContacts(emulator.db, run.listId);
			const record = {
				kind: run.kind,
				contacts: run.contacts,
				exitCode: result.code,
				windowS,
				wallS: result.wallMs / 1000,
				contactsPerS: complete / windowS,
				requests: requests.length,
				imports: requests.filter((r) => r.method === 'POST' && r.path === '/import/bulk_import').length,
				refused429: requests.filter((r) => r.status === 429).length,
				importRateRefusals: requests.filter((r) => r.path === '/import/bulk_import' && r.status === 400).length,
				itemsOk: ok,
				itemsFailed: run.contacts - ok,
				complete,
				duplicates: duplicatesIn(emulator.db),
				peakMiB: result.peakKiB / 1024,
			};
			log(`  ${JSON.stringify(record)}`);
			results.push(record);
		}
		const [bulk, perItem] = results;
		const extrapolatedS = perItem.windowS * (options.bulk / options.perItem);
		const ratio = bulk.contactsPerS / perItem.contactsPerS;
		// One line of text here (bulk.json keeps it as a string), from the same facts as the other reports.
		const facts = machineFacts(n8n);
		const machine = `${facts.nproc} CPU (${facts.cpu}), ${facts.memoryGiB} GiB RAM, ${facts.os}; n8n ${facts.n8n}; ${facts.date}`;
		const lines = [
			'# Bulk benchmark: Create or Update Contacts in Bulk vs the per-item path',
			'',
			`Machine: ${machine}. Emulator: ${LIMIT} requests/s per token (429 above), 100 imports/min (400 above), latency ${LATENCY_MS} ms, batches processed 300 ms after queueing. Each contact: 2 tags, 1 list.`,
			'',
			'| path | contacts | API window (s) | contacts/s | requests sent | imports | 429s | items failed | complete contacts | duplicates | peak memory (MiB) |',
			'|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
			...results.map((r) => `| ${r.kind === 'bulk' ? 'bulk (Create or Update Contacts in Bulk)' : 'per item (create + 2 tags + list)'} | ${r.contacts} | ${fmt(r.windowS)} | ${fmt(r.contactsPerS, 2)} | ${r.requests} | ${r.imports} | ${r.refused429} | ${r.itemsFailed} | ${r.complete} | ${r.duplicates} | ${fmt(r.peakMiB, 0)} |`),
			'',
			`Per-item path extrapolated to ${options.bulk} contacts: ${fmt(extrapolatedS, 0)} s. Bulk: ${fmt(bulk.windowS)} s. Ratio of contacts/s, bulk ÷ per item: **${fmt(ratio, 1)}×**.`,
			'',
		];
		const md = lines.join('\n');
		fs.writeFileSync(path.join(RESULTS, 'bulk.md'), `${md}\n`);
		fs.writeFileSync(path.join(RESULTS, 'bulk.json'), `${JSON.stringify({ options, machine, results, extrapolatedS, ratio }, null, 2)}\n`);
		process.stdout.write(`${md}\n`);
	} finally {
		for (const started of emulators) await started.stop();
		if (options.keep) log(`kept ${userFolder}`);
		else fs.rmSync(userFolder, { recursive: true, force: true });
	}
}

main().catch((error) => {
	process.stderr.write(`bench:bulk: ${error.stack || error.message}\n`);
	process.exit(1);
});
