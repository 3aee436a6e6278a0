import type { IDataObject } from 'n8n-workflow';

import { configureBulkImport } from '../emulator/routes/bulkImport';
import { useEmulator } from '../helpers';
import { TIMESTAMP, invalid, jsonError, seedContact, seedList, type Ac } from './foundation.support';

/**
 * Create or Update Contacts in Bulk through n8n's engine against the emulator's bulk import:
 * batches of ≤ 250, per-item -1 validation, a batch refused with failureReasons (the named contact
 * fails, the others are re-sent once), contacts the importer lists under "failure", wait off, and
 * a wait budget that runs out. Every output item is compared whole.
 */

const BATCH_ID = expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
const EMAIL_HELP = 'Email address of the contact, e.g. john.doe@example.com; an existing contact with this email is updated';

const PARAMS: IDataObject = {
	email: '={{ $json.email }}',
	options: {
		firstName: '={{ $json.first }}',
		tags: '={{ $json.tags }}',
		subscribeListIds: '={{ $json.list }}',
		fieldValues: '={{ $json.fields }}',
	},
};

/** The contact record as the emulator's GET /contacts returns it. */
function record(ac: Ac, email: string, firstName: string, lastName = ''): IDataObject {
	const row = ac.emulator.db.all('contacts').find((c) => c.email === email);
	if (!row) throw new Error(`no contact ${email} in the emulator`);
	return {
		cdate: TIMESTAMP,
		email,
		phone: '',
		firstName,
		lastName,
		orgid: '0',
		orgname: '',
		segmentio_id: '',
		bounced_hard: '0',
		bounced_soft: '0',
		deleted: '0',
		anonymized: '0',
		udate: TIMESTAMP,
		created_timestamp: TIMESTAMP,
		updated_timestamp: TIMESTAMP,
		links: {
			contactLists: `https://emulator.api-us1.com/api/3/contacts/${row.id}/contactLists`,
			contactTags: `https://emulator.api-us1.com/api/3/contacts/${row.id}/contactTags`,
			fieldValues: `https://emulator.api-us1.com/api/3/contacts/${row.id}/fieldValues`,
			notes: `https://emulator.api-us1.com/api/3/contacts/${row.id}/notes`,
		},
		id: row.id,
		organization: null,
	};
}

function imported(ac: Ac, batchId: string, email: string, firstName: string, lastName = ''): IDataObject {
	const contact = record(ac, email, firstName, lastName);
	return {
		Contact: { batchId, contactId: contact.id, contact },
		OriginalStatusCode: 200,
		StatusCode: 200,
		ErrorMessage: '',
	};
}

function importsSent(ac: Ac) {
	return ac.emulator.requests.filter((r) => r.method === 'POST' && r.path === '/import/bulk_import');
}

