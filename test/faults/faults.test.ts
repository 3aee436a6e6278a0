import type { IDataObject } from 'n8n-workflow';

import { configureTransport, defaultSettings } from '../../nodes/ActiveCampaignV3/transport/settings';
import { useEmulator } from '../helpers';
import {
	CREATE_PARAMS,
	ITEMS,
	createItems,
	emailOf,
	expectCreated,
	expectNoRepeatedCreate,
	expectPerItemContract,
	failed,
	forEmail,
	hangBound,
	requestsTo,
	seedContacts,
	syncPostsOf,
	timed,
} from './kit';

/**
 * Fault injection, one kind of misbehaviour per block, 20 items per execution. Faults are aimed
 * at chosen items (by email in the POST body, or by contact path) so every output can be
 * asserted exactly. The emulator's own rate limit is off here (faults are injected, not
 * provoked); `combined.test.ts` runs every fault at once under the real limit on both sides.
 *
 * Except in the 429 block (where a 429 is waited through for up to 60 s, the wait budget), the
 * client limiter is raised to 50 requests/second: these blocks test
 * what the transport does with a broken answer, not the pace, and 20 items at 5/s would make the
 * suite several times slower without covering anything more.
 */

const RESET_MESSAGE = 'The connection to ActiveCampaign was reset before an answer arrived (ECONNRESET); the request may be retried';
// A truncated answer surfaces from the HTTP client as ERR_BAD_RESPONSE ("aborted"), not as ECONNRESET.
const CUT_OFF_MESSAGE = 'No answer from ActiveCampaign (ERR_BAD_RESPONSE); the request may be retried';
/** The 429 message once the wait budget is spent, e.g. gaveUp('once over 0.0 s'). */
const gaveUp = (what: string) =>
	`Rate limit exceeded (HTTP 429): ActiveCampaign refused this request ${what}. Raise "Rate-Limit Wait Budget (Seconds)" under Request Settings to wait longer, or, if other n8n instances or tools use this account, lower "Requests per Second" in the credential (now 5)`;
const server503 = 'ActiveCampaign failed with HTTP 503; the request may be retried later (ActiveCampaign: Injected HTTP 503)';

const emails = Array.from({ length: ITEMS }, (_, i) => emailOf(i));
const updateItems = (ids: number[]): IDataObject[] => ids.map((id) => ({ id, name: `Renamed${id}` }));
const UPDATE_PARAMS = { contactId: '={{ $json.id }}', options: { firstName: '={{ $json.name }}' } };

function expectUpdated(output: IDataObject, id: number): void {
	expect(output).toEqual({
		Contact: expect.objectContaining({ id: String(id), firstName: `Renamed${id}`, fieldValues: [] }),
		OriginalStatusCode: 200,
		StatusCode: 200,
		ErrorMessage: '',
	});
}

/** The client's configured rate in the running test (the credential's Requests per Second). */
let clientRate = 5;
beforeEach(() => {
	clientRate = 5;
});

function bound(perAttemptMs: number, requestsPerItem = 1): number {
	return hangBound({
		items: ITEMS,
		requestsPerItem,
		attempts: defaultSettings().maxRetries + 1,
		perAttemptMs,
		backoffMaxMs: defaultSettings().backoffMaxMs,
		concurrency: defaultSettings().itemConcurrency,
		requestsPerSecond: clientRate,
	});
}

