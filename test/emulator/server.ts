import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'http';
import type { AddressInfo, Socket } from 'net';

import { Database } from './database';
import { bulkImportRoutes, configureBulkImport, type BulkImportOptions } from './routes/bulkImport';

/**
 * A stateful, in-memory ActiveCampaign API v3 on 127.0.0.1, written from the public documentation
 * and the API's observed habits: string IDs, `meta.total` as a string, side-loaded arrays, 201 on
 * creates, 404 `{message}`, 422 `{errors: [...]}`, 403 for a bad or missing token, 429 +
 * Retry-After above the rate limit. It knows nothing of the node's code.
 */

export type Query = Record<string, string>;

export interface RouteRequest {
	method: string;
	path: string;
	params: Record<string, string>;
	query: Query;
	body: any;
	token: string;
}

export interface RouteResponse {
	status: number;
	body?: unknown;
	headers?: Record<string, string>;
}

/** Synchronous, except test-only control routes that call out (e.g. delivering a webhook event). */
export type RouteHandler = (req: RouteRequest, db: Database) => RouteResponse | Promise<RouteResponse>;

export interface RecordedRequest {
	method: string;
	path: string;
	query: Query;
	body: any;
	/** The status the emulator answered with (0 when the connection was dropped). */
	status: number;
	/**
	 * When the request arrived (ms since the epoch), as a rate limit counts it. Not enumerable, so
	 * tests comparing whole records with toEqual are unaffected.
	 */
	readonly receivedAt?: number;
}

/** One injected misbehaviour, consumed by matching requests `times` times. */
export interface Fault {
	method?: string;
	/** Exact path below /api/3 (e.g. `/contacts/1`) or a pattern. */
	path?: string | RegExp;
	times?: number;
	/** Answer with this status (and body) instead of handling the request. */
	status?: number;
	body?: unknown;
	headers?: Record<string, string>;
	/**
	 * Drop the connection: `before` without applying anything, `after` after the request was
	 * applied (the client cannot know it succeeded).
	 */
	drop?: 'before' | 'after';
	/** Handle the request normally but send a 2xx body that is not JSON. */
	malformed?: boolean;
	/** Extra latency for this request only. */
	latencyMs?: number;
	/** Never answer (the client must time out). */
	hang?: boolean;
	/**
	 * Handle the request (so it is applied), send the status line, headers and part of the body,
	 * then reset the connection: the client sees a truncated answer.
	 */
	resetMidBody?: boolean;
	/** Only requests for which this returns true match (e.g. one item's email in the body). */
	when?: (request: { method: string; path: string; query: Query; body: any }) => boolean;
}

interface Route {
	method: string;
	pattern: RegExp;
	keys: string[];
	handler: RouteHandler;
}

export interface EmulatorOptions {
	/** Valid API tokens; each has its own rate-limit window. */
	tokens?: string[];
	/** Requests per second per token before 429; `0` turns the limit off. Default 5. */
	rateLimitPerSecond?: number;
	/** Latency added to every answer, in ms. */
	latencyMs?: number;
	/**
	 * Refuse a tag whose name and type exist with 422 "The tag … already exists" (as some accounts
	 * do), instead of creating a duplicate (the default, as others do).
	 */
	refuseDuplicateTags?: boolean;
	/** Route modules to install; all by default. */
	routes?: Array<(emulator: ActiveCampaignEmulator) => void>;
	/** Bulk import: processing delay and imports per minute (routes/bulkImport.ts has the defaults). */
	bulkImport?: Partial<BulkImportOptions>;
}

export const DEFAULT_TOKEN = 'emulator-token-0123456789abcdef';
const API_PREFIX = '/api/3';

function parseQuery(search: URLSearchParams): Query {
	const query: Query = {};
	for (const [key, value] of search) query[key] = value;
	return query;
}

export class ActiveCampaignEmulator {
	readonly db = new Database();
	readonly requests: RecordedRequest[] = [];
	readonly tokens: Set<string>;
	rateLimitPerSecond: number;
	latencyMs: number;
	refuseDuplicateTags: boolean;
	private readonly routes: Route[] = [];
	private faults: Array<Fault & { remaining: number }> = [];
	private readonly windows = new Map<string, number[]>();
	private server: Server | undefined;
	private readonly sockets = new Set<Socket>();
	private port = 0;

	constructor(options: EmulatorOptions = {}) {
		this.tokens = new Set(options.tokens ?? [DEFAULT_TOKEN]);
		this.rateLimitPerSecond = options.rateLimitPerSecond ?? 5;
		this.latencyMs = options.latencyMs ?? 0;
		this.refuseDuplicateTags = options.refuseDuplicateTags ?? false;
		// eslint-disable-next-line @typescript-eslint/no-var-requires
		const install = options.routes ?? (require('./routes') as { allRoutes: Array<(e: ActiveCampaignEmulator) => void> }).allRoutes;
		for (const register of install) register(this);
		if (!options.routes) bulkImportRoutes(this);
		if (options.bulkImport) configureBulkImport(this, options.bulkImport);
	}

	/** `http://127.0.0.1:<port>` — what a user would paste as API URL (without /api/3). */
	get url(): string {
		return `http://127.0.0.1:${this.port}`;
	}

	get apiKey(): string {
		return [...this.tokens][0];
	}

	route(method: string, path: string, handler: RouteHandler): void {
		const keys: string[] = [];
		const pattern = new RegExp(
			`^${path.replace(/:([a-zA-Z]+)/g, (_m, key: string) => {
				keys.push(key);
				return '([^/]+)';
			})}$`,
		);
		this.routes.push({ method, pattern, keys, handler });
	}

