import { RateLimiter, type Clock } from '../../nodes/ActiveCampaignV3/transport/rateLimiter';

/**
 * Deterministic proof of the shared-account rate control: the real RateLimiter class (one instance
 * per "process", nothing shared) on a virtual clock, against a simulated ActiveCampaign that
 * enforces 5 requests per rolling second per account and answers 429 + Retry-After: 1 above it.
 * Latencies vary by a seeded pseudo-random jitter, so every run is the same run: the figures below
 * are exact, not timings of this machine (the same setting against the emulator in real time is
 * sharedAccount.test.ts).
 */

/** A virtual clock: time only moves when every pending promise has settled. */
class VirtualClock implements Clock {
	private time = 0;
	private sequence = 0;
	private readonly timers: Array<{ at: number; sequence: number; resolve: () => void }> = [];

	now(): number {
		return this.time;
	}

	sleep(ms: number, signal?: AbortSignal): Promise<void> {
		return new Promise<void>((resolve) => {
			const timer = { at: this.time + Math.max(0, ms), sequence: this.sequence++, resolve };
			this.timers.push(timer);
			signal?.addEventListener(
				'abort',
				() => {
					const at = this.timers.indexOf(timer);
					if (at !== -1) this.timers.splice(at, 1);
					resolve();
				},
				{ once: true },
			);
		});
	}

	/** Runs until `done()` or no timer is left. */
	async run(done: () => boolean): Promise<void> {
		for (;;) {
			// Let every promise chain that can move do so before time advances.
			for (let i = 0; i < 20; i++) await Promise.resolve();
			if (done() || this.timers.length === 0) return;
			this.timers.sort((a, b) => a.at - b.at || a.sequence - b.sequence);
			const next = this.timers.shift()!;
			this.time = next.at;
			next.resolve();
		}
	}
}

/** A seeded generator (LCG), so the jitter is the same in every run. */
function random(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
		return state / 2 ** 32;
	};
}

/** ActiveCampaign's limit as the emulator enforces it: 5 accepted per rolling second. */
class SimulatedAccount {
	private accepted: number[] = [];
	readonly log: Array<{ process: number; at: number; status: number }> = [];

	arrive(process: number, at: number): number {
		this.accepted = this.accepted.filter((t) => at - t < 1000);
		const status = this.accepted.length >= 5 ? 429 : 200;
		if (status === 200) this.accepted.push(at);
		this.log.push({ process, at, status });
		return status;
	}
}

interface Scenario {
	processes: number;
	requestsEach: number;
	inFlight: number;
	/** One-way network delay, ms, plus up to `jitterMs` more. */
	oneWayMs: number;
	jitterMs: number;
	seed: number;
	/** When each process starts, ms. */
	startAt?: (process: number) => number;
}

async function simulate(scenario: Scenario) {
	const clock = new VirtualClock();
	const account = new SimulatedAccount();
	const jitter = random(scenario.seed);
	const limiters = Array.from({ length: scenario.processes }, () => new RateLimiter(clock));
	const finishedAt: number[] = [];
	let running = scenario.processes;
	const runProcess = async (p: number) => {
		await clock.sleep(scenario.startAt?.(p) ?? 0);
		let next = 0;
		const worker = async () => {
			while (next < scenario.requestsEach) {
				next++;
				for (;;) {
					const grant = (await limiters[p].acquire('account', 5))!;
					await clock.sleep(scenario.oneWayMs + jitter() * scenario.jitterMs);
					const status = account.arrive(p, clock.now());
					await clock.sleep(scenario.oneWayMs + jitter() * scenario.jitterMs);
					grant.done();
					if (status === 200) break;
					limiters[p].throttled('account', grant.grantedAt);
					await clock.sleep(1000);
				}
			}
		};
		await Promise.all(Array.from({ length: scenario.inFlight }, worker));
		finishedAt[p] = clock.now();
		running--;
	};
	const all = Promise.all(limiters.map((_, p) => runProcess(p)));
	await clock.run(() => running === 0);
	await all;
	const accepted = account.log.filter((r) => r.status === 200);
	const refused = account.log.filter((r) => r.status === 429);
	const first = account.log[0].at;
	const last = accepted[accepted.length - 1].at;
	// While every process was still busy: each one's share of what was accepted.
	const sharedUntil = Math.min(...finishedAt);
	const sharedAccepted = accepted.filter((r) => r.at <= sharedUntil);
	return {
		accepted: accepted.length,
		refusedShare: refused.length / account.log.length,
		/** Accepted requests per second over the whole run, as a fraction of the limit of 5. */
		ofLimit: accepted.length / ((last - first) / 1000) / 5,
		sharedOfLimit: sharedAccepted.length / ((sharedUntil - first) / 1000) / 5,
		shares: limiters.map((_, p) => sharedAccepted.filter((r) => r.process === p).length / sharedAccepted.length),
		cuts: limiters.map((l) => l.cuts('account')),
	};
}


describe('shared account, simulated deterministically (virtual clock, real limiter)', () => {
	it('one process alone: the full rate, never cut, no 429', async () => {
		const result = await simulate({ processes: 1, requestsEach: 300, inFlight: 8, oneWayMs: 50, jitterMs: 20, seed: 1 });
		expect(result).toEqual(expect.objectContaining({ accepted: 300, refusedShare: 0, cuts: [0] }));
		expect(result.ofLimit).toBeGreaterThanOrEqual(0.95);
	});

	// The figures for processes sharing an account: at least 85% of the limit in aggregate,
	// at most 10% of requests answered 429, nothing lost; and none starved: each process had at
	// least half of an even share of what was accepted while all were busy.
	it.each([
		['three processes, 50 ms each way', { processes: 3, oneWayMs: 50, seed: 7 }],
		['three processes, 200 ms each way', { processes: 3, oneWayMs: 200, seed: 11 }],
		['two processes, 50 ms each way', { processes: 2, oneWayMs: 50, seed: 13 }],
	])('%s: each adapts, none starves, few 429s, near the limit', async (_name, setting) => {
		const result = await simulate({ requestsEach: 300, inFlight: 8, jitterMs: 20, ...setting });
		expect(result.accepted).toBe(300 * setting.processes);
		for (const cuts of result.cuts) expect(cuts).toBeGreaterThan(0);
		for (const share of result.shares) expect(share).toBeGreaterThanOrEqual(0.5 / setting.processes);
		expect(result.refusedShare).toBeLessThanOrEqual(0.1);
		expect(result.sharedOfLimit).toBeGreaterThanOrEqual(0.85);
	});
});
