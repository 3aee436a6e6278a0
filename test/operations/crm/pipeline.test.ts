import { success, useEmulator } from '../../helpers';
import {
	POST_503,
	TIMESTAMP,
	call,
	clearLog,
	failed,
	idMessage,
	invalid,
	requiredMessage,
	seedPipeline,
	sent,
	upstream,
} from './support';

function stageRecord(id: string, group: string, title: string, order: string) {
	return {
		cardRegion1: 'title',
		cardRegion2: 'next-action',
		cardRegion3: 'show-avatar',
		cardRegion4: 'contact-fullname-orgname',
		cardRegion5: 'value',
		dealOrder: 'next-action DESC',
		cdate: TIMESTAMP,
		color: '3f3f3f',
		group,
		order,
		title,
		udate: TIMESTAMP,
		width: '280',
		id,
		links: { group: `/api/3/dealStages/${id}/group` },
	};
}

function groupLinks(id: string) {
	return {
		dealGroupGroups: `/api/3/dealGroups/${id}/dealGroupGroups`,
		dealGroupUsers: `/api/3/dealGroups/${id}/dealGroupUsers`,
		stages: `/api/3/dealGroups/${id}/stages`,
	};
}

/** A pipeline as GET answers it: flags as strings, stage IDs. */
function groupRecord(id: string, title: string, stages: string[], fields: Record<string, unknown> = {}) {
	return {
		allgroups: '1',
		allusers: '1',
		autoassign: '0',
		cdate: TIMESTAMP,
		currency: 'usd',
		id,
		links: groupLinks(id),
		stages,
		title,
		udate: TIMESTAMP,
		win_probability_initialize_date: null,
		...fields,
	};
}

describe('Pipeline: Create a Pipeline', () => {
	const ac = useEmulator();

	it('creates the pipeline with every option, sends the numeric codes and lower-case currency', async () => {
		const out = await ac.one('pipeline', 'create', {
			title: 'Qualifications',
			currency: 'EUR',
			options: { allGroups: 0, allUsers: 0, autoAssign: 2, users: '["3", "7"]', groups: [1, '2'] },
		});
		expect(out).toEqual(
			success('Pipeline', {
				allgroups: 0,
				allusers: 0,
				autoassign: 2,
				cdate: TIMESTAMP,
				currency: 'eur',
				dealGroupGroups: ['1', '2'],
				dealGroupUsers: ['3', '7'],
				id: '1',
				links: groupLinks('1'),
				stages: ['1', '2', '3'],
				title: 'Qualifications',
				udate: TIMESTAMP,
				win_probability_initialize_date: null,
			}),
		);
		expect(sent(ac)).toEqual([
			{
				method: 'POST',
				path: '/dealGroups',
				query: {},
				body: {
					dealGroup: {
						title: 'Qualifications',
						currency: 'eur',
						allgroups: 0,
						allusers: 0,
						autoassign: 2,
						users: ['3', '7'],
						groups: ['1', '2'],
					},
				},
			},
		]);
	});

	it('sends the defaults All Groups 1, All Users 1, Auto Assign 0', async () => {
		await ac.one('pipeline', 'create', { title: 'Sales', currency: 'usd' });
		expect(ac.emulator.requests[0].body).toEqual({
			dealGroup: { title: 'Sales', currency: 'usd', allgroups: 1, allusers: 1, autoassign: 0 },
		});
	});

	it.each([
		[{ title: 'S', currency: 'usdollar' }, '"Currency" (currency) is too long (8 characters, at most 3): shorten it'],
		[{ title: 'S', currency: 'usd', options: { allGroups: 5 } }, '"All Groups" (allGroups) must be one of 1, 0 (got 5)'],
		[{ title: 'S', currency: 'usd', options: { autoAssign: '3' } }, '"Auto Assign" (autoAssign) must be one of 0, 1, 2 (got "3")'],
		[{ title: 'S', currency: 'usd', options: { users: '["3", "abc"]' } }, '"Users" (users) item 1 must be a positive numeric ID such as "3" (got "abc")'],
		[{ title: 'S', currency: 'usd', options: { groups: '{"a": 1}' } }, '"Groups" (groups) must be a JSON array such as ["1", "2"]'],
		[{ title: '={{ "" }}', currency: 'usd' }, requiredMessage('Title', 'title', 'Pipeline name, e.g. Sales Pipeline Q1 2024')],
	])('refuses bad input without sending anything (%#)', async (params, message) => {
		expect(await ac.one('pipeline', 'create', params)).toEqual(invalid('Pipeline', message));
		expect(ac.emulator.requests).toEqual([]);
	});

	it('always gives the Pipeline a stages array, even when the answer has none', async () => {
		const bare = { title: 'Bare', currency: 'usd', allgroups: 1, allusers: 1, autoassign: 0, id: '9' };
		ac.emulator.inject({ method: 'POST', path: '/dealGroups', status: 201, body: { dealGroup: bare } });
		const out = await ac.one('pipeline', 'create', { title: 'Bare', currency: 'USD' });
		expect(out).toEqual(success('Pipeline', { ...bare, stages: [] }, 201));
	});

	it('reports a 503 on the create and does not retry it', async () => {
		ac.emulator.inject({ method: 'POST', path: '/dealGroups', status: 503 });
		expect(await ac.one('pipeline', 'create', { title: 'Sales', currency: 'usd' })).toEqual(failed('Pipeline', 503, POST_503));
		expect(ac.emulator.sent('POST', '/dealGroups')).toHaveLength(1);
		expect(ac.emulator.db.count('dealGroups')).toBe(0);
	});
});

