import { createHash } from 'crypto';
import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
} from 'n8n-workflow';

import { NetworkError, UpstreamError } from '../shared/errors';
import { normalizeApiBaseUrl } from './baseUrl';
import { pause, processLimiter } from './rateLimiter';
import { defaultSettings, readRequestsPerSecond, type TransportSettings } from './settings';

export const CREDENTIAL_TYPE = 'activeCampaignV3Api';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface ApiRequest {
	method: HttpMethod;
	/** Path below /api/3, e.g. `/contacts/12`. */
	path: string;
	qs?: IDataObject;
	body?: IDataObject;
	/** What a 404 is about, e.g. `Contact 12`, for the message "Contact 12 not found". */
	subject?: string;
	/**
	 * Non-2xx statuses the caller handles itself (e.g. 422 "already exists" on a create, 404 on an
	 * idempotent delete): answered as a response instead of an UpstreamError.
	 */
	acceptStatuses?: readonly number[];
}

export interface ApiResponse<T = any> {
	status: number;
	body: T;
}

/** Where requests go, how they are authenticated and paced, resolved once per item from the credential. */
export interface AccountConnection {
	baseUrl: string;
	/** Rate-limit key: the URL and a one-way hash of the key (the key itself is never stored). */
	accountKey: string;
	/** The credential's "Requests per Second" for this account. */
	requestsPerSecond: number;
	/** This execution's timeouts, retries and wait budget (the node's "Request Settings"). */
	settings: TransportSettings;
	/** Aborts when n8n cancels the execution: waits end, nothing more is sent. */
	signal?: AbortSignal;
	/** Removes the API key from any text that leaves the node. */
	redact(text: string): string;
}

export async function resolveConnection(
	ctx: IExecuteFunctions,
	itemIndex: number,
	settings: TransportSettings = defaultSettings(),
): Promise<AccountConnection> {
	const credentials = await ctx.getCredentials(CREDENTIAL_TYPE, itemIndex);
	const baseUrl = normalizeApiBaseUrl(credentials.apiUrl);
	const apiKey = typeof credentials.apiKey === 'string' ? credentials.apiKey : '';
	const keyHash = createHash('sha256').update(apiKey).digest('hex').slice(0, 16);
	return {
		baseUrl,
		accountKey: `${baseUrl}#${keyHash}`,
		requestsPerSecond: readRequestsPerSecond(credentials.requestsPerSecond),
		settings,
		signal: ctx.getExecutionCancelSignal?.(),
		redact: (text) => redactSecret(text, apiKey),
	};
}

/** Shortest piece of a key worth hiding: shorter runs occur in ordinary text by chance. */
const MIN_SECRET_PIECE = 8;

/**
 * Hides `secret` in `text`: every whole occurrence, and every run of 8 or more of its leading
 * characters, because messages quote values truncated ("got \"abc...\"") and a truncated key
 * is still a leak.
 */
export function redactSecret(text: string, secret: string): string {
	if (secret.length < 4) return text;
	let out = text.split(secret).join('***');
	if (secret.length <= MIN_SECRET_PIECE) return out;
	const head = secret.slice(0, MIN_SECRET_PIECE);
	for (let at = out.indexOf(head); at !== -1; at = out.indexOf(head, at + 3)) {
		let length = MIN_SECRET_PIECE;
		while (length < secret.length && out[at + length] === secret[length]) length++;
		out = `${out.slice(0, at)}***${out.slice(at + length)}`;
	}
	return out;
}

const IDEMPOTENT_METHODS: ReadonlySet<HttpMethod> = new Set(['GET', 'PUT', 'DELETE']);
/** Connection-level failures where the request provably never reached the server. */
const NEVER_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);
const TIMEOUT_CODES = new Set(['ECONNABORTED', 'ETIMEDOUT', 'ESOCKETTIMEDOUT']);

/** Exponential back-off with full jitter: a random wait in [base/2, base * 2^attempt]. */
function backoffMs(settings: TransportSettings, attempt: number): number {
	const ceiling = Math.min(settings.backoffMaxMs, settings.backoffBaseMs * 2 ** attempt);
	return Math.round(ceiling / 2 + Math.random() * (ceiling / 2));
}

/** The server's Retry-After (seconds or an HTTP date) in ms; the back-off base when it sent none. */
function retryAfterMs(settings: TransportSettings, headers: IDataObject | undefined): number {
	const raw = headers?.['retry-after'];
	const text = Array.isArray(raw) ? String(raw[0]) : raw === undefined ? '' : String(raw);
	let ms = NaN;
	if (/^\d+(\.\d+)?$/.test(text.trim())) ms = Number(text) * 1000;
	else if (text) ms = Date.parse(text) - Date.now();
	if (!Number.isFinite(ms) || ms < 0) ms = settings.backoffBaseMs;
	// No cap of our own: the wait budget decides whether a wait this long is worth it.
	return ms;
}

