import { defineOperation } from '../../framework/operation';
import { withTotalNote } from '../../framework/listTotal';
import { paginationParams } from '../../framework/pagination';
import { email, text } from '../../framework/params';
import { definedOnly } from '../common';
import { sortDirectionParam } from '../common-filters';

export default defineOperation({
	resource: 'contact',
	operation: 'getMany',
	title: 'Get Many Contacts',
	description: 'List contacts, optionally filtered by email or phone and sorted by ID or email',
	agentHint: 'Find a contact\'s ID by exact Email; records are in Contacts.Contacts, an empty list means no match',
	outputKey: 'Contacts',
	params: paginationParams({ noun: 'contacts' }),
	options: {
		email: email('Email', { description: 'Only the contact with this exact email, e.g. john.doe@company.com' }),
		phone: text('Phone', { description: 'Only contacts whose phone matches, e.g. +1-555-0100 or 5550100', maxLength: 64 }),
		sortById: sortDirectionParam('SortById', 'Sort by contact ID', 'Sort By ID'),
		sortByEmail: sortDirectionParam('SortByEmail', 'Sort by email address'),
	},
	async execute({ params, api }) {
		const page = await api.list({
			path: '/contacts',
			listKey: 'contacts',
			qs: definedOnly({
				email: params.email,
				search: params.phone,
				'orders[id]': params.sortById,
				'orders[email]': params.sortByEmail,
			}),
			page: params,
		});
		return withTotalNote(page, { Contacts: page.records, Total: page.total });
	},
});
