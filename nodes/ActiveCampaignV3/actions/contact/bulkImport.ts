import { sleep, type IDataObject } from 'n8n-workflow';

import type { ApiClient } from '../../framework/apiClient';
import type { BatchItemResult, BatchRunInput } from '../../framework/batch';
import { NetworkError, UpstreamError } from '../../framework/errors';
import { Outcome } from '../../framework/operation';

/**
 * The conversation with ActiveCampaign's bulk import for one batch of contacts:
 * `POST /import/bulk_import` (≤ 250 contacts), then `GET /import/info?batchId=` until the batch is
 * completed, then the imported contacts' records with `GET /contacts?ids=…` in pages of 100.
 */

/** The items' parameters this module needs (validated by the operation's parameter specs). */
export interface BulkContactParams {
	email: string;
	firstName?: string;
	lastName?: string;
	phone?: string;
	tags?: string[];
	subscribeListIds?: number[];
	unsubscribeListIds?: number[];
	fieldValues?: Array<Record<string, unknown>>;
	accountName?: string;
	excludeAutomations?: boolean;
	waitForCompletion?: boolean;
	waitBudget?: number;
}

export const MAX_CONTACTS_PER_IMPORT = 250;
/** ActiveCampaign: "Up to 100 imports may be requested per minute". */
export const IMPORTS_PER_MINUTE = 100;
export const DEFAULT_WAIT_BUDGET_SECONDS = 300;
/** Records per `GET /contacts?ids=` (the API's page size). */
const RECORDS_PER_PAGE = 100;
/** How long "Rate limit exceeded." answers are waited through before the batch is reported. */
const RATE_LIMIT_WAIT_MS = 150_000;
const FIRST_POLL_MS = 500;
const MAX_POLL_MS = 5_000;

type Answer<T> = { ok: true; body: T; status: number } | { ok: false; error: unknown };

/** A request whose failure is a value, so the caller can decide (retry, re-send, report). */
async function attempt<T = any>(api: ApiClient, request: () => Promise<T>): Promise<Answer<T>> {
	return request().then(
		(body) => ({ ok: true as const, body, status: api.lastStatus }),
		(error: unknown) => ({ ok: false as const, error }),
	);
}

/** One contact as the import takes it (field names of ActiveCampaign's bulk import). */
export function importContact(params: BulkContactParams): IDataObject {
	const contact: IDataObject = { email: params.email };
	if (params.firstName !== undefined) contact.first_name = params.firstName;
	if (params.lastName !== undefined) contact.last_name = params.lastName;
	if (params.phone !== undefined) contact.phone = params.phone;
	if (params.tags !== undefined) contact.tags = params.tags;
	if (params.fieldValues !== undefined) {
		contact.fields = params.fieldValues.map((entry) => ({ id: Number(entry.field), value: String(entry.value ?? '') }));
	}
	if (params.subscribeListIds !== undefined) contact.subscribe = params.subscribeListIds.map((id) => ({ listid: String(id) }));
	if (params.unsubscribeListIds !== undefined) contact.unsubscribe = params.unsubscribeListIds.map((id) => ({ listid: String(id) }));
	if (params.accountName !== undefined) contact.customer_acct_name = params.accountName;
	if (params.excludeAutomations !== undefined) contact.exclude_automations = params.excludeAutomations;
	return contact;
}

function isRateLimitRefusal(error: unknown): boolean {
	if (!(error instanceof UpstreamError) || error.status !== 400) return false;
	const body = error.body as { message?: unknown } | undefined;
	return typeof body?.message === 'string' && /rate limit/i.test(body.message);
}

/** `failureReasons` of a refused payload: the contact's index in `contacts` → its reasons. */
function failureReasonsOf(error: unknown): Map<number, string[]> | undefined {
	if (!(error instanceof UpstreamError) || error.status !== 400) return undefined;
	const reasons = (error.body as { failureReasons?: unknown } | undefined)?.failureReasons;
	if (!Array.isArray(reasons)) return undefined;
	const byIndex = new Map<number, string[]>();
	for (const entry of reasons) {
		const index = Number((entry as { contact?: unknown })?.contact);
		const reason = (entry as { failureReason?: unknown })?.failureReason;
		if (!Number.isInteger(index) || typeof reason !== 'string') continue;
		byIndex.set(index, [...(byIndex.get(index) ?? []), reason]);
	}
	return byIndex.size > 0 ? byIndex : undefined;
}

type Sent = { ok: true; batchId: string; status: number } | { ok: false; error: unknown };

/** Sends one import; waits through "Rate limit exceeded." (nothing was queued) like a 429. */
async function sendImport(input: BatchRunInput<BulkContactParams>, contacts: IDataObject[]): Promise<Sent> {
	const deadline = Date.now() + RATE_LIMIT_WAIT_MS;
	for (;;) {
		await input.takeBudget();
		const answer = await attempt(input.api, () => input.api.post('/import/bulk_import', { contacts }));
		if (answer.ok) {
			const batchId = answer.body?.batchId;
			if (typeof batchId === 'string' && batchId !== '') return { ok: true, batchId, status: answer.status };
			return {
				ok: false,
				error: new NetworkError('ActiveCampaign queued the import but sent no batchId; its result cannot be followed', answer.status),
			};
		}
		if (isRateLimitRefusal(answer.error) && Date.now() < deadline) {
			input.budgetExhausted();
			continue;
		}
		return { ok: false, error: answer.error };
	}
}

