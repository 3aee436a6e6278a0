import { settings } from './settings';

/**
 * Sliding-window limiter: at most `requestsPerSecond` requests in any window of one second (plus a
 * small safety margin), per account. Unlike a token bucket it never lets a burst exceed the limit
 * as the server measures it.
 *
 * The server counts a request when it arrives, somewhere between our start and the moment its
 * answer is back; the delay before the bytes leave varies (credential resolution, a busy event
 * loop, a new socket: 20-40 ms for the first requests of a run, measured). Counting from the start
 * let a sixth request land inside the server's window of the first (observed: 2 of 20 GETs
 * answered 429). So a slot is dated at the latest moment its request can have arrived:
 * - answered: the answer time minus the quickest round trip this account has shown (nothing comes
 *   back faster than that after arriving); until a few round trips are known, the answer time;
 * - under way for no longer than that quickest round trip plus MAX_SEND_SKEW_MS: its start plus
 *   MAX_SEND_SKEW_MS (the usual case: it left at once and the server is working on it);
 * - under way for longer: "now", so it keeps its place in the window until its answer tells more.
 *   A request n8n held back before sending (measured: 300-650 ms stalls when the next node starts,
 *   a busy event loop, credentials read from n8n's database) can otherwise land within one second
 *   of the requests granted after it.
 *
 * Dating slots by their answers alone slides the window by a whole round trip per request
 * (measured in n8n 2.41.1, 100 items x 3 requests: 87.9% of the limit at 50 ms latency, 81.8% at
 * 400 ms, with 4 and 12 429s from stalls longer than a fixed skew); subtracting the quickest round
 * trip keeps every stall in the date and drops only the latency the server adds after counting.
 *
 * The state lives at module level, so every item, every execution and every node instance in this
 * n8n process that uses the same account shares one budget.
 */
const WINDOW_MS = 1_000;
const SAFETY_MARGIN_MS = 15;
/** Longest time we assume between granting a slot and the request reaching the server. */
const MAX_SEND_SKEW_MS = 100;
/** Round trips remembered per account; the quickest of them is the floor used above. */
const RTT_SAMPLES = 50;
/** Round trips needed before the floor is trusted (the first ones include new sockets). */
const RTT_TRUSTED_AFTER = 10;

interface Slot {
	granted: number;
	/** When its answer (or failure) arrived; undefined while under way. */
	answered?: number;
}

interface AccountWindow {
	slots: Slot[];
	queue: Array<(done: () => void) => void>;
	timer: NodeJS.Timeout | undefined;
	/** Set by a 429: nobody starts before this instant. */
	pausedUntil: number;
	/** The latest round trips (grant to answer), oldest first. */
	rtts: number[];
}

/** The quickest recent round trip, or 0 while too few are known (then the answer time is used). */
function rttFloor(state: AccountWindow): number {
	return state.rtts.length >= RTT_TRUSTED_AFTER ? Math.min(...state.rtts) : 0;
}

/** The latest moment the slot's request can have reached the server, as known at `now`. */
function arrivalBound(slot: Slot, now: number, floor: number): number {
	if (slot.answered !== undefined) return Math.max(slot.granted, slot.answered - floor);
	return now - slot.granted <= floor + MAX_SEND_SKEW_MS ? slot.granted + MAX_SEND_SKEW_MS : now;
}

const accounts = new Map<string, AccountWindow>();

function windowFor(accountKey: string): AccountWindow {
	let state = accounts.get(accountKey);
	if (!state) {
		state = { slots: [], queue: [], timer: undefined, pausedUntil: 0, rtts: [] };
		accounts.set(accountKey, state);
	}
	return state;
}

function pump(state: AccountWindow): void {
	state.timer = undefined;
	while (state.queue.length > 0) {
		const now = Date.now();
		const windowMs = WINDOW_MS + SAFETY_MARGIN_MS;
		const floor = rttFloor(state);
		const dates = new Map<Slot, number>();
		state.slots = state.slots.filter((slot) => {
			const at = arrivalBound(slot, now, floor);
			dates.set(slot, at);
			return now - at < windowMs;
		});
		let waitMs = 0;
		if (now < state.pausedUntil) waitMs = state.pausedUntil - now;
		else if (state.slots.length >= settings.requestsPerSecond) {
			// The oldest date frees first; a slot dated "now" is re-planned when its answer comes.
			waitMs = Math.max(1, Math.min(...state.slots.map((slot) => dates.get(slot)!)) + windowMs - now);
		}
		if (waitMs > 0) {
			state.timer = setTimeout(() => pump(state), waitMs);
			return;
		}
		const slot: Slot = { granted: now };
		state.slots.push(slot);
		const grant = state.queue.shift()!;
		grant(() => {
			if (slot.answered !== undefined) return;
			slot.answered = Date.now();
			state.rtts.push(slot.answered - slot.granted);
			if (state.rtts.length > RTT_SAMPLES) state.rtts.shift();
			// The answer may date the slot earlier than planned: re-plan now.
			if (state.timer) clearTimeout(state.timer);
			pump(state);
		});
	}
}

/**
 * Resolves when this account may start one more request, with the function to call once its
 * answer (or failure) has arrived. Calling it more than once is harmless.
 */
export function acquireSlot(accountKey: string): Promise<() => void> {
	const state = windowFor(accountKey);
	return new Promise((resolve) => {
		state.queue.push(resolve);
		if (!state.timer) pump(state);
	});
}

/** A 429 tells us the server's window is full: hold every request of this account for `ms`. */
export function pauseAccount(accountKey: string, ms: number): void {
	const state = windowFor(accountKey);
	state.pausedUntil = Math.max(state.pausedUntil, Date.now() + ms);
}

/** For tests: forget all accounts. */
export function resetRateLimiter(): void {
	for (const state of accounts.values()) if (state.timer) clearTimeout(state.timer);
	accounts.clear();
}
