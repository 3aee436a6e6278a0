import { defineOperation } from '../../framework/operation';
import { withTotalNote } from '../../framework/listTotal';
import { paginationParams } from '../../framework/pagination';

export default defineOperation({
	resource: 'accountContact',
	operation: 'getMany',
	title: 'Get Many Account Contacts',
	description: 'List account-contact associations, page by page',
	agentHint: 'Records are in AccountContacts.AccountContacts; each has the link id, contact and account IDs',
	outputKey: 'AccountContacts',
	// The reference's default page for this listing is 10.
	params: paginationParams({ noun: 'account contacts', defaultLimit: 10 }),
	async execute({ params, api }) {
		const page = await api.list({
			path: '/accountContacts',
			listKey: 'accountContacts',
			page: params,
		});
		return withTotalNote(page, {
			AccountContacts: page.records,
			Total: page.total,
			Limit: page.limit,
			Offset: page.offset,
			HasMore: page.hasMore,
		});
	},
});
