import { success, useEmulator } from '../helpers';
import { seedContact, seedTag, tagContact, upstream } from './foundation.support';

/**
 * Optional side reads (issue 11 item 4): a read that only enriches the result must not stop the
 * request that matters when the server does not offer that read. ActiveCampaign's published API
 * documents `/contactTags/{id}` for DELETE only, so a real server may answer the GET with 405.
 */

describe('Remove a Contact Tag on a server without GET /contactTags/{id}', () => {
	const ac = useEmulator();

	beforeEach(async () => {
		await seedContact(ac, { email: 'a@example.com' });
		await seedTag(ac, 'VIP');
		await seedTag(ac, 'Lead');
		await tagContact(ac, '1', '1');
		await tagContact(ac, '1', '2');
	});

	it.each([405, 400, 501])('sends the DELETE when the read is answered %p', async (status) => {
		ac.emulator.inject({ method: 'GET', path: '/contactTags/2', status, body: { message: 'Method Not Allowed' }, times: 99 });
		const out = await ac.one('contactTag', 'remove', { contactTagId: '2' });
		expect(out).toEqual(success('RemovedContactTag', { id: '2', deleted: true, message: 'Contact tag 2 removed' }));
		const reads = ac.emulator.requests.filter((r) => r.method === 'GET');
		// 501 is a 5xx: the transport retries a safe GET (4 retries) before the read is given up.
		expect(reads.map((r) => [r.path, r.status])).toEqual(
			Array.from({ length: status === 501 ? 5 : 1 }, () => ['/contactTags/2', status]),
		);
		expect(ac.emulator.requests.filter((r) => r.method === 'DELETE').map((r) => [r.path, r.status])).toEqual([
			['/contactTags/2', 200],
		]);
		expect(ac.emulator.db.all('contactTags').map((r) => r.id)).toEqual(['1']);
	});

	it('still reports a 404 of the DELETE itself when the read is answered 405', async () => {
		ac.emulator.inject({ method: 'GET', path: '/contactTags/9', status: 405, body: { message: 'Method Not Allowed' } });
		const out = await ac.one('contactTag', 'remove', { contactTagId: '9' });
		expect(out).toEqual(
			upstream('RemovedContactTag', 404, 'Contact tag 9 not found (HTTP 404) (ActiveCampaign: No Result found for ContactTag with id 9)'),
		);
		expect(ac.emulator.requests.map((r) => [r.method, r.path, r.status])).toEqual([
			['GET', '/contactTags/9', 405],
			['DELETE', '/contactTags/9', 404],
		]);
		expect(ac.emulator.db.count('contactTags')).toBe(2);
	});

	it('does not treat a refused key on the read as "not offered": 403, nothing deleted', async () => {
		ac.emulator.inject({ method: 'GET', path: '/contactTags/2', status: 403, body: { message: 'No Result found' } });
		const out = await ac.one('contactTag', 'remove', { contactTagId: '2' });
		expect(out).toEqual(
			upstream(
				'RemovedContactTag',
				403,
				'API key is invalid or lacks permission (HTTP 403): check the API key in the credential (ActiveCampaign: No Result found)',
			),
		);
		expect(ac.emulator.requests.map((r) => [r.method, r.status])).toEqual([['GET', 403]]);
		expect(ac.emulator.db.count('contactTags')).toBe(2);
	});
});

describe('Get a Contact on a server without GET /contacts/{id}/contactTags', () => {
	const ac = useEmulator();

	beforeEach(async () => {
		await seedContact(ac, { email: 'a@example.com', firstName: 'Ann' });
	});

	it.each([405, 400])('returns the contact when the tags read is answered %p', async (status) => {
		ac.emulator.inject({ method: 'GET', path: '/contacts/1/contactTags', status, body: { message: 'Method Not Allowed' } });
		const out = await ac.one('contact', 'get', { contactId: 1 });
		// The wording of the partial-result message belongs to the Get a Contact module; what matters
		// here is that the main read's answer comes back with status 200 and the contact itself.
		expect(out.StatusCode).toBe(200);
		expect(out.OriginalStatusCode).toBe(200);
		expect(out.Contact).toEqual(expect.objectContaining({ id: '1', email: 'a@example.com', firstName: 'Ann', tags: [] }));
		expect(ac.emulator.requests.map((r) => [r.method, r.path, r.status])).toEqual([
			['GET', '/contacts/1', 200],
			['GET', '/contacts/1/contactTags', status],
		]);
	});
});
