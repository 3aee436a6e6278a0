import type { ResourceDefinition } from '../framework/registry';

import connectionCreate from './connection/create.operation';
import connectionDelete from './connection/delete.operation';
import connectionGet from './connection/get.operation';
import connectionGetMany from './connection/getMany.operation';
import connectionUpdate from './connection/update.operation';
import customerCreate from './ecommerceCustomer/create.operation';
import customerDelete from './ecommerceCustomer/delete.operation';
import customerGet from './ecommerceCustomer/get.operation';
import customerGetMany from './ecommerceCustomer/getMany.operation';
import customerUpdate from './ecommerceCustomer/update.operation';
import orderCreate from './ecommerceOrder/create.operation';
import orderDelete from './ecommerceOrder/delete.operation';
import orderGet from './ecommerceOrder/get.operation';
import orderGetMany from './ecommerceOrder/getMany.operation';
import orderUpdate from './ecommerceOrder/update.operation';
import orderProductGetByOrderId from './ecommerceOrderProduct/getByOrderId.operation';
import orderProductGetByProductId from './ecommerceOrderProduct/getByProductId.operation';
import orderProductGetMany from './ecommerceOrderProduct/getMany.operation';

/** The e-commerce family: Connection, Ecommerce Customer, Ecommerce Order, Ecommerce Order Product (issue 5). */
export const ecommerceResources: ResourceDefinition[] = [
	{
		value: 'connection',
		name: 'Connection',
		operations: [connectionCreate, connectionDelete, connectionGet, connectionGetMany, connectionUpdate],
	},
	{
		value: 'ecommerceCustomer',
		name: 'Ecommerce Customer',
		operations: [customerCreate, customerDelete, customerGet, customerGetMany, customerUpdate],
	},
	{
		value: 'ecommerceOrder',
		name: 'Ecommerce Order',
		operations: [orderCreate, orderDelete, orderGet, orderGetMany, orderUpdate],
	},
	{
		value: 'ecommerceOrderProduct',
		name: 'Ecommerce Order Product',
		operations: [orderProductGetByProductId, orderProductGetMany, orderProductGetByOrderId],
	},
];
