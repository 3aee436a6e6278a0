import { success, useEmulator } from '../helpers';
import { seedPipeline } from './crm/support';
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

describe('Get a Pipeline when some of its stages cannot be read', () => {
	const ac = useEmulator();
	let group: Record<string, unknown>;
	let stages: Array<Record<string, unknown>>;

	beforeEach(async () => {
		await seedPipeline(ac, 'Sales');
		const body = await call(ac, 'GET', '/dealGroups/1');
		group = body.dealGroup;
		stages = body.dealStages;
		clearLog(ac);
	});

	it('side-loaded stages missing one the pipeline lists: one listing fills the gap, a plain success', async () => {
		ac.emulator.inject({ method: 'GET', path: '/dealGroups/1', status: 200, body: { dealGroup: group, dealStages: stages.slice(0, 2) } });
		const out = await ac.one('pipeline', 'get', { pipelineId: 1 });
		expect(group.stages).toEqual(['1', '2', '3']);
		expect(out).toEqual(success('Pipeline', { DealGroup: { ...group, stages } }));
		expect(ac.emulator.requests.map((r) => [r.method, r.path, r.query, r.status])).toEqual([
			['GET', '/dealGroups/1', {}, 200],
			['GET', '/dealStages', { 'filters[d_groupid]': '1', limit: '100', offset: '0' }, 200],
		]);
	});

	it('a stage that cannot be read at all: the pipeline with the stages that could, and the missing one named', async () => {
		ac.emulator.inject({ method: 'GET', path: '/dealGroups/1', status: 200, body: { dealGroup: group, dealStages: stages.slice(0, 2) } });
		ac.emulator.inject({ method: 'GET', path: '/dealStages', status: 200, body: { dealStages: stages.slice(0, 2), meta: { total: '2' } } });
		const out = await ac.one('pipeline', 'get', { pipelineId: 1 });
		expect(out).toEqual({
			...success('Pipeline', { DealGroup: { ...group, stages: stages.slice(0, 2) } }),
			ErrorMessage: 'Pipeline 1 was read, but not all its stages: it lists stage 3, which could not be read; "stages" holds the 2 that could',
		});
	});
});
