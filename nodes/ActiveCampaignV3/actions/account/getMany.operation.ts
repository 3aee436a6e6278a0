import { defineOperation } from '../../framework/operation';
import { withTotalNote } from '../../framework/listTotal';
import { paginationParams } from '../../framework/pagination';
import { text } from '../../framework/params';
import { definedOnly } from '../common';

export default defineOperation({
	resource: 'account',
	operation: 'getMany',
	title: 'Get Many Accounts',
	description: 'List accounts (companies), optionally searched by name',
	agentHint: 'Search Name filters by name; records are in Accounts.Accounts, the count in Accounts.Total',
	outputKey: 'Accounts',
	params: paginationParams({ noun: 'accounts' }),
	options: {
		searchName: text('SearchName', { description: 'Text to look for in account names (partial match), e.g. Acme' }),
	},
	async execute({ params, api }) {
		const page = await api.list({
			path: '/accounts',
			listKey: 'accounts',
			qs: definedOnly({ search: params.searchName }),
			page: params,
		});
		return withTotalNote(page, { Accounts: page.records, Total: page.total });
	},
});
