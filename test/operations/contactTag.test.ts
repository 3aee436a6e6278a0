import { success, useEmulator } from '../helpers';
import {
	BAD_IDS,
	KEY_403,
	POST_503,
	contactTagRecord,
	badIdMessage,
	failed,
	invalid,
	seedContact,
	seedTag,
	tagContact,
	upstream,
} from './foundation.support';

describe('Contact Tag: Add a Contact Tag', () => {
	const ac = useEmulator();

	beforeEach(async () => {
		await seedContact(ac, { email: 'a@example.com' });
		await seedContact(ac, { email: 'b@example.com' });
		await seedTag(ac, 'VIP');
		await seedTag(ac, 'Lead');
	});

	it('applies the tag and returns the association (201)', async () => {
		const out = await ac.one('contactTag', 'add', { contactId: 2, tagId: 1 });
		expect(out).toEqual(success('ContactTag', contactTagRecord('1', '2', '1'), 201));
		expect(ac.emulator.requests).toEqual([
			{ method: 'POST', path: '/contactTags', query: {}, body: { contactTag: { contact: 2, tag: 1 } }, status: 201 },
		]);
	});

	it('returns the existing association when the contact already has the tag', async () => {
		await tagContact(ac, '1', '2');
		const out = await ac.one('contactTag', 'add', { contactId: 1, tagId: 2 });
		expect(out).toEqual(success('ContactTag', contactTagRecord('1', '1', '2'), 200));
		expect(ac.emulator.db.count('contactTags')).toBe(1);
	});

	it('returns the existing association when the account answers 422 for a tag the contact has', async () => {
		await tagContact(ac, '1', '2');
		ac.emulator.inject({
			method: 'POST',
			path: '/contactTags',
			status: 422,
			body: { errors: [{ title: 'The contact already has this tag', detail: '' }] },
		});
		const out = await ac.one('contactTag', 'add', { contactId: 1, tagId: 2 });
		expect(out).toEqual(success('ContactTag', contactTagRecord('1', '1', '2'), 200));
		expect(ac.emulator.requests.map((r) => [r.method, r.path, r.status])).toEqual([
			['POST', '/contactTags', 422],
			['GET', '/contacts/1/contactTags', 200],
		]);
	});

	it('reports a 422 that is not about an existing association', async () => {
		ac.emulator.inject({
			method: 'POST',
			path: '/contactTags',
			status: 422,
			body: { errors: [{ title: 'Invalid tag', detail: 'tag is archived' }] },
		});
		const out = await ac.one('contactTag', 'add', { contactId: 1, tagId: 2 });
		expect(out).toEqual(upstream('ContactTag', 422, 'ActiveCampaign rejected the data (HTTP 422): Invalid tag: tag is archived'));
	});

	it('makes one association for the same pair in several items and executions', async () => {
		const items = [{ c: 1 }, { c: 1 }, { c: 2 }];
		const params = { contactId: '={{ $json.c }}', tagId: 1 };
		const first = await ac.run('contactTag', 'add', params, items);
		const second = await ac.run('contactTag', 'add', params, items);
		expect(first.items.map((i) => [i.pairedItem, (i.json.ContactTag as any).contact])).toEqual([
			[{ item: 0 }, '1'],
			[{ item: 1 }, '1'],
			[{ item: 2 }, '2'],
		]);
		expect(second.json.map((j) => [j.StatusCode, j.OriginalStatusCode, (j.ContactTag as any).id])).toEqual([
			[200, 200, first.json[0].ContactTag && (first.json[0].ContactTag as any).id],
			[200, 200, (first.json[0].ContactTag as any).id],
			[200, 200, (first.json[2].ContactTag as any).id],
		]);
		expect(ac.emulator.db.count('contactTags')).toBe(2);
	});

	it('reports an unknown tag as 404', async () => {
		const out = await ac.one('contactTag', 'add', { contactId: 1, tagId: 77 });
		expect(out).toEqual(upstream('ContactTag', 404, 'Contact 1 or tag 77 not found (HTTP 404) (ActiveCampaign: No Result found for Tag with id 77)'));
	});

	it.each(BAD_IDS)('refuses Tag ID %p with -1 and sends nothing', async (value, quoted) => {
		const out = await ac.one('contactTag', 'add', { contactId: 1, tagId: value as never });
		expect(out).toEqual(
			invalid('ContactTag', badIdMessage('Tag ID', 'tagId', quoted, 'The numeric ID of the tag to apply, e.g. 8 (from Get Many Tags)')),
		);
		expect(ac.emulator.requests).toEqual([]);
	});

	it.each(BAD_IDS)('refuses Contact ID %p with -1 and sends nothing', async (value, quoted) => {
		const out = await ac.one('contactTag', 'add', { contactId: value as never, tagId: 1 });
		expect(out).toEqual(
			invalid('ContactTag', badIdMessage('Contact ID', 'contactId', quoted, 'The numeric ID of the contact to tag, e.g. 8')),
		);
		expect(ac.emulator.requests).toEqual([]);
	});

	it('refuses a missing Tag ID with -1', async () => {
		const out = await ac.one('contactTag', 'add', { contactId: 1, tagId: 0 });
		expect(out).toEqual(
			invalid('ContactTag', '"Tag ID" (tagId) is required: The numeric ID of the tag to apply, e.g. 8 (from Get Many Tags)'),
		);
		expect(ac.emulator.requests).toEqual([]);
	});

	it('reports a bad API key as 403', async () => {
		const { json } = await ac.run('contactTag', 'add', { contactId: 1, tagId: 1 }, undefined, { apiKey: 'nope-nope-nope' });
		expect(json).toEqual([upstream('ContactTag', 403, KEY_403)]);
	});

	it('does not retry a POST answered 503', async () => {
		ac.emulator.inject({ method: 'POST', path: '/contactTags', status: 503 });
		const out = await ac.one('contactTag', 'add', { contactId: 1, tagId: 1 });
		expect(out).toEqual(failed('ContactTag', 503, POST_503));
		expect(ac.emulator.requests).toHaveLength(1);
		expect(ac.emulator.db.count('contactTags')).toBe(0);
	});

	it('retries after a 429 and succeeds', async () => {
		ac.emulator.inject({ method: 'POST', path: '/contactTags', status: 429, headers: { 'Retry-After': '0' } });
		const out = await ac.one('contactTag', 'add', { contactId: 1, tagId: 1 });
		expect(out).toEqual(success('ContactTag', contactTagRecord('1', '1', '1'), 201));
		expect(ac.emulator.requests.map((r) => r.status)).toEqual([429, 201]);
	});
});

