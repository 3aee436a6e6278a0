import { defineOperation } from '../../framework/operation';
import { withTotalNote } from '../../framework/listTotal';
import { paginationParams } from '../../framework/pagination';
import { text } from '../../framework/params';
import { definedOnly } from '../common';
import { filterOperatorParam, nameOrderParam } from '../common-filters';

export default defineOperation({
	resource: 'tag',
	operation: 'getMany',
	title: 'Get Many Tags',
	description: 'List tags, optionally searched by name',
	agentHint: 'Search Text looks for the name; records are in Tags.Tags',
	outputKey: 'Tags',
	params: paginationParams({ noun: 'tags' }),
	options: {
		searchText: text('SearchText', { description: 'Text to look for in tag names, e.g. VIP' }),
		searchOperator: filterOperatorParam('SearchOperator', 'How Search Text is compared: contains (default), eq, …'),
		searchOrder: nameOrderParam('SearchOrder', 'Sort order of the tags'),
	},
	async execute({ params, api }) {
		const page = await api.list({
			path: '/tags',
			listKey: 'tags',
			qs: definedOnly({
				[`filters[search][${params.searchOperator ?? 'contains'}]`]: params.searchText,
				'orders[search]': params.searchOrder,
			}),
			page: params,
		});
		return withTotalNote(page, {
			Tags: page.records,
			Pagination: page.pagination,
		});
	},
});
