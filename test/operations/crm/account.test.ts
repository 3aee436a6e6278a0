import { success, useEmulator } from '../../helpers';
import {
	KEY_403,
	POST_503,
	TIMEOUT,
	TIMESTAMP,
	call,
	clearLog,
	failed,
	idMessage,
	invalid,
	requiredMessage,
	seedAccount,
	sent,
	upstream,
} from './support';

const ACCOUNT_ID_HELP = 'The numeric ID of the account, e.g. 12345 (from Get Many Accounts or Create an Account)';

/** An account as the emulator (like ActiveCampaign) returns it; `fields` only where the API includes them. */
function accountRecord(id: string, name: string, extra: { accountUrl?: string | null; owner?: string; fields?: unknown[] } = {}) {
	return {
		name,
		accountUrl: extra.accountUrl ?? null,
		owner: extra.owner ?? '1',
		createdTimestamp: TIMESTAMP,
		updatedTimestamp: TIMESTAMP,
		links: [],
		...(extra.fields ? { fields: extra.fields } : {}),
		id,
	};
}

describe('Account: Create an Account', () => {
	const ac = useEmulator();

	it('looks for a duplicate, then creates the account with every option (201)', async () => {
		const out = await ac.one('account', 'create', {
			name: ' Acme Corporation ',
			options: {
				accountUrl: 'https://www.acme.com',
				owner: 5,
				fields: '[{"customFieldId": 9, "fieldValue": "500-1000"}, {"customFieldId": 20, "fieldValue": 1234, "fieldCurrency": "GBP"}]',
			},
		});
		expect(out).toEqual(
			success(
				'Account',
				accountRecord('1', 'Acme Corporation', {
					accountUrl: 'https://www.acme.com',
					owner: '5',
					fields: [
						{ customFieldId: 9, fieldValue: '500-1000', accountId: '1' },
						{ customFieldId: 20, fieldValue: 1234, fieldCurrency: 'GBP', accountId: '1' },
					],
				}),
				201,
			),
		);
		expect(sent(ac)).toEqual([
			{ method: 'GET', path: '/accounts', query: { search: 'Acme Corporation', limit: '100', offset: '0' }, body: undefined },
			{
				method: 'POST',
				path: '/accounts',
				query: {},
				body: {
					account: {
						name: 'Acme Corporation',
						accountUrl: 'https://www.acme.com',
						owner: 5,
						fields: [
							{ customFieldId: 9, fieldValue: '500-1000' },
							{ customFieldId: 20, fieldValue: 1234, fieldCurrency: 'GBP' },
						],
					},
				},
			},
		]);
	});

	it('sends Owner 1 when no owner is given', async () => {
		const out = await ac.one('account', 'create', { name: 'Globex' });
		expect(out).toEqual(success('Account', accountRecord('1', 'Globex', { fields: [] }), 201));
		expect(ac.emulator.sent('POST', '/accounts')[0].body).toEqual({ account: { name: 'Globex', owner: 1 } });
	});

	it('returns the account whose name matches exactly (case-insensitive) instead of creating a second one', async () => {
		await seedAccount(ac, 'Acme Corporation Ltd');
		const existing = await seedAccount(ac, 'Acme Corporation', { accountUrl: 'https://acme.example' });
		const out = await ac.one('account', 'create', { name: 'ACME corporation', options: { accountUrl: 'https://other.example' } });
		expect(out).toEqual(
			success('Account', { ...accountRecord(existing.id, 'Acme Corporation', { accountUrl: 'https://acme.example', fields: [] }), contactCount: '0', dealCount: '0' }, 200),
		);
		expect(ac.emulator.sent('POST')).toEqual([]);
		expect(ac.emulator.db.count('accounts')).toBe(2);
	});

	it('pages through the search results until the exact name is found', async () => {
		for (let i = 1; i <= 120; i++) await call(ac, 'POST', '/accounts', { account: { name: `Initech ${String(i).padStart(3, '0')}` } });
		await seedAccount(ac, 'Initech');
		const out = await ac.one('account', 'create', { name: 'initech' });
		expect(out.Account).toMatchObject({ id: '121', name: 'Initech' });
		expect(sent(ac).map((r) => `${r.method} ${r.path} ${r.query.offset ?? ''}`)).toEqual(['GET /accounts 0', 'GET /accounts 100']);
	});

	it('creates one account for two items with the same name in one execution', async () => {
		const result = await ac.run('account', 'create', { name: '={{ $json.company }}' }, [{ company: 'Umbrella' }, { company: 'umbrella' }]);
		expect(result.json.map((j) => (j.Account as { id: string }).id)).toEqual(['1', '1']);
		expect(result.json.map((j) => j.OriginalStatusCode)).toEqual([201, 200]);
		expect(ac.emulator.sent('POST', '/accounts')).toHaveLength(1);
		expect(result.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});

	it('with Check Duplicate off, sends the create and reports the API refusing a duplicate name (422)', async () => {
		await seedAccount(ac, 'Hooli');
		const out = await ac.one('account', 'create', { name: 'Hooli', options: { checkDuplicate: false } });
		expect(out).toEqual(
			upstream(
				'Account',
				422,
				'ActiveCampaign rejected the data (HTTP 422): An account named "Hooli" already exists. Please choose a new name.',
			),
		);
		expect(sent(ac).map((r) => r.method)).toEqual(['POST']);
	});

	it.each([
		// An expression that yields nothing: the editor would refuse an empty required field itself.
		[{ name: '={{ "" }}' }, requiredMessage('Name', 'name', 'Account name, usually the company name, e.g. Acme Corporation')],
		[
			{ name: 'A', options: { accountUrl: 'www.acme.com' } },
			'"Account URL" (accountUrl) is not valid (got "www.acme.com"): enter a full http(s) address such as https://example.com',
		],
		[
			{ name: 'A', options: { owner: 'abc' } },
			idMessage('Owner', 'owner', '"abc"', 'User ID of the account owner, e.g. 5 (from Get Many Users); defaults to 1, usually the first user'),
		],
		[
			{ name: 'A', options: { fields: '[{"fieldValue": "x"}]' } },
			'"Fields" (fields) item 0 needs "customFieldId": the numeric ID of the custom field',
		],
		[
			{ name: 'A', options: { fields: '[{"customFieldId": 20, "fieldValue": 5, "fieldCurrency": "pounds"}]' } },
			'"Fields" (fields) item 0: "fieldCurrency" must be a 3-letter currency code such as USD',
		],
		[
			{ name: 'A', options: { fields: '{"customFieldId": 1}' } },
			'"Fields" (fields) must be a JSON array such as [{"customFieldId": 9, "fieldValue": "500-1000"}, {"customFieldId": 20, "fieldValue": 1234, "fieldCurrency": "GBP"}]',
		],
	])('refuses bad input %j without sending anything', async (params, message) => {
		expect(await ac.one('account', 'create', params)).toEqual(invalid('Account', message));
		expect(ac.emulator.requests).toEqual([]);
	});

	it('reports a 503 on the create and does not retry it', async () => {
		ac.emulator.inject({ method: 'POST', path: '/accounts', status: 503 });
		expect(await ac.one('account', 'create', { name: 'Stark' })).toEqual(failed('Account', 503, POST_503));
		expect(ac.emulator.sent('POST', '/accounts')).toHaveLength(1);
		expect(ac.emulator.db.count('accounts')).toBe(0);
	});

	it('reports a timeout on the create and does not retry it', async () => {
		ac.emulator.inject({ method: 'POST', path: '/accounts', hang: true });
		expect(await ac.one('account', 'create', { name: 'Wayne' })).toEqual(failed('Account', 0, TIMEOUT));
		expect(ac.emulator.sent('POST', '/accounts')).toHaveLength(1);
	});

	it('reports a bad API key (403)', async () => {
		const result = await ac.run('account', 'create', { name: 'Wayne' }, undefined, { apiKey: 'wrong-key-123456' });
		expect(result.json).toEqual([upstream('Account', 403, KEY_403)]);
	});
});

describe('Account: Delete an Account', () => {
	const ac = useEmulator();

	it('deletes the account and returns {deleted, accountId} with a numeric ID', async () => {
		const account = await seedAccount(ac, 'Acme');
		const out = await ac.one('account', 'delete', { accountId: account.id });
		expect(out).toEqual(success('DeletedAccount', { deleted: true, accountId: 1 }));
		expect(sent(ac)).toEqual([{ method: 'DELETE', path: '/accounts/1', query: {}, body: undefined }]);
		expect(ac.emulator.db.count('accounts')).toBe(0);
	});

	it('reports an unknown account (404) with the empty failure value', async () => {
		expect(await ac.one('account', 'delete', { accountId: 99 })).toEqual(
			upstream('DeletedAccount', 404, 'Account 99 not found (HTTP 404) (ActiveCampaign: No Result found for Account with id 99)'),
		);
	});

	it.each([
		['abc', '"abc"'],
		[-3, '-3'],
		['1/../../users', '"1/../../users"'],
	])('refuses Account ID %j without sending anything', async (value, quoted) => {
		expect(await ac.one('account', 'delete', { accountId: value })).toEqual(
			invalid('DeletedAccount', idMessage('Account ID', 'accountId', quoted, 'The numeric ID of the account to delete, e.g. 12345 (from Get Many Accounts)')),
		);
		expect(ac.emulator.requests).toEqual([]);
	});
});

describe('Account: Get an Account', () => {
	const ac = useEmulator();

	it('returns the account', async () => {
		await seedAccount(ac, 'Acme', { accountUrl: 'https://acme.example', owner: 3 });
		const out = await ac.one('account', 'get', { accountId: '1' });
		expect(out).toEqual(success('Account', accountRecord('1', 'Acme', { accountUrl: 'https://acme.example', owner: '3' })));
		expect(sent(ac)).toEqual([{ method: 'GET', path: '/accounts/1', query: {}, body: undefined }]);
	});

	it('reports an unknown account (404)', async () => {
		expect(await ac.one('account', 'get', { accountId: 7 })).toEqual(
			upstream('Account', 404, 'Account 7 not found (HTTP 404) (ActiveCampaign: No Result found for Account with id 7)'),
		);
	});

	it('refuses a missing Account ID without sending anything', async () => {
		expect(await ac.one('account', 'get', {})).toEqual(invalid('Account', requiredMessage('Account ID', 'accountId', ACCOUNT_ID_HELP)));
		expect(ac.emulator.requests).toEqual([]);
	});
});

describe('Account: Get Many Accounts', () => {
	const ac = useEmulator();

	async function seedMany(count: number) {
		for (let i = 1; i <= count; i++) await call(ac, 'POST', '/accounts', { account: { name: `Company ${String(i).padStart(3, '0')}` } });
		clearLog(ac);
	}

	it('searches by name with Limit and Offset and returns the total as a number', async () => {
		await seedMany(3);
		await seedAccount(ac, 'Acme Inc');
		await seedAccount(ac, 'Acme Corporation');
		const out = await ac.one('account', 'getMany', { limit: 1, offset: 1, options: { searchName: 'acme' } });
		expect(out).toEqual(
			success('Accounts', {
				Accounts: [{ ...accountRecord('5', 'Acme Corporation', { fields: [] }), contactCount: '0', dealCount: '0' }],
				Total: 2,
			}),
		);
		expect(sent(ac)).toEqual([{ method: 'GET', path: '/accounts', query: { search: 'acme', limit: '1', offset: '1' }, body: undefined }]);
	});

	it('returns every account with Return All (100 per request)', async () => {
		await seedMany(130);
		const out = await ac.one('account', 'getMany', { returnAll: true });
		const accounts = out.Accounts as { Accounts: Array<{ id: string }>; Total: number };
		expect(accounts.Accounts).toHaveLength(130);
		expect(accounts.Total).toBe(130);
		expect(sent(ac).map((r) => r.query)).toEqual([
			{ limit: '100', offset: '0' },
			{ limit: '100', offset: '100' },
		]);
	});

	it('refuses a Limit above 100 without sending anything', async () => {
		expect(await ac.one('account', 'getMany', { limit: 500 })).toEqual(
			invalid('Accounts', '"Limit" (limit) must be a whole number between 1 and 100 (got 500)'),
		);
		expect(ac.emulator.requests).toEqual([]);
	});

	it('reports a 503 after the retries of a read', async () => {
		ac.emulator.inject({ method: 'GET', path: '/accounts', status: 503, times: 10 });
		expect(await ac.one('account', 'getMany', {})).toEqual(failed('Accounts', 503, POST_503));
		expect(ac.emulator.sent('GET', '/accounts')).toHaveLength(5);
	});
});

describe('Account: Update an Account', () => {
	const ac = useEmulator();

	it('sends only the given fields and returns the updated account', async () => {
		await seedAccount(ac, 'Acme', { accountUrl: 'https://acme.example' });
		const out = await ac.one('account', 'update', {
			accountId: 1,
			options: { name: 'Acme Corp', owner: '2', fields: [{ customFieldId: 9, fieldValue: '1000+' }] },
		});
		expect(out).toEqual(
			success(
				'Account',
				accountRecord('1', 'Acme Corp', {
					accountUrl: 'https://acme.example',
					owner: '2',
					fields: [{ customFieldId: 9, fieldValue: '1000+', accountId: '1' }],
				}),
			),
		);
		expect(sent(ac)).toEqual([
			{
				method: 'PUT',
				path: '/accounts/1',
				query: {},
				body: { account: { name: 'Acme Corp', owner: 2, fields: [{ customFieldId: 9, fieldValue: '1000+' }] } },
			},
		]);
	});

	it('refuses an update with no field given, without sending anything', async () => {
		expect(await ac.one('account', 'update', { accountId: 1, options: {} })).toEqual(
			invalid('Account', 'Nothing to update: add at least one of Owner, Name, Account URL or Fields under "Options" (options)'),
		);
		expect(ac.emulator.requests).toEqual([]);
	});

	it('reports an unknown account (404)', async () => {
		expect(await ac.one('account', 'update', { accountId: 4, options: { name: 'X' } })).toEqual(
			upstream('Account', 404, 'Account 4 not found (HTTP 404) (ActiveCampaign: No Result found for Account with id 4)'),
		);
	});

	it('reports a name already taken by another account (422)', async () => {
		await seedAccount(ac, 'Acme');
		await seedAccount(ac, 'Globex');
		expect(await ac.one('account', 'update', { accountId: 2, options: { name: 'acme' } })).toEqual(
			upstream('Account', 422, 'ActiveCampaign rejected the data (HTTP 422): An account named "acme" already exists. Please choose a new name.'),
		);
	});
});
