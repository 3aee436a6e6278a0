/**
 * Transport tuning. Production values are the defaults; tests and benchmarks may lower the
 * timeouts and back-off delays (never the rate limit they are measuring) through
 * `configureTransport`, or operators through environment variables.
 */
export interface TransportSettings {
	/** ActiveCampaign's documented limit: 5 requests per second per account. */
	requestsPerSecond: number;
	/** Per-request timeout in milliseconds. */
	timeoutMs: number;
	/** How many times a retryable failure is retried (so at most maxRetries + 1 attempts). */
	maxRetries: number;
	/** First back-off delay; doubles each attempt, with full jitter. */
	backoffBaseMs: number;
	/** Upper bound for any single wait, including a server's Retry-After. */
	backoffMaxMs: number;
	/** Items of one execution processed at the same time (the limiter still caps the rate). */
	itemConcurrency: number;
}

function envNumber(name: string, fallback: number): number {
	const raw = process.env[name];
	if (raw === undefined || raw === '') return fallback;
	const value = Number(raw);
	return Number.isFinite(value) && value > 0 ? value : fallback;
}

export const DEFAULT_SETTINGS: Readonly<TransportSettings> = Object.freeze({
	requestsPerSecond: 5,
	timeoutMs: envNumber('AC_V3_TIMEOUT_MS', 30_000),
	maxRetries: envNumber('AC_V3_MAX_RETRIES', 4),
	backoffBaseMs: envNumber('AC_V3_BACKOFF_BASE_MS', 500),
	backoffMaxMs: envNumber('AC_V3_BACKOFF_MAX_MS', 30_000),
	itemConcurrency: envNumber('AC_V3_ITEM_CONCURRENCY', 8),
});

export const settings: TransportSettings = { ...DEFAULT_SETTINGS };

export function configureTransport(overrides: Partial<TransportSettings>): void {
	Object.assign(settings, overrides);
}

export function resetTransport(): void {
	Object.assign(settings, DEFAULT_SETTINGS);
}
