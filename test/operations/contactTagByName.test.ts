import { success, useEmulator } from '../helpers';
import { contactTagRecord, invalid, seedContact, seedTag, tagContact } from './foundation.support';

/**
 * Contact tags by what users know (issue 11 item 3): Add a Contact Tag by tag name (optionally
 * creating the tag), Remove a Contact Tag by contact + tag. Both are options; the IDs stay the
 * contract's way and win when given.
 */

const NO_SUCH = (name: string) =>
	`No contact tag is named "${name}": nothing was applied. Check Tag Name, pick a Tag ID, or turn on Create Tag If Missing`;

describe('Add a Contact Tag by tag name', () => {
	const ac = useEmulator();

	beforeEach(async () => {
		await seedContact(ac, { email: 'a@example.com' });
		await seedContact(ac, { email: 'b@example.com' });
		await seedContact(ac, { email: 'c@example.com' });
		await seedTag(ac, 'VIP Customer');
		await seedTag(ac, 'VIP');
		await seedTag(ac, 'Promo', 'template');
	});

	const calls = () => ac.emulator.requests.map((r) => [r.method, r.path, r.query, r.body]);

	it('finds the tag by its exact name, in any case, and applies it', async () => {
		const out = await ac.one('contactTag', 'add', { contactId: 2, options: { tagName: 'vip' } });
		expect(out).toEqual(success('ContactTag', contactTagRecord('1', '2', '2'), 201));
		expect(calls()).toEqual([
			['GET', '/tags', { search: 'vip', limit: '100', offset: '0' }, undefined],
			['POST', '/contactTags', {}, { contactTag: { contact: 2, tag: 2 } }],
		]);
	});

	it('reports a name no contact tag has, applies nothing and creates nothing', async () => {
		const out = await ac.one('contactTag', 'add', { contactId: 1, options: { tagName: 'Promo' } });
		expect(out).toEqual({ ContactTag: {}, OriginalStatusCode: 200, StatusCode: 200, ErrorMessage: NO_SUCH('Promo') });
		expect(calls()).toEqual([['GET', '/tags', { search: 'Promo', limit: '100', offset: '0' }, undefined]]);
		expect(ac.emulator.db.count('tags')).toBe(3);
		expect(ac.emulator.db.count('contactTags')).toBe(0);
	});

	it('creates the missing contact tag once for several items, then applies it to each', async () => {
		const items = [{ c: 1 }, { c: 2 }, { c: 3 }];
		const { json } = await ac.run(
			'contactTag',
			'add',
			{ contactId: '={{ $json.c }}', options: { tagName: 'Promo', createTagIfMissing: true } },
			items,
		);
		// A template tag of that name is not a contact tag: a contact tag "Promo" (4) is created.
		expect(json).toEqual([
			success('ContactTag', contactTagRecord('1', '1', '4'), 201),
			success('ContactTag', contactTagRecord('2', '2', '4'), 201),
			success('ContactTag', contactTagRecord('3', '3', '4'), 201),
		]);
		expect(ac.emulator.requests.filter((r) => r.method === 'POST' && r.path === '/tags').map((r) => r.body)).toEqual([
			{ tag: { tag: 'Promo', tagType: 'contact' } },
		]);
		expect(ac.emulator.db.all('tags').map((t) => [t.tag, t.tagType])).toEqual([
			['VIP Customer', 'contact'],
			['VIP', 'contact'],
			['Promo', 'template'],
			['Promo', 'contact'],
		]);
	});

	it('uses Tag ID when both are given: no lookup', async () => {
		const out = await ac.one('contactTag', 'add', { contactId: 1, tagId: 1, options: { tagName: 'VIP' } });
		expect(out).toEqual(success('ContactTag', contactTagRecord('1', '1', '1'), 201));
		expect(calls()).toEqual([['POST', '/contactTags', {}, { contactTag: { contact: 1, tag: 1 } }]]);
	});

	it('still says Tag ID is required when neither it nor Tag Name is given', async () => {
		const out = await ac.one('contactTag', 'add', { contactId: 1, options: { createTagIfMissing: true } });
		expect(out).toEqual(
			invalid('ContactTag', '"Tag ID" (tagId) is required: The numeric ID of the tag to apply, e.g. 8 (from Get Many Tags)'),
		);
		expect(ac.emulator.requests).toEqual([]);
	});
});

