import type { IDataObject } from 'n8n-workflow';

import { ActiveCampaignV3V1 as ActiveCampaignV3 } from '../../nodes/ActiveCampaignV3/ActiveCampaignV3V1.node';
import { editorContext } from '../editorContext';
import { useEmulator } from '../helpers';
import { call, clearLog, resourceMapperValue } from '../operations/foundation.support';

/**
 * Custom fields by name (issue 11 item 2): the editor's field lists (all pages, typed, dropdowns
 * with the field's options) and what the node sends for the values set by name, through the engine.
 */

const { resourceMapping } = new ActiveCampaignV3().methods;

describe('custom fields by name', () => {
	const ac = useEmulator();

	function context() {
		return editorContext({
			parameters: { resource: 'contact', operation: 'create' },
			credentials: { apiUrl: ac.emulator.url, apiKey: ac.emulator.apiKey },
		});
	}

	async function seedContactFields(): Promise<void> {
		await call(ac, 'POST', '/fields', { field: { title: 'Membership', type: 'dropdown' } });
		await call(ac, 'POST', '/fieldOption/bulk', {
			fieldOptions: [
				{ field: '1', label: 'Gold level', value: 'Gold' },
				{ field: '1', label: 'Silver level', value: 'Silver' },
			],
		});
		await call(ac, 'POST', '/fields', { field: { title: 'Birthday', type: 'date' } });
		await call(ac, 'POST', '/fields', { field: { title: 'Colours', type: 'multiselect' } });
		await call(ac, 'POST', '/fieldOption/bulk', {
			fieldOptions: [
				{ field: '3', label: 'Red', value: 'Red' },
				{ field: '3', label: 'Blue', value: 'Blue' },
			],
		});
		await call(ac, 'POST', '/fields', { field: { title: 'Notes', type: 'textarea' } });
		clearLog(ac);
	}

	it('lists every contact custom field over several pages, typed, dropdowns with their options', async () => {
		await seedContactFields();
		for (let i = 5; i <= 130; i++) ac.emulator.db.insert('fields', { title: `Field ${i}`, type: 'text', perstag: `F${i}` });
		const { fields } = await resourceMapping.contactCustomFields.call(context());
		expect(fields).toHaveLength(130);
		const base = { required: false, defaultMatch: false, display: true, canBeUsedToMatch: false };
		expect(fields.slice(0, 4)).toEqual([
			{ ...base, id: '1', displayName: 'Membership', type: 'options', options: [{ name: 'Gold level', value: 'Gold' }, { name: 'Silver level', value: 'Silver' }] },
			{ ...base, id: '2:date', displayName: 'Birthday', type: 'dateTime' },
			{ ...base, id: '3:multi', displayName: 'Colours', type: 'array' },
			{ ...base, id: '4', displayName: 'Notes', type: 'string' },
		]);
		expect(fields[129]).toEqual({ ...base, id: '130', displayName: 'Field 130', type: 'string' });
		expect(ac.emulator.requests.map((r) => [r.path, r.query])).toEqual([
			['/fields', { limit: '100', offset: '0' }],
			['/fields', { limit: '100', offset: '100' }],
		]);
	});

	it('lists account and deal custom fields with their types', async () => {
		await call(ac, 'POST', '/accountCustomFieldMeta', { accountCustomFieldMetum: { fieldLabel: 'Employees', fieldType: 'number' } });
		await call(ac, 'POST', '/accountCustomFieldMeta', {
			accountCustomFieldMetum: { fieldLabel: 'Tier', fieldType: 'dropdown', fieldOptions: ['A', 'B'] },
		});
		await call(ac, 'POST', '/dealCustomFieldMeta', { dealCustomFieldMetum: { fieldLabel: 'Close By', fieldType: 'datetime' } });
		await call(ac, 'POST', '/dealCustomFieldMeta', {
			dealCustomFieldMetum: { fieldLabel: 'Products', fieldType: 'multiselect', fieldOptions: ['X', 'Y'] },
		});
		const base = { required: false, defaultMatch: false, display: true, canBeUsedToMatch: false };
		expect((await resourceMapping.accountCustomFields.call(context())).fields).toEqual([
			{ ...base, id: '1', displayName: 'Employees', type: 'number' },
			{ ...base, id: '2', displayName: 'Tier', type: 'options', options: [{ name: 'A', value: 'A' }, { name: 'B', value: 'B' }] },
		]);
		expect((await resourceMapping.dealCustomFields.call(context())).fields).toEqual([
			{ ...base, id: '1:datetime', displayName: 'Close By', type: 'dateTime' },
			{ ...base, id: '2:multi', displayName: 'Products', type: 'array' },
		]);
	});

	it('creates a contact with fields set by name, merged with the JSON list (by name wins)', async () => {
		const { json } = await ac.run('contact', 'create', {
			email: 'ann@example.com',
			customFieldsByName: resourceMapperValue(
				{ '1': 'Gold', '2:date': '2026-03-18T10:30:00.000Z', '3:multi': ['Red', 'Blue'], '4': null },
				[
					{ id: '1', displayName: 'Membership', type: 'options', options: [{ name: 'Gold level', value: 'Gold' }, { name: 'Silver level', value: 'Silver' }] },
					{ id: '2:date', displayName: 'Birthday', type: 'dateTime' },
					{ id: '3:multi', displayName: 'Colours', type: 'array' },
				],
			),
			options: { fieldValues: '[{"field": "1", "value": "Silver"}, {"field": "9", "value": "kept"}]' },
		});
		expect(json[0].StatusCode).toBe(200);
		expect(ac.emulator.requests.map((r) => r.body)).toEqual([
			{
				contact: {
					email: 'ann@example.com',
					fieldValues: [
						{ field: '9', value: 'kept' },
						{ field: '1', value: 'Gold' },
						{ field: '2', value: '2026-03-18' },
						{ field: '3', value: '||Red||Blue||' },
					],
				},
			},
		]);
	});

	it('updates a contact when custom fields by name are the only change', async () => {
		await call(ac, 'POST', '/contact/sync', { contact: { email: 'ann@example.com' } });
		clearLog(ac);
		const { json } = await ac.run('contact', 'update', { contactId: 1, customFieldsByName: resourceMapperValue({ '3:multi': 'Red, Blue' }) });
		expect(json[0]).toMatchObject({ StatusCode: 200, ErrorMessage: '' });
		expect(ac.emulator.requests.map((r) => [r.method, r.path, r.body])).toEqual([
			['PUT', '/contacts/1', { contact: { fieldValues: [{ field: '3', value: '||Red||Blue||' }] } }],
		]);
	});

	it('still says "Nothing to update" when the mapping holds no value', async () => {
		const { json } = await ac.run('contact', 'update', { contactId: 1, customFieldsByName: resourceMapperValue({ '1': '' }) });
		expect(json).toEqual([
			{
				Contact: {},
				OriginalStatusCode: 0,
				StatusCode: -1,
				ErrorMessage: 'Nothing to update: add at least one of Email, First Name, Last Name, Phone or Field Values under "Options" (options)',
			},
		]);
		expect(ac.emulator.requests).toEqual([]);
	});

	it('refuses a date from an expression that is not one with -1 naming the field, and sends nothing', async () => {
		// A literal bad value is flagged by n8n in the editor already; an expression is only known at run time.
		const { json } = await ac.run(
			'contact',
			'create',
			{
				email: 'ann@example.com',
				customFieldsByName: resourceMapperValue({ '2:date': '={{ $json.birthday }}' }, [{ id: '2:date', displayName: 'Birthday', type: 'dateTime' }]),
			},
			[{ birthday: 'next tuesday' }],
		);
		expect(json).toEqual([
			{
				Contact: {},
				OriginalStatusCode: 0,
				StatusCode: -1,
				ErrorMessage:
					'"Custom Fields By Name" (customFieldsByName), field "Birthday" is not a date (got "next tuesday"): use a form like 2026-03-18',
			},
		]);
		expect(ac.emulator.requests).toEqual([]);
	});

	it("returns a contact's custom fields keyed by name when asked, and reads no field list otherwise", async () => {
		await seedContactFields();
		await call(ac, 'POST', '/contact/sync', {
			contact: {
				email: 'ann@example.com',
				fieldValues: [
					{ field: '1', value: 'Gold' },
					{ field: '3', value: '||Red||Blue||' },
					{ field: '77', value: 'a field without a definition' },
				],
			},
		});
		clearLog(ac);
		const named = await ac.one('contact', 'get', { contactId: 1, options: { customFieldsByName: true } });
		expect(named).toMatchObject({ StatusCode: 200, OriginalStatusCode: 200, ErrorMessage: '' });
		expect((named.Contact as IDataObject).customFields).toEqual({ Membership: 'Gold', Colours: ['Red', 'Blue'] });
		expect(ac.emulator.requests.map((r) => r.path)).toEqual(['/contacts/1', '/fields', '/contacts/1/contactTags']);
		clearLog(ac);
		const plain = await ac.one('contact', 'get', { contactId: 1 });
		expect(Object.keys(plain.Contact as IDataObject)).not.toContain('customFields');
		expect(ac.emulator.requests.map((r) => r.path)).toEqual(['/contacts/1', '/contacts/1/contactTags']);
	});

	it('creates and updates accounts and deals with fields by name (arrays for multi-select)', async () => {
		const { json: account } = await ac.run('account', 'create', {
			name: 'Acme',
			customFieldsByName: resourceMapperValue({ '1': 250, '2:multi': '["A", "B"]' }),
			options: { checkDuplicate: false },
		});
		expect(account[0]).toMatchObject({ StatusCode: 200 });
		await call(ac, 'POST', '/contact/sync', { contact: { email: 'd@example.com' } });
		const pipeline = await call(ac, 'POST', '/dealGroups', { dealGroup: { title: 'Sales', currency: 'usd', allgroups: 1, allusers: 1 } });
		const deal = await call(ac, 'POST', '/deals', {
			deal: { title: 'D', contact: '1', value: 1, currency: 'usd', group: pipeline.dealGroup.id, stage: pipeline.dealStages[0].id },
		});
		clearLog(ac);
		const { json: updated } = await ac.run('deal', 'update', {
			dealId: deal.deal.id,
			customFieldsByName: resourceMapperValue({ '1:datetime': '2026-04-01T09:00:00-05:00' }),
		});
		expect(updated[0]).toMatchObject({ StatusCode: 200, ErrorMessage: '' });
		const put = ac.emulator.requests.find((r) => r.method === 'PUT');
		expect(put?.body.deal.fields).toEqual([{ customFieldId: 1, fieldValue: '2026-04-01T09:00:00-05:00' }]);
		expect(ac.emulator.db.all('accountFieldData').map((f) => [f.customFieldId, f.fieldValue])).toEqual([
			[1, 250],
			[2, ['A', 'B']],
		]);
	});
});
