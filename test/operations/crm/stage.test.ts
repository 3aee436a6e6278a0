import type { IDataObject } from 'n8n-workflow';

import { success, useEmulator } from '../../helpers';
import {
	KEY_403,
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

function stageRecord(id: string, group: string, title: string, order: string, fields: Record<string, unknown> = {}) {
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
		...fields,
	};
}

const ordersOf = (ac: ReturnType<typeof useEmulator>, group: string) =>
	ac.emulator.db
		.all('dealStages')
		.filter((s) => s.group === group)
		.map((s) => [s.id, s.order]);

describe('Stage: Create a Stage', () => {
	const ac = useEmulator();

	it('creates the stage with every option, with reorder as a query parameter', async () => {
		await seedPipeline(ac, 'Sales');
		const out = await ac.one('stage', 'create', {
			title: 'Proposal Sent',
			pipelineId: 1,
			options: {
				order: 2,
				color: '#3F8CFF',
				width: 300,
				reorder: 1,
				additionalFields: '{"dealOrder": "value ASC", "cardRegion1": "value", "cardRegion3": "hide-avatar"}',
			},
		});
		expect(out).toEqual(
			success(
				'Stage',
				stageRecord('4', '1', 'Proposal Sent', '2', {
					dealOrder: 'value ASC',
					cardRegion1: 'value',
					cardRegion3: 'hide-avatar',
					color: '3F8CFF',
					width: '300',
				}),
			),
		);
		expect(sent(ac)).toEqual([
			{
				method: 'POST',
				path: '/dealStages',
				query: { reorder: '1' },
				body: {
					dealStage: {
						dealOrder: 'value ASC',
						cardRegion1: 'value',
						cardRegion3: 'hide-avatar',
						title: 'Proposal Sent',
						group: 1,
						order: 2,
						color: '3F8CFF',
						width: 300,
					},
				},
			},
		]);
		// Reordered: on equal orders the newer (higher id) stage comes first.
		expect(ordersOf(ac, '1')).toEqual([
			['1', '1'],
			['2', '3'],
			['3', '4'],
			['4', '2'],
		]);
	});

	it('sends only the title and pipeline when no option is given; the stage goes last', async () => {
		await seedPipeline(ac, 'Sales');
		const out = await ac.one('stage', 'create', { title: 'Won', pipelineId: '1' });
		expect(out).toEqual(success('Stage', stageRecord('4', '1', 'Won', '4')));
		expect(sent(ac)).toEqual([{ method: 'POST', path: '/dealStages', query: {}, body: { dealStage: { title: 'Won', group: 1 } } }]);
	});

	it('reports a pipeline that does not exist (422)', async () => {
		expect(await ac.one('stage', 'create', { title: 'Won', pipelineId: 7 })).toEqual(
			upstream('Stage', 422, 'ActiveCampaign rejected the data (HTTP 422): dealGroup does not exist'),
		);
	});

	it.each([
		[{ options: { color: 'red' } }, '"Color" (color) is not valid (got "red"): enter 6 hexadecimal digits such as 32B0FC'],
		[{ options: { width: 0 } }, '"Width" (width) must be a whole number at least 1 (got 0)'],
		[{ options: { order: 'first' } }, '"Order" (order) must be a whole number at least 0 (got "first")'],
		[{ options: { reorder: 2 } }, '"Reorder" (reorder) must be one of 0, 1 (got 2)'],
		[
			{ options: { additionalFields: '{"cardRegion1": ["title"]}' } },
			'"Additional Fields" (additionalFields): "cardRegion1" must be a text or a number, not a list or an object',
		],
		[{ pipelineId: undefined }, requiredMessage('Pipeline ID', 'pipelineId', 'The numeric ID of the pipeline (group) the stage belongs to, e.g. 8 (from Get Many Pipelines)')],
	])('refuses bad input without sending anything (%#)', async (override, message) => {
		const params: IDataObject = { title: 'Won', pipelineId: 1, ...override };
		if (params.pipelineId === undefined) delete params.pipelineId;
		expect(await ac.one('stage', 'create', params)).toEqual(invalid('Stage', message));
		expect(ac.emulator.requests).toEqual([]);
	});

	it('reports a 503 on the create and does not retry it', async () => {
		ac.emulator.inject({ method: 'POST', path: '/dealStages', status: 503 });
		expect(await ac.one('stage', 'create', { title: 'Won', pipelineId: 1 })).toEqual(failed('Stage', 503, POST_503));
		expect(ac.emulator.sent('POST', '/dealStages')).toHaveLength(1);
	});
});

