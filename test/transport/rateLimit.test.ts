import { acTimestamp } from '../emulator/database';
import { useEmulator } from '../helpers';
import { call } from '../operations/foundation.support';

/**
 * The limiter against the emulator with ActiveCampaign's real limit (5 requests per second per
 * token, sliding window, 429 + Retry-After above it). Only lower bounds on time are asserted.
 */
describe('rate limiting against the real limit of 5 requests/second', () => {
	const ac = useEmulator({ rateLimitPerSecond: 5 });

	/** A tag put straight into the emulator's tables, so no request is spent on fixtures. */
	function insertTag(name: string): void {
		const now = acTimestamp();
		ac.emulator.db.insert('tags', { tagType: 'contact', tag: name, description: '', subscriber_count: '0', cdate: now });
	}

	it('sends 20 GETs of one execution without a single 429, taking at least 3 s', async () => {
		insertTag('VIP');
		const items = Array.from({ length: 20 }, () => ({ id: 1 }));
		const started = Date.now();
		const { json, items: out } = await ac.run('tag', 'get', { tagId: '={{ $json.id }}' }, items);
		const elapsed = Date.now() - started;
		expect(json.map((j) => j.StatusCode)).toEqual(Array(20).fill(200));
		expect(out.map((i) => (i.pairedItem as { item: number }).item)).toEqual(items.map((_, i) => i));
		expect(ac.emulator.requests).toHaveLength(20);
		expect(ac.emulator.requests.filter((r) => r.status === 429)).toHaveLength(0);
		// 5 at once, then 5 more per second: the 16th to 20th cannot start before 3 s.
		expect(elapsed).toBeGreaterThanOrEqual(3000);
	});

	it('shares one budget between two executions running at the same time', async () => {
		insertTag('VIP');
		const items = Array.from({ length: 6 }, () => ({}));
		const started = Date.now();
		const [a, b] = await Promise.all([ac.run('tag', 'get', { tagId: 1 }, items), ac.run('tag', 'get', { tagId: 1 }, items)]);
		const elapsed = Date.now() - started;
		expect([...a.json, ...b.json].map((j) => j.StatusCode)).toEqual(Array(12).fill(200));
		expect(ac.emulator.requests.filter((r) => r.status === 429)).toHaveLength(0);
		expect(elapsed).toBeGreaterThanOrEqual(2000);
	});

	it('waits out a 429 caused by another client of the same account, then succeeds', async () => {
		insertTag('VIP');
		// Someone else spends the whole second's budget.
		await Promise.all(Array.from({ length: 5 }, () => call(ac, 'GET', '/tags/1')));
		const started = Date.now();
		const { json } = await ac.run('tag', 'get', { tagId: 1 });
		const elapsed = Date.now() - started;
		expect(json).toEqual([
			{ Tag: expect.objectContaining({ id: '1', tag: 'VIP' }), OriginalStatusCode: 200, StatusCode: 200, ErrorMessage: '' },
		]);
		const mine = ac.emulator.requests.slice(5).map((r) => r.status);
		expect(mine[0]).toBe(429);
		expect(mine[mine.length - 1]).toBe(200);
		// Retry-After is 1 second.
		expect(elapsed).toBeGreaterThanOrEqual(1000);
	});
});

describe('Retry-After', () => {
	const ac = useEmulator();

	it('is honoured before the request is repeated', async () => {
		ac.emulator.db.insert('tags', { tagType: 'contact', tag: 'VIP', description: '', cdate: acTimestamp() });
		ac.emulator.inject({ method: 'GET', path: '/tags/1', status: 429, headers: { 'Retry-After': '1' }, body: { message: 'Too Many Requests' } });
		const started = Date.now();
		const { json } = await ac.run('tag', 'get', { tagId: 1 });
		const elapsed = Date.now() - started;
		expect(json).toEqual([
			{ Tag: expect.objectContaining({ id: '1', tag: 'VIP' }), OriginalStatusCode: 200, StatusCode: 200, ErrorMessage: '' },
		]);
		expect(ac.emulator.requests.map((r) => r.status)).toEqual([429, 200]);
		expect(elapsed).toBeGreaterThanOrEqual(1000);
	});

	it('repeats even a POST after Retry-After, since a 429 applied nothing', async () => {
		ac.emulator.inject({ method: 'POST', path: '/tags', status: 429, headers: { 'Retry-After': '1' } });
		const started = Date.now();
		const { json } = await ac.run('tag', 'create', { tag: 'Fresh' });
		const elapsed = Date.now() - started;
		expect([json[0].StatusCode, json[0].OriginalStatusCode]).toEqual([200, 201]);
		expect(ac.emulator.requests.map((r) => [r.method, r.status])).toEqual([
			['GET', 200],
			['POST', 429],
			['POST', 201],
		]);
		expect(ac.emulator.db.count('tags')).toBe(1);
		expect(elapsed).toBeGreaterThanOrEqual(1000);
	});
});
