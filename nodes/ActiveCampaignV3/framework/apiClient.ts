import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { describeUpstreamStatus, sendRequest, type AccountConnection, type ApiRequest, type ApiResponse } from '../transport';
import { mapConcurrent } from './concurrency';
import { countWithoutTotal } from './listTotal';
import { NetworkError, UpstreamError } from './errors';

/** ActiveCampaign's maximum page size. */
export const PAGE_SIZE = 100;
/** Pages of one Return All in flight at once (the limiter still sets the pace). */
const PARALLEL_PAGES = 4;
/** Answers meaning "no such read here" for an optional side read (see getOptional). */
const SIDE_READ_NOT_OFFERED: ReadonlySet<number> = new Set([400, 404, 405, 501]);

export interface ListRequest {
	path: string;
	qs?: IDataObject;
	/** The array in the answer, e.g. `contacts`. */
	listKey: string;
	/** The operation's Return All / Limit / Offset (see paginationParams); defaults false / 100 / 0. */
	page: PageParams;
	/** What a 404 is about, e.g. `Ecommerce order 12` when listing a sub-resource of one record. */
	subject?: string;
}

export interface PageParams {
	returnAll?: boolean;
	limit?: number;
	offset?: number;
}

/** The `Pagination` object of the contract's list outputs. */
export interface Pagination {
	limit: number;
	offset: number;
	total: number;
	hasMore: boolean;
}

export interface ListResult<T = IDataObject> {
	records: T[];
	/**
	 * `meta.total` as a number (the API sends a string). When the answer has none: counted (see
	 * countWithoutTotal), exact where the answers show where the set ends, else a lower bound
	 * with `totalNote` saying so.
	 */
	total: number;
	totalNote?: string;
	limit: number;
	offset: number;
	hasMore: boolean;
	pagination: Pagination;
}

/** `meta.total` as a number, or undefined when the answer has none. */
function totalOf(body: any): number | undefined {
	const raw = body?.meta?.total;
	const total = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : NaN;
	return Number.isFinite(total) ? total : undefined;
}

/**
 * The per-item handle operations use to talk to ActiveCampaign. Every call goes through the one
 * transport; the client remembers the last upstream status for OriginalStatusCode.
 */
export class ApiClient {
	lastStatus = 0;

	constructor(
		private readonly ctx: IExecuteFunctions,
		private readonly connection: AccountConnection,
	) {}

	async request<T = any>(request: ApiRequest): Promise<ApiResponse<T>> {
		return sendRequest(this.ctx, this.connection, request, (status) => (this.lastStatus = status));
	}

	async get<T = any>(path: string, qs?: IDataObject, subject?: string): Promise<T> {
		return (await this.request<T>({ method: 'GET', path, qs, subject })).body;
	}

	/**
	 * A GET whose "this server does not offer that" is not a failure: `undefined` instead, and
	 * OriginalStatusCode keeps the status of the request that matters. For side information a
	 * documented endpoint may lack: servers answer such a path with 404, 405 (only other methods
	 * exist there, e.g. DELETE /contactTags/{id}), 400 or 501. Auth, rate and 5xx failures still count.
	 */
	async getOptional<T = any>(path: string, qs?: IDataObject): Promise<T | undefined> {
		const before = this.lastStatus;
		const response = await this.request<T>({ method: 'GET', path, qs, acceptStatuses: [...SIDE_READ_NOT_OFFERED] });
		if (response.status >= 200 && response.status < 300) return response.body;
		this.lastStatus = before;
		return undefined;
	}

	/**
	 * A read that completes a record already read (a contact's tags, a record's custom field
	 * values). When ActiveCampaign or the connection fails it, the reason comes back instead of a
	 * failure, so the operation can return the record with a note rather than fail the item or pass
	 * off an empty list as "none"; OriginalStatusCode stays that of the record's read. Any other
	 * failure (a defect, a cancelled execution) is the item's failure as usual.
	 */
	async sideRead<T>(read: () => Promise<T>): Promise<{ value: T; reason?: undefined } | { value?: undefined; reason: string }> {
		const before = this.lastStatus;
		const settled = await read().then(
			(value) => ({ value, failure: undefined }),
			(failure: unknown) => ({ value: undefined, failure }),
		);
		this.lastStatus = before;
		if (settled.failure === undefined) return { value: settled.value as T };
		if (settled.failure instanceof UpstreamError || settled.failure instanceof NetworkError) return { reason: settled.failure.message };
		throw settled.failure;
	}

	/**
	 * A request whose listed non-2xx statuses are answers the operation handles (an "already exists"
	 * 422, a 404 on an idempotent delete): they come back as the response, with their status.
	 * `failure(response, request)` turns one into the usual upstream failure when the operation gives up.
	 */
	async attempt<T = any>(request: ApiRequest, acceptStatuses: readonly number[]): Promise<ApiResponse<T>> {
		return this.request<T>({ ...request, acceptStatuses });
	}

