import { configureTransport } from '../../nodes/ActiveCampaignV3/transport/settings';
import { useEmulator } from '../helpers';

/**
 * Items run concurrently, yet a workflow must see what a sequential node would give: outputs in
 * input order, paired, and writes to the same record applied in input order.
 */
describe('concurrent items keep sequential semantics', () => {
	const ac = useEmulator();

	it('applies updates of one record in input order while other records run alongside', async () => {
		configureTransport({ itemConcurrency: 8 });
		const contact = await ac.one('contact', 'create', { email: 'same@example.com' });
		const id = Number((contact.Contact as { contact: { id: string } }).contact.id);
		// The first update meets a 503 and is retried after a back-off: without ordering, the later
		// updates would overtake it and the oldest value would win.
		configureTransport({ backoffBaseMs: 200 });
		ac.emulator.inject({ method: 'PUT', path: `/contacts/${id}`, status: 503 });
		const items = ['First', 'Second', 'Third', 'Fourth'].map((firstName) => ({ firstName }));
		const result = await ac.run('contact', 'update', { contactId: id, options: { firstName: '={{ $json.firstName }}' } }, items);

		expect(result.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }, { item: 3 }]);
		expect(result.json.map((j) => (j.Contact as { firstName: string }).firstName)).toEqual([
			'First',
			'Second',
			'Third',
			'Fourth',
		]);
		expect(ac.emulator.sent('PUT').map((r) => [r.body.contact.firstName, r.status])).toEqual([
			['First', 503],
			['First', 200],
			['Second', 200],
			['Third', 200],
			['Fourth', 200],
		]);
		expect(ac.emulator.db.get('contacts', String(id))?.firstName).toBe('Fourth');
	});

	it('runs items on different records concurrently and still outputs them in input order', async () => {
		configureTransport({ itemConcurrency: 4 });
		for (const email of ['a@example.com', 'b@example.com', 'c@example.com', 'd@example.com']) {
			await ac.one('contact', 'create', { email });
		}
		ac.emulator.inject({ method: 'GET', path: '/contacts/1', latencyMs: 300 });
		const started = Date.now();
		const result = await ac.run('contact', 'get', { contactId: '={{ $json.id }}' }, [1, 2, 3, 4].map((id) => ({ id })));
		const elapsed = Date.now() - started;

		expect(result.json.map((j) => (j.Contact as { email: string }).email)).toEqual([
			'a@example.com',
			'b@example.com',
			'c@example.com',
			'd@example.com',
		]);
		// The slow item did not hold the others back: items 2-4 were sent while item 1 was waiting
		// for its first answer (a sequential node would send item 1's second request first).
		const paths = ac.emulator.sent('GET').map((r) => r.path);
		expect(paths.indexOf('/contacts/1/contactTags')).toBeGreaterThan(paths.indexOf('/contacts/4'));
		expect(paths).toHaveLength(8);
		expect(elapsed).toBeGreaterThanOrEqual(300);
	});
});

describe('a required parameter left empty in the editor', () => {
	const ac = useEmulator();

	it('still lets the workflow run and gives each item a -1 naming the parameter', async () => {
		const result = await ac.run('tag', 'create', { tag: '' }, [{}, {}]);
		expect(result.error).toBeUndefined();
		const expected = {
			Tag: {},
			OriginalStatusCode: 0,
			StatusCode: -1,
			ErrorMessage: '"Tag" (tag) is required: Tag name, e.g. VIP Customer',
		};
		expect(result.json).toEqual([expected, expected]);
		expect(ac.emulator.requests).toEqual([]);
	});
});
