import type { IDataObject } from 'n8n-workflow';

import { success, useEmulator } from '../../helpers';
import {
	POST_503,
	RESET,
	TIMEOUT,
	TIMESTAMP,
	call,
	clearLog,
	failed,
	idMessage,
	invalid,
	requiredMessage,
	seedContact,
	seedDeal,
	seedPipeline,
	sent,
	upstream,
} from './support';

type Ac = ReturnType<typeof useEmulator>;

/** A deal as the emulator (like ActiveCampaign) returns it. */
function dealRecord(id: string, fields: Record<string, unknown> = {}) {
	return {
		owner: '1',
		contact: '1',
		organization: null,
		group: '1',
		stage: '1',
		title: '',
		description: '',
		percent: '0',
		cdate: TIMESTAMP,
		mdate: TIMESTAMP,
		nextdate: null,
		nexttaskid: null,
		value: '0',
		currency: 'usd',
		winProbability: null,
		winProbabilityMdate: null,
		status: '0',
		activitycount: '0',
		nextdealid: id,
		edate: null,
		isDisabled: false,
		account: null,
		customerAccount: null,
		hash: expect.stringMatching(/^[0-9a-f]*$/),
		id,
		links: Object.fromEntries(
			['dealActivities', 'contact', 'contactDeals', 'group', 'nextTask', 'notes', 'account', 'organization', 'owner', 'stage', 'tasks'].map(
				(name) => [name, `/api/3/deals/${id}/${name}`],
			),
		),
		...fields,
	};
}

/** Contact 1, pipeline 1 (stages 1-3) and pipeline 2 (stages 4-6). */
async function seedWorld(ac: Ac) {
	await seedContact(ac, 'jane@example.com');
	await seedPipeline(ac, 'Sales');
	await seedPipeline(ac, 'Onboarding');
}

const CREATE = { title: 'Annual License', contactId: 1, value: 45678, currency: 'USD', stageId: 2, pipelineId: 1 };