describe('429 storms (real client limit: 5 requests/second)', () => {
	const ac = useEmulator();
	/** Long enough for every storm below; a 429 fails an item only once this is spent. */
	const BUDGET_MS = 60_000;
	beforeEach(() => configureTransport({ rateLimitWaitMs: BUDGET_MS }));

	it('retries every refused POST after Retry-After within the wait budget; a Retry-After beyond the budget gives up at once', async () => {
		// Items 0-4: three 429s each, then accepted. Item 5: told to come back after the budget.
		for (let i = 0; i < 5; i++) {
			ac.emulator.inject({ method: 'POST', when: forEmail(emailOf(i)), status: 429, headers: { 'Retry-After': '1' }, body: { message: 'Too Many Requests' }, times: 3 });
		}
		ac.emulator.inject({ method: 'POST', when: forEmail(emailOf(5)), status: 429, headers: { 'Retry-After': '61' }, body: { message: 'Too Many Requests' }, times: 99 });
		const { value: result, elapsedMs } = await timed(() => ac.run('contact', 'create', CREATE_PARAMS, createItems()));

		expectPerItemContract(result, ITEMS, 'Contact');
		result.json.forEach((out, i) => {
			if (i === 5) expect(out).toEqual(failed('Contact', 429, 200, gaveUp('once over 0.0 s')));
			else expectCreated(ac.emulator, out, emailOf(i));
		});
		for (let i = 0; i < 5; i++) expect(syncPostsOf(ac.emulator, emailOf(i))).toEqual({ total: 4, refused429: 3, mayHaveBeenApplied: 1 });
		expect(syncPostsOf(ac.emulator, emailOf(5))).toEqual({ total: 1, refused429: 1, mayHaveBeenApplied: 0 });
		expectNoRepeatedCreate(ac.emulator, emails.filter((_, i) => i !== 5));
		expect(ac.emulator.db.count('contacts')).toBe(ITEMS - 1);
		expect(elapsedMs).toBeLessThan(BUDGET_MS);
	}, 90_000);

	it('a storm on every request of a PUT batch: every item is waited through and updated', async () => {
		const ids = seedContacts(ac.emulator);
		ac.emulator.inject({ method: 'PUT', status: 429, headers: { 'Retry-After': '0' }, times: 20 });
		const result = await ac.run('contact', 'update', UPDATE_PARAMS, updateItems(ids));

		expectPerItemContract(result, ITEMS, 'Contact');
		result.json.forEach((out, i) => expectUpdated(out, ids[i]));
		const refusedPerItem = ids.map((id) => requestsTo(ac.emulator, 'PUT', `/contacts/${id}`).filter((r) => r.status === 429).length);
		expect(refusedPerItem.reduce((a, b) => a + b, 0)).toBe(20);
		// Each item was accepted exactly once, after its refusals.
		for (const id of ids) expect(requestsTo(ac.emulator, 'PUT', `/contacts/${id}`).filter((r) => r.status === 200)).toHaveLength(1);
	}, 90_000);

	it('a 429 that outlasts the wait budget gives the item the 429 codes and says what to change', async () => {
		configureTransport({ rateLimitWaitMs: 1_500 });
		ac.emulator.inject({ method: 'PUT', path: '/contacts/1', status: 429, headers: { 'Retry-After': '1' }, times: 99 });
		const ids = seedContacts(ac.emulator);
		const result = await ac.run('contact', 'update', UPDATE_PARAMS, updateItems(ids.slice(0, 1)));
		// Refused at 0 s and after the 1 s Retry-After; a third wait would pass 1.5 s.
		expect(requestsTo(ac.emulator, 'PUT', '/contacts/1').map((r) => r.status)).toEqual([429, 429]);
		expect(result.json).toEqual([failed('Contact', 429, 200, expect.stringMatching(/^Rate limit exceeded \(HTTP 429\): ActiveCampaign refused this request 2 times over 1\.[01] s\. /))]);
		expect(result.json[0].ErrorMessage).toBe(gaveUp(`2 times over ${/over (1\.[01]) s/.exec(String(result.json[0].ErrorMessage))![1]} s`));
	}, 30_000);
});

