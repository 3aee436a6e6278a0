import { ValidationError } from '../shared/errors';

/**
 * How the transport behaves for one execution. The defaults below are production values; a user
 * changes them per node under "Request Settings" (see `readRequestSettings`), the rate per account
 * in the credential ("Requests per Second"). Nothing is read from the environment: n8n's rules for
 * community packages allow settings only through node parameters and credentials.
 */
export interface TransportSettings {
	/** Per-request timeout in milliseconds. */
	timeoutMs: number;
	/** How many times a 5xx / timeout / reset of a safe request is retried (so at most maxRetries + 1 attempts). */
	maxRetries: number;
	/**
	 * How long one request may keep waiting through 429 answers (and the rate limiter's queue) before
	 * its item is reported with the 429 codes. A 429 means nothing was applied, so any method is
	 * retried within this budget.
	 */
	rateLimitWaitMs: number;
	/** First back-off delay; doubles each attempt, with full jitter. */
	backoffBaseMs: number;
	/** Upper bound for any single back-off wait, including a server's Retry-After. */
	backoffMaxMs: number;
	/** Items of one execution processed at the same time (the limiter still caps the rate). */
	itemConcurrency: number;
}

export const DEFAULT_SETTINGS: Readonly<TransportSettings> = Object.freeze({
	timeoutMs: 30_000,
	maxRetries: 4,
	rateLimitWaitMs: 300_000,
	backoffBaseMs: 500,
	backoffMaxMs: 30_000,
	itemConcurrency: 8,
});

/** ActiveCampaign's documented limit: 5 requests per second per account. */
export const DEFAULT_REQUESTS_PER_SECOND = 5;

/**
 * The defaults new executions start from. Production never changes them; the test suites lower
 * timeouts and back-off delays (never the rate limit they measure) through `configureTransport`.
 */
const defaults: TransportSettings = { ...DEFAULT_SETTINGS };

export function configureTransport(overrides: Partial<TransportSettings>): void {
	Object.assign(defaults, overrides);
}

export function resetTransport(): void {
	Object.assign(defaults, DEFAULT_SETTINGS);
}

export function defaultSettings(): TransportSettings {
	return { ...defaults };
}

/** The node's "Request Settings" collection: what a user may tune, with its bounds. */
export const REQUEST_SETTING_FIELDS = {
	timeout: { displayName: 'Timeout (Ms)', min: 1_000, max: 600_000, apply: (s: TransportSettings, v: number) => (s.timeoutMs = v) },
	rateLimitWaitBudget: {
		displayName: 'Rate-Limit Wait Budget (Seconds)',
		min: 0,
		max: 3_600,
		apply: (s: TransportSettings, v: number) => (s.rateLimitWaitMs = v * 1000),
	},
	maxRetries: { displayName: 'Max Retries', min: 0, max: 10, apply: (s: TransportSettings, v: number) => (s.maxRetries = v) },
	itemsInFlight: { displayName: 'Items in Flight', min: 1, max: 50, apply: (s: TransportSettings, v: number) => (s.itemConcurrency = v) },
} as const;

export type RequestSettingName = keyof typeof REQUEST_SETTING_FIELDS;

/**
 * Validates the "Request Settings" collection (`requestSettings`) into transport settings. A value
 * out of range is a -1 naming the setting, like any other parameter: returned, not thrown, because
 * it applies to every item of the execution.
 */
export function readRequestSettings(raw: unknown): TransportSettings | ValidationError {
	const settings = defaultSettings();
	if (raw === undefined || raw === null || raw === '') return settings;
	if (typeof raw !== 'object' || Array.isArray(raw)) {
		return new ValidationError('"Request Settings" (requestSettings) must be a collection of settings: remove it or pick settings from the list');
	}
	for (const [name, value] of Object.entries(raw as Record<string, unknown>)) {
		const field = REQUEST_SETTING_FIELDS[name as RequestSettingName];
		if (!field) continue;
		const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
		if (typeof number !== 'number' || !Number.isInteger(number) || number < field.min || number > field.max) {
			return new ValidationError(
				`"${field.displayName}" (requestSettings.${name}) must be a whole number from ${field.min} to ${field.max} (got ${JSON.stringify(value)}): fix it under "Request Settings"`,
			);
		}
		field.apply(settings, number);
	}
	return settings;
}

/**
 * The credential's "Requests per Second": ActiveCampaign's limit for the account, or the share of
 * it an operator gives this n8n. Empty means the documented default.
 */
export function readRequestsPerSecond(raw: unknown): number {
	if (raw === undefined || raw === null || raw === '') return DEFAULT_REQUESTS_PER_SECOND;
	const value = typeof raw === 'string' ? Number(raw) : raw;
	if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0 || value > 100) {
		throw new ValidationError(
			'Credential "Requests per Second" must be a number above 0 and at most 100 (ActiveCampaign allows 5 per account): fix it in the credential',
		);
	}
	return value;
}
