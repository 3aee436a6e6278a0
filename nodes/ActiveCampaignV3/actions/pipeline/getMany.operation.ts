import { defineOperation } from '../../framework/operation';
import { withTotalNote } from '../../framework/listTotal';
import { paginationParams } from '../../framework/pagination';
import { choice, text } from '../../framework/params';
import { definedOnly } from '../common';
import { sortDirectionParam } from '../common-filters';

export default defineOperation({
	resource: 'pipeline',
	operation: 'getMany',
	title: 'Get Many Pipelines',
	description: 'List pipelines, optionally filtered by title or by whether they have stages, and sorted',
	agentHint: 'Filter by title; records are in Pipelines.DealGroups',
	outputKey: 'Pipelines',
	params: paginationParams({ noun: 'pipelines' }),
	options: {
		filterTitle: text('FilterTitle', { description: 'Only pipelines whose title contains this text, e.g. Sales' }),
		filterStage: choice('FilterStage', {
			description: 'Only pipelines with at least one stage (1), only those without stages (0), or all (-1)',
			options: [
				{ name: 'All Pipelines (-1)', value: -1 },
				{ name: 'With Stages (1)', value: 1 },
				{ name: 'Without Stages (0)', value: 0 },
			],
			default: -1,
		}),
		orderTitle: sortDirectionParam('OrderTitle', 'Sort by title: ASC (A-Z) or DESC (Z-A)'),
		orderPopular: sortDirectionParam('OrderPopular', 'Sort by popularity (number of deals): ASC (least first) or DESC (most first)'),
	},
	async execute({ params, api }) {
		const page = await api.list({
			path: '/dealGroups',
			listKey: 'dealGroups',
			qs: definedOnly({
				'filters[title]': params.filterTitle,
				// -1 means "no filter": the parameter is left out.
				'filters[have_stages]': params.filterStage === undefined || params.filterStage === -1 ? undefined : params.filterStage,
				'orders[title]': params.orderTitle,
				'orders[popular]': params.orderPopular,
			}),
			page: params,
		});
		return withTotalNote(page, { DealGroups: page.records, Total: page.total });
	},
});
