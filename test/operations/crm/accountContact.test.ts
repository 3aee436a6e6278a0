import { success, useEmulator } from '../../helpers';
import {
	POST_503,
	RESET,
	TIMESTAMP,
	failed,
	idMessage,
	invalid,
	requiredMessage,
	seedAccount,
	seedAssociation,
	seedContact,
	sent,
	upstream,
} from './support';

function associationRecord(id: string, contact: string, account: string, jobTitle: string) {
	return {
		account,
		contact,
		jobTitle,
		createdTimestamp: TIMESTAMP,
		updatedTimestamp: TIMESTAMP,
		links: {
			account: `https://emulator.api-us1.com/api/3/accountContacts/${id}/account`,
			contact: `https://emulator.api-us1.com/api/3/accountContacts/${id}/contact`,
		},
		id,
	};
}

const ASSOCIATION_HELP =
	'The numeric ID of the account-contact association (not the account or contact ID), e.g. 1234 (from Get Many Account Contacts or Create an Account Contact)';

describe('Account Contact: Create an Account Contact', () => {
	const ac = useEmulator();

	it('links the contact to the account with the job title (201)', async () => {
		await seedContact(ac, 'jane@example.com');
		await seedAccount(ac, 'Acme');
		const out = await ac.one('accountContact', 'create', { contactId: 1, accountId: '1', jobTitle: ' Marketing Manager ' });
		expect(out).toEqual(success('AccountContact', associationRecord('1', '1', '1', 'Marketing Manager'), 201));
		expect(sent(ac)).toEqual([
			{
				method: 'POST',
				path: '/accountContacts',
				query: {},
				body: { accountContact: { contact: 1, account: 1, jobTitle: 'Marketing Manager' } },
			},
		]);
	});

	it('reports an existing association (422) instead of hiding it', async () => {
		await seedContact(ac, 'jane@example.com');
		await seedAccount(ac, 'Acme');
		await seedAssociation(ac, '1', '1');
		const out = await ac.one('accountContact', 'create', { contactId: 1, accountId: 1, jobTitle: 'CEO' });
		expect(out).toEqual(
			upstream(
				'AccountContact',
				422,
				'ActiveCampaign rejected the data (HTTP 422): This contact is already associated with an account. We currently do not support contacts on multiple accounts.',
			),
		);
		expect(ac.emulator.db.count('accountContacts')).toBe(1);
	});

	it('reports an unknown contact (404)', async () => {
		await seedAccount(ac, 'Acme');
		expect(await ac.one('accountContact', 'create', { contactId: 9, accountId: 1, jobTitle: 'CEO' })).toEqual(
			upstream(
				'AccountContact',
				404,
				'Contact 9 or account 1 not found (HTTP 404) (ActiveCampaign: No Result found for Subscriber with id 9)',
			),
		);
	});

	it.each([
		[{ accountId: 1, jobTitle: 'CEO' }, requiredMessage('Contact ID', 'contactId', 'The numeric ID of the contact to associate, e.g. 28 (from Get Many Contacts or Create a Contact)')],
		[
			{ contactId: 1, accountId: 'x1', jobTitle: 'CEO' },
			idMessage('Account ID', 'accountId', '"x1"', 'The numeric ID of the account to associate the contact with, e.g. 64 (from Get Many Accounts)'),
		],
		[{ contactId: 1, accountId: 1, jobTitle: '={{ "  " }}' }, requiredMessage('Job Title', 'jobTitle', 'Job title of the contact at this account, e.g. Marketing Manager')],
	])('refuses bad input %j without sending anything', async (params, message) => {
		expect(await ac.one('accountContact', 'create', params)).toEqual(invalid('AccountContact', message));
		expect(ac.emulator.requests).toEqual([]);
	});

	it('reports a 503 on the create and does not retry it', async () => {
		ac.emulator.inject({ method: 'POST', path: '/accountContacts', status: 503 });
		expect(await ac.one('accountContact', 'create', { contactId: 1, accountId: 1, jobTitle: 'CEO' })).toEqual(
			failed('AccountContact', 503, POST_503),
		);
		expect(ac.emulator.sent('POST', '/accountContacts')).toHaveLength(1);
	});

	it('reports a connection dropped after the create was applied, and does not retry it', async () => {
		await seedContact(ac, 'jane@example.com');
		await seedAccount(ac, 'Acme');
		ac.emulator.inject({ method: 'POST', path: '/accountContacts', drop: 'after' });
		expect(await ac.one('accountContact', 'create', { contactId: 1, accountId: 1, jobTitle: 'CEO' })).toEqual(
			failed('AccountContact', 0, RESET),
		);
		expect(ac.emulator.sent('POST', '/accountContacts')).toHaveLength(1);
		expect(ac.emulator.db.count('accountContacts')).toBe(1);
	});
});