describe('503 bursts', () => {
	const ac = useEmulator();
	beforeEach(() => {
		clientRate = ac.requestsPerSecond = 50;
	});

	it('never repeats a POST after a 503 (it may have been applied), and reports 500 / 503', async () => {
		for (let i = 0; i < 4; i++) ac.emulator.inject({ method: 'POST', when: forEmail(emailOf(i)), status: 503 });
		const result = await ac.run('contact', 'create', CREATE_PARAMS, createItems());

		expectPerItemContract(result, ITEMS, 'Contact');
		result.json.forEach((out, i) => {
			if (i < 4) expect(out).toEqual(failed('Contact', 503, 500, server503));
			else expectCreated(ac.emulator, out, emailOf(i));
		});
		for (const email of emails) expect(syncPostsOf(ac.emulator, email).total).toBe(1);
		expectNoRepeatedCreate(ac.emulator, emails.slice(4));
	});

	it('retries a PUT through a short burst and gives up on a long one', async () => {
		const ids = seedContacts(ac.emulator);
		ac.emulator.inject({ method: 'PUT', path: '/contacts/3', status: 503, times: 2 });
		ac.emulator.inject({ method: 'PUT', path: '/contacts/4', status: 503, times: 99 });
		const { value: result, elapsedMs } = await timed(() => ac.run('contact', 'update', UPDATE_PARAMS, updateItems(ids)));

		expectPerItemContract(result, ITEMS, 'Contact');
		result.json.forEach((out, i) => {
			if (ids[i] === 4) expect(out).toEqual(failed('Contact', 503, 500, server503));
			else expectUpdated(out, ids[i]);
		});
		expect(requestsTo(ac.emulator, 'PUT', '/contacts/3')).toHaveLength(3);
		expect(requestsTo(ac.emulator, 'PUT', '/contacts/4')).toHaveLength(defaultSettings().maxRetries + 1);
		expect(requestsTo(ac.emulator, 'PUT', '/contacts/5')).toHaveLength(1);
		expect(elapsedMs).toBeLessThan(bound(0));
	});

	it('retries a GET (Get a Contact) through a burst', async () => {
		const ids = seedContacts(ac.emulator);
		ac.emulator.inject({ method: 'GET', path: '/contacts/7', status: 503, times: 3 });
		const result = await ac.run('contact', 'get', { contactId: '={{ $json.id }}' }, ids.map((id) => ({ id })));

		expectPerItemContract(result, ITEMS, 'Contact');
		result.json.forEach((out, i) => {
			expect(out).toEqual({
				Contact: expect.objectContaining({ id: String(ids[i]), email: `seed${ids[i]}@example.com`, tags: [] }),
				OriginalStatusCode: 200,
				StatusCode: 200,
				ErrorMessage: '',
			});
		});
		expect(requestsTo(ac.emulator, 'GET', '/contacts/7')).toHaveLength(4);
	});
});

describe('connection reset mid-response', () => {
	const ac = useEmulator();
	beforeEach(() => {
		clientRate = ac.requestsPerSecond = 50;
	});

	it('a POST whose answer is cut off is applied once and reported as 500 / 0', async () => {
		for (let i = 0; i < 3; i++) ac.emulator.inject({ method: 'POST', when: forEmail(emailOf(i)), resetMidBody: true });
		const result = await ac.run('contact', 'create', CREATE_PARAMS, createItems());

		expectPerItemContract(result, ITEMS, 'Contact');
		result.json.forEach((out, i) => {
			if (i < 3) expect(out).toEqual(failed('Contact', 0, 500, CUT_OFF_MESSAGE));
			else expectCreated(ac.emulator, out, emailOf(i));
		});
		expectNoRepeatedCreate(ac.emulator, emails);
		expect(ac.emulator.db.count('contacts')).toBe(ITEMS);
	});

	it('a PUT whose answer is cut off is retried', async () => {
		const ids = seedContacts(ac.emulator);
		ac.emulator.inject({ method: 'PUT', path: '/contacts/2', resetMidBody: true, times: 2 });
		ac.emulator.inject({ method: 'PUT', path: '/contacts/5', resetMidBody: true, times: 99 });
		const { value: result, elapsedMs } = await timed(() => ac.run('contact', 'update', UPDATE_PARAMS, updateItems(ids)));

		expectPerItemContract(result, ITEMS, 'Contact');
		result.json.forEach((out, i) => {
			if (ids[i] === 5) expect(out).toEqual(failed('Contact', 0, 500, CUT_OFF_MESSAGE));
			else expectUpdated(out, ids[i]);
		});
		expect(requestsTo(ac.emulator, 'PUT', '/contacts/2')).toHaveLength(3);
		expect(requestsTo(ac.emulator, 'PUT', '/contacts/5')).toHaveLength(defaultSettings().maxRetries + 1);
		expect(elapsedMs).toBeLessThan(bound(0));
	});
});

