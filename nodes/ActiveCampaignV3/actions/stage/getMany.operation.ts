import { defineOperation } from '../../framework/operation';
import { withTotalNote } from '../../framework/listTotal';
import { paginationParams } from '../../framework/pagination';
import { RECORD_KINDS, recordLocator } from '../../framework/locator';
import { text } from '../../framework/params';
import { definedOnly } from '../common';
import { sortDirectionParam } from '../common-filters';

export default defineOperation({
	resource: 'stage',
	operation: 'getMany',
	title: 'Get Many Stages',
	description: 'List deal stages, optionally filtered by title or pipeline and sorted by title',
	agentHint: 'Filter by title or pipeline; records are in Stages.DealStages',
	outputKey: 'Stages',
	params: paginationParams({ noun: 'stages' }),
	options: {
		filterTitle: text('FilterTitle', { description: 'Only stages whose title contains this text (case-insensitive), e.g. Qualified' }),
		filterGroup: recordLocator('FilterGroup', RECORD_KINDS.pipeline, {
			type: 'string',
			description: 'Only the stages of this pipeline: its numeric ID, e.g. 1 (from Get Many Pipelines)',
		}),
		orderTitle: sortDirectionParam('OrderTitle', 'Sort by title: ASC (A-Z) or DESC (Z-A)'),
	},
	async execute({ params, api }) {
		const page = await api.list({
			path: '/dealStages',
			listKey: 'dealStages',
			qs: definedOnly({
				'filters[title]': params.filterTitle,
				'filters[d_groupid]': params.filterGroup,
				'orders[title]': params.orderTitle,
			}),
			page: params,
		});
		return withTotalNote(page, {
			DealStages: page.records,
			Pagination: page.pagination,
		});
	},
});
