import { sleep } from 'n8n-workflow';

/**
 * Rate control per ActiveCampaign account, in two parts.
 *
 * 1. A sliding window: at most `maxRate` requests in any window of one second (plus a small safety
 *    margin). Unlike a token bucket it never lets a burst exceed the limit as the server measures it.
 *
 *    The server counts a request when it arrives, somewhere between our start and the moment its
 *    answer is back; the delay before the bytes leave varies (credential resolution, a busy event
 *    loop, a new socket: 20-40 ms for the first requests of a run, measured). So a slot is dated at
 *    the latest moment its request can have arrived:
 *    - answered: the answer time minus the quickest round trip this account has shown (nothing comes
 *      back faster than that after arriving); until a few round trips are known, the answer time;
 *    - under way for no longer than that quickest round trip plus MAX_SEND_SKEW_MS: its start plus
 *      MAX_SEND_SKEW_MS (the usual case: it left at once and the server is working on it);
 *    - under way for longer: "now", so it keeps its place in the window until its answer tells more
 *      (n8n can hold a request back 300-650 ms before sending it, measured).
 *    Dating slots by their answers alone measured 87.9% / 81.8% of the limit at 50 / 400 ms latency;
 *    this dating keeps 96-98% with no 429 (n8n 2.41.1, one process).
 *
 * 2. A share of the account that adapts to other clients (other n8n processes in queue mode, other
 *    tools), which this process cannot see: nothing is shared between processes but ActiveCampaign
 *    itself, so its 429 answers are the only signal. The allowed rate follows TCP's congestion
 *    control (CUBIC with its additive floor): a 429 cuts the rate to DECREASE_FACTOR of what it was,
 *    or towards what the server accepted in the last second when that is less (several
 *    processes starting at once; at most halving at once); then the rate climbs back towards the rate that overflowed,
 *    flattens just below it (where it stays a while, so 429s stay few), and only then probes above
 *    it (so a process left alone is back at the full rate within seconds). At most one cut per
 *    server window. W processes converge to about maxRate / W each. Below the full rate, grants
 *    are spaced evenly (1 / rate apart).
 *
 *    Measured (see the constants below): three processes 85-86% of the limit with 7-8% of requests
 *    answered 429 in the deterministic simulation; against the emulator in real time, see
 *    test/transport/sharedAccount.test.ts. Without adaptation the same setting gave over 50% 429s.
 *
 * The state lives in a RateLimiter instance; the transport uses one per process (module level), so
 * every item, execution and node instance in the process that uses the same account shares it.
 * Tests create several instances to stand for several processes.
 */
const WINDOW_MS = 1_000;
const SAFETY_MARGIN_MS = 15;
/** Longest time we assume between granting a slot and the request reaching the server. */
const MAX_SEND_SKEW_MS = 100;
/** Round trips remembered per account; the quickest of them is the floor used above. */
const RTT_SAMPLES = 50;
/** Round trips needed before the floor is trusted (the first ones include new sockets). */
const RTT_TRUSTED_AFTER = 10;

/**
 * The constants below were chosen with the deterministic simulation in
 * test/transport/sharedAccount.simulation.test.ts (the real limiter on a virtual clock against a
 * simulated account with the real limit): over a grid of 60 combinations, 3 seeds and 2-5
 * processes, these gave 3 processes 85-86% of the limit with 7-8% of requests answered 429, 2
 * processes 89% with 4-5%, and no process under 20% of the accepted requests. TCP's classic values
 * (a cut to 0.7, ten times faster growth) gave 78-81% with 11-13% 429s: here a "round trip" is a
 * whole second and a share is one or two requests per second, so gentler cuts and slower probing
 * pay. A process alone is never cut and keeps the full rate.
 */

