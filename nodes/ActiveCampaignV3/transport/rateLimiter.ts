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
 *    itself, so its 429 answers are the only signal. The share is a whole number of requests per
 *    second, a quota q: at most q requests in any window of the own sliding window, spaced 1/q
 *    apart. Whole quotas are what makes sharing work: processes whose quotas add up to the limit
 *    (2 + 2 + 1) never overflow the server's window, whatever their phases, while fractional rates
 *    (3 × 1.6 = 4.8) overflow it again and again as their requests drift in and out of step
 *    (simulated without adaptation: 2 + 2 + 1 had no request refused, 3 × 1.6 had 16%; see the
 *    simulation test).
 *    - Alone, the quota is the configured rate and nothing is cut, unless the server refuses a
 *      request although the account had room (a stray 429, below).
 *    - A 429 at the configured rate (processes starting together, a process joining): halve, every
 *      time. A process at the configured rate fills the server's window, so a process that joins
 *      is refused at every try while the first one is hardly ever refused; its rare 429 is the
 *      only sign that somebody else wants the account. Forgiving a single one after 2 s at the
 *      configured rate (to spare a process alone a stray 429) kept joining processes at half a
 *      request per second for 20-50 s in the simulation, and favoured whichever process happened
 *      to start first (n8n processes start up to 1.2 s apart in the benchmark).
 *    - But a process alone does meet a stray 429 now and then (1 benchmark run in 23, on a busy
 *      machine, about 3 s into the run): halved and held like any other cut, it spent 25 s at 2
 *      requests/second and did its 100 requests at 49% of the limit. So when the 429 comes after
 *      SETTLED_AFTER_MS at the configured rate, the halved quota holds only MIN_HOLD_MS and then
 *      goes straight back to the configured rate, as a step on trial: a process that joined has
 *      had those seconds to take its part of the account, so the step back meets a 429 and holds
 *      2 requests/second as before; alone, nothing refuses it. Simulated (bench/share-sim.js's
 *      model): a stray 429 3-4 s into a run of 100 requests costs a process alone 80% of the
 *      limit instead of 49%; a process joining one at the configured rate has as many requests
 *      accepted in its first 30 s as before (32.8 vs 33.7 on average over 40 seeds); the
 *      benchmark's multi-process scenarios are unchanged (throughput 0.997-1.006). Holding 1.5,
 *      3 or 5 s instead of 6 let the joiner in less often (22-28 on average), and so did going
 *      back one level (to 4) instead of halving, depending on the hold (22-34); counting from 2 s
 *      at the configured rate instead of 3 gave 13-16% more 429s in queue mode, where the
 *      answers of the first second arrive late.
 *    - After a cut the quota holds for a time that grows with the square of the share (of 5
 *      requests/second: 1 holds 6 s, 2 holds 22.4 s, 3 holds 50.4 s), then steps up by one (below
 *      one request per second: doubles); a step that meets no 429 makes the next come twice as
 *      soon. The small shares probing most is what evens the shares out, so that processes with
 *      equal work finish together instead of one working on alone at a fraction of the account.
 *    - Only busy time counts: while nothing waits for the account the probe clock stops, and a
 *      minute after its last cut an idle process forgets the share. A process that shared the
 *      account lately and paused for 2 s or more restarts at 40% of the configured rate and steps
 *      up every second: its neighbours are likely to start their next batch at the same moment,
 *      and a share that had climbed back while the account was idle sent three processes into
 *      the account at once (19 of 44 requests refused in the first 5 s of a benchmark run).
 *    - A 429 for a request sent at a level just stepped up to: the step failed; back down one
 *      level, also when the step was the one back to the configured rate.
 *    - A 429 at a level that held: usually another process's failed step, which that process takes
 *      back at once, so the first is only remembered; a second within STRIKE_MEMORY_MS cuts by one
 *      (the account is really over: a process joined). A process that has held two or more
 *      requests/second for YIELD_AFTER_MS gives one up at the first 429, so that 2 + 2 + 1 rotates.
 *    At most one cut per server window (the window still holds requests sent at the old rate).
 *
 *    Measured with the deterministic simulation (test/transport/sharedAccount.simulation.test.ts,
 *    the real limiter on a virtual clock against an account with the real limit; 3 processes, 300
 *    requests and 8 in flight each): 93-94% of the limit while all three are busy, 87-88% over the
 *    whole run, 6-7% of requests refused; two processes 92% / 88% with 2%. A process alone is never
 *    refused. Real processes: README, "Scaling out".
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

