import { configureTransport, defaultSettings } from '../../nodes/ActiveCampaignV3/transport/settings';
import type { Fault } from '../emulator/server';
import { useEmulator } from '../helpers';
import {
	CREATE_PARAMS,
	ITEMS,
	createItems,
	emailOf,
	expectCreated,
	expectPerItemContract,
	failed,
	forEmail,
	hangBound,
	syncPostsOf,
	timed,
} from './kit';

/**
 * Every fault at once, in one 20-item execution, under the real limit on both sides (the
 * emulator answers 429 + Retry-After above 5 requests/second, the client paces itself at 5).
 * Each item draws one kind of fault; the rest go through untouched.
 */
describe('every fault in one execution, real rate limit on both sides', () => {
	const ac = useEmulator({ rateLimitPerSecond: 5 });
	const TIMEOUT_MS = 400;

	it('each item gets its own exact outcome, no POST that may have been applied is repeated, no hang', async () => {
		// A 429 is waited through for up to 30 s (production: 300 s), enough for the storm below.
		configureTransport({ timeoutMs: TIMEOUT_MS, rateLimitWaitMs: 30_000 });
		const url = () => `${ac.emulator.url}/api/3/moved`;
		const plan: Array<{ fault: Omit<Fault, 'when' | 'method'>; stored: boolean; expected: (() => object) | 'created' }> = [
			{ fault: { status: 429, headers: { 'Retry-After': '1' }, times: 2 }, stored: true, expected: 'created' },
			{ fault: { status: 503 }, stored: false, expected: () => failed('Contact', 503, 500, 'ActiveCampaign failed with HTTP 503; the request may be retried later (ActiveCampaign: Injected HTTP 503)') },
			{ fault: { resetMidBody: true }, stored: true, expected: () => failed('Contact', 0, 500, 'No answer from ActiveCampaign (ERR_BAD_RESPONSE); the request may be retried') },
			{ fault: { hang: true }, stored: false, expected: () => failed('Contact', 0, 500, `ActiveCampaign did not answer within ${TIMEOUT_MS} ms (timeout); the request may be retried`) },
			{ fault: { malformed: true }, stored: true, expected: () => failed('Contact', 201, 500, 'ActiveCampaign answered HTTP 201 with a body that is not JSON; the request may be retried') },
			{ fault: { status: 301, headers: { Location: url() }, body: '' }, stored: false, expected: () => failed('Contact', 301, 200, `The API URL looks wrong: check the account URL in the credential (HTTP 301 redirect to ${url()})`) },
			{ fault: { drop: 'before' }, stored: false, expected: () => failed('Contact', 0, 500, 'The connection to ActiveCampaign was reset before an answer arrived (ECONNRESET); the request may be retried') },
			{ fault: { drop: 'after' }, stored: true, expected: () => failed('Contact', 0, 500, 'The connection to ActiveCampaign was reset before an answer arrived (ECONNRESET); the request may be retried') },
			{ fault: { latencyMs: 250 }, stored: true, expected: 'created' },
		];
		// Items 0..8 draw one fault each, items 10..18 draw them again; 9 and 19 are untouched.
		const planOf = (i: number) => plan[i % 10];
		for (let i = 0; i < ITEMS; i++) {
			const entry = planOf(i);
			if (entry) ac.emulator.inject({ ...entry.fault, method: 'POST', when: forEmail(emailOf(i)) } as Fault);
		}

		const { value: result, elapsedMs } = await timed(() => ac.run('contact', 'create', CREATE_PARAMS, createItems()));

		expectPerItemContract(result, ITEMS, 'Contact');
		result.json.forEach((out, i) => {
			const entry = planOf(i);
			if (!entry || entry.expected === 'created') expectCreated(ac.emulator, out, emailOf(i));
			else expect(out).toEqual(entry.expected());
		});
		for (let i = 0; i < ITEMS; i++) {
			const posts = syncPostsOf(ac.emulator, emailOf(i));
			// Refused POSTs (429) may be retried; any other POST is sent at most once.
			expect({ i, applied: posts.mayHaveBeenApplied }).toEqual({ i, applied: 1 });
			const stored = ac.emulator.db.all('contacts').filter((c) => c.email === emailOf(i)).length;
			expect({ i, stored }).toEqual({ i, stored: (planOf(i)?.stored ?? true) ? 1 : 0 });
		}
		expect(
			elapsedMs,
		).toBeLessThan(
			hangBound({
				items: ITEMS,
				requestsPerItem: 1,
				attempts: defaultSettings().maxRetries + 1,
				perAttemptMs: TIMEOUT_MS + 1_000,
				backoffMaxMs: defaultSettings().backoffMaxMs,
				concurrency: defaultSettings().itemConcurrency,
				requestsPerSecond: 5,
			}),
		);
	}, 90_000);
});
