import { CUSTOM_FIELD_FAMILIES, customFieldsByName, mergeCustomFields } from '../../framework/customFields';
import { defineOperation } from '../../framework/operation';
import { text } from '../../framework/params';
import { definedOnly } from '../common';
import { accountFieldsParam, accountIdParam, accountUrlParam, ownerParam } from './shared';

export default defineOperation({
	resource: 'account',
	operation: 'update',
	title: 'Update an Account',
	description: 'Change the given fields of an account; fields not given stay as they are',
	agentHint: 'Account ID is the account\'s numeric ID; send only the fields to change',
	outputKey: 'Account',
	params: {
		accountId: accountIdParam('The numeric ID of the account to update, e.g. 12345 (from Get Many Accounts)'),
		customFieldsByName: customFieldsByName(CUSTOM_FIELD_FAMILIES.account),
	},
	options: {
		owner: ownerParam('User ID of the new account owner, e.g. 1'),
		name: text('Name', { description: 'New account name, e.g. Acme Corporation' }),
		accountUrl: accountUrlParam('New company website, e.g. https://www.example.com'),
		fields: accountFieldsParam(),
	},
	requiresAnOption: true,
	async execute({ params, api }) {
		const account = definedOnly({
			name: params.name,
			accountUrl: params.accountUrl,
			owner: params.owner,
			fields: mergeCustomFields(CUSTOM_FIELD_FAMILIES.account, params.fields, params.customFieldsByName),
		});
		const body = await api.put(`/accounts/${params.accountId}`, { account }, `Account ${params.accountId}`);
		return body.account;
	},
});