type BatchOutcome = { kind: 'done'; success: string[]; failure: string[] } | { kind: 'timeout' } | { kind: 'error'; error: unknown };

/** Polls `/import/info` until the batch is completed or the wait budget is spent. */
async function waitForBatch(api: ApiClient, batchId: string, budgetMs: number): Promise<BatchOutcome> {
	const deadline = Date.now() + budgetMs;
	let interval = FIRST_POLL_MS;
	for (;;) {
		const left = deadline - Date.now();
		if (left <= 0) return { kind: 'timeout' };
		await sleep(Math.min(interval, left));
		interval = Math.min(MAX_POLL_MS, Math.round(interval * 1.5));
		const answer = await attempt(api, () => api.get('/import/info', { batchId }));
		if (!answer.ok) return { kind: 'error', error: answer.error };
		if (answer.body?.status === 'completed') {
			const strings = (list: unknown) => (Array.isArray(list) ? list.map((v) => String(v)) : []);
			return { kind: 'done', success: strings(answer.body.success), failure: strings(answer.body.failure) };
		}
	}
}

/** The imported contacts' records, by lower-cased email; only IDs that were asked for count. */
async function fetchRecords(api: ApiClient, ids: string[]): Promise<Answer<Map<string, IDataObject>>> {
	const byEmail = new Map<string, IDataObject>();
	const unique = [...new Set(ids)];
	for (let start = 0; start < unique.length; start += RECORDS_PER_PAGE) {
		const page = unique.slice(start, start + RECORDS_PER_PAGE);
		const wanted = new Set(page);
		const answer = await attempt(api, () => api.get('/contacts', { ids: page.join(','), limit: RECORDS_PER_PAGE }));
		if (!answer.ok) return answer;
		const records: IDataObject[] = Array.isArray(answer.body?.contacts) ? answer.body.contacts : [];
		for (const record of records) {
			if (wanted.has(String(record.id)) && typeof record.email === 'string') byEmail.set(record.email.toLowerCase(), record);
		}
	}
	return { ok: true, body: byEmail, status: api.lastStatus };
}

/** An error whose message says the import was queued (so retrying is a choice, not a must). */
function afterQueued(batchId: string, error: unknown): unknown {
	const prefix = `The contact was queued for import (batch ${batchId}), but its result could not be read`;
	if (error instanceof UpstreamError) return new UpstreamError(error.status, `${prefix}: ${error.message}`, error.body);
	if (error instanceof NetworkError) return new NetworkError(`${prefix}: ${error.message}`, error.status, error.mayHaveBeenApplied);
	return error;
}

/**
 * One batch from payload to per-item results. A payload refused with `failureReasons` fails the
 * contacts it names (with ActiveCampaign's reasons) and re-sends the others once, in a new import.
 */
export async function runImportBatch(input: BatchRunInput<BulkContactParams>, resent = false): Promise<BatchItemResult[]> {
	const { items, api } = input;
	const contacts = items.map((item) => importContact(item.params));
	const sent = await sendImport(input, contacts);
	if (!sent.ok) {
		const reasons = failureReasonsOf(sent.error);
		if (!reasons) return items.map(() => ({ error: sent.error }));
		const results: BatchItemResult[] = items.map((_item, index) => {
			const named = reasons.get(index);
			return named
				? { error: new UpstreamError(400, `ActiveCampaign refused this contact (HTTP 400): ${named.join('; ')}`, undefined) }
				: { error: sent.error };
		});
		const others = items.map((_item, index) => index).filter((index) => !reasons.has(index));
		if (others.length === 0 || resent) return results;
		// Nothing of the refused payload was queued: the contacts it did not name go again, once.
		const again = await runImportBatch({ ...input, items: others.map((index) => items[index]) }, true);
		others.forEach((index, k) => (results[index] = again[k]));
		return results;
	}
	const { batchId } = sent;
	const first = items[0].params;
	if (first.waitForCompletion === false) {
		return items.map(() => ({ data: { batchId, status: 'queued' }, status: sent.status }));
	}
	const budgetMs = (first.waitBudget ?? DEFAULT_WAIT_BUDGET_SECONDS) * 1000;
	const outcome = await waitForBatch(api, batchId, budgetMs);
	if (outcome.kind === 'error') return items.map(() => ({ error: afterQueued(batchId, outcome.error) }));
	if (outcome.kind === 'timeout') {
		const message = `Queued as batch ${batchId}, but ActiveCampaign had not finished it within the wait budget of ${budgetMs / 1000} s; its result was not checked (raise "Wait Budget" under Options, or read GET /import/info?batchId=${batchId})`;
		return items.map(() => ({ data: new Outcome({ batchId, status: 'queued' }, message), status: sent.status }));
	}
	const records = await fetchRecords(api, outcome.success);
	if (!records.ok) return items.map(() => ({ error: afterQueued(batchId, records.error) }));
	const failed = new Set(outcome.failure.map((email) => email.trim().toLowerCase()));
	return items.map((item) => {
		const email = item.params.email.toLowerCase();
		const record = records.body.get(email);
		if (record && !failed.has(email)) {
			return { data: { batchId, contactId: String(record.id), contact: record }, status: sent.status };
		}
		const why = failed.has(email)
			? `ActiveCampaign did not import this contact (batch ${batchId} lists ${item.params.email} under "failure"): check the email address and the contact's data`
			: `Batch ${batchId} completed, but ActiveCampaign reported no contact for ${item.params.email}`;
		return { error: new UpstreamError(200, why, undefined) };
	});
}