/** Finds the socket/axios error code anywhere in the wrapped error chain n8n builds. */
function findErrorCode(error: unknown, depth = 0): string | undefined {
	if (!error || typeof error !== 'object' || depth > 5) return undefined;
	const candidate = error as { code?: unknown; httpCode?: unknown; cause?: unknown; errorResponse?: unknown; message?: unknown };
	// n8n's NodeApiError keeps the socket code in `httpCode` and drops the original as `cause`.
	for (const code of [candidate.code, candidate.httpCode]) {
		if (typeof code === 'string' && /^E[A-Z_]+$/.test(code)) return code;
	}
	const nested = findErrorCode(candidate.cause, depth + 1) ?? findErrorCode(candidate.errorResponse, depth + 1);
	if (nested) return nested;
	const message = typeof candidate.message === 'string' ? candidate.message : '';
	if (/timeout of \d+ms exceeded|timed out/i.test(message)) return 'ETIMEDOUT';
	if (/socket hang up|closed unexpectedly/i.test(message)) return 'ECONNRESET';
	if (/refused the connection/i.test(message)) return 'ECONNREFUSED';
	return undefined;
}

function describeNetworkFailure(code: string | undefined, settings: TransportSettings): string {
	if (code && TIMEOUT_CODES.has(code)) {
		return `ActiveCampaign did not answer within ${settings.timeoutMs} ms (timeout); the request may be retried`;
	}
	if (code === 'ECONNREFUSED') return 'ActiveCampaign refused the connection (ECONNREFUSED); check the API URL or retry later';
	if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
		return `The API URL's host could not be resolved (${code}): check the API URL in the credential`;
	}
	if (code === 'ECONNRESET' || code === 'EPIPE') {
		return `The connection to ActiveCampaign was reset before an answer arrived (${code}); the request may be retried`;
	}
	return `No answer from ActiveCampaign (${code ?? 'network error'}); the request may be retried`;
}

function parseJson(text: unknown): { ok: true; value: any } | { ok: false } {
	if (text === undefined || text === null) return { ok: true, value: {} };
	if (typeof text === 'object') return { ok: true, value: text };
	const source = String(text);
	if (source.trim() === '') return { ok: true, value: {} };
	try {
		return { ok: true, value: JSON.parse(source) };
	} catch {
		return { ok: false };
	}
}

function upstreamDetail(body: any): string {
	if (!body || typeof body !== 'object') return '';
	if (Array.isArray(body.errors)) {
		const parts = body.errors
			.map((e: any) => [e?.title, e?.detail].filter((s) => typeof s === 'string' && s !== '').join(': '))
			.filter((s: string) => s !== '');
		if (parts.length > 0) return parts.join('; ');
	}
	if (typeof body.message === 'string') return body.message;
	if (typeof body.error === 'string') return body.error;
	return '';
}

/** The friendly text of CONTRACT §2 for an upstream non-2xx answer. */
export function describeUpstreamStatus(
	status: number,
	body: any,
	request: ApiRequest,
	location?: string,
): string {
	const detail = upstreamDetail(body);
	const withDetail = (text: string) => (detail ? `${text} (ActiveCampaign: ${detail})` : text);
	if (status === 401 || status === 403) {
		return withDetail(`API key is invalid or lacks permission (HTTP ${status}): check the API key in the credential`);
	}
	if (status === 404) return withDetail(`${request.subject ?? `Resource ${request.path}`} not found (HTTP 404)`);
	if (status === 422) return `ActiveCampaign rejected the data (HTTP 422): ${detail || 'unprocessable entity'}`;
	if (status === 429) return `Rate limit exceeded (HTTP 429): ActiveCampaign allows 5 requests per second; retry later`;
	if (status >= 300 && status < 400) {
		return `The API URL looks wrong: check the account URL in the credential (HTTP ${status}${location ? ` redirect to ${location}` : ''})`;
	}
	if (status >= 500) {
		return withDetail(`ActiveCampaign failed with HTTP ${status}; the request may be retried later`);
	}
	return withDetail(`ActiveCampaign answered HTTP ${status}`);
}

/** n8n's HTTP helper either answers or fails; both become values, so no error is re-thrown. */
type Settled = { answered: true; response: IN8nHttpFullResponse } | { answered: false; error: unknown };

async function settle(
	ctx: IExecuteFunctions,
	options: IHttpRequestOptions,
): Promise<Settled> {
	return await (ctx.helpers.httpRequestWithAuthentication.call(ctx, CREDENTIAL_TYPE, options) as Promise<IN8nHttpFullResponse>).then(
		(response): Settled => ({ answered: true, response }),
		(error: unknown): Settled => ({ answered: false, error }),
	);
}

