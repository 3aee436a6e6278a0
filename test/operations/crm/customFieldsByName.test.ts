import type { IDataObject } from 'n8n-workflow';

import { ActiveCampaignV3V1 as ActiveCampaignV3 } from '../../../nodes/ActiveCampaignV3/ActiveCampaignV3V1.node';
import { editorContext } from '../../editorContext';
import { success, useEmulator } from '../../helpers';
import { call, clearLog, invalid, seedContact, seedPipeline, sent, type Ac } from './support';
import { resourceMapperValue } from '../foundation.support';

/**
 * Custom fields by name on accounts and deals (issue 11 item 2, the parts Get a Contact and the
 * create/update mappers did not cover): Get an Account / a Deal with `customFields` keyed by name
 * (opt-in; off = the same output and requests as before), values from the record's own `fields` or
 * its custom-field-data link, all pages, an honest partial result when a side read fails; and
 * currency fields set by name (amount in units → cents, `fieldCurrency` default or explicit).
 * Everything runs through n8n's engine against the emulator over 127.0.0.1.
 */

const { resourceMapping } = new ActiveCampaignV3().methods;

const BUDGET_LABEL = 'Budget (amount in USD, e.g. 1234.50, or with a currency code: 1234.50 EUR)';
const REVENUE_LABEL = 'Revenue (amount and currency code, e.g. 1234.50 USD)';

/** Account fields 1-5: number, dropdown, multi-select, currency (default USD), currency (no default). */
async function seedAccountFields(ac: Ac): Promise<void> {
	const meta = (fieldLabel: string, fieldType: string, extra: IDataObject = {}) =>
		call(ac, 'POST', '/accountCustomFieldMeta', { accountCustomFieldMetum: { fieldLabel, fieldType, ...extra } });
	await meta('Employees', 'number');
	await meta('Tier', 'dropdown', { fieldOptions: ['A', 'B'] });
	await meta('Regions', 'multiselect', { fieldOptions: ['North', 'South', 'East'] });
	await meta('Budget', 'currency', { fieldDefaultCurrency: 'usd' });
	await meta('Revenue', 'currency');
	clearLog(ac);
}

/** Deal fields 1-3: datetime, multi-select, currency (default EUR); a deal 1 with a value in each. */
async function seedDealWithFields(ac: Ac): Promise<void> {
	const meta = (fieldLabel: string, fieldType: string, extra: IDataObject = {}) =>
		call(ac, 'POST', '/dealCustomFieldMeta', { dealCustomFieldMetum: { fieldLabel, fieldType, ...extra } });
	await meta('Close By', 'datetime');
	await meta('Products', 'multiselect', { fieldOptions: ['X', 'Y'] });
	await meta('Deal Worth', 'currency', { fieldDefaultCurrency: 'EUR' });
	await seedContact(ac, 'jane@example.com');
	await seedPipeline(ac, 'Sales');
	await call(ac, 'POST', '/deals', {
		deal: {
			title: 'Big one',
			contact: 1,
			value: 100,
			currency: 'usd',
			group: 1,
			stage: 1,
			fields: [
				{ customFieldId: 1, fieldValue: '2026-04-01T09:00:00-05:00' },
				{ customFieldId: 2, fieldValue: ['X', 'Y'] },
				{ customFieldId: 3, fieldValue: 5500 },
			],
		},
	});
	clearLog(ac);
}

/** The record as the emulator answers GET /accounts/1 or /deals/1 (fetched as a fixture). */
async function plainRecord(ac: Ac, path: string, key: string): Promise<IDataObject> {
	const body = await call(ac, 'GET', path);
	clearLog(ac);
	return body[key];
}

const page0 = { limit: '100', offset: '0' };

