import { defineOperation } from '../../framework/operation';
import { accountIdParam } from './shared';

export default defineOperation({
	resource: 'account',
	operation: 'delete',
	title: 'Delete an Account',
	description: 'Permanently delete an account by ID (its contacts are kept, only the association goes)',
	agentHint: 'Account ID is the account\'s numeric ID (from Get Many Accounts); permanent, its contacts are kept',
	outputKey: 'DeletedAccount',
	params: { accountId: accountIdParam('The numeric ID of the account to delete, e.g. 12345 (from Get Many Accounts)') },
	async execute({ params, api }) {
		await api.delete(`/accounts/${params.accountId}`, `Account ${params.accountId}`);
		return { deleted: true, accountId: params.accountId };
	},
});