/** A 429 leaves this fraction of the rate. */
export const DECREASE_FACTOR = 0.9;
/** The deepest one cut may go: half the rate (classic AIMD). */
const MAX_SINGLE_CUT = 0.5;
/** The rate never drops below this fraction of the configured rate. */
const MIN_RATE_FRACTION = 0.1;
/**
 * CUBIC's scaling constants, in fractions of the configured rate per second³. Below the rate that
 * overflowed (concave part) the curve returns to it in K = cbrt(cut / CUBIC_C) seconds, 15 s from
 * a third of the account (98% of the way after 10 s from the full rate); it flattens there, which is
 * where processes sharing an account spend most of their time, so 429s stay few. Above it (convex
 * part, probing for capacity others left) it grows 200 times faster, so a process whose neighbours
 * finished is back at the full rate within seconds.
 */
const CUBIC_C = 1e-5;
const CUBIC_C_PROBE = 2e-3;
/**
 * The additive part: a hundredth of a request per second more each second (at 5 requests/second),
 * the same for every process whatever its share, which is what evens the shares out.
 */
const ADDITIVE_INCREASE_PER_SECOND = 0.002;

/** Time as the limiter sees it. `sleep` never rejects; it ends early when `signal` aborts. */
export interface Clock {
	now(): number;
	sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

interface Slot {
	granted: number;
	/** When its answer (or failure) arrived; undefined while under way. */
	answered?: number;
	/** Answered 429. */
	refused?: boolean;
}

/** What a caller holds while its request is under way. */
export interface Grant {
	/** When the slot was granted (ms since the epoch). */
	readonly grantedAt: number;
	/** Call once the answer (or failure) has arrived. Calling it again is harmless. */
	done(): void;
}

interface Waiter {
	resolve: (grant: Grant | undefined) => void;
	/** Stops listening to the execution's cancel signal. */
	forget: () => void;
}

/** The adaptive share of one account, as a fraction of its configured rate. */
class CubicShare {
	private lastCutAt = -Infinity;
	/** The fraction at which the last 429 came. */
	private overflowAt = 1;
	/** The fraction right after the last cut. */
	private cutTo = 1;
	cuts = 0;

	fraction(now: number): number {
		if (this.lastCutAt === -Infinity) return 1;
		const t = (now - this.lastCutAt) / 1000;
		// K: when the curve, starting at cutTo, is back at overflowAt (RFC 9438).
		const k = Math.cbrt(Math.max(0, this.overflowAt - this.cutTo) / CUBIC_C);
		const cubic = this.overflowAt + (t < k ? CUBIC_C : CUBIC_C_PROBE) * (t - k) ** 3;
		// At least additive growth, the same for every process whatever its share: with cuts that
		// hit the larger shares more often, this is what evens the shares out (Chiu and Jain's AIMD;
		// CUBIC's "TCP-friendly region").
		const additive = this.cutTo + ADDITIVE_INCREASE_PER_SECOND * t;
		return Math.min(1, Math.max(MIN_RATE_FRACTION, cubic, additive));
	}

	/**
	 * A 429 for a request granted at `grantedAt`. Only a request sent a whole window after the last
	 * cut says anything about the cut rate: the server counts one second back, so until then its
	 * window still holds requests sent at the old rate. (TCP likewise cuts at most once per round
	 * trip.) Without this, one burst of refusals would cut the rate again and again, to the floor.
	 */
	throttled(grantedAt: number, now: number, acceptedShare: number): boolean {
		if (grantedAt < this.lastCutAt + WINDOW_MS) return false;
		const current = this.fraction(now);
		// Fast convergence (CUBIC): a flow that overflows below its previous peak gives up more,
		// which lets a newcomer catch up with flows that started earlier.
		this.overflowAt = current < this.overflowAt ? (current * (1 + DECREASE_FACTOR)) / 2 : current;
		// When most of the last second was refused (several processes starting at full rate at
		// once), one cut by DECREASE_FACTOR is far from enough: go towards what was accepted, but
		// never below half at once (a process that sent little has little accepted to go by).
		const accepted = Math.max(acceptedShare, current * MAX_SINGLE_CUT);
		this.cutTo = Math.max(MIN_RATE_FRACTION, Math.min(current * DECREASE_FACTOR, accepted));
		this.lastCutAt = now;
		this.cuts++;
		return true;
	}
}

class AccountLimiter {
	private slots: Slot[] = [];
	private readonly queue: Waiter[] = [];
	private pumping = false;
	private wake: AbortController | undefined;
	/** The latest round trips (grant to answer), oldest first. */
	private readonly rtts: number[] = [];
	private lastGrantAt = -Infinity;
	readonly share = new CubicShare();

