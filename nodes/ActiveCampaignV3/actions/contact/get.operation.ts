import { defineOperation } from '../../framework/operation';
import { contactIdParam } from '../common';

export default defineOperation({
	resource: 'contact',
	operation: 'get',
	title: 'Get a Contact',
	description: 'Retrieve a contact by ID, with the tags applied to it',
	outputKey: 'Contact',
	params: { contactId: contactIdParam() },
	async execute({ params, api }) {
		const subject = `Contact ${params.contactId}`;
		const body = await api.get(`/contacts/${params.contactId}`, undefined, subject);
		const tags = await api.get(`/contacts/${params.contactId}/contactTags`, undefined, subject);
		return { ...body.contact, tags: Array.isArray(tags.contactTags) ? tags.contactTags : [] };
	},
});
