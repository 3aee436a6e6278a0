/**
 * The list operations' output options through n8n's real engine against the emulator: Output (one
 * item with the list — the contract's default — or one item per record, paired to its input item)
 * and Record Fields / Fields to Return (selected or simplified records, the id always kept).
 */
import { registry } from '../../nodes/ActiveCampaignV3/actions';
import { ActiveCampaignV3V1 as ActiveCampaignV3 } from '../../nodes/ActiveCampaignV3/ActiveCampaignV3V1.node';
import { hasListOutput } from '../../nodes/ActiveCampaignV3/framework/outputOptions';
import { success, useEmulator } from '../helpers';
import { seedContact, seedTag, tagRecord } from '../operations/foundation.support';
import { seedOrder, seedShop } from '../operations/ecommerce/ecommerce.support';


const OK = { StatusCode: 200, OriginalStatusCode: 200, ErrorMessage: '' };

describe('output options of the list operations', () => {
	const ac = useEmulator();

	beforeEach(async () => {
		await seedTag(ac, 'customer', 'contact', 'Has bought');
		await seedTag(ac, 'lead', 'contact', '');
		await seedTag(ac, 'vip', 'contact', 'Top accounts');
	});

	it('are offered on every list operation, in its Options, and on no other operation', () => {
		const properties = new ActiveCampaignV3().description.properties;
		for (const op of registry.all()) {
			const collection = properties.find(
				(p) => p.name === 'options' && p.displayOptions?.show?.resource?.includes(op.resource) && p.displayOptions?.show?.operation?.includes(op.operation),
			);
			const names = ((collection?.options ?? []) as Array<{ name: string }>).map((o) => o.name);
			const offered = ['output', 'recordFields', 'fieldsToReturn'].filter((n) => names.includes(n));
			expect([`${op.resource}.${op.operation}`, offered]).toEqual([
				`${op.resource}.${op.operation}`,
				hasListOutput(op) ? ['output', 'recordFields', 'fieldsToReturn'] : [],
			]);
		}
		expect(registry.all().filter(hasListOutput)).toHaveLength(13);
	});

	it('by default keep the contract: one item with the list and its totals', async () => {
		const result = await ac.run('tag', 'getMany', { limit: 10 });
		expect(result.json).toEqual([
			success('Tags', {
				Tags: [tagRecord('1', 'customer', 'contact', 'Has bought'), tagRecord('2', 'lead', 'contact', ''), tagRecord('3', 'vip', 'contact', 'Top accounts')],
				Pagination: { limit: 10, offset: 0, total: 3, hasMore: false },
			}),
		]);
		// Choosing the default explicitly changes nothing.
		const explicit = await ac.run('tag', 'getMany', { limit: 10, options: { output: 'list', recordFields: 'all' } });
		expect(explicit.json).toEqual(result.json);
	});

	it('Output "One Item per Record": each record with the status fields, paired to its own input item', async () => {
		const result = await ac.run(
			'tag',
			'getMany',
			{ limit: 10, options: { output: 'records', searchText: '={{ $json.search }}' } },
			[{ search: 'vip' }, { search: 'nothing like this' }, { search: '' }],
		);
		expect(result.json).toEqual([
			{ ...tagRecord('3', 'vip', 'contact', 'Top accounts'), ...OK },
			// The second item's search found nothing: no item for it.
			{ ...tagRecord('1', 'customer', 'contact', 'Has bought'), ...OK },
			{ ...tagRecord('2', 'lead', 'contact', ''), ...OK },
			{ ...tagRecord('3', 'vip', 'contact', 'Top accounts'), ...OK },
		]);
		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 2 }, { item: 2 }, { item: 2 }]);
	});

	it('a failed item keeps its one standard output in per-record mode (-1 and upstream errors)', async () => {
		const result = await ac.run('tag', 'getMany', { limit: '={{ $json.limit }}', options: { output: 'records' } }, [
			{ limit: 500 },
			{ limit: 1 },
		]);
		expect(result.json).toEqual([
			{ Tags: {}, OriginalStatusCode: 0, StatusCode: -1, ErrorMessage: expect.stringContaining('"Limit" (limit)') },
			{ ...tagRecord('1', 'customer', 'contact', 'Has bought'), ...OK },
		]);
		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		ac.emulator.inject({ method: 'GET', path: '/tags', status: 404, times: 1, body: { message: 'No Result found' } });
		const failed = await ac.run('tag', 'getMany', { limit: 10, options: { output: 'records' } });
		expect(failed.json).toHaveLength(1);
		expect(failed.json[0]).toMatchObject({ Tags: {}, OriginalStatusCode: 404, StatusCode: 200 });
		expect(failed.json[0].ErrorMessage).not.toBe('');
	});

	it('Fields to Return: only the named fields, id always kept and first, in list and per-record mode', async () => {
		const list = await ac.run('tag', 'getMany', { limit: 10, options: { fieldsToReturn: ' tag , description,unknownField' } });
		expect(list.json).toEqual([
			success('Tags', {
				Tags: [
					{ id: '1', tag: 'customer', description: 'Has bought' },
					{ id: '2', tag: 'lead', description: '' },
					{ id: '3', tag: 'vip', description: 'Top accounts' },
				],
				Pagination: { limit: 10, offset: 0, total: 3, hasMore: false },
			}),
		]);
		const records = await ac.run('tag', 'getMany', { limit: 2, options: { output: 'records', fieldsToReturn: 'tag,id' } });
		expect(records.json).toEqual([
			{ id: '1', tag: 'customer', ...OK },
			{ id: '2', tag: 'lead', ...OK },
		]);
	});

	it('Record Fields "Simplified": no links, nested objects, lists or empty values', async () => {
		await seedContact(ac, { email: 'ada@example.com', firstName: 'Ada', lastName: '' });
		const result = await ac.run('contact', 'getMany', { limit: 5, options: { recordFields: 'simplified' } });
		const [contact] = (result.json[0].Contacts as { Contacts: Array<Record<string, unknown>> }).Contacts;
		expect(Object.keys(contact).sort()).toEqual(
			Object.entries(contact)
				.filter(([, v]) => typeof v === 'number' || typeof v === 'boolean' || (typeof v === 'string' && v !== ''))
				.map(([k]) => k)
				.sort(),
		);
		expect(contact).toMatchObject({ id: '1', email: 'ada@example.com', firstName: 'Ada' });
		expect(contact).not.toHaveProperty('links');
		expect(contact).not.toHaveProperty('lastName');
		expect(contact).not.toHaveProperty('organization');
		expect(result.json[0]).toMatchObject({ Contacts: { Total: 1 }, ...OK });
	});

	it('works where the business value is the list itself (Get Ecommerce Order Products by OrderId)', async () => {
		await seedShop(ac);
		await seedOrder(ac, {
			connectionid: '1',
			customerid: '1',
			externalid: 'o1',
			orderProducts: [
				{ externalid: 'P1', name: 'Pogo Stick', price: 4900, quantity: 1 },
				{ externalid: 'P2', name: 'Skateboard', price: 3000, quantity: 2 },
			],
		});
		const result = await ac.run('ecommerceOrderProduct', 'getByOrderId', {
			orderId: '={{ $json.order }}',
			options: { output: 'records', fieldsToReturn: 'name, price, quantity' },
		}, [{ order: 1 }, { order: 77 }]);
		expect(result.json).toEqual([
			{ id: '1', name: 'Pogo Stick', price: '4900', quantity: '1', ...OK },
			{ id: '2', name: 'Skateboard', price: '3000', quantity: '2', ...OK },
			// The unknown order keeps its standard failure item (business value [] and the 404).
			{
				Products: [],
				OriginalStatusCode: 404,
				StatusCode: 200,
				ErrorMessage: 'Ecommerce order 77 not found (HTTP 404) (ActiveCampaign: No Result found for EcomOrder with id 77)',
			},
		]);
		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 0 }, { item: 1 }]);
		const list = await ac.one('ecommerceOrderProduct', 'getByOrderId', { orderId: 1, options: { fieldsToReturn: 'name' } });
		expect(list).toEqual(success('Products', [{ id: '1', name: 'Pogo Stick' }, { id: '2', name: 'Skateboard' }]));
	});

	it('a bad option value is a -1 naming it, nothing sent', async () => {
		const out = await ac.one('tag', 'getMany', { limit: 10, options: { output: 'everything' } });
		expect(out).toEqual({
			Tags: {},
			OriginalStatusCode: 0,
			StatusCode: -1,
			ErrorMessage: expect.stringMatching(/^"Output" \(output\) must be one of "list", "records"/),
		});
		expect(ac.emulator.requests).toEqual([]);
	});
});