describe('Deal: Create a Deal', () => {
	const ac = useEmulator();

	it('creates the deal with every option: value in cents unchanged, currency lower-case, side-loads dropped (201)', async () => {
		await seedWorld(ac);
		const out = await ac.one('deal', 'create', {
			...CREATE,
			options: {
				owner: 3,
				additionalFields: '{"description": "Big one", "percent": 75, "status": 0, "fields": [{"customFieldId": 1, "fieldValue": "Gold"}]}',
			},
		});
		expect(out).toEqual(
			success(
				'Deal',
				dealRecord('1', {
					owner: '3',
					stage: '2',
					title: 'Annual License',
					description: 'Big one',
					percent: '75',
					value: '45678',
					fields: [{ customFieldId: 1, fieldValue: 'Gold', dealId: '1' }],
					// The contract's `pipeline`, a copy of the API's `group`.
					pipeline: '1',
				}),
				201,
			),
		);
		expect(sent(ac)).toEqual([
			{
				method: 'POST',
				path: '/deals',
				query: {},
				body: {
					deal: {
						description: 'Big one',
						percent: 75,
						status: 0,
						fields: [{ customFieldId: 1, fieldValue: 'Gold' }],
						title: 'Annual License',
						contact: 1,
						value: 45678,
						currency: 'usd',
						group: 1,
						stage: 2,
						owner: 3,
					},
				},
			},
		]);
	});

	it('sends Owner 1 by default and accepts a value of 0', async () => {
		await seedWorld(ac);
		const out = await ac.one('deal', 'create', { ...CREATE, value: 0, currency: 'eur', stageId: '1', pipelineId: '1' });
		expect(out).toEqual(
			success('Deal', dealRecord('1', { title: 'Annual License', currency: 'eur', fields: [], pipeline: '1' }), 201),
		);
		expect(ac.emulator.requests[0].body).toEqual({
			deal: { title: 'Annual License', contact: 1, value: 0, currency: 'eur', group: 1, stage: 1, owner: 1 },
		});
	});

	it('reports a stage that does not belong to the pipeline (422)', async () => {
		await seedWorld(ac);
		expect(await ac.one('deal', 'create', { ...CREATE, stageId: 5 })).toEqual(
			upstream('Deal', 422, "ActiveCampaign rejected the data (HTTP 422): Deal's stage does not belong to deal's pipeline"),
		);
		expect(ac.emulator.db.count('deals')).toBe(0);
	});

	it.each([
		[{ value: -5 }, '"Value" (value) must be a whole number of cents, 0 or more (got -5): e.g. 4999 for 49.99'],
		[{ value: 12.5 }, '"Value" (value) must be a whole number of cents, 0 or more (got 12.5): e.g. 4999 for 49.99'],
		[{ currency: 'US' }, '"Currency" (currency) is not valid (got "US"): enter a 3-letter ISO currency code such as USD'],
		[{ currency: 'dollars' }, '"Currency" (currency) is too long (7 characters, at most 3): shorten it'],
		[{ stageId: undefined }, requiredMessage('Stage ID', 'stageId', 'The numeric ID of the stage, which must belong to the pipeline, e.g. 1 (from Get Many Stages)')],
		[{ contactId: 'abc' }, idMessage('Contact ID', 'contactId', '"abc"', 'The numeric ID of the contact of the deal, e.g. 123 (from Get Many Contacts)')],
		[{ options: { additionalFields: '{"percent": 150}' } }, '"Additional Fields" (additionalFields): "percent" must be a whole number from 0 to 100 (got 150)'],
		[{ options: { additionalFields: '{"status": 4}' } }, '"Additional Fields" (additionalFields): "status" must be 0 (open), 1 (won) or 2 (lost) (got 4)'],
		[
			{ options: { additionalFields: '[1]' } },
			'"Additional Fields" (additionalFields) must be a JSON object such as {"description": "Deal\'s description", "percent": 75, "status": 0}',
		],
	])('refuses bad input %j without sending anything', async (override, message) => {
		const params: IDataObject = { ...CREATE, ...override };
		for (const key of Object.keys(params)) if (params[key] === undefined) delete params[key];
		expect(await ac.one('deal', 'create', params)).toEqual(invalid('Deal', message));
		expect(ac.emulator.requests).toEqual([]);
	});

	it('reports a 503 on the create and does not retry it', async () => {
		await seedWorld(ac);
		ac.emulator.inject({ method: 'POST', path: '/deals', status: 503 });
		expect(await ac.one('deal', 'create', CREATE)).toEqual(failed('Deal', 503, POST_503));
		expect(ac.emulator.sent('POST', '/deals')).toHaveLength(1);
	});

	it('reports a timeout on the create and does not retry it', async () => {
		await seedWorld(ac);
		ac.emulator.inject({ method: 'POST', path: '/deals', hang: true });
		expect(await ac.one('deal', 'create', CREATE)).toEqual(failed('Deal', 0, TIMEOUT));
		expect(ac.emulator.sent('POST', '/deals')).toHaveLength(1);
	});

	it('reports a connection dropped after the deal was created, and does not create a second one', async () => {
		await seedWorld(ac);
		ac.emulator.inject({ method: 'POST', path: '/deals', drop: 'after' });
		expect(await ac.one('deal', 'create', CREATE)).toEqual(failed('Deal', 0, RESET));
		expect(ac.emulator.sent('POST', '/deals')).toHaveLength(1);
		expect(ac.emulator.db.count('deals')).toBe(1);
	});
});

describe('Deal: Delete a Deal', () => {
	const ac = useEmulator();

	it('deletes the deal and returns {id, deleted}', async () => {
		await seedWorld(ac);
		await seedDeal(ac, { title: 'A', contact: 1, value: 1, currency: 'usd', group: 1, stage: 1 });
		expect(await ac.one('deal', 'delete', { dealId: 1 })).toEqual(success('DeletedDeal', { id: '1', deleted: true }));
		expect(sent(ac)).toEqual([{ method: 'DELETE', path: '/deals/1', query: {}, body: undefined }]);
		expect(ac.emulator.db.count('deals')).toBe(0);
	});

	it('reports an unknown deal (404)', async () => {
		expect(await ac.one('deal', 'delete', { dealId: 8 })).toEqual(
			upstream('DeletedDeal', 404, 'Deal 8 not found (HTTP 404) (ActiveCampaign: No Result found for Deal with id 8)'),
		);
	});

	it('refuses a bad Deal ID without sending anything', async () => {
		expect(await ac.one('deal', 'delete', { dealId: '8 OR 1=1' })).toEqual(
			invalid('DeletedDeal', idMessage('Deal ID', 'dealId', '"8 OR 1=1"', 'The numeric ID of the deal to delete, e.g. 12345 (from Get Many Deals)')),
		);
		expect(ac.emulator.requests).toEqual([]);
	});
});

