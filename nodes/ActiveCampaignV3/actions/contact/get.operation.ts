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
		// Tags are not side-loaded with a contact: they come from the contact's contactTags link.
		// A server without that endpoint (404) still gives the contact, with no tags.
		const sideLoaded = Array.isArray(body.contactTags) ? body.contactTags : undefined;
		const tags = sideLoaded ?? (await api.getOptional(`/contacts/${params.contactId}/contactTags`))?.contactTags;
		return { ...body.contact, tags: Array.isArray(tags) ? tags : [] };
	},
});