describe('Stage: Delete a Stage', () => {
	const ac = useEmulator();

	it('deletes the stage and returns {Deleted: true}', async () => {
		await seedPipeline(ac, 'Sales');
		expect(await ac.one('stage', 'delete', { stageId: 2 })).toEqual(success('DeletedStage', { Deleted: true }));
		expect(sent(ac)).toEqual([{ method: 'DELETE', path: '/dealStages/2', query: {}, body: undefined }]);
		expect(ac.emulator.db.count('dealStages')).toBe(2);
	});

	it('treats a stage that does not exist (404) as deleted', async () => {
		expect(await ac.one('stage', 'delete', { stageId: 42 })).toEqual(success('DeletedStage', { Deleted: true }, 404));
		expect(sent(ac)).toEqual([{ method: 'DELETE', path: '/dealStages/42', query: {}, body: undefined }]);
	});

	it('reports a refusal other than 404 (403) with the empty failure value', async () => {
		const result = await ac.run('stage', 'delete', { stageId: 1 }, undefined, { apiKey: 'not-the-key-000' });
		expect(result.json).toEqual([upstream('DeletedStage', 403, KEY_403)]);
	});

	it('refuses a bad Stage ID without sending anything', async () => {
		expect(await ac.one('stage', 'delete', { stageId: '1.5' })).toEqual(
			invalid('DeletedStage', idMessage('Stage ID', 'stageId', '"1.5"', 'The numeric ID of the stage to delete, e.g. 123 (from Get Many Stages)')),
		);
		expect(ac.emulator.requests).toEqual([]);
	});
});

describe('Stage: Get a Stage', () => {
	const ac = useEmulator();

	it('returns the stage', async () => {
		await seedPipeline(ac, 'Sales');
		expect(await ac.one('stage', 'get', { stageId: 3 })).toEqual(success('Stage', stageRecord('3', '1', 'Follow Up', '3')));
		expect(sent(ac)).toEqual([{ method: 'GET', path: '/dealStages/3', query: {}, body: undefined }]);
	});

	it('reports an unknown stage (404)', async () => {
		expect(await ac.one('stage', 'get', { stageId: 12 })).toEqual(
			upstream('Stage', 404, 'Stage 12 not found (HTTP 404) (ActiveCampaign: No Result found for DealStage with id 12)'),
		);
	});
});

