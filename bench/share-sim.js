#!/usr/bin/env node
// The scenarios of bench/queue.js, simulated: the built RateLimiter (one instance per "process",
// nothing shared) on a virtual clock against an account with the real limit (test/emulator/
// simulation.ts). Every seed is a different but repeatable run; 30 seeds take seconds where one
// real benchmark run takes ten minutes and gives one sample, so this is where a change to the
// shared-account rules is tried first. The model follows what bench/queue.js measured: the
// emulator answers 100 ms after a request arrives, a request reaches it 1-30 ms after its grant and
// 1% are held back 300-650 ms (n8n under load), a 429 is retried after Retry-After (1 s) plus up to
// 100 ms, first in the queue. The processes do not start together (START_SPREAD_MS: the first
// request of the last process came 0.5-2.2 s after the first one's with distinct contacts, about
// 0.3 s in queue mode), and a worker that starts 10 executions at once handles the answers of its
// first second up to a second late (QUEUE_START_LAG_MS: no worker sent anything for 1.5-2.1 s
// after its first requests, in two request logs of bench:queue). With processes starting within
// 30 ms of each other and no lag, as this model had before, it was 2-4 points more optimistic in
// the rows with distinct contacts and missed that the first process to start kept the account.
//
//   npm run bench:share-sim                         # 30 seeds, the limiter in dist/
//   npm run bench:share-sim -- --seeds 10 --latency 400 --held 0.05
//   npm run bench:share-sim -- --baseline main      # also the limiter of another commit, and ratios
//
// Scenarios (as bench/queue.js): plain processes — one alone (100 contacts), after 5 s all three
// (100 contacts each), after 5 s the same 60 tag names from all three (look up, create, and on a
// 422 look up again); queue mode — 30 executions of 10 contacts spread over three workers (at most
// 10 each), then 3 executions of the same 60 tag names on random workers. Results:
// bench/results/share-sim.md (git-ignored), also printed.
'use strict';

let mapConcurrent; // from dist/, loaded in main() once the build is known to be there

const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');
const ts = require('typescript');

const { walkArgs } = require('../scripts/lib/args');
const { LIMIT, summarize, atWorkText } = require('./lib/traffic');
const { RESULTS } = require('./lib/setup');

const ROOT = path.resolve(__dirname, '..');
const LIMITER_SOURCE = 'nodes/ActiveCampaignV3/transport/rateLimiter.ts';
const BUILT_LIMITER = path.join(ROOT, 'dist', 'nodes', 'ActiveCampaignV3', 'transport', 'rateLimiter.js');
// The node's own "at most N at a time" (items in flight, executions per worker).
const BUILT_CONCURRENCY = path.join(ROOT, 'dist', 'nodes', 'ActiveCampaignV3', 'framework', 'concurrency.js');
const SIMULATION = path.join(ROOT, 'build', 'emulator', 'simulation.js');

const USAGE = `usage: node bench/share-sim.js [--seeds N] [--latency MS] [--held FRACTION] [--baseline GIT_REF]
  --seeds     runs per scenario, seeds 1..N (default 30)
  --latency   the emulator's answer delay, ms (default 100)
  --held      share of requests n8n holds back 300-650 ms before sending (default 0.01)
  --baseline  also simulate the rate limiter of that commit (e.g. main) and report ratios
`;

function parseArgs(argv) {
	const options = { seeds: 30, latency: 100, held: 0.01, baseline: undefined };
	walkArgs(argv, USAGE, (arg, value) => {
		if (arg === '--seeds') options.seeds = Number(value());
		else if (arg === '--latency') options.latency = Number(value());
		else if (arg === '--held') options.held = Number(value());
		else if (arg === '--baseline') options.baseline = value();
		else return false;
	});
	return options;
}

/** The rate limiter as another commit has it, transpiled next to this project's node_modules. */
function limiterAt(ref) {
	const source = execFileSync('git', ['show', `${ref}:${LIMITER_SOURCE}`], { cwd: ROOT, encoding: 'utf8' });
	const { outputText } = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2021 } });
	const dir = path.join(RESULTS, 'share-sim-baseline');
	fs.mkdirSync(dir, { recursive: true });
	const file = path.join(dir, 'rateLimiter.js');
	fs.writeFileSync(file, outputText);
	return require(file);
}

/** One simulated world: a clock, an account, three processes' limiters and a seeded generator. */
function world({ RateLimiter }, simulation, seed, options) {
	const clock = new simulation.VirtualClock();
	return { clock, options, random: simulation.seededRandom(seed), account: new simulation.SimulatedAccount(), limiters: [0, 1, 2].map(() => new RateLimiter(clock)) };
}

