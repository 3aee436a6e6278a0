import { DeliveryMemory, fingerprintEvent, isRepeatDelivery, MAX_REMEMBERED, type SeenDeliveries } from '../../nodes/ActiveCampaignV3Trigger/dedupe';

describe('fingerprintEvent', () => {
	it('is the same for the same event whatever the key order, and differs when any value differs', () => {
		const a = fingerprintEvent({ type: 'subscribe', date_time: 't1', contact: { id: '1', email: 'a@example.com' } });
		const b = fingerprintEvent({ contact: { email: 'a@example.com', id: '1' }, date_time: 't1', type: 'subscribe' });
		expect(a).toBe(b);
		expect(a).toMatch(/^[0-9a-f]{64}$/);
		expect(fingerprintEvent({ type: 'subscribe', date_time: 't2', contact: { id: '1', email: 'a@example.com' } })).not.toBe(a);
		expect(fingerprintEvent({ type: 'subscribe', date_time: 't1', contact: { id: '2', email: 'a@example.com' } })).not.toBe(a);
		// A value moving between levels is another event.
		expect(fingerprintEvent({ a: { b: '1' } })).not.toBe(fingerprintEvent({ 'a.b': '1' }));
	});
});

describe('isRepeatDelivery', () => {
	it('drops a repeat inside the window and lets it through again once the window has passed', () => {
		const seen: SeenDeliveries = [];
		expect(isRepeatDelivery(seen, 'x', 1000, 300000)).toBe(false);
		expect(isRepeatDelivery(seen, 'x', 1000 + 299999, 300000)).toBe(true);
		expect(isRepeatDelivery(seen, 'y', 2000, 300000)).toBe(false);
		expect(seen).toEqual([
			['x', 1000],
			['y', 2000],
		]);
		// x was first seen at 1000: at 301000 the window has passed, so it starts a workflow again.
		expect(isRepeatDelivery(seen, 'x', 301000, 300000)).toBe(false);
		expect(seen).toEqual([
			['y', 2000],
			['x', 301000],
		]);
	});

	it('forgets entries older than the window', () => {
		const seen: SeenDeliveries = [
			['a', 0],
			['b', 10],
			['c', 500],
		];
		expect(isRepeatDelivery(seen, 'd', 510, 500)).toBe(false);
		expect(seen).toEqual([
			['c', 500],
			['d', 510],
		]);
	});

	it(`keeps at most ${MAX_REMEMBERED} fingerprints, dropping the oldest`, () => {
		const seen: SeenDeliveries = [];
		for (let i = 0; i < MAX_REMEMBERED + 5; i++) expect(isRepeatDelivery(seen, `f${i}`, i, 1e9)).toBe(false);
		expect(seen).toHaveLength(MAX_REMEMBERED);
		expect(seen[0]).toEqual(['f5', 5]);
		expect(isRepeatDelivery(seen, 'f4', 2000, 1e9)).toBe(false); // forgotten: bounded memory wins
		expect(isRepeatDelivery(seen, `f${MAX_REMEMBERED + 4}`, 2001, 1e9)).toBe(true);
	});
});

describe('DeliveryMemory (per n8n process)', () => {
	it('gives each webhook its own list and the same list on every call', () => {
		const memory = new DeliveryMemory(3);
		const a = memory.seen('wf1\nTrigger\n1');
		expect(isRepeatDelivery(a, 'x', 0, 1000)).toBe(false);
		expect(memory.seen('wf1\nTrigger\n1')).toBe(a);
		// Another webhook (e.g. re-registered with a new ID) does not share the fingerprints.
		expect(isRepeatDelivery(memory.seen('wf1\nTrigger\n2'), 'x', 1, 1000)).toBe(false);
		expect(isRepeatDelivery(memory.seen('wf1\nTrigger\n1'), 'x', 2, 1000)).toBe(true);
	});

	it('forgets the least recently used webhook beyond its bound', () => {
		const memory = new DeliveryMemory(2);
		memory.seen('a').push(['x', 0]);
		memory.seen('b').push(['y', 0]);
		memory.seen('a'); // a is now the most recent
		memory.seen('c');
		expect(memory.size).toBe(2);
		expect(memory.seen('a')).toEqual([['x', 0]]);
		expect(memory.seen('b')).toEqual([]); // b was dropped and starts empty
	});
});