	/**
	 * "Find the record by its natural key, else create it", safe across processes. Inside one
	 * process the framework's order key already serializes the look-up and the create; another n8n
	 * process (queue mode) or tool can still create the same record between the two. ActiveCampaign
	 * then refuses the create with 422 ("already exists"): look again, and return what is there as
	 * a success. Only when it is still not found does the 422 become the item's failure.
	 */
	async findOrCreate<T>(find: () => Promise<T | undefined>, create: ApiRequest, created: (body: any) => T): Promise<T> {
		const existing = await find();
		if (existing !== undefined) return existing;
		const response = await this.attempt(create, [422]);
		if (response.status !== 422) return created(response.body);
		const found = await find();
		if (found !== undefined) return found;
		throw this.failure(response, create);
	}

	/** The failure an accepted non-2xx response stands for, worded as the transport words it. */
	failure(response: ApiResponse, request: ApiRequest): UpstreamError {
		return new UpstreamError(response.status, describeUpstreamStatus(response.status, response.body, request), response.body);
	}

	async post<T = any>(path: string, body: IDataObject, subject?: string): Promise<T> {
		return (await this.request<T>({ method: 'POST', path, body, subject })).body;
	}

	async put<T = any>(path: string, body: IDataObject, subject?: string): Promise<T> {
		return (await this.request<T>({ method: 'PUT', path, body, subject })).body;
	}

	async delete<T = any>(path: string, subject?: string): Promise<T> {
		return (await this.request<T>({ method: 'DELETE', path, subject })).body;
	}

	/**
	 * One page (limit/offset) or, with returnAll, every page of 100 from `offset` on. The total
	 * is that of the whole matching set either way.
	 */
	async list<T = IDataObject>(request: ListRequest): Promise<ListResult<T>> {
		const returnAll = request.page.returnAll ?? false;
		const limit = request.page.limit ?? PAGE_SIZE;
		const offset = request.page.offset ?? 0;
		const result = (records: T[], total: number, pageLimit: number, hasMore: boolean): ListResult<T> => ({
			records,
			total,
			limit: pageLimit,
			offset,
			hasMore,
			pagination: { limit: pageLimit, offset, total, hasMore },
		});
		// Only for an answer without meta.total: how many records there are from `start` (up to a page).
		const countAt = async (start: number) => {
			const body = await this.get(request.path, { ...request.qs, limit: PAGE_SIZE, offset: start }, request.subject);
			return Array.isArray(body?.[request.listKey]) ? body[request.listKey].length : 0;
		};
		if (!returnAll) {
			const body = await this.get(request.path, { ...request.qs, limit, offset }, request.subject);
			const records: T[] = Array.isArray(body?.[request.listKey]) ? body[request.listKey] : [];
			const total = totalOf(body);
			if (total !== undefined) return result(records, total, limit, offset + records.length < total);
			const counted = await countWithoutTotal(offset, records.length, limit, PAGE_SIZE, countAt);
			return { ...result(records, counted.total, limit, counted.hasMore), totalNote: counted.note };
		}
		const fetchPage = async (pageOffset: number) => {
			const body = await this.get(request.path, { ...request.qs, limit: PAGE_SIZE, offset: pageOffset }, request.subject);
			const page: T[] = Array.isArray(body?.[request.listKey]) ? body[request.listKey] : [];
			return { page, total: totalOf(body) };
		};
		const first = await fetchPage(offset);
		const records: T[] = [...first.page];
		let total = first.total;
		let next = offset + PAGE_SIZE;
		let lastPage = first.page;
		if (first.page.length === PAGE_SIZE && total !== undefined && next < total) {
			// The first page told us how many there are: request the rest without waiting for each
			// answer, so a slow server does not hold the pace below the rate limit. Order is kept.
			const offsets: number[] = [];
			for (; next < total; next += PAGE_SIZE) offsets.push(next);
			const pages = await mapConcurrent(offsets.length, PARALLEL_PAGES, (i) => fetchPage(offsets[i]));
			for (const { page } of pages) records.push(...page);
			const last = pages[pages.length - 1];
			total = last.total;
			lastPage = last.page;
		}
		// The set grew while we paged, or the answers carry no total to plan with: carry on one page
		// at a time until a short page.
		let more = lastPage.length === PAGE_SIZE && next < (total ?? Infinity);
		while (more) {
			const { page, total: latest } = await fetchPage(next);
			records.push(...page);
			total = latest;
			next += PAGE_SIZE;
			more = page.length === PAGE_SIZE && next < (total ?? Infinity);
		}
		if (total !== undefined) return result(records, total, records.length, false);
		const counted = await countWithoutTotal(offset, records.length, Infinity, PAGE_SIZE, countAt);
		return { ...result(records, counted.total, records.length, false), totalNote: counted.note };
	}

	/**
	 * Pages through a listing until `matches` finds a record. Used for duplicate protection where
	 * the API's filter may be fuzzy or ignored: the exact comparison is always ours.
	 */
	async findFirst<T = IDataObject>(
		path: string,
		listKey: string,
		qs: IDataObject,
		matches: (record: T) => boolean,
	): Promise<T | undefined> {
		for (let offset = 0; ; offset += PAGE_SIZE) {
			const body = await this.get(path, { ...qs, limit: PAGE_SIZE, offset });
			const page: T[] = Array.isArray(body?.[listKey]) ? body[listKey] : [];
			const found = page.find(matches);
			if (found) return found;
			// Without a total, only a short page ends the search.
			const total = totalOf(body) ?? Infinity;
			if (page.length < PAGE_SIZE || offset + page.length >= total) return undefined;
		}
	}

}