describe('Contact: Create or Update Contacts in Bulk', () => {
	const ac = useEmulator();

	it('600 items: 3 batches, local -1s never sent, a refused batch re-sent without the named contact, importer failures, every output exact', async () => {
		const list = await seedList(ac, 'newsletter');
		// An existing contact is updated, not duplicated.
		const existing = await seedContact(ac, { email: 'bulk010@example.com', firstName: 'Old', lastName: 'Name' });
		const items: IDataObject[] = Array.from({ length: 600 }, (_, i) => ({
			email: `bulk${String(i).padStart(3, '0')}@example.com`,
			first: `First${i}`,
			tags: 'vip, newsletter',
			list: list.id,
			fields: [{ field: '1', value: `v${i}` }],
		}));
		items[5].email = 'not-an-email';
		items[300].email = '';
		items[450].fields = 'not json';
		items[100].email = "o'brien@example.com"; // accepted by the payload check, refused by the importer
		items[260].list = '999'; // no such list: the importer refuses the whole second batch

		const result = await ac.run('contact', 'bulkUpsert', PARAMS, items);
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.pairedItem)).toEqual(items.map((_, i) => ({ item: i })));

		// 597 valid items: 250 + 250 + 97, and the refused second batch once more without item 260.
		const valid = items.map((it, i) => [it, i] as const).filter(([, i]) => ![5, 300, 450].includes(i));
		const chunks = [valid.slice(0, 250), valid.slice(250, 500), valid.slice(500)].map((c) => c.map(([it]) => String(it.email)));
		expect(chunks.map((c) => c.length)).toEqual([250, 250, 97]);
		const sent = importsSent(ac);
		const emailsOf = (r: { body: any }) => r.body.contacts.map((c: IDataObject) => c.email);
		expect(sent.filter((r) => r.status === 400).map(emailsOf)).toEqual([chunks[1]]);
		const accepted = sent.filter((r) => r.status === 200).map(emailsOf);
		const bodies = [chunks[0], chunks[1].filter((e) => e !== 'bulk260@example.com'), chunks[2]];
		expect([...accepted].sort((a, b) => a.length - b.length)).toEqual([bodies[2], bodies[1], bodies[0]]);
		expect(sent).toHaveLength(4);
		expect(sent.find((r) => r.body.contacts[0].email === 'bulk000@example.com')?.body.contacts[0]).toEqual({
			email: 'bulk000@example.com',
			first_name: 'First0',
			tags: ['vip', 'newsletter'],
			fields: [{ id: 1, value: 'v0' }],
			subscribe: [{ listid: list.id }],
		});

		// Which batch each valid item was queued in (from the emulator's answers, in request order).
		const infoIds = [...new Set(ac.emulator.requests.filter((r) => r.path === '/import/info').map((r) => r.query.batchId))];
		expect(infoIds).toHaveLength(3);
		const batchOf = (email: string) => bodies.findIndex((b) => b.includes(email));
		const outputs = result.json;
		expect(outputs).toHaveLength(600);
		const seenBatchIds = new Map<number, string>();
		outputs.forEach((out, i) => {
			const item = items[i];
			if (i === 5) {
				expect(out).toEqual(invalid('Contact', `"Email" (email) is not valid (got "not-an-email"): enter an email address such as john.doe@example.com`));
				return;
			}
			if (i === 300) {
				expect(out).toEqual(invalid('Contact', `"Email" (email) is required: ${EMAIL_HELP}`));
				return;
			}
			if (i === 450) {
				expect(out).toEqual(
					invalid('Contact', `"Field Values" (fieldValues) is not valid JSON (${jsonError('not json')}): enter a JSON array such as [{"field": "1", "value": "Gold"}]`),
				);
				return;
			}
			if (i === 260) {
				expect(out).toEqual({
					Contact: {},
					OriginalStatusCode: 400,
					StatusCode: 200,
					ErrorMessage: 'ActiveCampaign refused this contact (HTTP 400): List with id 999 does not exist',
				});
				return;
			}
			const k = batchOf(String(item.email));
			expect(k).toBeGreaterThanOrEqual(0);
			if (i === 100) {
				expect(out).toEqual({
					Contact: {},
					OriginalStatusCode: 200,
					StatusCode: 200,
					ErrorMessage: `ActiveCampaign did not import this contact (batch ${(outputs[0].Contact as IDataObject).batchId} lists o'brien@example.com under "failure"): check the email address and the contact's data`,
				});
				return;
			}
			const batchId = (out.Contact as IDataObject)?.batchId as string;
			if (!seenBatchIds.has(k)) seenBatchIds.set(k, batchId);
			expect(batchId).toBe(seenBatchIds.get(k));
			expect(out).toEqual(imported(ac, batchId, String(item.email), `First${i}`, i === 10 ? 'Name' : ''));
		});
		expect([...seenBatchIds.values()].sort()).toEqual([...infoIds].sort());
		expect(outputs[10].Contact).toEqual(expect.objectContaining({ contactId: existing.id }));

		// What the importer wrote: 595 contacts (the seeded one updated, not doubled), no duplicates, tags/list/fields.
		const contacts = ac.emulator.db.all('contacts');
		expect(contacts).toHaveLength(595);
		expect(new Set(contacts.map((c) => c.email.toLowerCase())).size).toBe(595);
		const tags = ac.emulator.db.all('tags').map((t) => t.tag).sort();
		expect(tags).toEqual(['newsletter', 'vip']);
		expect(ac.emulator.db.all('contactTags')).toHaveLength(595 * 2);
		expect(ac.emulator.db.all('contactLists').filter((cl) => cl.list === list.id && cl.status === '1')).toHaveLength(595);
		expect(ac.emulator.db.all('fieldValues')).toHaveLength(595);
		// Records were fetched 100 at a time with the ids filter, never one per contact.
		const reads = ac.emulator.requests.filter((r) => r.method === 'GET' && r.path === '/contacts');
		expect(reads.map((r) => r.query.ids.split(',').length).sort((a, b) => a - b)).toEqual([49, 49, 97, 100, 100, 100, 100]);
		expect(ac.emulator.requests.filter((r) => /^\/contacts\/\d+$/.test(r.path))).toEqual([]);
	}, 60_000);

	it('the same email twice: the second item goes in a later batch, after the first is done; both get the contact, the last values win', async () => {
		const items = [
			{ email: 'twice@example.com', first: 'One' },
			{ email: 'once@example.com', first: 'Solo' },
			{ email: 'TWICE@example.com', first: 'Two' },
		];
		const result = await ac.run('contact', 'bulkUpsert', { email: '={{ $json.email }}', options: { firstName: '={{ $json.first }}' } }, items);
		const sent = importsSent(ac).map((r) => r.body.contacts.map((c: IDataObject) => [c.email, c.first_name]));
		expect(sent).toEqual([
			[
				['twice@example.com', 'One'],
				['once@example.com', 'Solo'],
			],
			[['TWICE@example.com', 'Two']],
		]);
		// The second import was sent only after the first batch was reported completed.
		const order = ac.emulator.requests.map((r) => `${r.method} ${r.path}`);
		expect(order.lastIndexOf('POST /import/bulk_import')).toBeGreaterThan(order.indexOf('GET /contacts'));
		expect(ac.emulator.db.all('contacts').map((c) => [c.email, c.firstName])).toEqual([
			['twice@example.com', 'Two'],
			['once@example.com', 'Solo'],
		]);
		const [first, solo, second] = result.json;
		const firstBatch = (first.Contact as IDataObject).batchId as string;
		const secondBatch = (second.Contact as IDataObject).batchId as string;
		expect(secondBatch).not.toBe(firstBatch);
		expect(solo).toEqual(imported(ac, firstBatch, 'once@example.com', 'Solo'));
		expect(second).toEqual(imported(ac, secondBatch, 'twice@example.com', 'Two'));
		// The first item's record is the one its batch produced (read before the second import).
		expect(first).toEqual(imported(ac, firstBatch, 'twice@example.com', 'One'));
		expect((first.Contact as IDataObject).contactId).toBe('1');
	});

	it('Wait for Completion off: every item gets its batch ID and "queued"; ⌈N/250⌉ imports, no polling', async () => {
		const items = Array.from({ length: 501 }, (_, i) => ({ email: `q${i}@example.com` }));
		const result = await ac.run('contact', 'bulkUpsert', { email: '={{ $json.email }}', waitForCompletion: false }, items);
		expect(result.error).toBeUndefined();
		const sent = importsSent(ac);
		expect(sent.map((r) => r.body.contacts.length)).toEqual([250, 250, 1]);
		expect(ac.emulator.requests.filter((r) => r.path !== '/import/bulk_import')).toEqual([]);
		const ids = result.json.map((o) => (o.Contact as IDataObject).batchId);
		expect(new Set(ids.slice(0, 250)).size).toBe(1);
		expect(new Set(ids.slice(250, 500)).size).toBe(1);
		expect(new Set(ids).size).toBe(3);
		result.json.forEach((out, i) =>
			expect(out).toEqual({ Contact: { batchId: ids[i], status: 'queued' }, OriginalStatusCode: 200, StatusCode: 200, ErrorMessage: '' }),
		);
		expect(ids[0]).toEqual(BATCH_ID);
	});

	it('a wait budget that runs out: the batch ID, "queued" and a note saying the result was not checked', async () => {
		configureBulkImport(ac.emulator, { processingDelayMs: 4_000 });
		const items = Array.from({ length: 12 }, (_, i) => ({ email: `slow${i}@example.com` }));
		const started = Date.now();
		const result = await ac.run('contact', 'bulkUpsert', { email: '={{ $json.email }}', options: { waitBudget: 1 } }, items);
		expect(Date.now() - started).toBeLessThan(3_500);
		const batchId = (result.json[0].Contact as IDataObject).batchId as string;
		expect(batchId).toEqual(BATCH_ID);
		expect(result.json).toEqual(
			items.map(() => ({
				Contact: { batchId, status: 'queued' },
				OriginalStatusCode: 200,
				StatusCode: 200,
				ErrorMessage: `Queued as batch ${batchId}, but ActiveCampaign had not finished it within the wait budget of 1 s; its result was not checked (raise "Wait Budget" under Options, or read GET /import/info?batchId=${batchId})`,
			})),
		);
		expect(importsSent(ac)).toHaveLength(1);
		expect(ac.emulator.requests.filter((r) => r.path === '/import/info').length).toBeGreaterThanOrEqual(1);
		expect(ac.emulator.db.all('contacts')).toHaveLength(0);
	});

	it('"Rate limit exceeded." from the import is waited through like a 429 and the batch is sent again (nothing was queued)', async () => {
		ac.emulator.inject({
			method: 'POST',
			path: '/import/bulk_import',
			status: 400,
			body: {
				success: 0,
				message: 'Rate limit exceeded.',
				failureReasons: ['Up to 100 imports may be requested per minute.Please batch contacts into larger requests, or retry this request in a minute.'],
			},
		});
		const result = await ac.run('contact', 'bulkUpsert', { email: '={{ $json.email }}', waitForCompletion: false }, [{ email: 'rl@example.com' }]);
		expect(importsSent(ac).map((r) => r.status)).toEqual([400, 200]);
		expect(result.json).toEqual([
			{ Contact: { batchId: expect.any(String), status: 'queued' }, OriginalStatusCode: 200, StatusCode: 200, ErrorMessage: '' },
		]);
	}, 90_000);
});
