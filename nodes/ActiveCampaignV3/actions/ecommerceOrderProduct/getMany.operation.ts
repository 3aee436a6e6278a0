import { defineOperation } from '../../framework/operation';
import { withTotalNote } from '../../framework/listTotal';
import { paginationParams } from '../../framework/pagination';

export default defineOperation({
	resource: 'ecommerceOrderProduct',
	operation: 'getMany',
	title: 'Get Ecommerce Order Products',
	description: 'List order products (line items) across all orders',
	agentHint: 'Order lines of all orders; records are in Products.Products; prices in cents',
	outputKey: 'Products',
	failureValue: () => ({ Products: [], TotalCount: 0 }),
	params: paginationParams({ noun: 'order products' }),
	async execute({ params, api }) {
		const page = await api.list({
			path: '/ecomOrderProducts',
			listKey: 'ecomOrderProducts',
			page: params,
		});
		return withTotalNote(page, { Products: page.records, TotalCount: page.total });
	},
});
