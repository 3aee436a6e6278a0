/**
 * The 63 operations of CONTRACT.md §4: resource/operation values, titles, reference parameter
 * names (Required → top-level, Options → the options collection) and output keys. Workflows and
 * agents depend on these names; this table is the test's copy of the contract.
 */
export interface ContractRow {
	resource: string;
	resourceName: string;
	operation: string;
	title: string;
	required: string[];
	options: string[];
	outputKey: string;
}

export const CONTRACT_OPERATIONS: ContractRow[] = [
	{resource: 'account', operation: 'create', resourceName: 'Account', title: 'Create an Account', required: ['Name'], options: ['AccountUrl', 'Owner', 'Fields', 'CheckDuplicate'], outputKey: 'Account'},
	{resource: 'account', operation: 'delete', resourceName: 'Account', title: 'Delete an Account', required: ['AccountId'], options: [], outputKey: 'DeletedAccount'},
	{resource: 'account', operation: 'getMany', resourceName: 'Account', title: 'Get Many Accounts', required: [], options: ['Limit', 'Offset', 'SearchName'], outputKey: 'Accounts'},
	{resource: 'account', operation: 'get', resourceName: 'Account', title: 'Get an Account', required: ['AccountId'], options: [], outputKey: 'Account'},
	{resource: 'account', operation: 'update', resourceName: 'Account', title: 'Update an Account', required: ['AccountId'], options: ['Owner', 'Name', 'AccountUrl', 'Fields'], outputKey: 'Account'},
	{resource: 'accountContact', operation: 'create', resourceName: 'Account Contact', title: 'Create an Account Contact', required: ['ContactId', 'AccountId', 'JobTitle'], options: [], outputKey: 'AccountContact'},
	{resource: 'accountContact', operation: 'delete', resourceName: 'Account Contact', title: 'Delete an Account Contact', required: ['AssociationId'], options: [], outputKey: 'DeletedAccountContact'},
	{resource: 'accountContact', operation: 'getMany', resourceName: 'Account Contact', title: 'Get Many Account Contacts', required: [], options: ['Limit', 'Offset'], outputKey: 'AccountContacts'},
	{resource: 'accountContact', operation: 'get', resourceName: 'Account Contact', title: 'Get an Account Contact', required: ['AssociationId'], options: [], outputKey: 'AccountContact'},
	{resource: 'accountContact', operation: 'update', resourceName: 'Account Contact', title: 'Update an Account Contact', required: ['AssociationId', 'ContactId', 'AccountId'], options: ['JobTitle'], outputKey: 'AccountContact'},
	{resource: 'connection', operation: 'create', resourceName: 'Connection', title: 'Create a Connection', required: ['Service', 'ExternalId', 'Name', 'LogoUrl', 'LinkUrl'], options: ['ListId'], outputKey: 'Connection'},
	{resource: 'connection', operation: 'delete', resourceName: 'Connection', title: 'Delete a Connection', required: ['ConnectionId'], options: [], outputKey: 'DeletedConnection'},
	{resource: 'connection', operation: 'getMany', resourceName: 'Connection', title: 'Get Many Connections', required: [], options: ['FilterService', 'FilterExternalId', 'Limit', 'Offset'], outputKey: 'Connections'},
	{resource: 'connection', operation: 'get', resourceName: 'Connection', title: 'Get a Connection', required: ['ConnectionId'], options: [], outputKey: 'Connection'},
	{resource: 'connection', operation: 'update', resourceName: 'Connection', title: 'Update a Connection', required: ['ConnectionId', 'Service', 'ExternalId', 'Name'], options: ['LogoUrl', 'LinkUrl', 'AdditionalFields'], outputKey: 'Connection'},
	{resource: 'contact', operation: 'create', resourceName: 'Contact', title: 'Create a Contact', required: ['Email'], options: ['FirstName', 'LastName', 'Phone', 'AllowNullEmail', 'FieldValues'], outputKey: 'Contact'},
	{resource: 'contact', operation: 'delete', resourceName: 'Contact', title: 'Delete a Contact', required: ['ContactId'], options: [], outputKey: 'DeletedContact'},
	{resource: 'contact', operation: 'getMany', resourceName: 'Contact', title: 'Get Many Contacts', required: [], options: ['Limit', 'Offset', 'Email', 'Phone', 'SortById', 'SortByEmail'], outputKey: 'Contacts'},
	{resource: 'contact', operation: 'get', resourceName: 'Contact', title: 'Get a Contact', required: ['ContactId'], options: [], outputKey: 'Contact'},
	{resource: 'contact', operation: 'update', resourceName: 'Contact', title: 'Update a Contact', required: ['ContactId'], options: ['Email', 'FirstName', 'LastName', 'Phone', 'FieldValues'], outputKey: 'Contact'},
	{resource: 'contactList', operation: 'add', resourceName: 'Contact List', title: 'Add a Contact to a List', required: ['ContactId', 'ListId'], options: ['SourceId', 'Status'], outputKey: 'ContactList'},
	{resource: 'contactList', operation: 'remove', resourceName: 'Contact List', title: 'Remove a Contact from a List', required: ['ContactId', 'ListId'], options: [], outputKey: 'RemovedContactList'},
	{resource: 'contactTag', operation: 'add', resourceName: 'Contact Tag', title: 'Add a Contact Tag', required: ['ContactId', 'TagId'], options: [], outputKey: 'ContactTag'},
	{resource: 'contactTag', operation: 'remove', resourceName: 'Contact Tag', title: 'Remove a Contact Tag', required: ['ContactTagId'], options: [], outputKey: 'RemovedContactTag'},
	{resource: 'deal', operation: 'create', resourceName: 'Deal', title: 'Create a Deal', required: ['Title', 'ContactId', 'Value', 'Currency', 'StageId', 'PipelineId'], options: ['Owner', 'AdditionalFields'], outputKey: 'Deal'},
	{resource: 'deal', operation: 'delete', resourceName: 'Deal', title: 'Delete a Deal', required: ['DealId'], options: [], outputKey: 'DeletedDeal'},
	{resource: 'deal', operation: 'getMany', resourceName: 'Deal', title: 'Get Many Deals', required: [], options: ['Search', 'OrderTitle', 'Limit', 'Offset'], outputKey: 'Deals'},
	{resource: 'deal', operation: 'get', resourceName: 'Deal', title: 'Get a Deal', required: ['DealId'], options: [], outputKey: 'Deal'},
	{resource: 'deal', operation: 'update', resourceName: 'Deal', title: 'Update a Deal', required: ['DealId'], options: ['Title', 'Value', 'Currency', 'Status', 'Description', 'AdditionalFields'], outputKey: 'Deal'},
	{resource: 'dealNote', operation: 'create', resourceName: 'Deal Note', title: 'Create a Deal Note', required: ['DealId', 'NoteText'], options: [], outputKey: 'Note'},
	{resource: 'dealNote', operation: 'update', resourceName: 'Deal Note', title: 'Update a Deal Note', required: ['NoteId', 'DealId'], options: ['NoteText'], outputKey: 'Note'},
	{resource: 'ecommerceCustomer', operation: 'create', resourceName: 'Ecommerce Customer', title: 'Create an Ecommerce Customer', required: ['Email', 'ConnectionId', 'ExternalId'], options: ['AcceptsMarketing'], outputKey: 'EcommerceCustomer'},
	{resource: 'ecommerceCustomer', operation: 'delete', resourceName: 'Ecommerce Customer', title: 'Delete an Ecommerce Customer', required: ['EcommerceCustomerId'], options: [], outputKey: 'DeletedEcommerceCustomer'},
	{resource: 'ecommerceCustomer', operation: 'getMany', resourceName: 'Ecommerce Customer', title: 'Get Ecommerce Customers', required: [], options: ['Limit', 'Offset', 'Search', 'Email', 'ConnectionId'], outputKey: 'Customers'},
	{resource: 'ecommerceCustomer', operation: 'get', resourceName: 'Ecommerce Customer', title: 'Get an Ecommerce Customer', required: [], options: ['EcommerceCustomerId', 'Email'], outputKey: 'Customer'},
	{resource: 'ecommerceCustomer', operation: 'update', resourceName: 'Ecommerce Customer', title: 'Update an Ecommerce Customer', required: ['EcommerceCustomerId'], options: ['Email', 'ExternalId', 'AcceptsMarketing', 'ConnectionId', 'AdditionalFields'], outputKey: 'EcommerceCustomer'},
	{resource: 'ecommerceOrder', operation: 'create', resourceName: 'Ecommerce Order', title: 'Create an Ecommerce Order', required: ['ExternalId', 'Email', 'TotalPrice', 'Currency', 'ConnectionId', 'CustomerId', 'ExternalCreatedDate'], options: ['ExternalCheckoutId', 'AbandonedDate', 'AdditionalFields'], outputKey: 'Order'},
	{resource: 'ecommerceOrder', operation: 'delete', resourceName: 'Ecommerce Order', title: 'Delete an Ecommerce Order', required: ['OrderId'], options: [], outputKey: 'DeletedEcommerceOrder'},
	{resource: 'ecommerceOrder', operation: 'getMany', resourceName: 'Ecommerce Order', title: 'Get Ecommerce Orders', required: [], options: ['Limit', 'Offset', 'CustomerId', 'ExternalId'], outputKey: 'Orders'},
	{resource: 'ecommerceOrder', operation: 'get', resourceName: 'Ecommerce Order', title: 'Get an Ecommerce Order', required: ['OrderId'], options: [], outputKey: 'Order'},
	{resource: 'ecommerceOrder', operation: 'update', resourceName: 'Ecommerce Order', title: 'Update an Ecommerce Order', required: ['OrderId'], options: ['Email', 'TotalPrice', 'Currency', 'ExternalUpdatedDate', 'OrderProducts', 'AdditionalFields'], outputKey: 'EcommerceOrder'},
	{resource: 'ecommerceOrderProduct', operation: 'getByProductId', resourceName: 'Ecommerce Order Product', title: 'Get Ecommerce Order Product by ProductId', required: ['ProductId'], options: [], outputKey: 'Product'},
	{resource: 'ecommerceOrderProduct', operation: 'getMany', resourceName: 'Ecommerce Order Product', title: 'Get Ecommerce Order Products', required: [], options: ['Limit', 'Offset'], outputKey: 'Products'},
	{resource: 'ecommerceOrderProduct', operation: 'getByOrderId', resourceName: 'Ecommerce Order Product', title: 'Get Ecommerce Order Products by OrderId', required: ['OrderId'], options: ['Limit', 'Offset'], outputKey: 'Products'},
	{resource: 'list', operation: 'create', resourceName: 'List', title: 'Create a List', required: ['Name', 'StringId', 'SenderUrl', 'SenderReminder'], options: ['Channel'], outputKey: 'List'},
	{resource: 'list', operation: 'delete', resourceName: 'List', title: 'Delete a List', required: ['ListId'], options: [], outputKey: 'DeletedList'},
	{resource: 'list', operation: 'getMany', resourceName: 'List', title: 'Get Many Lists', required: [], options: ['Limit', 'Offset', 'Name', 'FilterOperator', 'FilterOrder'], outputKey: 'Lists'},
	{resource: 'list', operation: 'get', resourceName: 'List', title: 'Get a List', required: ['ListId'], options: [], outputKey: 'List'},
	{resource: 'pipeline', operation: 'create', resourceName: 'Pipeline', title: 'Create a Pipeline', required: ['Title', 'Currency'], options: ['AllGroups', 'AllUsers', 'AutoAssign', 'Users', 'Groups'], outputKey: 'Pipeline'},
	{resource: 'pipeline', operation: 'delete', resourceName: 'Pipeline', title: 'Delete a Pipeline', required: ['PipelineId'], options: [], outputKey: 'DeletedPipeline'},
	{resource: 'pipeline', operation: 'getMany', resourceName: 'Pipeline', title: 'Get Many Pipelines', required: [], options: ['FilterTitle', 'FilterStage', 'OrderTitle', 'OrderPopular', 'Limit', 'Offset'], outputKey: 'Pipelines'},
	{resource: 'pipeline', operation: 'get', resourceName: 'Pipeline', title: 'Get a Pipeline', required: ['PipelineId'], options: [], outputKey: 'Pipeline'},
	{resource: 'pipeline', operation: 'update', resourceName: 'Pipeline', title: 'Update a Pipeline', required: ['PipelineId'], options: ['Title', 'Currency', 'AllGroups', 'AllUsers', 'AutoAssign', 'Users', 'Groups'], outputKey: 'Pipeline'},
	{resource: 'stage', operation: 'create', resourceName: 'Stage', title: 'Create a Stage', required: ['Title', 'PipelineId'], options: ['Order', 'Color', 'Width', 'Reorder', 'AdditionalFields'], outputKey: 'Stage'},
	{resource: 'stage', operation: 'delete', resourceName: 'Stage', title: 'Delete a Stage', required: ['StageId'], options: [], outputKey: 'DeletedStage'},
	{resource: 'stage', operation: 'getMany', resourceName: 'Stage', title: 'Get Many Stages', required: [], options: ['Limit', 'Offset', 'FilterTitle', 'FilterGroup', 'OrderTitle'], outputKey: 'Stages'},
	{resource: 'stage', operation: 'get', resourceName: 'Stage', title: 'Get a Stage', required: ['StageId'], options: [], outputKey: 'Stage'},
	{resource: 'stage', operation: 'update', resourceName: 'Stage', title: 'Update a Stage', required: ['StageId'], options: ['Title', 'Group', 'Order', 'Color', 'Reorder', 'AdditionalFields'], outputKey: 'Stage'},
	{resource: 'tag', operation: 'create', resourceName: 'Tag', title: 'Create a Tag', required: ['Tag'], options: ['TagType', 'Description'], outputKey: 'Tag'},
	{resource: 'tag', operation: 'delete', resourceName: 'Tag', title: 'Delete a Tag', required: ['TagId'], options: [], outputKey: 'DeletedTag'},
	{resource: 'tag', operation: 'getMany', resourceName: 'Tag', title: 'Get Many Tags', required: [], options: ['Limit', 'Offset', 'SearchText', 'SearchOperator', 'SearchOrder'], outputKey: 'Tags'},
	{resource: 'tag', operation: 'get', resourceName: 'Tag', title: 'Get a Tag', required: ['TagId'], options: [], outputKey: 'Tag'},
	{resource: 'tag', operation: 'update', resourceName: 'Tag', title: 'Update a Tag', required: ['TagId'], options: ['TagName', 'TagType', 'Description'], outputKey: 'Tag'},
];

/**
 * Operations added after CONTRACT.md (each by its issue), held to the same naming rules. They extend
 * the contract; none of the 63 above changes.
 */
export const ADDED_OPERATIONS: ContractRow[] = [
	// Issue 14: bulk import, 250 contacts per request.
	{resource: 'contact', operation: 'bulkUpsert', resourceName: 'Contact', title: 'Create or Update Contacts in Bulk', required: ['Email'], options: ['FirstName', 'LastName', 'Phone', 'Tags', 'SubscribeListIds', 'UnsubscribeListIds', 'FieldValues', 'AccountName', 'ExcludeAutomations', 'WaitBudget'], outputKey: 'Contact'},
];
