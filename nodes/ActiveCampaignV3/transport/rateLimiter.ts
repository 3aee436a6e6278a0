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
 * answered 429). So a slot is dated at the latest moment its request is assumed to arrive: its answer
 * if that came back sooner, else its start plus MAX_SEND_SKEW_MS. Fast answers thus cost nothing, and a
 * slow or hung request delays the next ones by at most MAX_SEND_SKEW_MS.
 *
 * The state lives at module level, so every item, every execution and every node instance in this
 * n8n process that uses the same account shares one budget.
 */
const WINDOW_MS = 1_000;
const SAFETY_MARGIN_MS = 15;
/** Longest time we assume between granting a slot and the request reaching the server. */
const MAX_SEND_SKEW_MS = 100;

interface Slot {
	/** The latest moment the request can have reached the server. */
	at: number;
}

interface AccountWindow {
	slots: Slot[];
	queue: Array<(done: () => void) => void>;
	timer: NodeJS.Timeout | undefined;
	/** Set by a 429: nobody starts before this instant. */
	pausedUntil: number;
}

const accounts = new Map<string, AccountWindow>();

function windowFor(accountKey: string): AccountWindow {
	let state = accounts.get(accountKey);
	if (!state) {
		state = { slots: [], queue: [], timer: undefined, pausedUntil: 0 };
		accounts.set(accountKey, state);
	}
	return state;
}

function pump(state: AccountWindow): void {
	state.timer = undefined;
	while (state.queue.length > 0) {
		const now = Date.now();
		const windowMs = WINDOW_MS + SAFETY_MARGIN_MS;
		state.slots = state.slots.filter((slot) => now - slot.at < windowMs);
		let waitMs = 0;
		if (now < state.pausedUntil) waitMs = state.pausedUntil - now;
		else if (state.slots.length >= settings.requestsPerSecond) {
			waitMs = Math.min(...state.slots.map((slot) => slot.at)) + windowMs - now;
		}
		if (waitMs > 0) {
			state.timer = setTimeout(() => pump(state), waitMs);
			return;
		}
		const slot: Slot = { at: now + MAX_SEND_SKEW_MS };
		state.slots.push(slot);
		const grant = state.queue.shift()!;
		// An answer proves the request arrived no later than now: re-plan with the earlier date.
		grant(() => {
			const answered = Date.now();
			if (answered >= slot.at) return;
			slot.at = answered;
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
