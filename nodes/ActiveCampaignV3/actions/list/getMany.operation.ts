import { defineOperation } from '../../framework/operation';
import { withTotalNote } from '../../framework/listTotal';
import { paginationParams } from '../../framework/pagination';
import { text } from '../../framework/params';
import { definedOnly } from '../common';
import { filterOperatorParam, nameOrderParam } from '../common-filters';

export default defineOperation({
	resource: 'list',
	operation: 'getMany',
	title: 'Get Many Lists',
	description: 'List contact lists, optionally filtered by name',
	agentHint: 'Filter by name; records are in Lists.Lists',
	outputKey: 'Lists',
	params: paginationParams({ noun: 'lists' }),
	options: {
		name: text('Name', { description: 'Filter by list name, compared with Filter Operator, e.g. Newsletter' }),
		filterOperator: filterOperatorParam('FilterOperator', 'How Name is compared: contains (default), eq for an exact match, …'),
		filterOrder: nameOrderParam('FilterOrder', 'Sort order by list name'),
	},
	async execute({ params, api }) {
		const page = await api.list({
			path: '/lists',
			listKey: 'lists',
			qs: definedOnly({
				[`filters[name][${params.filterOperator ?? 'contains'}]`]: params.name,
				'orders[name]': params.filterOrder,
			}),
			page: params,
		});
		return withTotalNote(page, {
			Lists: page.records,
			Pagination: page.pagination,
		});
	},
});
