import { UpstreamError } from '../../framework/errors';
import { defineOperation } from '../../framework/operation';
import { contactIdParam, tagIdParam } from '../common';

export default defineOperation({
	resource: 'contactTag',
	operation: 'add',
	title: 'Add a Contact Tag',
	description: 'Apply a tag to a contact; if the contact already has it, the existing association is returned',
	outputKey: 'ContactTag',
	params: {
		contactId: contactIdParam('The numeric ID of the contact to tag, e.g. 8'),
		tagId: tagIdParam('The numeric ID of the tag to apply, e.g. 8 (from Get Many Tags)'),
	},
	orderKey: (params) => `${params.contactId}:${params.tagId}`,
	async execute({ params, api }) {
		const { contactId, tagId } = params;
		try {
			const body = await api.post(
				'/contactTags',
				{ contactTag: { contact: contactId, tag: tagId } },
				`Contact ${contactId} or tag ${tagId}`,
			);
			return body.contactTag;
		} catch (error) {
			// Some accounts answer 422 for a tag the contact already has: return that association.
			if (!(error instanceof UpstreamError) || error.status !== 422) throw error;
			const existing = await api.get(`/contacts/${contactId}/contactTags`, undefined, `Contact ${contactId}`);
			const match = (existing.contactTags ?? []).find((ct: { tag?: unknown }) => String(ct.tag) === String(tagId));
			if (!match) throw error;
			return match;
		}
	},
});