	constructor(
		public maxRate: number,
		private readonly clock: Clock,
	) {}

	/** Requests per second this process allows itself now. */
	rate(now = this.clock.now()): number {
		return this.maxRate * this.share.fraction(now);
	}

	acquire(signal?: AbortSignal, first = false): Promise<Grant | undefined> {
		return new Promise<Grant | undefined>((resolve) => {
			if (signal?.aborted) {
				resolve(undefined);
				return;
			}
			// n8n cancelled the execution: leave the queue, and the caller sends nothing.
			const onAbort = () => {
				const at = this.queue.indexOf(waiter);
				if (at !== -1) this.queue.splice(at, 1);
				resolve(undefined);
			};
			const waiter: Waiter = { resolve, forget: () => signal?.removeEventListener('abort', onAbort) };
			signal?.addEventListener('abort', onAbort, { once: true });
			if (first) this.queue.unshift(waiter);
			else this.queue.push(waiter);
			this.kick();
		});
	}

	throttled(grantedAt: number): void {
		const now = this.clock.now();
		const slot = this.slots.find((candidate) => candidate.granted === grantedAt && candidate.refused !== true);
		if (slot) slot.refused = true;
		if (this.share.throttled(grantedAt, now, this.acceptedShare(now))) this.kick();
	}

	/** Accepted answers of the last window, as a fraction of the configured rate. */
	private acceptedShare(now: number): number {
		const accepted = this.slots.filter(
			(slot) => slot.answered !== undefined && slot.refused !== true && now - slot.answered < WINDOW_MS,
		).length;
		return accepted / this.maxRate;
	}

	private rttFloor(): number {
		return this.rtts.length >= RTT_TRUSTED_AFTER ? Math.min(...this.rtts) : 0;
	}

	/** The latest moment the slot's request can have reached the server, as known at `now`. */
	private arrivalBound(slot: Slot, now: number, floor: number): number {
		if (slot.answered !== undefined) return Math.max(slot.granted, slot.answered - floor);
		return now - slot.granted <= floor + MAX_SEND_SKEW_MS ? slot.granted + MAX_SEND_SKEW_MS : now;
	}

	/** How long the head of the queue must still wait (0: grant now). */
	private waitMs(now: number): number {
		const windowMs = WINDOW_MS + SAFETY_MARGIN_MS;
		const floor = this.rttFloor();
		const dates = new Map<Slot, number>();
		this.slots = this.slots.filter((slot) => {
			const at = this.arrivalBound(slot, now, floor);
			dates.set(slot, at);
			return now - at < windowMs;
		});
		let wait = 0;
		const capacity = Math.max(1, Math.floor(this.maxRate));
		if (this.slots.length >= capacity) {
			// The oldest date frees first; a slot dated "now" is re-planned when its answer comes.
			wait = Math.max(1, Math.min(...this.slots.map((slot) => dates.get(slot)!)) + windowMs - now);
		}
		// Below the full rate, grants are spaced evenly. Tried instead: whole requests per window
		// (2 + 2 + 1), which never overflow in theory, but a process sending its share as a burst at
		// the start of its window almost never meets a full server window, while one sending a
		// single request does: the bursty ones kept 4-5 req/s and starved the others at the floor.
		// Spaced requests meet full windows in proportion to their number, so the larger shares are
		// the ones cut, and the shares even out.
		const rate = this.rate(now);
		if (rate < this.maxRate) wait = Math.max(wait, this.lastGrantAt + 1000 / rate - now);
		return wait > 0 ? Math.ceil(wait) : 0;
	}

	/** Re-plans now: wakes the pump if it sleeps, starts it if it is idle. */
	private kick(): void {
		if (this.pumping) {
			this.wake?.abort();
			return;
		}
		this.pumping = true;
		void this.pump();
	}

