import { defineOperation } from '../../framework/operation';
import { id } from '../../framework/params';

export default defineOperation({
	resource: 'ecommerceOrderProduct',
	operation: 'getByProductId',
	title: 'Get Ecommerce Order Product by ProductId',
	action: 'Get an Order Product by order line ID',
	description: 'Retrieve one order product (a line item of an order) by its ID, with price, quantity and SKU',
	agentHint: 'Product ID is the order line\'s ID (an order product\'s id), not the catalogue product ID; price in cents',
	outputKey: 'Product',
	params: {
		productId: id('ProductId', {
			required: true,
			description:
				'The ID of the order product (the line item, not the catalog product), e.g. 123456 (from Get Ecommerce Order Products)',
		}),
	},
	async execute({ params, api }) {
		const body = await api.get(
			`/ecomOrderProducts/${params.productId}`,
			undefined,
			`Ecommerce order product ${params.productId}`,
		);
		return body.ecomOrderProduct;
	},
});