describe('Deal: Get a Deal', () => {
	const ac = useEmulator();

	it('returns the deal', async () => {
		await seedWorld(ac);
		await seedDeal(ac, { title: 'A', contact: 1, value: 1500, currency: 'usd', group: 2, stage: 4, status: 1 });
		expect(await ac.one('deal', 'get', { dealId: '1' })).toEqual(
			success('Deal', dealRecord('1', { title: 'A', value: '1500', group: '2', stage: '4', status: '1' })),
		);
		expect(sent(ac)).toEqual([{ method: 'GET', path: '/deals/1', query: {}, body: undefined }]);
	});

	it('reports an unknown deal (404)', async () => {
		expect(await ac.one('deal', 'get', { dealId: 3 })).toEqual(
			upstream('Deal', 404, 'Deal 3 not found (HTTP 404) (ActiveCampaign: No Result found for Deal with id 3)'),
		);
	});
});

describe('Deal: Get Many Deals', () => {
	const ac = useEmulator();

	async function seedDeals(titles: string[]) {
		await seedWorld(ac);
		for (const title of titles) await call(ac, 'POST', '/deals', { deal: { title, contact: 1, value: 100, currency: 'usd', group: 1, stage: 1 } });
		clearLog(ac);
	}

	it('searches titles, orders them and returns {deals, total} with a numeric total', async () => {
		await seedDeals(['Acme Corp Deal', 'Globex Renewal', 'New Acme Project']);
		const out = await ac.one('deal', 'getMany', { limit: 10, options: { search: 'acme', orderTitle: 'DESC' } });
		expect(out).toEqual(
			success('Deals', {
				deals: [dealRecord('3', { title: 'New Acme Project', value: '100' }), dealRecord('1', { title: 'Acme Corp Deal', value: '100' })],
				total: 2,
			}),
		);
		expect(sent(ac)).toEqual([
			{
				method: 'GET',
				path: '/deals',
				query: { 'filters[search]': 'acme', 'filters[search_field]': 'title', 'orders[title]': 'DESC', limit: '10', offset: '0' },
				body: undefined,
			},
		]);
	});

	it('returns every deal with Return All', async () => {
		await seedDeals(Array.from({ length: 105 }, (_, i) => `Deal ${i + 1}`));
		const out = await ac.one('deal', 'getMany', { returnAll: true });
		const deals = out.Deals as { deals: unknown[]; total: number };
		expect(deals.deals).toHaveLength(105);
		expect(deals.total).toBe(105);
		expect(sent(ac).map((r) => r.query)).toEqual([
			{ limit: '100', offset: '0' },
			{ limit: '100', offset: '100' },
		]);
	});

	it('refuses a bad Order Title without sending anything', async () => {
		expect(await ac.one('deal', 'getMany', { options: { orderTitle: 'sideways' } })).toEqual(
			invalid('Deals', '"Order Title" (orderTitle) must be one of "ASC", "DESC" (got "sideways")'),
		);
		expect(ac.emulator.requests).toEqual([]);
	});
});