/** The rate never drops below this fraction of the configured rate. */
const MIN_RATE_FRACTION = 0.1;
/**
 * How long a quota holds before it steps up, after a cut or a failed step: PROBE_SCALE_MS times the
 * square of the share (quota ÷ configured rate), at least MIN_HOLD_MS. Of 5 requests/second, a share
 * of 1 steps up after 6 s, 2 after 22.4 s, 3 after 50.4 s. Each step that fails costs a 429, and
 * while the account is full every step fails: a request beyond the others' periodic requests is
 * the one the server refuses, so a process that holds its share is rarely refused and the prober
 * pays. The smallest share probing most is what lets it take over what a neighbour gives up,
 * instead of the largest keeping its lead. The price: a process whose neighbours have finished
 * learns so only by a step, so at 2 requests/second it may work on alone for up to 22 s before it
 * climbs (seen in the benchmark; a cap of 16 s on the hold did not shorten those tails there and
 * gave 11% refused in one row). bench/share-sim.js, 40 seeds of the benchmark's scenarios: one hold
 * of 10 s for every share 83-85% of the limit with 4-9% refused, this 85-88% with 3-8%.
 */
const PROBE_SCALE_MS = 140_000;
const MIN_HOLD_MS = 6_000;
/** The quickest step ups come, after steps that met no 429. */
const MIN_PROBE_INTERVAL_MS = 1_000;
/** A step up has failed when a request sent within this long after it is refused. */
const STEP_TRIAL_MS = 10_000;
/** A process at two or more requests/second for this long gives one up to another's step. */
const YIELD_AFTER_MS = 15_000;
/** A lone 429 at a level that held is forgotten after this long. */
const STRIKE_MEMORY_MS = 3_000;
/**
 * After this long at the configured rate, a 429 is answered by a halving that holds only MIN_HOLD_MS
 * and then returns straight to the configured rate (a stray 429 for a process alone). Not from the
 * start of a busy period: processes that start together are all refused in their first second.
 */
const SETTLED_AFTER_MS = 3_000;
/** A share is forgotten this long after its last cut when the account was idle in between. */
const FORGET_AFTER_MS = 60_000;
/** A pause this long before a new busy period makes a process that shared lately restart low. */
const WARM_IDLE_MS = 2_000;
/** Where such a restart begins, as a fraction of the configured rate. */
const WARM_START_FRACTION = 0.4;

/** How long a quota of `quota` requests/second holds before it steps up (see PROBE_SCALE_MS). */
function holdAfterCutMs(quota: number, maxRate: number): number {
	return Math.max(MIN_HOLD_MS, Math.round(PROBE_SCALE_MS * (quota / maxRate) ** 2));
}

/** Time as the limiter sees it. `sleep` never rejects; it ends early when `signal` aborts. */
export interface Clock {
	now(): number;
	sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

interface Slot {
	granted: number;
	/** When its answer (or failure) arrived; undefined while under way. */
	answered?: number;
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

/**
 * The share of one account this process allows itself, in requests per second: whole requests per
 * second, and below one request per second halves of it (see the top of this file).
 */
class QuotaShare {
	/** Undefined while the configured rate applies (never cut, or climbed back to it). */
	private quota: number | undefined;
	private lastCutAt = -Infinity;
	/** The last step up, and the quota before it (what a failed step goes back to). */
	private lastStepUpAt = -Infinity;
	private beforeStepUp = 0;
	/** The last change of the quota (a cut or a step up). */
	private lastChangeAt = -Infinity;
	/** How long the quota stays before the next step up. */
	private probeAfterMs = MIN_HOLD_MS;
	/** Since when the quota has been at its level (a failed step back to it does not count). */
	private heldSince = -Infinity;
	private heldBeforeStep = -Infinity;
	/** 429s that did not cut yet (another process's step up is a passing overload). */
	private strikes: number[] = [];
	cuts = 0;
	/** Since when the configured rate has applied in this busy period (undefined until first asked). */
	private fullRateSince: number | undefined;
	/** The next step up goes straight back to the configured rate (see SETTLED_AFTER_MS). */
	private returnToFull = false;