describe('Stage: Get Many Stages', () => {
	const ac = useEmulator();

	it('filters by title and pipeline, orders by title and returns {DealStages, Pagination} with numbers', async () => {
		await seedPipeline(ac, 'Sales');
		await seedPipeline(ac, 'Onboarding');
		const out = await ac.one('stage', 'getMany', { limit: 1, options: { filterTitle: 'contact', filterGroup: '2', orderTitle: 'DESC' } });
		expect(out).toEqual(
			success('Stages', {
				DealStages: [stageRecord('4', '2', 'To Contact', '1')],
				Pagination: { limit: 1, offset: 0, total: 2, hasMore: true },
			}),
		);
		expect(sent(ac)).toEqual([
			{
				method: 'GET',
				path: '/dealStages',
				query: { 'filters[title]': 'contact', 'filters[d_groupid]': '2', 'orders[title]': 'DESC', limit: '1', offset: '0' },
				body: undefined,
			},
		]);
	});

	it('returns every stage with Return All', async () => {
		await seedPipeline(ac, 'Sales');
		for (let i = 0; i < 100; i++) await call(ac, 'POST', '/dealStages', { dealStage: { title: `S${i}`, group: 1 } });
		clearLog(ac);
		const out = await ac.one('stage', 'getMany', { returnAll: true });
		const stages = out.Stages as { DealStages: unknown[]; Pagination: unknown };
		expect(stages.DealStages).toHaveLength(103);
		expect(stages.Pagination).toEqual({ limit: 103, offset: 0, total: 103, hasMore: false });
		expect(sent(ac)).toHaveLength(2);
	});

	it('refuses a bad Filter Group without sending anything', async () => {
		expect(await ac.one('stage', 'getMany', { options: { filterGroup: 'sales' } })).toEqual(
			invalid(
				'Stages',
				idMessage('Filter Group', 'filterGroup', '"sales"', 'Only the stages of this pipeline: its numeric ID, e.g. 1 (from Get Many Pipelines)'),
			),
		);
		expect(ac.emulator.requests).toEqual([]);
	});
});

describe('Stage: Update a Stage', () => {
	const ac = useEmulator();

	it('sends only the given fields, reorder as a query parameter, and returns the stage', async () => {
		await seedPipeline(ac, 'Sales');
		const out = await ac.one('stage', 'update', {
			stageId: 3,
			options: { title: 'Negotiation', order: 1, color: '696969', reorder: true, additionalFields: { dealOrder: 'value DESC', width: 320 } },
		});
		expect(out).toEqual(
			success('Stage', stageRecord('3', '1', 'Negotiation', '1', { color: '696969', dealOrder: 'value DESC', width: '320' })),
		);
		expect(sent(ac)).toEqual([
			{
				method: 'PUT',
				path: '/dealStages/3',
				query: { reorder: '1' },
				body: { dealStage: { dealOrder: 'value DESC', width: 320, title: 'Negotiation', order: 1, color: '696969' } },
			},
		]);
		expect(ordersOf(ac, '1')).toEqual([
			['1', '2'],
			['2', '3'],
			['3', '1'],
		]);
	});

	it('moves the stage to another pipeline with Group', async () => {
		await seedPipeline(ac, 'Sales');
		await seedPipeline(ac, 'Onboarding');
		const out = await ac.one('stage', 'update', { stageId: 1, options: { group: 2, reorder: false } });
		expect(out).toEqual(success('Stage', stageRecord('1', '2', 'To Contact', '1')));
		expect(sent(ac)[0]).toEqual({ method: 'PUT', path: '/dealStages/1', query: { reorder: '0' }, body: { dealStage: { group: 2 } } });
	});

	it('reports a pipeline that does not exist (422)', async () => {
		await seedPipeline(ac, 'Sales');
		expect(await ac.one('stage', 'update', { stageId: 1, options: { group: 9 } })).toEqual(
			upstream('Stage', 422, 'ActiveCampaign rejected the data (HTTP 422): dealGroup does not exist'),
		);
	});

	it('reports an unknown stage (404)', async () => {
		expect(await ac.one('stage', 'update', { stageId: 5, options: { title: 'X' } })).toEqual(
			upstream('Stage', 404, 'Stage 5 not found (HTTP 404) (ActiveCampaign: No Result found for DealStage with id 5)'),
		);
	});

	it.each([
		[{}, 'Nothing to update: add at least one of Title, Group, Order, Color or Additional Fields under "Options" (options)'],
		[{ reorder: true }, 'Nothing to update: add at least one of Title, Group, Order, Color or Additional Fields under "Options" (options)'],
		[{ color: '#12345' }, '"Color" (color) is not valid (got "#12345"): enter 6 hexadecimal digits such as 32B0FC'],
	])('refuses options %j without sending anything', async (options, message) => {
		expect(await ac.one('stage', 'update', { stageId: 1, options })).toEqual(invalid('Stage', message));
		expect(ac.emulator.requests).toEqual([]);
	});
});
