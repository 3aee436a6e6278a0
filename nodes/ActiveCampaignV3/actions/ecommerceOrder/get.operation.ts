import { defineOperation } from '../../framework/operation';
import { orderIdParam, orderSubject } from './shared';

export default defineOperation({
	resource: 'ecommerceOrder',
	operation: 'get',
	title: 'Get an Ecommerce Order',
	description: 'Retrieve an e-commerce order by ID, with its products (line items)',
	agentHint: 'Order ID is the e-commerce order\'s numeric ID; amounts are in cents',
	outputKey: 'Order',
	params: { orderId: orderIdParam('The numeric ID of the order, e.g. 12345 (from Get Ecommerce Orders)') },
	async execute({ params, api }) {
		const subject = orderSubject(params.orderId);
		const body = await api.get(`/ecomOrders/${params.orderId}`, undefined, subject);
		// The order itself carries no line items: they are a sub-resource, fetched in full.
		const products = await api.list({
			path: `/ecomOrders/${params.orderId}/orderProducts`,
			listKey: 'ecomOrderProducts',
			page: { returnAll: true },
			subject,
		});
		return { ...body.ecomOrder, orderProducts: products.records };
	},
});
