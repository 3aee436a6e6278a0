import { CUSTOM_FIELD_FAMILIES, customFieldsByNameOption, withCustomFieldsByName } from '../../framework/customFields';
import { defineOperation } from '../../framework/operation';
import { accountIdParam } from './shared';

export default defineOperation({
	resource: 'account',
	operation: 'get',
	title: 'Get an Account',
	description: 'Retrieve an account (company) by ID',
	agentHint: 'Account ID is the account\'s numeric ID (from Get Many Accounts)',
	outputKey: 'Account',
	params: { accountId: accountIdParam() },
	options: {
		customFieldsByName: customFieldsByNameOption(CUSTOM_FIELD_FAMILIES.account),
	},
	async execute({ params, api }) {
		const subject = `Account ${params.accountId}`;
		const body = await api.get(`/accounts/${params.accountId}`, undefined, subject);
		if (!params.customFieldsByName) return body.account;
		return withCustomFieldsByName(api, CUSTOM_FIELD_FAMILIES.account, params.accountId, body.account, subject);
	},
});
