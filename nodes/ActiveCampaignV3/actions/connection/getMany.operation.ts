import { defineOperation } from '../../framework/operation';
import { withTotalNote } from '../../framework/listTotal';
import { paginationParams } from '../../framework/pagination';
import { text } from '../../framework/params';
import { definedOnly } from '../common';

export default defineOperation({
	resource: 'connection',
	operation: 'getMany',
	title: 'Get Many Connections',
	description: 'List e-commerce connections, optionally filtered by service and external ID',
	agentHint: 'Filter by service and external ID; records are in Connections.Connections',
	outputKey: 'Connections',
	params: paginationParams({ noun: 'connections', defaultLimit: 20 }),
	options: {
		filterService: text('FilterService', {
			description: 'Only connections of this service, e.g. shopify, woocommerce or bigcommerce',
		}),
		filterExternalId: text('FilterExternalId', {
			description: 'Only connections with this external ID (the store or account ID in the external service), e.g. shop_12345',
		}),
	},
	async execute({ params, api }) {
		const page = await api.list({
			path: '/connections',
			listKey: 'connections',
			qs: definedOnly({ 'filters[service]': params.filterService, 'filters[externalid]': params.filterExternalId }),
			page: params,
		});
		return withTotalNote(page, {
			Connections: page.records,
			Pagination: page.pagination,
		});
	},
});
