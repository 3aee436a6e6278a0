import { configureBulkImport, pendingImports } from '../emulator/routes/bulkImport';
import { useEmulator } from '../helpers';
import { seedList } from './foundation.support';

/** The emulator's bulk import answers as ActiveCampaign documents it (HTTP straight to the emulator). */
describe('emulator: /import/bulk_import and /import/info', () => {
	const ac = useEmulator();

	async function call(method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> {
		const response = await fetch(`${ac.emulator.url}/api/3${path}`, {
			method,
			headers: { 'Api-Token': ac.emulator.apiKey, 'Content-Type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		return { status: response.status, body: await response.json() };
	}

	const VALIDATION = 'JSON payload did not pass validation. Please fix failure Reasons and retry. The import was not queued for processing.';

	it('refuses a payload with bad contacts as a whole, naming each by its index; nothing is queued', async () => {
		const list = await seedList(ac, 'news');
		const answer = await call('POST', '/import/bulk_import', {
			contacts: [
				{ email: 'ok@example.com', subscribe: [{ listid: list.id }] },
				{ email: 'no at sign' },
				{ first_name: 'No email' },
				{ email: 'x@example.com', subscribe: [{ listid: '999' }], fields: [{ id: 'abc', value: 'v' }] },
			],
		});
		expect(answer).toEqual({
			status: 400,
			body: {
				success: 0,
				message: VALIDATION,
				failureReasons: [
					{ contact: 1, failureReason: "Field 'email' incorrect format" },
					{ contact: 2, failureReason: "Field 'email' is required" },
					{ contact: 3, failureReason: "Field 'fields' needs an integer 'id' and a 'value' for each custom field" },
					{ contact: 3, failureReason: 'List with id 999 does not exist' },
				],
			},
		});
		expect(await call('POST', '/import/bulk_import', { contacts: Array.from({ length: 251 }, (_, i) => ({ email: `c${i}@example.com` })) })).toEqual({
			status: 400,
			body: { success: 0, message: 'Up to 250 contacts may be included in a single request.' },
		});
		expect(pendingImports(ac.emulator)).toBe(0);
		expect(ac.emulator.db.all('contacts')).toEqual([]);
	});

	it('queues, processes after the delay, and reports success IDs and failure emails; 400 without a batchId', async () => {
		configureBulkImport(ac.emulator, { processingDelayMs: 200 });
		const queued = await call('POST', '/import/bulk_import', {
			contacts: [
				{ email: 'a@example.com', first_name: 'A', tags: ['vip'] },
				{ email: "bad'quote@example.com" },
				{ email: 'b@example.com', tags: ['vip', 'new'], customer_acct_name: 'Acme' },
			],
		});
		expect(queued).toEqual({ status: 200, body: { Success: 1, queued_contacts: 3, batchId: expect.any(String), message: 'Contact import queued' } });
		const { batchId } = queued.body;
		expect(await call('GET', `/import/info?batchId=${batchId}`)).toEqual({ status: 200, body: { status: 'waiting', success: [], failure: [] } });
		await new Promise((resolve) => setTimeout(resolve, 400));
		expect(await call('GET', `/import/info?batchId=${batchId}`)).toEqual({
			status: 200,
			body: { status: 'completed', success: ['1', '2'], failure: ["bad'quote@example.com"] },
		});
		expect(ac.emulator.db.all('contacts').map((c) => [c.id, c.email, c.firstName, c.orgid])).toEqual([
			['1', 'a@example.com', 'A', '0'],
			['2', 'b@example.com', '', '1'],
		]);
		expect(ac.emulator.db.all('tags').map((t) => t.tag)).toEqual(['vip', 'new']);
		expect(ac.emulator.db.all('contactTags').map((ct) => [ct.contact, ct.tag])).toEqual([['1', '1'], ['2', '1'], ['2', '2']]);
		expect(await call('GET', '/import/info')).toEqual({ status: 400, body: { success: 0, message: "'batchId' is a required field." } });
	});

	it('accepts at most the configured imports per minute, then answers 400 "Rate limit exceeded." and queues nothing', async () => {
		configureBulkImport(ac.emulator, { importsPerMinute: 2 });
		const one = { contacts: [{ email: 'r@example.com' }] };
		expect((await call('POST', '/import/bulk_import', one)).status).toBe(200);
		expect((await call('POST', '/import/bulk_import', one)).status).toBe(200);
		expect(await call('POST', '/import/bulk_import', one)).toEqual({
			status: 400,
			body: {
				success: 0,
				message: 'Rate limit exceeded.',
				failureReasons: ['Up to 100 imports may be requested per minute.Please batch contacts into larger requests, or retry this request in a minute.'],
			},
		});
		expect(pendingImports(ac.emulator)).toBe(2);
	});
});