	/**
	 * Nobody asked for the account from `since` until `now`. A share says something only about a
	 * busy account: idle time does not count towards a step up, and a minute after the last cut
	 * the share is forgotten (the configured rate applies again). A process that shared the
	 * account lately and then paused may meet the others again at once (a new batch of executions
	 * everywhere): it restarts at WARM_START_FRACTION of the configured rate and steps up every
	 * second while steps hold, instead of at a rate that may have climbed back while the account
	 * was idle.
	 */
	resume(since: number, now: number, maxRate: number): void {
		if (now - this.lastCutAt >= FORGET_AFTER_MS) {
			// A new batch after a pause may meet other processes at once: not settled yet.
			if (this.quota !== undefined || now - since >= WARM_IDLE_MS) this.fullRateSince = now;
			this.quota = undefined;
			return;
		}
		if (now - since < WARM_IDLE_MS) {
			// A short pause (between two items, a retry): the probe clock only stops.
			if (this.quota !== undefined && this.lastChangeAt > -Infinity) this.lastChangeAt += now - Math.max(since, this.lastChangeAt);
			return;
		}
		this.quota = Math.min(this.quota ?? maxRate, Math.max(1, Math.floor(maxRate * WARM_START_FRACTION)));
		this.heldSince = now;
		this.lastChangeAt = now;
		this.lastStepUpAt = -Infinity;
		this.strikes = [];
		this.probeAfterMs = MIN_PROBE_INTERVAL_MS;
		this.returnToFull = false;
		if (this.quota >= maxRate) this.reachFullRate(now);
	}

	/** The configured rate applies again from `now`. */
	private reachFullRate(now: number): void {
		this.quota = undefined;
		this.fullRateSince = now;
	}

	/** The allowed rate at `now`, after the step ups that are due. */
	rate(now: number, maxRate: number): number {
		if (this.quota === undefined) {
			this.fullRateSince ??= now;
			return maxRate;
		}
		while (this.quota < maxRate && now - this.lastChangeAt >= this.probeAfterMs) {
			this.beforeStepUp = this.quota;
			this.heldBeforeStep = this.heldSince;
			this.lastChangeAt += this.probeAfterMs;
			this.lastStepUpAt = this.lastChangeAt;
			this.heldSince = this.lastChangeAt;
			this.quota = this.returnToFull ? maxRate : this.quota < 1 ? Math.min(1, this.quota * 2) : Math.min(maxRate, Math.floor(this.quota) + 1);
			this.returnToFull = false;
			// A step up that met no 429: capacity others left; the next comes sooner. (A step every
			// second after the first success was tried: more of the account's spare capacity found
			// early, but the steps also took slots from neighbours that were still busy; the
			// simulation went from 4% to 10% refused and the benchmark's 429s rose to 11%.)
			this.probeAfterMs = Math.max(MIN_PROBE_INTERVAL_MS, this.probeAfterMs / 2);
		}
		if (this.quota >= maxRate) this.reachFullRate(now);
		return this.quota === undefined ? maxRate : this.quota;
	}

	/** Remembers a refusal; true while fewer than `needed` came within STRIKE_MEMORY_MS. */
	private strike(now: number, needed: number): boolean {
		this.strikes = [...this.strikes.filter((at) => now - at < STRIKE_MEMORY_MS), now];
		return this.strikes.length < needed;
	}

