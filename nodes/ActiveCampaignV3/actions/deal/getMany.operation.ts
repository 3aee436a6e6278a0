import { defineOperation } from '../../framework/operation';
import { withTotalNote } from '../../framework/listTotal';
import { paginationParams } from '../../framework/pagination';
import { text } from '../../framework/params';
import { sortDirectionParam } from '../common-filters';

export default defineOperation({
	resource: 'deal',
	operation: 'getMany',
	title: 'Get Many Deals',
	description: 'List deals, optionally searched by title and sorted by title',
	agentHint: 'Search by title; records are in Deals.deals, the count in Deals.total; values are in cents',
	outputKey: 'Deals',
	params: paginationParams({ noun: 'deals' }),
	options: {
		search: text('Search', { description: 'Only deals whose title contains this text, e.g. Acme' }),
		orderTitle: sortDirectionParam('OrderTitle', 'Sort by title: ASC (A-Z) or DESC (Z-A)'),
	},
	async execute({ params, api }) {
		const qs: Record<string, string> = {};
		if (params.search !== undefined) {
			// ActiveCampaign's search applies to the field named in search_field: the title here.
			qs['filters[search]'] = params.search;
			qs['filters[search_field]'] = 'title';
		}
		if (params.orderTitle !== undefined) qs['orders[title]'] = params.orderTitle;
		const page = await api.list({
			path: '/deals',
			listKey: 'deals',
			qs,
			page: params,
		});
		return withTotalNote(page, { deals: page.records, total: page.total });
	},
});