describe('Deal: Update a Deal', () => {
	const ac = useEmulator();

	async function seedOne() {
		await seedWorld(ac);
		await seedDeal(ac, { title: 'Old', description: 'Keep me', contact: 1, value: 1000, currency: 'usd', group: 1, stage: 1, percent: 20 });
	}

	it('fetches the deal, merges the given fields and PUTs the whole deal', async () => {
		await seedOne();
		const out = await ac.one('deal', 'update', { dealId: 1, options: { title: 'New title' } });
		expect(out).toEqual(
			success('Deal', dealRecord('1', { title: 'New title', description: 'Keep me', value: '1000', percent: '20', fields: [] })),
		);
		expect(sent(ac)).toEqual([
			{ method: 'GET', path: '/deals/1', query: {}, body: undefined },
			{
				method: 'PUT',
				path: '/deals/1',
				query: {},
				body: {
					deal: {
						title: 'New title',
						description: 'Keep me',
						value: '1000',
						currency: 'usd',
						status: '0',
						percent: '20',
						owner: '1',
						contact: '1',
						group: '1',
						stage: '1',
					},
				},
			},
		]);
	});

	it('merges every option and Additional Fields (value in cents, currency lower-case)', async () => {
		await seedOne();
		const out = await ac.one('deal', 'update', {
			dealId: 1,
			options: {
				value: 50000,
				currency: 'EUR',
				status: 1,
				description: 'Signed',
				additionalFields: { group: '2', stage: '5', owner: '4', fields: [{ customFieldId: '1', fieldValue: 'Value 1' }] },
			},
		});
		expect(out).toEqual(
			success(
				'Deal',
				dealRecord('1', {
					title: 'Old',
					description: 'Signed',
					value: '50000',
					currency: 'eur',
					status: '1',
					percent: '20',
					owner: '4',
					group: '2',
					stage: '5',
					fields: [{ customFieldId: '1', fieldValue: 'Value 1', dealId: '1' }],
				}),
			),
		);
		expect(ac.emulator.sent('PUT')[0].body).toEqual({
			deal: {
				title: 'Old',
				description: 'Signed',
				value: 50000,
				currency: 'eur',
				status: 1,
				percent: '20',
				owner: '4',
				contact: '1',
				group: '2',
				stage: '5',
				fields: [{ customFieldId: '1', fieldValue: 'Value 1' }],
			},
		});
	});

	it('reports a stage outside the pipeline (422) from the PUT', async () => {
		await seedOne();
		expect(await ac.one('deal', 'update', { dealId: 1, options: { additionalFields: '{"stage": "6"}' } })).toEqual(
			upstream('Deal', 422, "ActiveCampaign rejected the data (HTTP 422): Deal's stage does not belong to deal's pipeline"),
		);
	});

	it('reports an unknown deal (404) from the GET and sends no PUT', async () => {
		expect(await ac.one('deal', 'update', { dealId: 9, options: { title: 'X' } })).toEqual(
			upstream('Deal', 404, 'Deal 9 not found (HTTP 404) (ActiveCampaign: No Result found for Deal with id 9)'),
		);
		expect(ac.emulator.sent('PUT')).toEqual([]);
	});

	it('retries a PUT that met a 503 (a PUT is safe to repeat)', async () => {
		await seedOne();
		ac.emulator.inject({ method: 'PUT', path: '/deals/1', status: 503 });
		const out = await ac.one('deal', 'update', { dealId: 1, options: { status: 2 } });
		expect(out).toMatchObject({ Deal: { status: '2' }, StatusCode: 200, OriginalStatusCode: 200, ErrorMessage: '' });
		expect(ac.emulator.sent('PUT', '/deals/1')).toHaveLength(2);
	});

	it.each([
		[{}, 'Nothing to update: add at least one of Title, Value, Currency, Status, Description or Additional Fields under "Options" (options)'],
		[{ value: -1 }, '"Value" (value) must be a whole number of cents, 0 or more (got -1): e.g. 4999 for 49.99'],
		[{ status: 3 }, '"Status" (status) must be one of 0, 1, 2 (got 3)'],
		[{ additionalFields: '{"stage": "x"}' }, '"Additional Fields" (additionalFields): "stage" must be a positive numeric ID (got "x")'],
	])('refuses options %j without sending anything', async (options, message) => {
		expect(await ac.one('deal', 'update', { dealId: 1, options })).toEqual(invalid('Deal', message));
		expect(ac.emulator.requests).toEqual([]);
	});
});