describe('timeouts', () => {
	const ac = useEmulator();
	const TIMEOUT_MS = 300;
	const TIMEOUT_MESSAGE = `ActiveCampaign did not answer within ${TIMEOUT_MS} ms (timeout); the request may be retried`;
	beforeEach(() => {
		clientRate = ac.requestsPerSecond = 50;
		configureTransport({ timeoutMs: TIMEOUT_MS });
	});

	it('a POST that never gets an answer times out once and is not repeated', async () => {
		for (let i = 0; i < 2; i++) ac.emulator.inject({ method: 'POST', when: forEmail(emailOf(i)), hang: true });
		const { value: result, elapsedMs } = await timed(() => ac.run('contact', 'create', CREATE_PARAMS, createItems()));

		expectPerItemContract(result, ITEMS, 'Contact');
		result.json.forEach((out, i) => {
			if (i < 2) expect(out).toEqual(failed('Contact', 0, 500, TIMEOUT_MESSAGE));
			else expectCreated(ac.emulator, out, emailOf(i));
		});
		for (const email of emails) expect(syncPostsOf(ac.emulator, email).total).toBe(1);
		expect(elapsedMs).toBeLessThan(bound(TIMEOUT_MS));
	});

	it('a PUT that times out is retried, and gives up after the last attempt', async () => {
		const ids = seedContacts(ac.emulator);
		ac.emulator.inject({ method: 'PUT', path: '/contacts/3', hang: true, times: 2 });
		ac.emulator.inject({ method: 'PUT', path: '/contacts/6', hang: true, times: 99 });
		const { value: result, elapsedMs } = await timed(() => ac.run('contact', 'update', UPDATE_PARAMS, updateItems(ids)));

		expectPerItemContract(result, ITEMS, 'Contact');
		result.json.forEach((out, i) => {
			if (ids[i] === 6) expect(out).toEqual(failed('Contact', 0, 500, TIMEOUT_MESSAGE));
			else expectUpdated(out, ids[i]);
		});
		expect(requestsTo(ac.emulator, 'PUT', '/contacts/3')).toHaveLength(3);
		expect(requestsTo(ac.emulator, 'PUT', '/contacts/6')).toHaveLength(defaultSettings().maxRetries + 1);
		// Five attempts of 300 ms plus back-off: far below the bound, and far below jest's timeout.
		expect(elapsedMs).toBeLessThan(bound(TIMEOUT_MS));
	});
});

describe('malformed JSON', () => {
	const ac = useEmulator();
	beforeEach(() => {
		clientRate = ac.requestsPerSecond = 50;
	});

	it('a 2xx POST answer that is not JSON: applied once, reported as 500 with the unreadable status', async () => {
		for (let i = 0; i < 3; i++) ac.emulator.inject({ method: 'POST', when: forEmail(emailOf(i)), malformed: true });
		const result = await ac.run('contact', 'create', CREATE_PARAMS, createItems());

		expectPerItemContract(result, ITEMS, 'Contact');
		result.json.forEach((out, i) => {
			if (i < 3) {
				expect(out).toEqual(
					failed('Contact', 201, 500, 'ActiveCampaign answered HTTP 201 with a body that is not JSON; the request may be retried'),
				);
			} else expectCreated(ac.emulator, out, emailOf(i));
		});
		expectNoRepeatedCreate(ac.emulator, emails);
	});

	it('a 2xx GET answer that is not JSON is reported, the other items are unaffected', async () => {
		const ids = seedContacts(ac.emulator);
		ac.emulator.inject({ method: 'GET', path: '/contacts/4', malformed: true });
		const result = await ac.run('contact', 'get', { contactId: '={{ $json.id }}' }, ids.map((id) => ({ id })));

		expectPerItemContract(result, ITEMS, 'Contact');
		result.json.forEach((out, i) => {
			if (ids[i] === 4) {
				expect(out).toEqual(
					failed('Contact', 200, 500, 'ActiveCampaign answered HTTP 200 with a body that is not JSON; the request may be retried'),
				);
			} else expect(out).toEqual(expect.objectContaining({ StatusCode: 200, OriginalStatusCode: 200, ErrorMessage: '' }));
		});
	});
});