	private async pump(): Promise<void> {
		try {
			while (this.queue.length > 0) {
				const now = this.clock.now();
				const wait = this.waitMs(now);
				if (wait > 0) {
					this.wake = new AbortController();
					// An answer or a cut may change the plan: kick() aborts this sleep.
					await this.clock.sleep(wait, this.wake.signal);
					this.wake = undefined;
					continue;
				}
				this.grantHead(now);
			}
		} finally {
			this.pumping = false;
		}
	}

	private grantHead(now: number): void {
		const waiter = this.queue.shift()!;
		waiter.forget();
		const slot: Slot = { granted: now };
		this.slots.push(slot);
		this.lastGrantAt = now;
		waiter.resolve({
			grantedAt: now,
			done: () => {
				if (slot.answered !== undefined) return;
				slot.answered = this.clock.now();
				this.rtts.push(slot.answered - slot.granted);
				if (this.rtts.length > RTT_SAMPLES) this.rtts.shift();
				// The answer may date the slot earlier than planned: re-plan now.
				if (this.queue.length > 0) this.kick();
			},
		});
	}
}

/** The rate limiter of one process (or, in tests, of one simulated process). */
export class RateLimiter {
	private readonly accounts = new Map<string, AccountLimiter>();

	/** `clock`: real time in n8n; a virtual clock in the deterministic simulation tests. */
	constructor(private readonly clock: Clock = realClock) {}

	private account(accountKey: string, maxRate: number): AccountLimiter {
		let state = this.accounts.get(accountKey);
		if (!state) {
			state = new AccountLimiter(maxRate, this.clock);
			this.accounts.set(accountKey, state);
		}
		// The credential may have been edited since: the latest configured rate applies.
		state.maxRate = maxRate;
		return state;
	}

	/**
	 * Resolves when this account may start one more request; with `undefined` instead when `signal`
	 * aborts first (n8n cancelled the execution). `first`: goes to the head of the queue (a request
	 * refused with 429 has waited longest and should not queue again behind newer ones).
	 */
	acquire(accountKey: string, maxRate: number, signal?: AbortSignal, options: { first?: boolean } = {}): Promise<Grant | undefined> {
		return this.account(accountKey, maxRate).acquire(signal, options.first ?? false);
	}

	/** The server answered 429 to a request granted at `grantedAt`: this process takes less. */
	throttled(accountKey: string, grantedAt: number): void {
		this.accounts.get(accountKey)?.throttled(grantedAt);
	}

	/** Requests per second this process currently allows itself for the account. */
	currentRate(accountKey: string): number | undefined {
		return this.accounts.get(accountKey)?.rate();
	}

	/** How many times the account's rate was cut by a 429. */
	cuts(accountKey: string): number {
		return this.accounts.get(accountKey)?.share.cuts ?? 0;
	}
}

/** Wall-clock time, waits through n8n-workflow's sleep. */
const realClock: Clock = { now: () => Date.now(), sleep: pause };

/** This process's limiter: shared by every execution of every node using the same account. */
export let processLimiter = new RateLimiter();

/** For tests: forget all accounts. */
export function resetRateLimiter(): void {
	processLimiter = new RateLimiter();
}

/** Waits `ms`, or less when `signal` aborts (n8n cancelled the execution); never rejects. */
export async function pause(ms: number, signal?: AbortSignal): Promise<void> {
	if (ms <= 0 || signal?.aborted) return;
	if (!signal) {
		await sleep(ms);
		return;
	}
	// `sleep` from n8n-workflow, raced against the signal. Not `sleepWithAbort`: the n8n-workflow
	// that n8n 2.41 ships (2.41.0) has no such export, and a community package gets n8n's copy (the
	// call was undefined there and stopped the limiter, found by the e2e suite). The timer of an
	// aborted wait simply runs out later with nobody waiting for it.
	let onAbort!: () => void;
	const aborted = new Promise<void>((resolve) => {
		onAbort = resolve;
		signal.addEventListener('abort', onAbort, { once: true });
	});
	await Promise.race([sleep(ms), aborted]);
	signal.removeEventListener('abort', onAbort);
}
