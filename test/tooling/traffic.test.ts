/**
 * bench/lib/traffic.js, what the benchmarks report: the rate over a busy period, and how that
 * period splits by the number of processes at work (where a shared account loses throughput).
 */
// Plain-JS tooling.
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { summarize, byProcessesAtWork, atWorkText } = require('../../bench/lib/traffic');

interface Rec {
	sender: string;
	at: number;
	status: number;
}

/** `count` requests of `sender`, `everyMs` apart from `from`, all accepted. */
function steady(sender: string, from: number, count: number, everyMs: number): Rec[] {
	return Array.from({ length: count }, (_, i) => ({ sender, at: from + i * everyMs, status: 200 }));
}
const inOrder = (...lists: Rec[][]) => lists.flat().sort((a, b) => a.at - b.at);

describe('byProcessesAtWork', () => {
	// a: 20 requests at 2/s from 0 to 9.5 s; b: 40 at 2/s from 0.25 to 19.75 s, the last 10.25 s
	// alone (the tail the breakdown is for). The first 5 accepted (to 1 s) open the window.
	const records = inOrder(steady('a', 0, 20, 500), steady('b', 250, 40, 500));

	it('splits the busy period where a process sends its first and its last request', () => {
		expect(byProcessesAtWork(records)).toEqual([
			// 0.25-9.5 s: a's 1.5-9 s (16) and b's 1.25-9.25 s (17).
			{ processes: 2, seconds: 9.25, accepted: 33, ofLimit: 33 / (9.25 * 5) },
			// 0-0.25 s (a before b started, nothing counted) and 9.5-19.75 s (a's last, b's 9.75-19.75 s).
			{ processes: 1, seconds: 10.5, accepted: 22, ofLimit: 22 / (10.5 * 5) },
		]);
	});

	it('adds up to what summarize rates, and summarize reports it', () => {
		const summary = summarize(records);
		const groups = byProcessesAtWork(records);
		expect(groups.reduce((n: number, g: { accepted: number }) => n + g.accepted, 0)).toBe(summary.accepted - 5);
		expect(groups.reduce((n: number, g: { seconds: number }) => n + g.seconds, 0)).toBe(19.75);
		expect(summary.atWork).toEqual(groups);
	});

	it('counts a refused request as work but not as accepted; a request of an unknown sender is accepted but marks nobody at work', () => {
		const mixed = inOrder(steady('a', 0, 10, 100), [{ sender: 'b', at: 50, status: 429 }, { sender: 'b', at: 850, status: 429 }], steady('port 5000', 900, 2, 100));
		expect(byProcessesAtWork(mixed)).toEqual([
			// 0.05-0.85 s: a's 0.5-0.8 s after the 5 that open the window.
			{ processes: 2, seconds: 0.8, accepted: 4, ofLimit: 4 / (0.8 * 5) },
			// 0-0.05 s and 0.85-0.9 s: a alone; its request at 0.9 s starts the next piece.
			{ processes: 1, seconds: 0.1, accepted: 0, ofLimit: 0 },
			// 0.9-1 s: a's last and the two of the unknown sender.
			{ processes: 0, seconds: 0.1, accepted: 3, ofLimit: 3 / (0.1 * 5) },
		]);
	});

	it('is empty for fewer than two accepted requests, and reads the sender with the function given', () => {
		expect(byProcessesAtWork([{ sender: 'a', at: 0, status: 200 }])).toEqual([]);
		// Process 0 at 0, 0.4 ... 2 s, process 1 at 0.2 ... 2.2 s, as bench/share-sim.js records them.
		const simulated = steady('x', 0, 12, 200).map((r, i) => ({ process: i % 2, at: r.at, status: 200 }));
		expect(byProcessesAtWork(simulated, (r: { process: number }) => r.process)).toEqual([
			{ processes: 2, seconds: 1.8, accepted: 5, ofLimit: 5 / (1.8 * 5) },
			{ processes: 1, seconds: 0.4, accepted: 2, ofLimit: 2 / (0.4 * 5) },
		]);
	});
});

describe('atWorkText', () => {
	it('says how long each number of processes worked and at what rate, without a rate for less than a second', () => {
		expect(
			atWorkText([
				{ processes: 3, seconds: 41.23, accepted: 191, ofLimit: 0.9265 },
				{ processes: 2, seconds: 0.7, accepted: 2, ofLimit: 0.5714 },
				{ processes: 1, seconds: 12.7, accepted: 28, ofLimit: 0.441 },
			]),
		).toBe('3 at work: 41.2 s at 92.7% of the limit; 2: 0.7 s; 1: 12.7 s at 44.1%');
	});
});