describe('301 redirects', () => {
	const ac = useEmulator();
	beforeEach(() => {
		clientRate = ac.requestsPerSecond = 50;
	});

	it('are never followed, for POST or GET, and say the API URL looks wrong', async () => {
		const target = () => `${ac.emulator.url}/api/3/moved`;
		for (let i = 0; i < 5; i++) {
			ac.emulator.inject({ method: 'POST', when: forEmail(emailOf(i)), status: 301, headers: { Location: target() }, body: '' });
		}
		const result = await ac.run('contact', 'create', CREATE_PARAMS, createItems());

		expectPerItemContract(result, ITEMS, 'Contact');
		const redirected = `The API URL looks wrong: check the account URL in the credential (HTTP 301 redirect to ${target()})`;
		result.json.forEach((out, i) => {
			if (i < 5) expect(out).toEqual(failed('Contact', 301, 200, redirected));
			else expectCreated(ac.emulator, out, emailOf(i));
		});
		for (const email of emails) expect(syncPostsOf(ac.emulator, email).total).toBe(1);

		ac.emulator.inject({ method: 'GET', path: '/contacts/1', status: 301, headers: { Location: target() }, body: '' });
		const get = await ac.run('contact', 'get', { contactId: 1 });
		expect(get.json).toEqual([failed('Contact', 301, 200, redirected)]);
		expect(requestsTo(ac.emulator, 'GET', '/contacts/1')).toHaveLength(1);
		expect(ac.emulator.requests.filter((r) => r.path === '/moved')).toEqual([]);
	});
});

describe('a server that closes the connection before answering a POST', () => {
	const ac = useEmulator();
	beforeEach(() => {
		clientRate = ac.requestsPerSecond = 50;
	});

	it('whether or not the POST was applied, it is sent once and reported as 500 / 0', async () => {
		for (let i = 0; i < 3; i++) ac.emulator.inject({ method: 'POST', when: forEmail(emailOf(i)), drop: 'before' });
		for (let i = 3; i < 6; i++) ac.emulator.inject({ method: 'POST', when: forEmail(emailOf(i)), drop: 'after' });
		const result = await ac.run('contact', 'create', CREATE_PARAMS, createItems());

		expectPerItemContract(result, ITEMS, 'Contact');
		result.json.forEach((out, i) => {
			if (i < 6) expect(out).toEqual(failed('Contact', 0, 500, RESET_MESSAGE));
			else expectCreated(ac.emulator, out, emailOf(i));
		});
		for (const email of emails) expect(syncPostsOf(ac.emulator, email).total).toBe(1);
		// Dropped before: nothing stored. Dropped after: stored exactly once.
		expect(ac.emulator.db.count('contacts')).toBe(ITEMS - 3);
		expectNoRepeatedCreate(ac.emulator, emails.slice(3));
	});

	it('Add a Contact Tag: a dropped POST is not repeated, the tag is applied at most once', async () => {
		const ids = seedContacts(ac.emulator);
		ac.emulator.db.insert('tags', { tag: 'vip', tagType: 'contact', description: '', cdate: '2026-01-01T00:00:00-05:00' });
		ac.emulator.inject({ method: 'POST', path: '/contactTags', when: (r) => String(r.body?.contactTag?.contact) === '2', drop: 'after' });
		ac.emulator.inject({ method: 'POST', path: '/contactTags', when: (r) => String(r.body?.contactTag?.contact) === '3', drop: 'before' });
		const result = await ac.run('contactTag', 'add', { contactId: '={{ $json.id }}', tagId: 1 }, ids.map((id) => ({ id })));

		expectPerItemContract(result, ITEMS, 'ContactTag');
		result.json.forEach((out, i) => {
			if (ids[i] === 2 || ids[i] === 3) expect(out).toEqual(failed('ContactTag', 0, 500, RESET_MESSAGE));
			else {
				expect(out).toEqual({
					ContactTag: expect.objectContaining({ contact: String(ids[i]), tag: '1' }),
					OriginalStatusCode: 201,
					StatusCode: 200,
					ErrorMessage: '',
				});
			}
		});
		for (const id of ids) {
			const posts = requestsTo(ac.emulator, 'POST', '/contactTags').filter((r) => String(r.body?.contactTag?.contact) === String(id));
			expect(posts).toHaveLength(1);
		}
		const stored = ac.emulator.db.all('contactTags').map((ct) => ct.contact);
		expect(stored.sort()).toEqual(ids.filter((id) => id !== 3).map(String).sort());
	});
});
