import { defineOperation } from '../../framework/operation';
import { paginationParams } from '../../framework/pagination';
import { choice, email, text } from '../../framework/params';
import { definedOnly } from '../common';

const SORT = [
	{ name: 'Ascending', value: 'ASC' },
	{ name: 'Descending', value: 'DESC' },
];

export default defineOperation({
	resource: 'contact',
	operation: 'getMany',
	title: 'Get Many Contacts',
	description: 'List contacts, optionally filtered by email or phone and sorted by ID or email',
	outputKey: 'Contacts',
	params: paginationParams({ noun: 'contacts' }),
	options: {
		email: email('Email', { description: 'Only the contact with this exact email, e.g. john.doe@company.com' }),
		phone: text('Phone', { description: 'Only contacts whose phone matches, e.g. +1-555-0100 or 5550100', maxLength: 64 }),
		sortById: choice('SortById', { description: 'Sort by contact ID', displayName: 'Sort By ID', options: SORT, default: 'ASC' }),
		sortByEmail: choice('SortByEmail', { description: 'Sort by email address', options: SORT, default: 'ASC' }),
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
		return { Contacts: page.records, Total: page.total };
	},
});