describe('Get an Account / a Deal with Custom Fields By Name', () => {
	const ac = useEmulator();

	async function seedAcme(): Promise<IDataObject> {
		await seedAccountFields(ac);
		await call(ac, 'POST', '/accounts', {
			account: {
				name: 'Acme',
				fields: [
					{ customFieldId: 1, fieldValue: 250 },
					{ customFieldId: 2, fieldValue: 'A' },
					{ customFieldId: 3, fieldValue: ['North', 'South'] },
					{ customFieldId: 4, fieldValue: 123450, fieldCurrency: 'GBP' },
					{ customFieldId: 5, fieldValue: 99 },
					{ customFieldId: 77, fieldValue: 'a value without a field definition' },
				],
			},
		});
		return plainRecord(ac, '/accounts/1', 'account');
	}

	it('option off (absent or false): the same output as before and no extra request', async () => {
		const account = await seedAcme();
		expect(Object.keys(account)).not.toContain('fields');
		for (const options of [undefined, { customFieldsByName: false }]) {
			clearLog(ac);
			expect(await ac.one('account', 'get', { accountId: 1, ...(options ? { options } : {}) })).toEqual(success('Account', account));
			expect(sent(ac)).toEqual([{ method: 'GET', path: '/accounts/1', query: {}, body: undefined }]);
		}
		await seedDealWithFields(ac);
		const deal = await plainRecord(ac, '/deals/1', 'deal');
		expect(await ac.one('deal', 'get', { dealId: 1, options: { customFieldsByName: false } })).toEqual(success('Deal', deal));
		expect(sent(ac).map((r) => r.path)).toEqual(['/deals/1']);
	});

	it("adds an account's custom fields keyed by name, read from its accountCustomFieldData link (multi-select as a list, currency as { amount, currency })", async () => {
		const account = await seedAcme();
		expect(await ac.one('account', 'get', { accountId: '1', options: { customFieldsByName: true } })).toEqual(
			success('Account', {
				...account,
				customFields: {
					Employees: 250,
					Tier: 'A',
					Regions: ['North', 'South'],
					Budget: { amount: 1234.5, currency: 'GBP' },
					Revenue: { amount: 0.99, currency: null },
				},
			}),
		);
		expect(sent(ac).map((r) => [r.path, r.query])).toEqual([
			['/accounts/1', {}],
			['/accounts/1/accountCustomFieldData', page0],
			['/accountCustomFieldMeta', page0],
		]);
	});

	it("uses the record's own fields list when the answer carries one (no link read)", async () => {
		await seedAccountFields(ac);
		const account = { id: '9', name: 'Inline', fields: [{ customFieldId: 4, fieldValue: '700', accountId: '9' }, { customFieldId: 1, fieldValue: '12', accountId: '9' }] };
		ac.emulator.inject({ method: 'GET', path: '/accounts/9', status: 200, body: { account } });
		expect(await ac.one('account', 'get', { accountId: 9, options: { customFieldsByName: true } })).toEqual(
			// No fieldCurrency stored: the field's default currency.
			success('Account', { ...account, customFields: { Budget: { amount: 7, currency: 'USD' }, Employees: '12' } }),
		);
		expect(sent(ac).map((r) => r.path)).toEqual(['/accounts/9', '/accountCustomFieldMeta']);
	});

	it("adds a deal's custom fields from its dealCustomFieldData link; a currency value without fieldCurrency takes the field's default", async () => {
		await seedDealWithFields(ac);
		const deal = await plainRecord(ac, '/deals/1', 'deal');
		expect(Object.keys(deal)).not.toContain('fields');
		expect(await ac.one('deal', 'get', { dealId: '1', options: { customFieldsByName: true } })).toEqual(
			success('Deal', {
				...deal,
				customFields: { 'Close By': '2026-04-01T09:00:00-05:00', Products: ['X', 'Y'], 'Deal Worth': { amount: 55, currency: 'EUR' } },
			}),
		);
		expect(sent(ac).map((r) => [r.path, r.query])).toEqual([
			['/deals/1', {}],
			['/deals/1/dealCustomFieldData', page0],
			['/dealCustomFieldMeta', page0],
		]);
	});

	it('reads every page of more than 100 field definitions and more than 100 values', async () => {
		for (let i = 1; i <= 130; i++) {
			ac.emulator.db.insert('accountCustomFieldMeta', { fieldLabel: `Field ${String(i).padStart(3, '0')}`, fieldType: 'text', fieldOptions: null });
		}
		await call(ac, 'POST', '/accounts', { account: { name: 'Wide' } });
		for (let i = 1; i <= 130; i++) ac.emulator.db.insert('accountFieldData', { customFieldId: i, fieldValue: `v${i}`, accountId: '1' });
		clearLog(ac);
		const out = await ac.one('account', 'get', { accountId: 1, options: { customFieldsByName: true } });
		expect(out).toMatchObject({ StatusCode: 200, OriginalStatusCode: 200, ErrorMessage: '' });
		const customFields = (out.Account as IDataObject).customFields as IDataObject;
		expect(customFields).toEqual(
			Object.fromEntries(Array.from({ length: 130 }, (_, i) => [`Field ${String(i + 1).padStart(3, '0')}`, `v${i + 1}`])),
		);
		expect(customFields['Field 130']).toBe('v130');
		expect(sent(ac).map((r) => [r.path, r.query])).toEqual([
			['/accounts/1', {}],
			['/accounts/1/accountCustomFieldData', page0],
			['/accounts/1/accountCustomFieldData', { limit: '100', offset: '100' }],
			['/accountCustomFieldMeta', page0],
			['/accountCustomFieldMeta', { limit: '100', offset: '100' }],
		]);
	});

	it('returns the account and says the custom fields are unknown when their read fails (503 after retries)', async () => {
		const account = await seedAcme();
		ac.emulator.inject({ method: 'GET', path: '/accounts/1/accountCustomFieldData', status: 503, times: 5 });
		expect(await ac.one('account', 'get', { accountId: 1, options: { customFieldsByName: true } })).toEqual({
			Account: { ...account, customFields: {} },
			OriginalStatusCode: 200,
			StatusCode: 200,
			ErrorMessage:
				'Account 1 was read, but not its custom fields: ActiveCampaign failed with HTTP 503; the request may be retried later (ActiveCampaign: Injected HTTP 503). "customFields" is empty because the values are unknown, not because the account has none',
		});
		expect(sent(ac).map((r) => r.path)).toEqual(['/accounts/1', ...Array(5).fill('/accounts/1/accountCustomFieldData')]);
	});

	it('says so when the server has no customFieldData link (404), without reading the definitions', async () => {
		const account = await seedAcme();
		ac.emulator.inject({ method: 'GET', path: '/accounts/1/accountCustomFieldData', status: 404, body: { message: 'Not Found' } });
		expect(await ac.one('account', 'get', { accountId: 1, options: { customFieldsByName: true } })).toEqual({
			Account: { ...account, customFields: {} },
			OriginalStatusCode: 200,
			StatusCode: 200,
			ErrorMessage:
				'Account 1 was read, but not its custom fields: the server does not offer GET /accounts/1/accountCustomFieldData. "customFields" is empty because the values are unknown, not because the account has none',
		});
		expect(ac.emulator.requests.map((r) => [r.path, r.status])).toEqual([
			['/accounts/1', 200],
			['/accounts/1/accountCustomFieldData', 404],
		]);
	});

	it('returns the deal and says the custom fields are unknown when the field definitions cannot be read (403)', async () => {
		await seedDealWithFields(ac);
		const deal = await plainRecord(ac, '/deals/1', 'deal');
		ac.emulator.inject({ method: 'GET', path: '/dealCustomFieldMeta', status: 403, body: { message: 'You are not authorized to access this resource' } });
		expect(await ac.one('deal', 'get', { dealId: 1, options: { customFieldsByName: true } })).toEqual({
			Deal: { ...deal, customFields: {} },
			OriginalStatusCode: 200,
			StatusCode: 200,
			ErrorMessage:
				'Deal 1 was read, but not its custom fields: API key is invalid or lacks permission (HTTP 403): check the API key in the credential (ActiveCampaign: You are not authorized to access this resource). "customFields" is empty because the values are unknown, not because the deal has none',
		});
	});

	it('a failing read of the record itself stays the item failure (no side reads)', async () => {
		expect(await ac.one('account', 'get', { accountId: 7, options: { customFieldsByName: true } })).toEqual({
			Account: {},
			OriginalStatusCode: 404,
			StatusCode: 200,
			ErrorMessage: 'Account 7 not found (HTTP 404) (ActiveCampaign: No Result found for Account with id 7)',
		});
		expect(sent(ac).map((r) => r.path)).toEqual(['/accounts/7']);
	});
});

