import { success, useEmulator } from '../helpers';
import { KEY_403, POST_503, RESET, call, clearLog, seedContact } from './foundation.support';

/**
 * Partial results say so (CONTRACT §2: "200 = completed, check ErrorMessage"): when a side read
 * fails, the main record comes back with StatusCode 200, OriginalStatusCode of the main read, and an
 * ErrorMessage naming what is missing, so "no tags" and "tags unknown" never look the same.
 */

const TAGS_UNKNOWN = '"tags" is empty because the tags are unknown, not because the contact has none';

describe('Get a Contact when the tags cannot be read', () => {
	const ac = useEmulator();
	let contact: Record<string, unknown>;

	beforeEach(async () => {
		await seedContact(ac, { email: 'a@example.com', firstName: 'Ann' });
		contact = (await call(ac, 'GET', '/contacts/1')).contact;
		clearLog(ac);
	});

	const partial = (message: string) => ({ ...success('Contact', { ...contact, tags: [] }), ErrorMessage: message });

	it('a refused key on the tags read: the contact, and the 403 named', async () => {
		ac.emulator.inject({ method: 'GET', path: '/contacts/1/contactTags', status: 403, body: { message: 'You are not authorized to access this resource' } });
		const out = await ac.one('contact', 'get', { contactId: 1 });
		expect(out).toEqual(partial(`Contact 1 was read, but not its tags: ${KEY_403}. ${TAGS_UNKNOWN}`));
		expect(ac.emulator.requests.map((r) => [r.method, r.path, r.status])).toEqual([
			['GET', '/contacts/1', 200],
			['GET', '/contacts/1/contactTags', 403],
		]);
	});

	it('a tags read that keeps failing with 503: retried like every GET, then the contact and the 503 named', async () => {
		ac.emulator.inject({ method: 'GET', path: '/contacts/1/contactTags', status: 503, times: 10 });
		const out = await ac.one('contact', 'get', { contactId: 1 });
		expect(out).toEqual(partial(`Contact 1 was read, but not its tags: ${POST_503}. ${TAGS_UNKNOWN}`));
		expect(ac.emulator.requests.map((r) => [r.path, r.status])).toEqual([
			['/contacts/1', 200],
			...Array.from({ length: 5 }, () => ['/contacts/1/contactTags', 503]),
		]);
	});

	it('a tags read whose connection keeps being reset: the contact, and the reset named', async () => {
		ac.emulator.inject({ method: 'GET', path: '/contacts/1/contactTags', drop: 'before', times: 10 });
		const out = await ac.one('contact', 'get', { contactId: 1 });
		expect(out).toEqual(partial(`Contact 1 was read, but not its tags: ${RESET}. ${TAGS_UNKNOWN}`));
		expect(ac.emulator.requests.map((r) => [r.path, r.status])).toEqual([
			['/contacts/1', 200],
			...Array.from({ length: 5 }, () => ['/contacts/1/contactTags', 0]),
		]);
	});

	it('a tags answer without a contactTags list: the contact, and that named', async () => {
		ac.emulator.inject({ method: 'GET', path: '/contacts/1/contactTags', status: 200, body: { meta: { total: '0' } } });
		const out = await ac.one('contact', 'get', { contactId: 1 });
		expect(out).toEqual(
			partial(`Contact 1 was read, but not its tags: the answer to GET /contacts/1/contactTags has no contactTags list. ${TAGS_UNKNOWN}`),
		);
	});

	it('a contact with no tags is a plain success: tags [] and no message', async () => {
		const out = await ac.one('contact', 'get', { contactId: 1 });
		expect(out).toEqual(success('Contact', { ...contact, tags: [] }));
	});
});
