import { settings } from './settings';

/**
 * Sliding-window limiter: at most `requestsPerSecond` request starts in any window of one second
 * (plus a small safety margin for clock and network skew), per account. Unlike a token bucket it
 * never lets a burst exceed the limit as the server measures it.
 *
 * The state lives at module level, so every item, every execution and every node instance in this
 * n8n process that uses the same account shares one budget.
 */
const WINDOW_MS = 1_000;
const SAFETY_MARGIN_MS = 15;

interface AccountWindow {
	starts: number[];
	queue: Array<() => void>;
	timer: NodeJS.Timeout | undefined;
	/** Set by a 429: nobody starts before this instant. */
	pausedUntil: number;
}

const accounts = new Map<string, AccountWindow>();

function windowFor(accountKey: string): AccountWindow {
	let state = accounts.get(accountKey);
	if (!state) {
		state = { starts: [], queue: [], timer: undefined, pausedUntil: 0 };
		accounts.set(accountKey, state);
	}
	return state;
}

function pump(state: AccountWindow): void {
	state.timer = undefined;
	while (state.queue.length > 0) {
		const now = Date.now();
		const windowMs = WINDOW_MS + SAFETY_MARGIN_MS;
		while (state.starts.length > 0 && now - state.starts[0] >= windowMs) state.starts.shift();
		let waitMs = 0;
		if (now < state.pausedUntil) waitMs = state.pausedUntil - now;
		else if (state.starts.length >= settings.requestsPerSecond) {
			waitMs = state.starts[0] + windowMs - now;
		}
		if (waitMs > 0) {
			state.timer = setTimeout(() => pump(state), waitMs);
			return;
		}
		state.starts.push(now);
		const release = state.queue.shift()!;
		release();
	}
}

/** Resolves when this account may start one more request. */
export function acquireSlot(accountKey: string): Promise<void> {
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