	throttled(grantedAt: number, now: number, maxRate: number): boolean {
		if (grantedAt < this.lastCutAt + WINDOW_MS) return false;
		const current = this.rate(now, maxRate);
		// One level down: a whole request per second less, below one request per second half.
		const lower = current <= 1 ? Math.max(maxRate * MIN_RATE_FRACTION, current / 2) : Math.ceil(current) - 1;
		let next: number;
		let heldSince = now;
		let settled = false;
		// Sent at a level this process had just stepped up to, the configured rate included.
		const stepOnTrial = grantedAt >= this.lastStepUpAt && grantedAt < this.lastStepUpAt + STEP_TRIAL_MS && this.lastStepUpAt > this.lastCutAt;
		if (this.quota === undefined && !stepOnTrial) {
			// At the configured rate (a process that believed it was alone, or processes starting
			// together): halve. Cutting only to what the server accepted from this process in the
			// last window was tried: the process that happened to get most of the first window
			// kept 4 of 5 requests/second and the others 1.
			next = current <= 1 ? lower : Math.max(1, Math.floor(current / 2));
			settled = next < maxRate && now - (this.fullRateSince ?? now) >= SETTLED_AFTER_MS;
		} else if (stepOnTrial) {
			// The step failed: go back one level. Also when the step was the one back to the
			// configured rate: halving there (as for a process that believed it was alone) sent a
			// process whose last neighbour still had a few requests to send down to 2 requests per
			// second, where it then worked on alone for 20 s (the deterministic simulation).
			next = this.beforeStepUp;
			heldSince = this.heldBeforeStep;
		} else if (this.strike(now, current >= 2 && now - this.heldSince >= YIELD_AFTER_MS ? 1 : 2)) {
			// A refusal at a level that held: most likely another process's step up, which that
			// process takes back at once. Remembered; only a second one soon after means the
			// account is really over its limit (a process joined). Except for a process that has
			// held two or more requests/second for long: it yields one to the step, so that the
			// whole-number shares rotate (2 + 2 + 1 becomes 1 + 2 + 2) instead of one process
			// keeping the smallest share to the end.
			return false;
		} else {
			next = lower;
		}
		this.strikes = [];
		this.heldSince = heldSince;
		this.quota = next;
		this.lastCutAt = now;
		this.lastChangeAt = now;
		this.returnToFull = settled;
		this.probeAfterMs = settled ? MIN_HOLD_MS : holdAfterCutMs(next, maxRate);
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
	/** Since when nobody waits for this account (undefined while somebody does). */
	private idleSince: number | undefined;
	readonly share = new QuotaShare();

	constructor(
		public maxRate: number,
		private readonly clock: Clock,
	) {}

	/** Requests per second this process allows itself now. */
	rate(now = this.clock.now()): number {
		return this.share.rate(now, this.maxRate);
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
			if (this.queue.length === 0 && this.idleSince !== undefined) {
				this.share.resume(this.idleSince, this.clock.now(), this.maxRate);
				this.idleSince = undefined;
			}
			if (first) this.queue.unshift(waiter);
			else this.queue.push(waiter);
			this.kick();
		});
	}

	throttled(grantedAt: number): void {
		// The refused request keeps its slot in the own window: ActiveCampaign does not say
		// whether a refusal counts against the limit, so the window assumes it does.
		if (this.share.throttled(grantedAt, this.clock.now(), this.maxRate)) this.kick();
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
		const rate = this.rate(now);
		const capacity = Math.max(1, Math.ceil(rate - 1e-9));
		if (this.slots.length >= capacity) {
			// The oldest date frees first; a slot dated "now" is re-planned when its answer comes.
			wait = Math.max(1, Math.min(...this.slots.map((slot) => dates.get(slot)!)) + windowMs - now);
		}
		// Below the full rate (and at a fractional one), grants are spaced evenly, 1 / rate apart.
		// Sending a quota as a burst at the start of the own window was tried: a burst almost never
		// meets a full server window while a single request does, so the bursty processes kept 4-5
		// requests/second and starved the others. Spaced requests meet full windows in proportion
		// to their number.
		if (rate < this.maxRate || !Number.isInteger(rate)) wait = Math.max(wait, this.lastGrantAt + 1000 / rate - now);
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
		if (this.queue.length === 0) this.idleSince = now;
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
