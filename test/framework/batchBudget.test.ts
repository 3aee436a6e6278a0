import { MinuteBudget } from '../../nodes/ActiveCampaignV3/framework/batch';

/**
 * The per-account minute budget of batch operations (100 imports per minute for the bulk import):
 * a sliding minute, waits through n8n's sleep (fake timers here, so the minute passes instantly).
 */
describe('MinuteBudget', () => {
	beforeEach(() => jest.useFakeTimers({ now: new Date('2026-12-02T12:00:00Z') }));
	afterEach(() => jest.useRealTimers());

	/** Resolves `take()` calls one after the other and records when each was granted (ms from start). */
	async function grants(budget: MinuteBudget, count: number, advanceMs: number): Promise<number[]> {
		const start = Date.now();
		const times: number[] = [];
		const all = (async () => {
			for (let i = 0; i < count; i++) {
				await budget.take();
				times.push(Date.now() - start);
			}
		})();
		await jest.advanceTimersByTimeAsync(advanceMs);
		await all;
		return times;
	}

	it('grants perMinute at once, then the next one only when the first is a minute old', async () => {
		const budget = new MinuteBudget(3);
		expect(await grants(budget, 5, 130_000)).toEqual([0, 0, 0, 60_000, 60_000]);
	});

	it('holds grants back 1 s, then 2 s, after the API refused for its own limit', async () => {
		const budget = new MinuteBudget(100);
		await budget.take();
		budget.exhaust();
		const first = await grants(budget, 1, 5_000);
		budget.exhaust();
		const second = await grants(budget, 1, 5_000);
		expect([first, second]).toEqual([[1_000], [2_000]]);
	});
});