describe('Get a Contact with Custom Fields By Name when the field list cannot be read', () => {
	const ac = useEmulator();
	const unknownFields =
		'Contact 1 was read, but not its custom fields: ActiveCampaign failed with HTTP 503; the request may be retried later (ActiveCampaign: Injected HTTP 503). "customFields" is empty because the values are unknown, not because the contact has none';

	async function seedAnn(): Promise<IDataObject> {
		await call(ac, 'POST', '/fields', { field: { title: 'Membership', type: 'text' } });
		await call(ac, 'POST', '/contact/sync', { contact: { email: 'ann@example.com', fieldValues: [{ field: '1', value: 'Gold' }] } });
		return plainRecord(ac, '/contacts/1', 'contact');
	}

	it('returns the contact with its tags, an empty customFields and an ErrorMessage saying the values are unknown', async () => {
		const contact = await seedAnn();
		ac.emulator.inject({ method: 'GET', path: '/fields', status: 503, times: 5 });
		expect(await ac.one('contact', 'get', { contactId: 1, options: { customFieldsByName: true } })).toEqual({
			Contact: { ...contact, customFields: {}, tags: [] },
			OriginalStatusCode: 200,
			StatusCode: 200,
			ErrorMessage: unknownFields,
		});
		expect(ac.emulator.requests.map((r) => [r.path, r.status])).toEqual([
			['/contacts/1', 200],
			...Array(5).fill(['/fields', 503]),
			['/contacts/1/contactTags', 200],
		]);
	});

	it('says both when neither the custom fields nor the tags could be read', async () => {
		const contact = await seedAnn();
		ac.emulator.inject({ method: 'GET', path: '/fields', status: 503, times: 5 });
		ac.emulator.inject({ method: 'GET', path: '/contacts/1/contactTags', status: 404, body: { message: 'Not Found' } });
		expect(await ac.one('contact', 'get', { contactId: 1, options: { customFieldsByName: true } })).toEqual({
			Contact: { ...contact, customFields: {}, tags: [] },
			OriginalStatusCode: 200,
			StatusCode: 200,
			ErrorMessage: `${unknownFields}. Contact 1 was read, but not its tags: the server does not offer GET /contacts/1/contactTags. "tags" is empty because the tags are unknown, not because the contact has none`,
		});
	});

	it('still gives the values keyed by name when the field list is read', async () => {
		const contact = await seedAnn();
		expect(await ac.one('contact', 'get', { contactId: 1, options: { customFieldsByName: true } })).toEqual(
			success('Contact', { ...contact, customFields: { Membership: 'Gold' }, tags: [] }),
		);
	});
});