describe('Pipeline: Delete a Pipeline', () => {
	const ac = useEmulator();

	it('deletes the pipeline (and, upstream, its stages) and returns {Deleted: true}', async () => {
		await seedPipeline(ac, 'Sales');
		expect(await ac.one('pipeline', 'delete', { pipelineId: 1 })).toEqual(success('DeletedPipeline', { Deleted: true }));
		expect(sent(ac)).toEqual([{ method: 'DELETE', path: '/dealGroups/1', query: {}, body: undefined }]);
		expect(ac.emulator.db.count('dealStages')).toBe(0);
	});

	it('reports an unknown pipeline (404)', async () => {
		expect(await ac.one('pipeline', 'delete', { pipelineId: 6 })).toEqual(
			upstream('DeletedPipeline', 404, 'Pipeline 6 not found (HTTP 404) (ActiveCampaign: No Result found for Pipeline with id 6)'),
		);
	});

	it('refuses a bad Pipeline ID without sending anything', async () => {
		expect(await ac.one('pipeline', 'delete', { pipelineId: 'x' })).toEqual(
			invalid('DeletedPipeline', idMessage('Pipeline ID', 'pipelineId', '"x"', 'The numeric ID of the pipeline to delete, e.g. 12345 (from Get Many Pipelines)')),
		);
		expect(ac.emulator.requests).toEqual([]);
	});
});

describe('Pipeline: Get a Pipeline', () => {
	const ac = useEmulator();

	it('returns Pipeline.DealGroup with its stage objects in order', async () => {
		await seedPipeline(ac, 'Sales');
		await call(ac, 'PUT', '/dealStages/1', { dealStage: { order: 9 } });
		clearLog(ac);
		const out = await ac.one('pipeline', 'get', { pipelineId: 1 });
		expect(out).toEqual(
			success('Pipeline', {
				DealGroup: groupRecord('1', 'Sales', [], {
					stages: [stageRecord('2', '1', 'In Contact', '2'), stageRecord('3', '1', 'Follow Up', '3'), stageRecord('1', '1', 'To Contact', '9')],
				}),
			}),
		);
		expect(sent(ac)).toEqual([{ method: 'GET', path: '/dealGroups/1', query: {}, body: undefined }]);
	});

	it('fetches the stages itself when the answer does not side-load them', async () => {
		await seedPipeline(ac, 'Sales');
		ac.emulator.inject({ method: 'GET', path: '/dealGroups/1', status: 200, body: { dealGroup: { id: '1', title: 'Sales', stages: ['1', '2', '3'] } } });
		const out = await ac.one('pipeline', 'get', { pipelineId: 1 });
		expect(out).toEqual(
			success('Pipeline', {
				DealGroup: {
					id: '1',
					title: 'Sales',
					stages: [stageRecord('1', '1', 'To Contact', '1'), stageRecord('2', '1', 'In Contact', '2'), stageRecord('3', '1', 'Follow Up', '3')],
				},
			}),
		);
		expect(sent(ac).map((r) => [r.path, r.query])).toEqual([
			['/dealGroups/1', {}],
			['/dealStages', { 'filters[d_groupid]': '1', limit: '100', offset: '0' }],
		]);
	});

	it('reports an unknown pipeline (404)', async () => {
		expect(await ac.one('pipeline', 'get', { pipelineId: 2 })).toEqual(
			upstream('Pipeline', 404, 'Pipeline 2 not found (HTTP 404) (ActiveCampaign: No Result found for Pipeline with id 2)'),
		);
	});
});