/** One request of process `p` through its limiter, with the transport's 429 loop; `apply` runs when accepted. */
async function request(w, p, apply = () => undefined) {
	const { clock, random, account, limiters, options } = w;
	for (let refused = 0; ; refused++) {
		const grant = await limiters[p].acquire('account', 5, undefined, { first: refused > 0 });
		await clock.sleep(random() < options.held ? 300 + random() * 350 : 1 + random() * 29);
		const status = account.arrive(p, clock.now());
		const result = status === 200 ? apply() : undefined;
		await clock.sleep(options.latency + 1 + random() * 7);
		// A worker starting its executions handles answers late (see QUEUE_START_LAG_MS).
		if (w.lagUntil !== undefined && clock.now() < w.lagUntil) await clock.sleep(w.lagUntil - clock.now() + random() * 300);
		grant.done();
		if (status === 200) return result;
		limiters[p].throttled('account', grant.grantedAt);
		await clock.sleep(1000 + random() * 100);
	}
}

/** How far apart the processes start, ms (uniformly at random up to this), per scenario. */
const START_SPREAD_MS = { distinct: 1200, sameTags: 100, queueContacts: 500, queueTags: 300 };
/** When a process of `scenario` starts, ms after the phase begins. */
const startOffset = (w, scenario) => w.random() * START_SPREAD_MS[scenario];
/** In queue mode with distinct contacts: answers arriving in this first part of the run are handled this late (plus up to 300 ms). */
const QUEUE_START_LAG_MS = 1000;

const contacts = (w, p, count, inFlight) => mapConcurrent(count, inFlight, () => request(w, p));

/** Create a Tag: look it up, create it, and when another process was first (422), look it up again. */
function tags(w, p, names) {
	return mapConcurrent(names, 8, async (i) => {
		const name = `tag ${i}`;
		if (await request(w, p, () => w.tags.has(name))) return;
		const created = await request(w, p, () => (w.tags.has(name) ? 422 : (w.tags.add(name), 201)));
		if (created === 422) await request(w, p, () => w.tags.has(name));
	});
}

/** Starts `jobs` (process, start offset, work) together; the account's log of this phase, summarized. */
async function phase(w, jobs) {
	const from = w.account.log.length;
	let running = jobs.length;
	const finishedAt = [];
	const all = Promise.all(jobs.map(async ({ start, run }) => {
		await w.clock.sleep(start);
		await run();
		finishedAt.push(w.clock.now());
		running--;
	}));
	await w.clock.run(() => running === 0);
	await all;
	const log = w.account.log.slice(from);
	const summary = summarize(log);
	const first = log[0].at;
	// How much of the run the last process worked on after the first had finished.
	summary.tailShare = jobs.length > 1 ? (Math.max(...finishedAt) - Math.min(...finishedAt)) / (Math.max(...finishedAt) - first) : 0;
	return summary;
}

async function pauseFor(w, ms) {
	const over = w.clock.sleep(ms);
	await w.clock.run(() => false);
	await over;
}

async function plainScenarios(limiter, simulation, seed, options) {
	const w = world(limiter, simulation, seed, options);
	w.tags = new Set();
	const alone = await phase(w, [{ start: 0, run: () => contacts(w, 0, 100, 80) }]);
	await pauseFor(w, 5000);
	const distinct = await phase(w, [0, 1, 2].map((p) => ({ start: startOffset(w, 'distinct'), run: () => contacts(w, p, 100, 80) })));
	await pauseFor(w, 5000);
	const sameTags = await phase(w, [0, 1, 2].map((p) => ({ start: startOffset(w, 'sameTags'), run: () => tags(w, p, 60) })));
	return { alone, distinct, sameTags };
}

async function queueScenarios(limiter, simulation, seed, options) {
	const w = world(limiter, simulation, seed * 7 + 3, options);
	w.tags = new Set();
	// 30 executions land on the workers at random, at most 10 (n8n's worker concurrency) each.
	const executions = [0, 0, 0];
	for (let e = 0; e < 30; e++) {
		let worker;
		do worker = Math.floor(w.random() * 3);
		while (executions[worker] >= 10);
		executions[worker]++;
	}
	const busy = [0, 1, 2].filter((p) => executions[p] > 0);
	w.lagUntil = w.clock.now() + QUEUE_START_LAG_MS;
	const queueContacts = await phase(w, busy.map((p) => ({ start: startOffset(w, 'queueContacts'), run: () => mapConcurrent(executions[p], 10, () => contacts(w, p, 10, 8)) })));
	await pauseFor(w, 5000);
	w.tags = new Set();
	const queueTags = await phase(w, [0, 1, 2].map(() => Math.floor(w.random() * 3)).map((p) => ({ start: startOffset(w, 'queueTags'), run: () => tags(w, p, 60) })));
	return { queueContacts, queueTags };
}

const SCENARIOS = {
	alone: 'one process alone, 100 contacts',
	distinct: '3 plain processes, distinct contacts',
	sameTags: '3 plain processes, the same 60 tag names',
	queueContacts: 'queue mode, 30 × 10 contacts on 3 workers',
	queueTags: 'queue mode, 3 executions of the same 60 tag names',
};

