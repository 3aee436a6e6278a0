import { defineOperation } from '../../framework/operation';
import { RECORD_KINDS, recordLocator } from '../../framework/locator';
import { boolean, integer } from '../../framework/params';

export default defineOperation({
	resource: 'ecommerceOrderProduct',
	operation: 'getByOrderId',
	title: 'Get Ecommerce Order Products by OrderId',
	description: 'List the products (line items) of one order',
	agentHint: 'Order ID is the e-commerce order\'s ID; returns the order\'s line items, prices in cents',
	outputKey: 'Products',
	failureValue: () => [],
	params: {
		orderId: recordLocator('OrderId', RECORD_KINDS.ecommerceOrder, {
			required: true,
			description: 'The numeric ID of the order, e.g. 12345 (from Get Ecommerce Orders)',
		}),
		returnAll: boolean('ReturnAll', {
			description: 'Whether to return all products of the order (fetched 100 per request) or only up to the Limit option',
			default: false,
		}),
	},
	options: {
		limit: integer('Limit', { description: 'Max number of products to return, 1 to 100 (default 100)', min: 1, max: 100, default: 100 }),
		offset: integer('Offset', { description: 'How many products to skip before the first one returned (0 or more)', min: 0, default: 0 }),
	},
	async execute({ params, api }) {
		const page = await api.list({
			path: `/ecomOrders/${params.orderId}/orderProducts`,
			listKey: 'ecomOrderProducts',
			page: params,
			subject: `Ecommerce order ${params.orderId}`,
		});
		// CONTRACT row 44: a bare array of the order's products.
		return page.records;
	},
});