describe('Remove a Contact Tag by contact and tag', () => {
	const ac = useEmulator();
	const HELP = 'The ID of the contact-tag association (not the tag ID or contact ID), e.g. "12345"';

	beforeEach(async () => {
		await seedContact(ac, { email: 'a@example.com' });
		await seedContact(ac, { email: 'b@example.com' });
		await seedTag(ac, 'VIP');
		await seedTag(ac, 'Lead');
		await tagContact(ac, '1', '1');
		await tagContact(ac, '1', '2');
		await tagContact(ac, '2', '2');
	});

	it('finds the association of the contact and the tag and removes it', async () => {
		const out = await ac.one('contactTag', 'remove', {
			options: { contactId: { __rl: true, mode: 'list', value: '1' }, tagId: { __rl: true, mode: 'id', value: '2' } },
		});
		expect(out).toEqual(
			success('RemovedContactTag', { id: '2', contact: '1', tag: '2', deleted: true, message: 'Tag 2 removed from contact 1' }),
		);
		expect(ac.emulator.requests.map((r) => [r.method, r.path, r.status])).toEqual([
			['GET', '/contacts/1/contactTags', 200],
			['DELETE', '/contactTags/2', 200],
		]);
		expect(ac.emulator.db.all('contactTags').map((r) => r.id)).toEqual(['1', '3']);
	});

	it('says so when the contact does not have the tag, and deletes nothing', async () => {
		const out = await ac.one('contactTag', 'remove', { options: { contactId: 2, tagId: 1 } });
		expect(out).toEqual({
			RemovedContactTag: { contact: '2', tag: '1', deleted: false },
			OriginalStatusCode: 200,
			StatusCode: 200,
			ErrorMessage: 'Contact 2 does not have tag 1: nothing was removed',
		});
		expect(ac.emulator.requests.map((r) => r.method)).toEqual(['GET']);
		expect(ac.emulator.db.count('contactTags')).toBe(3);
	});

	it('reports an unknown contact as 404', async () => {
		const out = await ac.one('contactTag', 'remove', { options: { contactId: 9, tagId: 1 } });
		expect(out).toEqual({
			RemovedContactTag: {},
			OriginalStatusCode: 404,
			StatusCode: 200,
			ErrorMessage: 'Contact 9 not found (HTTP 404) (ActiveCampaign: No Result found for Subscriber with id 9)',
		});
		expect(ac.emulator.db.count('contactTags')).toBe(3);
	});

	it('uses the Contact Tag ID when it is given too', async () => {
		const out = await ac.one('contactTag', 'remove', { contactTagId: '3', options: { contactId: 1, tagId: 1 } });
		expect(out).toEqual(
			success('RemovedContactTag', { id: '3', contact: '2', tag: '2', deleted: true, message: 'Tag 2 removed from contact 2' }),
		);
		expect(ac.emulator.db.all('contactTags').map((r) => r.id)).toEqual(['1', '2']);
	});

	it('refuses a contact without a tag with -1 and sends nothing', async () => {
		const out = await ac.one('contactTag', 'remove', { options: { contactId: 1 } });
		expect(out).toEqual(
			invalid(
				'RemovedContactTag',
				'"Tag ID" (tagId) under Options is needed too: give both Contact ID and Tag ID to remove a tag without its Contact Tag ID',
			),
		);
		expect(ac.emulator.requests).toEqual([]);
	});

	it('still says Contact Tag ID is required when nothing names the association', async () => {
		const out = await ac.one('contactTag', 'remove', { options: {} });
		expect(out).toEqual(invalid('RemovedContactTag', `"Contact Tag ID" (contactTagId) is required: ${HELP}`));
		expect(ac.emulator.requests).toEqual([]);
	});
});
