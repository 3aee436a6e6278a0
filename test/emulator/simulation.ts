/**
 * The pieces of a deterministic simulation of processes sharing one ActiveCampaign account: a
 * virtual clock for the real RateLimiter, and an account that enforces the limit as the emulator's
 * server does (5 accepted requests per rolling second; a refused request does not count). Used by
 * test/transport/sharedAccount.simulation.test.ts and by bench/share-sim.js.
 */
/**
 * A virtual clock (the RateLimiter's Clock, given structurally: this folder compiles on its own):
 * time only moves when every pending promise has settled.
 */
export class VirtualClock {
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

/** A seeded generator (LCG), so that every run with the same seed is the same run. */
export function seededRandom(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
		return state / 2 ** 32;
	};
}

/** ActiveCampaign's limit as the emulator enforces it: `limit` accepted per rolling second. */
export class SimulatedAccount {
	private accepted: number[] = [];
	readonly log: Array<{ process: number; at: number; status: number }> = [];

	constructor(private readonly limit = 5) {}

	arrive(process: number, at: number): number {
		this.accepted = this.accepted.filter((t) => at - t < 1000);
		const status = this.accepted.length >= this.limit ? 429 : 200;
		if (status === 200) this.accepted.push(at);
		this.log.push({ process, at, status });
		return status;
	}
}
