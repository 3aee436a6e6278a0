import type { IDataObject } from 'n8n-workflow';

import type { ActiveCampaignEmulator, RecordedRequest } from '../emulator/server';
import type { RunResult } from '../harness';

/**
 * Shared checks of the fault-injection suite: every mix must keep the per-item contract (one
 * output per input, paired, four keys), never repeat a POST that may have been applied, and
 * finish within a bound derived from the configured timeout.
 */

export const ITEMS = 20;

export const emailOf = (i: number) => `fault.user${i}@example.com`;

/** Input items for Create a Contact: one email per item, read through an expression. */
export const createItems = (n = ITEMS): IDataObject[] => Array.from({ length: n }, (_, i) => ({ email: emailOf(i) }));

export const CREATE_PARAMS = { email: '={{ $json.email }}' };

/** A fault predicate matching the sync POST of one item. */
export const forEmail = (email: string) => (req: { body: any }) => req.body?.contact?.email === email;

/** Seeds `n` contacts with IDs 1..n and returns their IDs. */
export function seedContacts(emulator: ActiveCampaignEmulator, n = ITEMS): number[] {
	const now = '2026-01-01T00:00:00-05:00';
	return Array.from({ length: n }, (_, i) => {
		const row = emulator.db.insert('contacts', {
			email: `seed${i + 1}@example.com`,
			phone: '',
			firstName: `Seed${i + 1}`,
			lastName: '',
			orgid: '0',
			cdate: now,
			udate: now,
		});
		return Number(row.id);
	});
}

/** One output per input, in order, paired, exactly the four standard keys, no workflow error. */
export function expectPerItemContract(result: RunResult, n: number, outputKey: string): void {
	expect(result.error).toBeUndefined();
	expect(result.items).toHaveLength(n);
	result.items.forEach((item, i) => {
		expect(item.pairedItem).toEqual({ item: i });
		expect(Object.keys(item.json)).toEqual([outputKey, 'OriginalStatusCode', 'StatusCode', 'ErrorMessage']);
	});
}

export function requestsTo(emulator: ActiveCampaignEmulator, method: string, path: string): RecordedRequest[] {
	return emulator.requests.filter((r) => r.method === method && r.path === path);
}

/** Sync POSTs per email, split into those the server refused with 429 and all the others. */
export function syncPostsOf(emulator: ActiveCampaignEmulator, email: string) {
	const posts = requestsTo(emulator, 'POST', '/contact/sync').filter((r) => r.body?.contact?.email === email);
	return {
		total: posts.length,
		refused429: posts.filter((r) => r.status === 429).length,
		/** Every POST the server did not refuse with 429 may have been applied. */
		mayHaveBeenApplied: posts.filter((r) => r.status !== 429).length,
	};
}

/** No email was sent in more than one POST that may have been applied, and none was stored twice. */
export function expectNoRepeatedCreate(emulator: ActiveCampaignEmulator, emails: string[]): void {
	for (const email of emails) {
		expect({ email, applied: syncPostsOf(emulator, email).mayHaveBeenApplied }).toEqual({ email, applied: 1 });
	}
	const stored = emulator.db.all('contacts').map((c) => String(c.email).toLowerCase());
	expect(stored.length).toBe(new Set(stored).size);
}

/** A successful Create a Contact output for `email`, checked against what the emulator stored. */
export function expectCreated(emulator: ActiveCampaignEmulator, output: IDataObject, email: string): void {
	const row = emulator.db.all('contacts').find((c) => c.email === email);
	expect(row).toBeDefined();
	expect(output).toEqual({
		Contact: { contact: expect.objectContaining({ id: row!.id, email }), fieldValues: [] },
		OriginalStatusCode: 201,
		StatusCode: 200,
		ErrorMessage: '',
	});
}

export function failed(outputKey: string, originalStatusCode: number, statusCode: number, message: string): IDataObject {
	return { [outputKey]: {}, OriginalStatusCode: originalStatusCode, StatusCode: statusCode, ErrorMessage: message };
}

export async function timed<T>(fn: () => Promise<T>): Promise<{ value: T; elapsedMs: number }> {
	const started = Date.now();
	const value = await fn();
	return { value, elapsedMs: Date.now() - started };
}

/**
 * Hang guard: the longest a run may take if every request of every item used every attempt and
 * every wait (timeout or Retry-After, plus the longest back-off), with items in waves of the
 * item concurrency, plus the limiter's own pace. Generous on purpose: it catches hangs, it does
 * not measure speed.
 */
export function hangBound(options: {
	items: number;
	requestsPerItem: number;
	attempts: number;
	perAttemptMs: number;
	backoffMaxMs: number;
	concurrency: number;
	requestsPerSecond: number;
}): number {
	const waves = Math.ceil(options.items / options.concurrency);
	const perItem = options.requestsPerItem * options.attempts * (options.perAttemptMs + options.backoffMaxMs);
	const pacing = ((options.items * options.requestsPerItem * options.attempts) / options.requestsPerSecond) * 1000;
	return waves * perItem + pacing + 5_000;
}