describe('Pipeline: Get Many Pipelines', () => {
	const ac = useEmulator();

	it('filters by title and stage presence, orders by title and returns {DealGroups, Total}', async () => {
		await seedPipeline(ac, 'Sales B');
		await seedPipeline(ac, 'Sales A');
		await seedPipeline(ac, 'Support');
		await seedPipeline(ac, 'Sales Empty');
		for (const id of ['10', '11', '12']) await call(ac, 'DELETE', `/dealStages/${id}`);
		clearLog(ac);
		const out = await ac.one('pipeline', 'getMany', { options: { filterTitle: 'sales', filterStage: 1, orderTitle: 'DESC' } });
		expect(out).toEqual(
			success('Pipelines', {
				DealGroups: [groupRecord('1', 'Sales B', ['1', '2', '3']), groupRecord('2', 'Sales A', ['4', '5', '6'])],
				Total: 2,
			}),
		);
		expect(sent(ac)).toEqual([
			{
				method: 'GET',
				path: '/dealGroups',
				query: { 'filters[title]': 'sales', 'filters[have_stages]': '1', 'orders[title]': 'DESC', limit: '100', offset: '0' },
				body: undefined,
			},
		]);
	});

	it('leaves the stage filter out for -1 and sends the popularity order', async () => {
		await seedPipeline(ac, 'Sales');
		const out = await ac.one('pipeline', 'getMany', { limit: 5, options: { filterStage: -1, orderPopular: 'DESC' } });
		expect(out).toEqual(success('Pipelines', { DealGroups: [groupRecord('1', 'Sales', ['1', '2', '3'])], Total: 1 }));
		expect(sent(ac)[0].query).toEqual({ 'orders[popular]': 'DESC', limit: '5', offset: '0' });
	});

	it('refuses a bad Filter Stage without sending anything', async () => {
		expect(await ac.one('pipeline', 'getMany', { options: { filterStage: 2 } })).toEqual(
			invalid('Pipelines', '"Filter Stage" (filterStage) must be one of -1, 1, 0 (got 2)'),
		);
		expect(ac.emulator.requests).toEqual([]);
	});
});

describe('Pipeline: Update a Pipeline', () => {
	const ac = useEmulator();

	it('sends only the given fields and returns the pipeline', async () => {
		await seedPipeline(ac, 'Sales');
		const out = await ac.one('pipeline', 'update', {
			pipelineId: 1,
			options: { title: 'Enterprise', currency: 'GBP', autoAssign: 1, users: ['3'] },
		});
		expect(out).toEqual(
			success('Pipeline', {
				allgroups: 1,
				allusers: 1,
				autoassign: 1,
				cdate: TIMESTAMP,
				currency: 'gbp',
				dealGroupGroups: [],
				dealGroupUsers: ['3'],
				id: '1',
				links: groupLinks('1'),
				title: 'Enterprise',
				udate: TIMESTAMP,
				win_probability_initialize_date: null,
			}),
		);
		expect(sent(ac)).toEqual([
			{
				method: 'PUT',
				path: '/dealGroups/1',
				query: {},
				body: { dealGroup: { title: 'Enterprise', currency: 'gbp', autoassign: 1, users: ['3'] } },
			},
		]);
	});

	it('refuses an update with no field given, without sending anything', async () => {
		expect(await ac.one('pipeline', 'update', { pipelineId: 1 })).toEqual(
			invalid(
				'Pipeline',
				'Nothing to update: add at least one of Title, Currency, All Groups, All Users, Auto Assign, Users or Groups under "Options" (options)',
			),
		);
		expect(ac.emulator.requests).toEqual([]);
	});

	it('reports an unknown pipeline (404)', async () => {
		expect(await ac.one('pipeline', 'update', { pipelineId: 3, options: { allUsers: 0 } })).toEqual(
			upstream('Pipeline', 404, 'Pipeline 3 not found (HTTP 404) (ActiveCampaign: No Result found for Pipeline with id 3)'),
		);
	});
});
