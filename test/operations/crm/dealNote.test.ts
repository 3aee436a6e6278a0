import { success, useEmulator } from '../../helpers';
import {
	POST_503,
	TIMESTAMP,
	call,
	clearLog,
	failed,
	idMessage,
	invalid,
	requiredMessage,
	seedContact,
	seedDeal,
	seedPipeline,
	sent,
	upstream,
} from './support';

type Ac = ReturnType<typeof useEmulator>;

function noteRecord(id: string, dealId: string, note: string) {
	return {
		cdate: TIMESTAMP,
		id,
		links: Object.fromEntries(['activities', 'mentions', 'notes', 'owner', 'user'].map((n) => [n, `/api/3/notes/${id}/${n}`])),
		mdate: TIMESTAMP,
		note,
		owner: { id: dealId, type: 'deal' },
		relid: dealId,
		reltype: 'Deal',
		user: '1',
		userid: '1',
	};
}

/** Deals 1 and 2 in pipeline 1. */
async function seedDeals(ac: Ac) {
	await seedContact(ac, 'jane@example.com');
	await seedPipeline(ac, 'Sales');
	await seedDeal(ac, { title: 'A', contact: 1, value: 1, currency: 'usd', group: 1, stage: 1 });
	await seedDeal(ac, { title: 'B', contact: 1, value: 1, currency: 'usd', group: 1, stage: 1 });
}

const NOTE_HELP =
	'Note text, up to 65,535 characters. Tip: start it with your own unique reference, e.g. [Order-12345], to spot duplicates';

describe('Deal Note: Create a Deal Note', () => {
	const ac = useEmulator();

	it('adds the note to the deal and returns it without the side-loaded deal (201)', async () => {
		await seedDeals(ac);
		const text = '[Order-12345] Follow up next week.\nBring the contract.';
		const out = await ac.one('dealNote', 'create', { dealId: 2, noteText: text });
		expect(out).toEqual(success('Note', noteRecord('1', '2', text), 201));
		expect(sent(ac)).toEqual([{ method: 'POST', path: '/deals/2/notes', query: {}, body: { note: { note: text } } }]);
	});

	it('reports an unknown deal (404)', async () => {
		expect(await ac.one('dealNote', 'create', { dealId: 4, noteText: 'Hi' })).toEqual(
			upstream('Note', 404, 'Deal 4 not found (HTTP 404) (ActiveCampaign: No Result found for Deal with id 4)'),
		);
	});

	it.each([
		[{ dealId: 1, noteText: '={{ "" }}' }, requiredMessage('Note Text', 'noteText', NOTE_HELP)],
		[{ dealId: 1, noteText: 'x'.repeat(65536) }, '"Note Text" (noteText) is too long (65536 characters, at most 65535): shorten it'],
		[{ dealId: 'two', noteText: 'Hi' }, idMessage('Deal ID', 'dealId', '"two"', 'The numeric ID of the deal to add the note to, e.g. 8 (from Get Many Deals)')],
	])('refuses bad input without sending anything (%#)', async (params, message) => {
		expect(await ac.one('dealNote', 'create', params)).toEqual(invalid('Note', message));
		expect(ac.emulator.requests).toEqual([]);
	});

	it('reports a 503 on the create and does not retry it', async () => {
		ac.emulator.inject({ method: 'POST', path: '/deals/1/notes', status: 503 });
		expect(await ac.one('dealNote', 'create', { dealId: 1, noteText: 'Hi' })).toEqual(failed('Note', 503, POST_503));
		expect(ac.emulator.sent('POST', '/deals/1/notes')).toHaveLength(1);
	});
});

describe('Deal Note: Update a Deal Note', () => {
	const ac = useEmulator();

	async function seedNote() {
		await seedDeals(ac);
		await call(ac, 'POST', '/deals/1/notes', { note: { note: 'First' } });
		clearLog(ac);
	}

	it('replaces the note text and returns the note', async () => {
		await seedNote();
		const out = await ac.one('dealNote', 'update', { noteId: 1, dealId: 1, options: { noteText: 'Update with more info' } });
		expect(out).toEqual(success('Note', noteRecord('1', '1', 'Update with more info')));
		expect(sent(ac)).toEqual([
			{ method: 'PUT', path: '/deals/1/notes/1', query: {}, body: { note: { note: 'Update with more info' } } },
		]);
	});

	it('reports a note that is not on that deal (404)', async () => {
		await seedNote();
		expect(await ac.one('dealNote', 'update', { noteId: 1, dealId: 2, options: { noteText: 'X' } })).toEqual(
			upstream('Note', 404, 'Note 1 of deal 2 not found (HTTP 404) (ActiveCampaign: No Result found for Note with id 1)'),
		);
	});

	it.each([
		[{ noteId: 1, dealId: 1 }, '"Note Text" (noteText) is required: add it under "Options" (options) with the new text of the note'],
		[{ noteId: 1, dealId: 1, options: { noteText: '   ' } }, '"Note Text" (noteText) is required: add it under "Options" (options) with the new text of the note'],
		[{ dealId: 1, options: { noteText: 'X' } }, requiredMessage('Note ID', 'noteId', 'The numeric ID of the note to update, e.g. 2 (from Create a Deal Note)')],
	])('refuses bad input without sending anything (%#)', async (params, message) => {
		expect(await ac.one('dealNote', 'update', params)).toEqual(invalid('Note', message));
		expect(ac.emulator.requests).toEqual([]);
	});
});

describe('Deal Note: many items under the real rate limit', () => {
	const ac = useEmulator({ rateLimitPerSecond: 5 });

	it('creates one note per item, each exactly once, paired in input order', async () => {
		await seedDeals(ac);
		const items = Array.from({ length: 8 }, (_, i) => ({ deal: (i % 2) + 1, text: `[Call-${i}] notes` }));
		const result = await ac.run('dealNote', 'create', { dealId: '={{ $json.deal }}', noteText: '={{ $json.text }}' }, items);
		expect(result.json.map((j) => [j.StatusCode, (j.Note as { note: string; relid: string }).note, (j.Note as { relid: string }).relid])).toEqual(
			items.map((item) => [200, item.text, String(item.deal)]),
		);
		expect(result.items.map((i) => i.pairedItem)).toEqual(items.map((_, i) => ({ item: i })));
		expect(ac.emulator.db.count('dealNotes')).toBe(8);
		expect(ac.emulator.requests.filter((r) => r.method === 'POST' && r.status === 201)).toHaveLength(8);
	});
});