describe('Account Contact: Delete an Account Contact', () => {
	const ac = useEmulator();

	it('deletes the association and returns {id, deleted}', async () => {
		await seedContact(ac, 'jane@example.com');
		await seedAccount(ac, 'Acme');
		await seedAssociation(ac, '1', '1');
		expect(await ac.one('accountContact', 'delete', { associationId: 1 })).toEqual(
			success('DeletedAccountContact', { id: '1', deleted: true }),
		);
		expect(sent(ac)).toEqual([{ method: 'DELETE', path: '/accountContacts/1', query: {}, body: undefined }]);
		expect(ac.emulator.db.count('accountContacts')).toBe(0);
		expect(ac.emulator.db.count('contacts')).toBe(1);
	});

	it('reports an unknown association (404)', async () => {
		expect(await ac.one('accountContact', 'delete', { associationId: 100 })).toEqual(
			upstream(
				'DeletedAccountContact',
				404,
				'Account contact association 100 not found (HTTP 404) (ActiveCampaign: No Result found for CustomerAccountSubscriber with id 100)',
			),
		);
	});

	it('refuses a bad Association ID without sending anything', async () => {
		expect(await ac.one('accountContact', 'delete', { associationId: 0 })).toEqual(
			invalid(
				'DeletedAccountContact',
				requiredMessage('Association ID', 'associationId', 'The numeric ID of the association to delete, e.g. 12345 (from Get Many Account Contacts)'),
			),
		);
		expect(ac.emulator.requests).toEqual([]);
	});
});

describe('Account Contact: Get an Account Contact', () => {
	const ac = useEmulator();

	it('returns the association', async () => {
		await seedContact(ac, 'jane@example.com');
		await seedAccount(ac, 'Acme');
		await seedAssociation(ac, '1', '1', 'CTO');
		expect(await ac.one('accountContact', 'get', { associationId: '1' })).toEqual(
			success('AccountContact', associationRecord('1', '1', '1', 'CTO')),
		);
		expect(sent(ac)).toEqual([{ method: 'GET', path: '/accountContacts/1', query: {}, body: undefined }]);
	});

	it('reports an unknown association (404)', async () => {
		expect(await ac.one('accountContact', 'get', { associationId: 3 })).toEqual(
			upstream(
				'AccountContact',
				404,
				'Account contact association 3 not found (HTTP 404) (ActiveCampaign: No Result found for CustomerAccountSubscriber with id 3)',
			),
		);
	});

	it('refuses a bad Association ID without sending anything', async () => {
		expect(await ac.one('accountContact', 'get', { associationId: 'one' })).toEqual(
			invalid('AccountContact', idMessage('Association ID', 'associationId', '"one"', ASSOCIATION_HELP)),
		);
		expect(ac.emulator.requests).toEqual([]);
	});
});

