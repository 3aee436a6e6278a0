// What the emulator saw, per scenario of bench/queue.js: every request with its arrival time and
// the n8n process that sent it (found from the TCP connection when it opens: the client port is
// looked up in /proc/net/tcp, its socket inode in /proc/<pid>/fd of the processes the benchmark started).
'use strict';

const fs = require('fs');
const { AsyncLocalStorage } = require('async_hooks');

const LIMIT = 5;

/** Hex "0100007F:1F90" → port number. */
function portOf(address) {
	return parseInt(address.split(':')[1], 16);
}

/**
 * The inode of the client end of a connection to the emulator. Synchronous on purpose: n8n opens
 * a new connection per request, and under load an asynchronous look-up often came after the
 * connection had closed (a few milliseconds of the emulator's time per connection).
 */
function socketInode(clientPort, serverPort) {
	for (const file of ['/proc/net/tcp', '/proc/net/tcp6']) {
		let text;
		try {
			text = fs.readFileSync(file, 'utf8');
		} catch {
			continue;
		}
		for (const line of text.split('\n').slice(1)) {
			const columns = line.trim().split(/\s+/);
			if (columns.length < 10) continue;
			if (portOf(columns[1]) === clientPort && portOf(columns[2]) === serverPort) return columns[9];
		}
	}
	return undefined;
}

function ownerOf(inode, candidates) {
	const target = `socket:[${inode}]`;
	for (const { pid, label } of candidates) {
		let fds;
		try {
			fds = fs.readdirSync(`/proc/${pid}/fd`);
		} catch {
			continue;
		}
		for (const fd of fds) {
			try {
				if (fs.readlinkSync(`/proc/${pid}/fd/${fd}`) === target) return label;
			} catch {
				// closed meanwhile
			}
		}
	}
	return undefined;
}

/**
 * Time-stamps every request the emulator records and remembers which process sent it.
 * `processes()` lists the candidate senders ({ pid, label }) at the moment a connection opens.
 */
function instrument(emulator, processes) {
	const serverPort = Number(new URL(emulator.url).port);
	const owners = new Map(); // client port → label
	emulator.server.on('connection', (socket) => {
		const clientPort = socket.remotePort;
		const inode = socketInode(clientPort, serverPort);
		const owner = inode && ownerOf(inode, processes());
		if (process.env.BENCH_DEBUG) process.stderr.write(`connection ${clientPort}: inode ${inode}, owner ${owner}\n`);
		owners.set(clientPort, owner || `port ${clientPort}`);
	});
	const current = new AsyncLocalStorage();
	const handle = emulator.handle.bind(emulator);
	emulator.handle = (req, res) => current.run(req.socket.remotePort, () => handle(req, res));
	const requests = emulator.requests;
	const push = requests.push.bind(requests);
	requests.push = (...records) => {
		for (const record of records) {
			record.at = Date.now();
			record.clientPort = current.getStore();
		}
		return push(...records);
	};
	return {
		/** Resolves the sender of every request in `records` into `record.sender`. */
		label(records) {
			for (const record of records) record.sender = record.clientPort === undefined ? 'unknown' : (owners.get(record.clientPort) ?? `port ${record.clientPort}`);
		},
	};
}

/**
 * Where a busy period went: the time from the first to the last accepted request, cut wherever a
 * process sends its first or its last request, grouped by how many processes were at work (between
 * their own first and last request), with the requests accepted in that time against what the
 * limit allows. As in summarize, the first LIMIT accepted requests only open the window, so the
 * groups' accepted requests add up to the ones summarize rates, and their seconds to its span.
 * A run of several processes loses most where one works on alone at the share it last held
 * (docs/scaling-out.md); this says how long that was and what it cost, in the benchmark as in the
 * simulation. Requests whose sender is not known ('unknown', 'port …', see instrument) count as
 * accepted but mark nobody at work.
 */