describe('Currency custom fields by name', () => {
	const ac = useEmulator();

	function context() {
		return editorContext({
			parameters: { resource: 'account', operation: 'create' },
			credentials: { apiUrl: ac.emulator.url, apiKey: ac.emulator.apiKey },
		});
	}

	const schema = [
		{ id: '4:currency:USD', displayName: BUDGET_LABEL, type: 'string' },
		{ id: '5:currency', displayName: REVENUE_LABEL, type: 'string' },
	];

	it('offers a currency field as a text input whose ID carries the default currency', async () => {
		await seedAccountFields(ac);
		const base = { required: false, defaultMatch: false, display: true, canBeUsedToMatch: false };
		expect((await resourceMapping.accountCustomFields.call(context())).fields.slice(3)).toEqual([
			{ ...base, id: '4:currency:USD', displayName: BUDGET_LABEL, type: 'string' },
			{ ...base, id: '5:currency', displayName: REVENUE_LABEL, type: 'string' },
		]);
	});

	it('sends the amount in cents with the default or the given currency, and Get reads it back', async () => {
		await seedAccountFields(ac);
		const out = await ac.one('account', 'create', {
			name: 'Acme',
			customFieldsByName: resourceMapperValue({ '4:currency:USD': '1234.57', '5:currency': 'eur 99' }, schema),
			options: { checkDuplicate: false },
		});
		expect(out).toMatchObject({ StatusCode: 200, OriginalStatusCode: 201, ErrorMessage: '' });
		expect(sent(ac).map((r) => r.body)).toEqual([
			{
				account: {
					name: 'Acme',
					fields: [
						{ customFieldId: 4, fieldValue: 123457, fieldCurrency: 'USD' },
						{ customFieldId: 5, fieldValue: 9900, fieldCurrency: 'EUR' },
					],
					owner: 1,
				},
			},
		]);
		clearLog(ac);
		const read = await ac.one('account', 'get', { accountId: 1, options: { customFieldsByName: true } });
		expect((read.Account as IDataObject).customFields).toEqual({
			Budget: { amount: 1234.57, currency: 'USD' },
			Revenue: { amount: 99, currency: 'EUR' },
		});
	});

	it('takes a number, "USD 10" and the { amount, currency } that Get returns, on a deal update', async () => {
		await seedDealWithFields(ac);
		const deal = await ac.one('deal', 'update', {
			dealId: 1,
			customFieldsByName: resourceMapperValue({ '3:currency:EUR': { amount: '12.30', currency: 'gbp' } }),
		});
		expect(deal).toMatchObject({ StatusCode: 200, ErrorMessage: '' });
		const put = ac.emulator.requests.find((r) => r.method === 'PUT');
		expect(put?.body.deal.fields).toEqual([{ customFieldId: 3, fieldValue: 1230, fieldCurrency: 'GBP' }]);
		await seedAccountFields(ac);
		await call(ac, 'POST', '/accounts', { account: { name: 'Acme' } });
		clearLog(ac);
		const account = await ac.one('account', 'update', {
			accountId: 1,
			customFieldsByName: resourceMapperValue({ '4:currency:USD': 0.29, '5:currency': 'USD 10' }),
		});
		expect(account).toMatchObject({ StatusCode: 200, OriginalStatusCode: 200, ErrorMessage: '' });
		expect(sent(ac).map((r) => [r.method, r.path])).toEqual([['PUT', '/accounts/1']]);
		expect(sent(ac)[0].body).toEqual({
			account: {
				fields: [
					{ customFieldId: 4, fieldValue: 29, fieldCurrency: 'USD' },
					{ customFieldId: 5, fieldValue: 1000, fieldCurrency: 'USD' },
				],
			},
		});
	});

	const field = '"Custom Fields By Name" (customFieldsByName), field';
	it.each([
		['4:currency:USD', '12.345', `${field} "Budget" is not an amount with at most two decimals (got "12.345"): give the amount in USD such as 1234.50, or an amount and a currency code such as 1234.50 EUR; it is sent in cents`],
		['4:currency:USD', 'ten dollars', `${field} "Budget" is not an amount (got "ten dollars"): give the amount in USD such as 1234.50, or an amount and a currency code such as 1234.50 EUR`],
		['4:currency:USD', '1,234.50', `${field} "Budget" is not an amount (got "1,234.50"): give the amount in USD such as 1234.50, or an amount and a currency code such as 1234.50 EUR`],
		['4:currency:USD', 'EUR 10 USD', `${field} "Budget" is not an amount (got "EUR 10 USD"): give the amount in USD such as 1234.50, or an amount and a currency code such as 1234.50 EUR`],
		['4:currency:USD', { amount: 5, currency: 'dollars' }, `${field} "Budget" has a currency that is not a 3-letter code (got "dollars"): use a code such as USD or EUR`],
		['5:currency', '10', `${field} "Revenue" has no currency code: give an amount and a currency code such as 1234.50 USD (the field has no default currency)`],
	])('refuses currency field %s = %j with -1 naming the field, and sends nothing', async (key, value, message) => {
		const out = await ac.one('account', 'create', {
			name: 'Acme',
			customFieldsByName: resourceMapperValue({ [key]: value }, schema),
			options: { checkDuplicate: false },
		});
		expect(out).toEqual(invalid('Account', message));
		expect(ac.emulator.requests).toEqual([]);
	});

	it('refuses a currency shape on a contact field (contacts have no currency fields) with -1, and sends nothing', async () => {
		const out = await ac.one('contact', 'create', { email: 'ann@example.com', customFieldsByName: resourceMapperValue({ '3:currency:USD': '5' }) });
		expect(out).toEqual(invalid('Contact', `${field} "3:currency:USD" is not a custom field of ActiveCampaign: pick the fields again`));
		expect(ac.emulator.requests).toEqual([]);
	});

	it('says in the parameter description how a currency field is given (accounts and deals only)', () => {
		const properties = new ActiveCampaignV3().description.properties;
		const descriptionOf = (resource: string, operation: string) =>
			properties.find((p) => p.name === 'customFieldsByName' && p.displayOptions?.show?.resource?.[0] === resource && p.displayOptions?.show?.operation?.[0] === operation)
				?.description;
		const currencyNote = '; a currency field takes the amount in units, e.g. 1234.50 or 1234.50 EUR, and is sent in cents';
		expect(descriptionOf('account', 'create')).toBe(`Set account custom fields by their names, each with the input its type needs (alternative to the JSON list)${currencyNote}`);
		expect(descriptionOf('deal', 'update')).toBe(`Set deal custom fields by their names, each with the input its type needs (alternative to the JSON list)${currencyNote}`);
		expect(descriptionOf('contact', 'create')).toBe('Set contact custom fields by their names, each with the input its type needs (alternative to the JSON list)');
	});

	it('the emulator refuses a currency value that is not in cents (so a client sending units is caught)', async () => {
		await seedAccountFields(ac);
		await expect(
			call(ac, 'POST', '/accounts', { account: { name: 'Acme', fields: [{ customFieldId: 4, fieldValue: '12.50', fieldCurrency: 'USD' }] } }),
		).rejects.toThrow('fixture POST /accounts failed: 422');
	});
});