describe('Account Contact: Get Many Account Contacts', () => {
	const ac = useEmulator();

	async function seedMany(count: number) {
		await seedAccount(ac, 'Acme');
		for (let i = 1; i <= count; i++) {
			const contact = await seedContact(ac, `c${i}@example.com`);
			await seedAssociation(ac, contact.id, '1', `Role ${i}`);
		}
	}

	it('uses the default page of 10 and reports Total, Limit, Offset and HasMore', async () => {
		await seedMany(12);
		const out = await ac.one('accountContact', 'getMany', {});
		const page = out.AccountContacts as { AccountContacts: Array<{ id: string }> };
		expect(out).toEqual(
			success('AccountContacts', {
				AccountContacts: page.AccountContacts,
				Total: 12,
				Limit: 10,
				Offset: 0,
				HasMore: true,
			}),
		);
		expect(page.AccountContacts.map((a) => a.id)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
		expect(page.AccountContacts[0]).toEqual(associationRecord('1', '1', '1', 'Role 1'));
		expect(sent(ac)).toEqual([{ method: 'GET', path: '/accountContacts', query: { limit: '10', offset: '0' }, body: undefined }]);
	});

	it('returns the last page with HasMore false', async () => {
		await seedMany(12);
		const out = await ac.one('accountContact', 'getMany', { limit: 5, offset: 10 });
		expect(out.AccountContacts).toEqual({
			AccountContacts: [associationRecord('11', '11', '1', 'Role 11'), associationRecord('12', '12', '1', 'Role 12')],
			Total: 12,
			Limit: 5,
			Offset: 10,
			HasMore: false,
		});
	});

	it('returns every association with Return All', async () => {
		await seedMany(12);
		const out = await ac.one('accountContact', 'getMany', { returnAll: true });
		expect(out.AccountContacts).toMatchObject({ Total: 12, Limit: 12, Offset: 0, HasMore: false });
		expect((out.AccountContacts as { AccountContacts: unknown[] }).AccountContacts).toHaveLength(12);
		expect(sent(ac).map((r) => r.query)).toEqual([{ limit: '100', offset: '0' }]);
	});

	it('refuses a negative Offset without sending anything', async () => {
		expect(await ac.one('accountContact', 'getMany', { offset: -1 })).toEqual(
			invalid('AccountContacts', '"Offset" (offset) must be a whole number at least 0 (got -1)'),
		);
		expect(ac.emulator.requests).toEqual([]);
	});
});

describe('Account Contact: Update an Account Contact', () => {
	const ac = useEmulator();

	it('sends contact, account and job title, and returns the association', async () => {
		await seedContact(ac, 'jane@example.com');
		await seedAccount(ac, 'Acme');
		await seedAccount(ac, 'Globex');
		await seedAssociation(ac, '1', '1', 'CEO');
		const out = await ac.one('accountContact', 'update', {
			associationId: 1,
			contactId: 1,
			accountId: 2,
			options: { jobTitle: 'Sales Director' },
		});
		expect(out).toEqual(success('AccountContact', associationRecord('1', '1', '2', 'Sales Director')));
		expect(sent(ac)).toEqual([
			{
				method: 'PUT',
				path: '/accountContacts/1',
				query: {},
				body: { accountContact: { contact: 1, account: 2, jobTitle: 'Sales Director' } },
			},
		]);
	});

	it('keeps the job title when none is given', async () => {
		await seedContact(ac, 'jane@example.com');
		await seedAccount(ac, 'Acme');
		await seedAssociation(ac, '1', '1', 'CEO');
		const out = await ac.one('accountContact', 'update', { associationId: 1, contactId: 1, accountId: 1 });
		expect(out).toEqual(success('AccountContact', associationRecord('1', '1', '1', 'CEO')));
		expect(ac.emulator.requests[0].body).toEqual({ accountContact: { contact: 1, account: 1 } });
	});

	it('reports an unknown association (404)', async () => {
		expect(await ac.one('accountContact', 'update', { associationId: 5, contactId: 1, accountId: 1 })).toEqual(
			upstream(
				'AccountContact',
				404,
				'Account contact association 5 not found (HTTP 404) (ActiveCampaign: No Result found for CustomerAccountSubscriber with id 5)',
			),
		);
	});

	it('refuses a missing Account ID without sending anything', async () => {
		expect(await ac.one('accountContact', 'update', { associationId: 5, contactId: 1 })).toEqual(
			invalid(
				'AccountContact',
				requiredMessage('Account ID', 'accountId', 'The numeric ID of the account of this association, e.g. 54321; a different one moves the contact'),
			),
		);
		expect(ac.emulator.requests).toEqual([]);
	});
});
