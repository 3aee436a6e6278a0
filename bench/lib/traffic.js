// What the emulator saw, per scenario of bench/queue.js: every request with its arrival time and
// the n8n process that sent it (found from the TCP connection: the client port is looked up in
// /proc/net/tcp, its socket inode in /proc/<pid>/fd of the processes the benchmark started).
'use strict';

const fs = require('fs');
const { AsyncLocalStorage } = require('async_hooks');

const LIMIT = 5;

/** Hex "0100007F:1F90" → port number. */
function portOf(address) {
	return parseInt(address.split(':')[1], 16);
}

async function socketInode(clientPort, serverPort) {
	for (const file of ['/proc/net/tcp', '/proc/net/tcp6']) {
		let text;
		try {
			text = await fs.promises.readFile(file, 'utf8');
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

/** The candidates and every process below them (a process's children send as it does). */
async function withDescendants(candidates) {
	const parentOf = new Map();
	for (const entry of await fs.promises.readdir('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		try {
			const stat = await fs.promises.readFile(`/proc/${entry}/stat`, 'utf8');
			parentOf.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
		} catch {
			// exited meanwhile
		}
	}
	const labels = new Map(candidates.map((c) => [c.pid, c.label]));
	const all = [...candidates];
	for (const pid of parentOf.keys()) {
		for (let up = parentOf.get(pid); up !== undefined && up > 1; up = parentOf.get(up)) {
			if (labels.has(up) && !labels.has(pid)) {
				all.push({ pid, label: labels.get(up) });
				break;
			}
		}
	}
	return all;
}

async function ownerOf(inode, processes) {
	return (await ownerAmong(inode, processes())) ?? (await ownerAmong(inode, await withDescendants(processes())));
}

async function ownerAmong(inode, candidates) {
	const target = `socket:[${inode}]`;
	for (const { pid, label } of candidates) {
		let fds;
		try {
			fds = await fs.promises.readdir(`/proc/${pid}/fd`);
		} catch {
			continue;
		}
		for (const fd of fds) {
			try {
				if ((await fs.promises.readlink(`/proc/${pid}/fd/${fd}`)) === target) return label;
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
	const owners = new Map(); // client port → Promise<label>
	emulator.server.on('connection', (socket) => {
		const clientPort = socket.remotePort;
		// Looked up off the request path (async file reads), while the connection is open.
		owners.set(
			clientPort,
			new Promise((resolve) => setImmediate(resolve)).then(async () => {
				const inode = await socketInode(clientPort, serverPort);
				const owner = inode && (await ownerOf(inode, processes));
				if (process.env.BENCH_DEBUG) process.stderr.write(`connection ${clientPort}: inode ${inode}, owner ${owner}, candidates ${JSON.stringify(processes())}\n`);
				return owner || `port ${clientPort}`;
			}),
		);
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
		async label(records) {
			for (const record of records) record.sender = record.clientPort === undefined ? 'unknown' : await (owners.get(record.clientPort) ?? `port ${record.clientPort}`);
		},
	};
}

/**
 * The rate, 429s and the split per process of one scenario's requests (arrival order).
 * Rate: a sliding window lets LIMIT requests start at once and then LIMIT per second, so the
 * accepted requests after the first LIMIT, over the time from the first to the last accepted one,
 * is exactly LIMIT/s for clients that together use the whole limit (as bench/run.js measures).
 */
function summarize(records, bucketS = 5) {
	if (records.length === 0) return { requests: 0, accepted: 0, refused429: 0, share429: 0, busyS: 0, ratePerS: 0, ofLimit: 0, overTime: [], perSender: {} };
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
		const s = (perSender[r.sender ?? 'unknown'] ??= { requests: 0, accepted: 0, refused429: 0, firstS: (r.at - first) / 1000, lastS: 0 });
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
	};
}

module.exports = { LIMIT, instrument, summarize };