	inject(fault: Fault): void {
		this.faults.push({ ...fault, remaining: fault.times ?? 1 });
	}

	clearFaults(): void {
		this.faults = [];
	}

	/** Requests that reached a route (optionally only those of one method and path prefix). */
	sent(method?: string, pathPrefix?: string): RecordedRequest[] {
		return this.requests.filter(
			(r) => (!method || r.method === method) && (!pathPrefix || r.path === pathPrefix || r.path.startsWith(`${pathPrefix}?`)),
		);
	}

	async start(port = 0): Promise<string> {
		this.server = createServer((req, res) => void this.handle(req, res));
		this.server.on('connection', (socket) => {
			this.sockets.add(socket);
			socket.on('close', () => this.sockets.delete(socket));
		});
		await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', resolve));
		this.port = (this.server.address() as AddressInfo).port;
		return this.url;
	}

	async stop(): Promise<void> {
		for (const socket of this.sockets) socket.destroy();
		if (this.server) await new Promise<void>((resolve) => this.server!.close(() => resolve()));
		this.server = undefined;
	}

	private takeFault(method: string, path: string, query: Query = {}, body: any = undefined): (Fault & { remaining: number }) | undefined {
		const fault = this.faults.find(
			(f) =>
				f.remaining > 0 &&
				(!f.method || f.method === method) &&
				(!f.path || (typeof f.path === 'string' ? f.path === path : f.path.test(path))) &&
				(!f.when || f.when({ method, path, query, body })),
		);
		if (fault) {
			fault.remaining -= 1;
			this.faults = this.faults.filter((f) => f.remaining > 0);
		}
		return fault;
	}

	/** Sliding one-second window per token, as ActiveCampaign enforces 5 requests/second. */
	private overLimit(token: string): boolean {
		if (this.rateLimitPerSecond <= 0) return false;
		const now = Date.now();
		const starts = (this.windows.get(token) ?? []).filter((t) => now - t < 1000);
		if (starts.length >= this.rateLimitPerSecond) {
			this.windows.set(token, starts);
			return true;
		}
		starts.push(now);
		this.windows.set(token, starts);
		return false;
	}

	private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const chunks: Buffer[] = [];
		for await (const chunk of req) chunks.push(chunk as Buffer);
		const raw = Buffer.concat(chunks).toString('utf8');
		const url = new URL(req.url ?? '/', 'http://127.0.0.1');
		const method = (req.method ?? 'GET').toUpperCase();
		const fullPath = url.pathname;
		const path = fullPath.startsWith(API_PREFIX) ? fullPath.slice(API_PREFIX.length) || '/' : fullPath;
		const query = parseQuery(url.searchParams);
		let body: any = undefined;
		if (raw !== '') {
			try {
				body = JSON.parse(raw);
			} catch {
				body = raw;
			}
		}
		const record: RecordedRequest = { method, path, query, body, status: 0 };
		Object.defineProperty(record, 'receivedAt', { value: Date.now(), enumerable: false });
		this.requests.push(record);

		const send = async (status: number, payload: unknown, headers: Record<string, string> = {}, latency = 0) => {
			record.status = status;
			const wait = this.latencyMs + latency;
			if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
			const text = typeof payload === 'string' ? payload : payload === undefined ? '' : JSON.stringify(payload);
			res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
			res.end(text);
		};

		const token = String(req.headers['api-token'] ?? '');
		if (!this.tokens.has(token)) {
			return send(403, { message: 'You are not authorized to access this resource' });
		}
		if (this.overLimit(token)) {
			return send(429, { message: 'Too Many Requests' }, { 'Retry-After': '1' });
		}
		if (!fullPath.startsWith(`${API_PREFIX}/`)) {
			return send(404, { message: 'Not Found' });
		}

		const fault = this.takeFault(method, path, query, body);
		if (fault?.hang) return; // never answers: the client's timeout must fire
		if (fault?.drop === 'before') {
			req.socket.destroy();
			return;
		}
		if (fault?.status !== undefined) {
			return send(fault.status, fault.body ?? { message: `Injected HTTP ${fault.status}` }, fault.headers, fault.latencyMs);
		}

		const result = await this.dispatch(method, path, query, body, token);
		if (fault?.drop === 'after') {
			record.status = 0;
			req.socket.destroy();
			return;
		}
		if (fault?.resetMidBody) {
			// The request was applied; the answer starts, then the connection is reset mid-body.
			const text = JSON.stringify(result.body ?? {});
			record.status = 0;
			res.writeHead(result.status, { 'Content-Type': 'application/json', 'Content-Length': String(text.length + 64) });
			res.write(text.slice(0, Math.max(1, Math.floor(text.length / 2))));
			setTimeout(() => req.socket.destroy(), 5);
			return;
		}
		if (fault?.malformed && result.status < 300) {
			return send(result.status, '<html>Service temporarily unavailable</html>', { 'Content-Type': 'text/html' });
		}
		return send(result.status, result.body, result.headers, fault?.latencyMs ?? 0);
	}

	private async dispatch(method: string, path: string, query: Query, body: any, token: string): Promise<RouteResponse> {
		for (const route of this.routes) {
			if (route.method !== method) continue;
			const match = route.pattern.exec(path);
			if (!match) continue;
			const params: Record<string, string> = {};
			route.keys.forEach((key, i) => (params[key] = decodeURIComponent(match[i + 1])));
			try {
				return await route.handler({ method, path, params, query, body: body ?? {}, token }, this.db);
			} catch (error) {
				return { status: 500, body: { message: `Emulator error: ${(error as Error).message}` } };
			}
		}
		return { status: 404, body: { message: 'Not Found' } };
	}
}
