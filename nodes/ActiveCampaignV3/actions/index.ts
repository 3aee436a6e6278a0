import { OperationRegistry, type ResourceDefinition } from '../framework/registry';
import { crmResources } from './crm';
import { ecommerceResources } from './ecommerce';

import contactBulkUpsert from './contact/bulkUpsert.operation';
import contactCreate from './contact/create.operation';
import contactDelete from './contact/delete.operation';
import contactGet from './contact/get.operation';
import contactGetMany from './contact/getMany.operation';
import contactUpdate from './contact/update.operation';
import contactListAdd from './contactList/add.operation';
import contactListRemove from './contactList/remove.operation';
import contactTagAdd from './contactTag/add.operation';
import contactTagRemove from './contactTag/remove.operation';
import listCreate from './list/create.operation';
import listDelete from './list/delete.operation';
import listGet from './list/get.operation';
import listGetMany from './list/getMany.operation';
import tagCreate from './tag/create.operation';
import tagDelete from './tag/delete.operation';
import tagGet from './tag/get.operation';
import tagGetMany from './tag/getMany.operation';
import tagUpdate from './tag/update.operation';

/** Every resource and its operation modules. Adding an operation = one module + one line here. */
export const resources: ResourceDefinition[] = [
	{ value: 'contact', name: 'Contact', operations: [contactCreate, contactDelete, contactGet, contactGetMany, contactUpdate, contactBulkUpsert] },
	{ value: 'contactList', name: 'Contact List', operations: [contactListAdd, contactListRemove] },
	{ value: 'contactTag', name: 'Contact Tag', operations: [contactTagAdd, contactTagRemove] },
	{ value: 'list', name: 'List', operations: [listCreate, listDelete, listGet, listGetMany] },
	{ value: 'tag', name: 'Tag', operations: [tagCreate, tagDelete, tagGet, tagGetMany, tagUpdate] },
	...crmResources,
	...ecommerceResources,
];

export const registry = new OperationRegistry(resources);
