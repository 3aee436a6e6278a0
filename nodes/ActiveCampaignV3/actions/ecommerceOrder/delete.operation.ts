import { defineOperation } from '../../framework/operation';
import { orderIdParam, orderSubject } from './shared';

export default defineOperation({
	resource: 'ecommerceOrder',
	operation: 'delete',
	title: 'Delete an Ecommerce Order',
	description: 'Permanently delete an e-commerce order and its products by ID; customer totals are recalculated (cannot be undone)',
	agentHint: 'Order ID is the e-commerce order\'s numeric ID (from Get Ecommerce Orders); permanent',
	outputKey: 'DeletedEcommerceOrder',
	params: { orderId: orderIdParam('The numeric ID of the order to delete, e.g. 12345 (the id field from Get Ecommerce Orders)') },
	async execute({ params, api }) {
		await api.delete(`/ecomOrders/${params.orderId}`, orderSubject(params.orderId));
		return { deleted: true, orderId: String(params.orderId) };
	},
});
