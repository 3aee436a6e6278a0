import type { IDataObject } from 'n8n-workflow';

import { defineOperation, Outcome } from '../../framework/operation';
import { CUSTOM_FIELD_FAMILIES, customFieldsByNameOption, withCustomFieldsByName } from '../../framework/customFields';
import { contactIdParam } from '../common';

export default defineOperation({
	resource: 'contact',
	operation: 'get',
	title: 'Get a Contact',
	description: 'Retrieve a contact by ID, with the tags applied to it',
	agentHint: 'Contact ID is the contact\'s numeric ID (from Get Many Contacts); tags[] holds its contact-tag associations (id = association ID, tag = tag ID)',
	outputKey: 'Contact',
	params: { contactId: contactIdParam() },
	options: {
		customFieldsByName: customFieldsByNameOption(CUSTOM_FIELD_FAMILIES.contact),
	},
	async execute({ params, api }) {
		const subject = `Contact ${params.contactId}`;
		const body = await api.get(`/contacts/${params.contactId}`, undefined, subject);
		// Custom fields that could not be read are said in the ErrorMessage; the tags are still read.
		let customFieldsNote: string | undefined;
		if (params.customFieldsByName) {
			const named = await withCustomFieldsByName(api, CUSTOM_FIELD_FAMILIES.contact, params.contactId, body.contact, subject, body.fieldValues);
			body.contact = named instanceof Outcome ? named.data : named;
			customFieldsNote = named instanceof Outcome ? named.message : undefined;
		}
		const withNote = (contact: IDataObject) => (customFieldsNote === undefined ? contact : new Outcome(contact, customFieldsNote));
		// Tags are not side-loaded with a contact: they come from the contact's contactTags link.
		const sideLoaded = Array.isArray(body.contactTags) ? body.contactTags : undefined;
		if (sideLoaded) return withNote({ ...body.contact, tags: sideLoaded });
		const tagsPath = `/contacts/${params.contactId}/contactTags`;
		const read = await api.sideRead(() => api.getOptional(tagsPath));
		const tags = read.value?.contactTags;
		if (Array.isArray(tags)) return withNote({ ...body.contact, tags });
		// The contact was read; its tags were not. An empty list would look like "no tags", so the
		// output says what is missing (StatusCode 200: completed, check ErrorMessage), and
		// OriginalStatusCode stays that of the contact's read.
		const why =
			read.reason ??
			(read.value === undefined ? `the server does not offer GET ${tagsPath}` : `the answer to GET ${tagsPath} has no contactTags list`);
		return new Outcome(
			{ ...body.contact, tags: [] },
			[customFieldsNote, `${subject} was read, but not its tags: ${why}. "tags" is empty because the tags are unknown, not because the contact has none`]
				.filter((note) => note !== undefined)
				.join('. '),
		);
	},
});