/** The item's 429 codes once the wait budget is spent, saying what was waited and what to change. */
function rateLimitGivingUp(body: unknown, waitedMs: number, refusals: number, rate: number): UpstreamError {
	const seconds = (waitedMs / 1000).toFixed(1);
	return new UpstreamError(
		429,
		`Rate limit exceeded (HTTP 429): ActiveCampaign refused this request ${refusals === 1 ? 'once' : `${refusals} times`} over ${seconds} s. ` +
			'Raise "Rate-Limit Wait Budget (Seconds)" under Request Settings to wait longer, or, if other n8n instances or tools use this account, ' +
			`lower "Requests per Second" in the credential (now ${rate})`,
		body,
	);
}

/**
 * The one function through which every request passes: limiter, timeout, no redirects, retries
 * of what is safe to retry, and the mapping of every answer to a value or a typed error.
 *
 * Retry policy:
 * - 429: every method (the server refused it, so nothing was applied), after Retry-After, for as
 *   long as the wait budget lasts (Request Settings); each 429 also cuts this process's share of
 *   the account (see rateLimiter.ts), which is how processes sharing an account settle.
 * - 5xx, timeouts and resets: only GET/PUT/DELETE, at most maxRetries times. A POST that may have
 *   been applied is never repeated, because most ActiveCampaign creates would then make a second
 *   record.
 * - Connection refused / DNS failure: every method, since the request never left this machine.
 */
export async function sendRequest(
	ctx: IExecuteFunctions,
	connection: AccountConnection,
	request: ApiRequest,
	onStatus: (status: number) => void,
): Promise<ApiResponse> {
	const { settings } = connection;
	const idempotent = IDEMPOTENT_METHODS.has(request.method);
	let failures = 0;
	let firstThrottledAt: number | undefined;
	let throttledAnswers = 0;
	for (;;) {
		const grant = await processLimiter.acquire(connection.accountKey, connection.requestsPerSecond, connection.signal, {
			first: throttledAnswers > 0,
		});
		if (!grant) {
			throw new NetworkError('The execution was cancelled before this request was sent; nothing was applied', 0, false);
		}
		const options: IHttpRequestOptions = {
			method: request.method as IHttpRequestMethods,
			url: `${connection.baseUrl}${request.path}`,
			qs: request.qs,
			body: request.body,
			headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
			json: false,
			encoding: 'text',
			timeout: settings.timeoutMs,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			disableFollowRedirect: true,
		};
		const outcome = await settle(ctx, options);
		grant.done();
		if (!outcome.answered) {
			const code = findErrorCode(outcome.error);
			const neverSent = code !== undefined && NEVER_SENT_CODES.has(code);
			if (failures < settings.maxRetries && (idempotent || neverSent) && !connection.signal?.aborted) {
				await pause(backoffMs(settings, failures++), connection.signal);
				continue;
			}
			throw new NetworkError(describeNetworkFailure(code, settings), 0, !neverSent);
		}

		const { response } = outcome;
		const status = response.statusCode;
		onStatus(status);
		if (status === 429) {
			processLimiter.throttled(connection.accountKey, grant.grantedAt);
			const now = Date.now();
			firstThrottledAt ??= now;
			throttledAnswers++;
			const waitMs = retryAfterMs(settings, response.headers as IDataObject);
			const waited = now - firstThrottledAt;
			if (waited + waitMs < settings.rateLimitWaitMs && !connection.signal?.aborted) {
				// A little jitter, so that requests refused together do not come back together.
				await pause(waitMs + Math.round(Math.random() * 100), connection.signal);
				continue;
			}
			const parsed = parseJson(response.body);
			throw rateLimitGivingUp(parsed.ok ? parsed.value : undefined, waited, throttledAnswers, connection.requestsPerSecond);
		}
		if (status >= 500 && idempotent && failures < settings.maxRetries && !connection.signal?.aborted) {
			await pause(backoffMs(settings, failures++), connection.signal);
			continue;
		}
		const parsed = parseJson(response.body);
		if ((status >= 200 && status < 300) || request.acceptStatuses?.includes(status)) {
			if (!parsed.ok) {
				throw new NetworkError(
					`ActiveCampaign answered HTTP ${status} with a body that is not JSON; the request may be retried`,
					status,
				);
			}
			return { status, body: parsed.value };
		}
		const body = parsed.ok ? parsed.value : undefined;
		const location = (response.headers as IDataObject | undefined)?.location;
		throw new UpstreamError(
			status,
			describeUpstreamStatus(status, body, request, typeof location === 'string' ? location : undefined),
			body,
		);
	}
}
