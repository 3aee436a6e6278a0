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
	async execute({ params, api }) {
		const body = await api.get(`/accounts/${params.accountId}`, undefined, `Account ${params.accountId}`);
		return body.account;
	},
});