describe('Contact Tag: Remove a Contact Tag', () => {
	const ac = useEmulator();
	const HELP = 'The ID of the contact-tag association (not the tag ID or contact ID), e.g. "12345"';

	beforeEach(async () => {
		await seedContact(ac, { email: 'a@example.com' });
		await seedTag(ac, 'VIP');
		await seedTag(ac, 'Lead');
		await tagContact(ac, '1', '1');
		await tagContact(ac, '1', '2');
	});

	it('removes the association and says which contact and tag were separated', async () => {
		const out = await ac.one('contactTag', 'remove', { contactTagId: '2' });
		expect(out).toEqual(
			success('RemovedContactTag', { id: '2', contact: '1', tag: '2', deleted: true, message: 'Tag 2 removed from contact 1' }),
		);
		expect(ac.emulator.requests).toEqual([
			{ method: 'GET', path: '/contactTags/2', query: {}, body: undefined, status: 200 },
			{ method: 'DELETE', path: '/contactTags/2', query: {}, body: undefined, status: 200 },
		]);
		expect(ac.emulator.db.all('contactTags').map((r) => r.id)).toEqual(['1']);
	});

	it('reads the association ID from the input item', async () => {
		const { json } = await ac.run('contactTag', 'remove', { contactTagId: '={{ $json.association }}' }, [{ association: 1 }]);
		expect(json).toEqual([
			success('RemovedContactTag', { id: '1', contact: '1', tag: '1', deleted: true, message: 'Tag 1 removed from contact 1' }),
		]);
	});

	it('reports an unknown association as 404 and deletes nothing', async () => {
		const out = await ac.one('contactTag', 'remove', { contactTagId: '9' });
		expect(out).toEqual(
			upstream('RemovedContactTag', 404, 'Contact tag 9 not found (HTTP 404) (ActiveCampaign: No Result found for ContactTag with id 9)'),
		);
		expect(ac.emulator.requests.map((r) => [r.method, r.status])).toEqual([
			['GET', 404],
			['DELETE', 404],
		]);
		expect(ac.emulator.db.count('contactTags')).toBe(2);
	});

	it('still removes the association where the server has no GET /contactTags/{id}', async () => {
		// Such a server answers the read with 404 but deletes fine: the result has the confirmation fields.
		ac.emulator.inject({ method: 'GET', path: '/contactTags/2', status: 404, body: { message: 'Not Found' } });
		const out = await ac.one('contactTag', 'remove', { contactTagId: '2' });
		expect(out).toEqual(success('RemovedContactTag', { id: '2', deleted: true, message: 'Contact tag 2 removed' }));
		expect(ac.emulator.requests.map((r) => [r.method, r.path, r.status])).toEqual([
			['GET', '/contactTags/2', 404],
			['DELETE', '/contactTags/2', 200],
		]);
		expect(ac.emulator.db.all('contactTags').map((r) => r.id)).toEqual(['1']);
	});

	it.each(BAD_IDS)('refuses Contact Tag ID %p with -1 and sends nothing', async (value, quoted) => {
		const out = await ac.one('contactTag', 'remove', { contactTagId: value as never });
		expect(out).toEqual(invalid('RemovedContactTag', badIdMessage('Contact Tag ID', 'contactTagId', quoted, HELP)));
		expect(ac.emulator.requests).toEqual([]);
	});

	it('refuses a Contact Tag ID that an expression leaves empty with -1', async () => {
		// A literal empty value is stopped by n8n itself (required parameter); an expression is not.
		const { json } = await ac.run('contactTag', 'remove', { contactTagId: '={{ $json.missing }}' }, [{ other: 1 }]);
		expect(json).toEqual([invalid('RemovedContactTag', `"Contact Tag ID" (contactTagId) is required: ${HELP}`)]);
		expect(ac.emulator.requests).toEqual([]);
	});

	it('retries a DELETE answered 503 and a GET whose connection dropped', async () => {
		ac.emulator.inject({ method: 'GET', path: '/contactTags/1', drop: 'before' });
		ac.emulator.inject({ method: 'DELETE', path: '/contactTags/1', status: 503 });
		const out = await ac.one('contactTag', 'remove', { contactTagId: 1 });
		expect(out).toEqual(
			success('RemovedContactTag', { id: '1', contact: '1', tag: '1', deleted: true, message: 'Tag 1 removed from contact 1' }),
		);
		expect(ac.emulator.requests.map((r) => [r.method, r.status])).toEqual([
			['GET', 0],
			['GET', 200],
			['DELETE', 503],
			['DELETE', 200],
		]);
	});

	it('reports a bad API key as 403', async () => {
		const { json } = await ac.run('contactTag', 'remove', { contactTagId: 1 }, undefined, { apiKey: 'bad-key-bad-key' });
		expect(json).toEqual([upstream('RemovedContactTag', 403, KEY_403)]);
		expect(ac.emulator.db.count('contactTags')).toBe(2);
	});
});