function byProcessesAtWork(records, senderOf = (r) => r.sender) {
	const accepted = records.filter((r) => r.status !== 429);
	if (accepted.length < 2) return [];
	const spans = new Map();
	for (const r of records) {
		const sender = senderOf(r);
		if (sender === undefined || sender === 'unknown' || String(sender).startsWith('port ')) continue;
		const span = spans.get(sender) ?? { first: r.at, last: r.at };
		span.first = Math.min(span.first, r.at);
		span.last = Math.max(span.last, r.at);
		spans.set(sender, span);
	}
	const from = accepted[0].at;
	const to = accepted[accepted.length - 1].at;
	// As in summarize: the first LIMIT accepted requests start the window, the rate is the rest.
	const counted = accepted.slice(LIMIT);
	const cuts = [...new Set([from, to, ...[...spans.values()].flatMap((s) => [s.first, s.last])])].filter((t) => t >= from && t <= to).sort((a, b) => a - b);
	const groups = new Map();
	for (let i = 0; i + 1 < cuts.length; i++) {
		const [start, end] = [cuts[i], cuts[i + 1]];
		const atWork = [...spans.values()].filter((s) => s.first <= start && s.last >= end).length;
		const group = groups.get(atWork) ?? { processes: atWork, seconds: 0, accepted: 0 };
		group.seconds += (end - start) / 1000;
		// Half-open pieces; the last request of the period belongs to the last piece.
		group.accepted += counted.filter((r) => r.at >= start && (r.at < end || (end === to && r.at === to))).length;
		groups.set(atWork, group);
	}
	return [...groups.values()]
		.sort((a, b) => b.processes - a.processes)
		.map((g) => ({ ...g, ofLimit: g.seconds > 0 ? g.accepted / (g.seconds * LIMIT) : 0 }));
}

/**
 * "3 at work: 41.2 s at 93.1% of the limit; 2: …" for byProcessesAtWork's groups (or means of them):
 * how long each number of processes was at work, and at what rate (not for less than a second: a
 * rate over a few requests says nothing).
 */
function atWorkText(groups) {
	const pct = (x) => `${(x * 100).toFixed(1)}%`;
	return groups
		.map((g, i) => `${g.processes}${i === 0 ? ' at work' : ''}: ${g.seconds.toFixed(1)} s${g.seconds >= 1 ? ` at ${pct(g.ofLimit)}${i === 0 ? ' of the limit' : ''}` : ''}`)
		.join('; ');
}

/**
 * The rate, 429s and the split per process of one scenario's requests (arrival order).
 * Rate: a sliding window lets LIMIT requests start at once and then LIMIT per second, so the
 * accepted requests after the first LIMIT, over the time from the first to the last accepted one,
 * is exactly LIMIT/s for clients that together use the whole limit (as bench/run.js measures).
 */
function summarize(records, bucketS = 5) {
	if (records.length === 0) return { requests: 0, accepted: 0, refused429: 0, share429: 0, busyS: 0, ratePerS: 0, ofLimit: 0, overTime: [], perSender: {}, atWork: [] };
	const first = records[0].at;
	const accepted = records.filter((r) => r.status !== 429);
	const refused429 = records.length - accepted.length;
	const spanS = accepted.length > 1 ? (accepted[accepted.length - 1].at - accepted[0].at) / 1000 : 0;
	const ratePerS = accepted.length > LIMIT && spanS > 0 ? (accepted.length - LIMIT) / spanS : 0;
	const overTime = [];
	for (const r of records) {
		const bucket = Math.floor((r.at - first) / 1000 / bucketS);
		while (overTime.length <= bucket) overTime.push({ fromS: overTime.length * bucketS, requests: 0, accepted: 0, refused429: 0 });
		overTime[bucket].requests++;
		if (r.status === 429) overTime[bucket].refused429++;
		else overTime[bucket].accepted++;
	}
	const perSender = {};
	for (const r of records) {
		// Connections whose owner could not be read (closed before the look-up) are pooled.
		const sender = !r.sender || r.sender.startsWith('port ') ? 'unattributed' : r.sender;
		const s = (perSender[sender] ??= { requests: 0, accepted: 0, refused429: 0, firstS: (r.at - first) / 1000, lastS: 0 });
		s.requests++;
		if (r.status === 429) s.refused429++;
		else s.accepted++;
		s.lastS = (r.at - first) / 1000;
	}
	return {
		requests: records.length,
		accepted: accepted.length,
		refused429,
		share429: refused429 / records.length,
		busyS: (records[records.length - 1].at - first) / 1000,
		ratePerS,
		ofLimit: ratePerS / LIMIT,
		overTime,
		perSender,
		atWork: byProcessesAtWork(records, (r) => r.sender ?? r.process),
	};
}

module.exports = { LIMIT, instrument, summarize, byProcessesAtWork, atWorkText };
