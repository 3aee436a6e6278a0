import type { ResourceDefinition } from '../framework/registry';

/** The e-commerce family: Connection, Ecommerce Customer, Ecommerce Order, Ecommerce Order Product (issue 5). */
export const ecommerceResources: ResourceDefinition[] = [];