/** Per number of processes at work: mean seconds per seed, and the rate over all seeds' time of it. */
function atWorkOverSeeds(list) {
	const totals = new Map();
	for (const summary of list) {
		for (const g of summary.atWork) {
			const t = totals.get(g.processes) ?? { processes: g.processes, seconds: 0, accepted: 0 };
			t.seconds += g.seconds;
			t.accepted += g.accepted;
			totals.set(g.processes, t);
		}
	}
	return [...totals.values()]
		.filter((t) => t.processes > 0)
		.sort((a, b) => b.processes - a.processes)
		.map((t) => ({ processes: t.processes, seconds: t.seconds / list.length, ofLimit: t.seconds > 0 ? t.accepted / (t.seconds * LIMIT) : 0 }));
}

async function simulateAll(limiter, simulation, options) {
	const rows = Object.fromEntries(Object.keys(SCENARIOS).map((key) => [key, []]));
	for (let seed = 1; seed <= options.seeds; seed++) {
		const results = { ...(await plainScenarios(limiter, simulation, seed, options)), ...(await queueScenarios(limiter, simulation, seed, options)) };
		for (const [key, summary] of Object.entries(results)) rows[key].push(summary);
	}
	const mean = (list, pick) => list.reduce((sum, item) => sum + pick(item), 0) / list.length;
	return Object.fromEntries(
		Object.entries(rows).map(([key, list]) => [
			key,
			{
				ofLimit: mean(list, (s) => s.ofLimit),
				minOfLimit: Math.min(...list.map((s) => s.ofLimit)),
				share429: mean(list, (s) => s.share429),
				maxShare429: Math.max(...list.map((s) => s.share429)),
				tailShare: mean(list, (s) => s.tailShare),
				atWork: atWorkOverSeeds(list),
			},
		]),
	);
}

async function main() {
	const options = parseArgs(process.argv.slice(2));
	for (const [file, command] of [[BUILT_LIMITER, 'npm run build'], [BUILT_CONCURRENCY, 'npm run build'], [SIMULATION, 'npm run build:emulator']]) {
		if (!fs.existsSync(file)) throw new Error(`${path.relative(ROOT, file)} is missing: run ${command} first`);
	}
	({ mapConcurrent } = require(BUILT_CONCURRENCY));
	const simulation = require(SIMULATION);
	const current = await simulateAll(require(BUILT_LIMITER), simulation, options);
	const baseline = options.baseline ? await simulateAll(limiterAt(options.baseline), simulation, options) : undefined;

	const pct = (x) => `${(x * 100).toFixed(1)}%`;
	const lines = [
		`# Shared account, simulated (${options.seeds} seeds, ${options.latency} ms latency, ${pct(options.held)} of requests held back)`,
		'',
		`Mean over the seeds (worst seed in brackets). "tail": the part of a run in which the last process worked on after the first had finished.${baseline ? ` Baseline: the limiter of \`${options.baseline}\`; ratios are this ÷ baseline.` : ''}`,
		'',
		baseline
			? '| scenario | % of the limit | 429s | tail | baseline % of the limit | baseline 429s | baseline tail | throughput ratio | 429 ratio |'
			: '| scenario | % of the limit | 429s | tail |',
		baseline ? '|---|---:|---:|---:|---:|---:|---:|---:|---:|' : '|---|---:|---:|---:|',
	];
	for (const [key, label] of Object.entries(SCENARIOS)) {
		const r = current[key];
		let line = `| ${label} | ${pct(r.ofLimit)} (${pct(r.minOfLimit)}) | ${pct(r.share429)} (${pct(r.maxShare429)}) | ${pct(r.tailShare)} |`;
		if (baseline) {
			const b = baseline[key];
			const ratio429 = b.share429 > 0 ? (r.share429 / b.share429).toFixed(2) : '—';
			line += ` ${pct(b.ofLimit)} (${pct(b.minOfLimit)}) | ${pct(b.share429)} (${pct(b.maxShare429)}) | ${pct(b.tailShare)} | ${(r.ofLimit / b.ofLimit).toFixed(3)} | ${ratio429} |`;
		}
		lines.push(line);
	}
	lines.push('', 'Processes at work (mean seconds per seed, and the rate in that time over all seeds):', '');
	for (const [key, label] of Object.entries(SCENARIOS)) {
		if (key === 'alone') continue;
		lines.push(`- ${label}: ${atWorkText(current[key].atWork)}${baseline ? ` (baseline ${atWorkText(baseline[key].atWork)})` : ''}`);
	}
	const report = lines.join('\n') + '\n';
	fs.mkdirSync(RESULTS, { recursive: true });
	fs.writeFileSync(path.join(RESULTS, 'share-sim.md'), report);
	process.stdout.write(report);
}

main().catch((error) => {
	process.stderr.write(`${error.stack ?? error}\n`);
	process.exit(1);
});
