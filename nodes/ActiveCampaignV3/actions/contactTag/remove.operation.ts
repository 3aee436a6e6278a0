import { defineOperation } from '../../framework/operation';
import { id } from '../../framework/params';

export default defineOperation({
	resource: 'contactTag',
	operation: 'remove',
	title: 'Remove a Contact Tag',
	description: 'Remove a tag from a contact by the contact-tag association ID (not the tag ID)',
	outputKey: 'RemovedContactTag',
	params: {
		contactTagId: id('ContactTagId', {
			required: true,
			type: 'string',
			description: 'The ID of the contact-tag association (not the tag ID or contact ID), e.g. "12345"',
		}),
	},
	async execute({ params, api }) {
		const subject = `Contact tag ${params.contactTagId}`;
		// Read first so the result can say which contact and tag were separated. Not every server
		// offers GET /contactTags/{id}; without it the result has only the confirmation fields.
		const found = (await api.getOptional(`/contactTags/${params.contactTagId}`))?.contactTag;
		await api.delete(`/contactTags/${params.contactTagId}`, subject);
		if (!found) {
			return { id: String(params.contactTagId), deleted: true, message: `Contact tag ${params.contactTagId} removed` };
		}
		return {
			id: String(params.contactTagId),
			contact: String(found.contact),
			tag: String(found.tag),
			deleted: true,
			message: `Tag ${found.tag} removed from contact ${found.contact}`,
		};
	},
});
