import type { ApiClient } from '../../framework/apiClient';
import { ValidationError } from '../../framework/errors';
import { defineOperation, Outcome } from '../../framework/operation';
import { id, label } from '../../framework/params';
import { associationContactParam, associationTagParam, requiredMessage } from './shared';

/** Required unless Contact ID and Tag ID (Options) name the association; its -1 when neither is given is unchanged. */
const contactTagIdSpec = id('ContactTagId', {
	type: 'string',
	description: 'The ID of the contact-tag association (not the tag ID or contact ID), e.g. "12345"',
});

/** Removes the tag from the contact by finding their association(s) first. */
async function removeByContactAndTag(api: ApiClient, contactId: number, tagId: number) {
	const subject = `Contact ${contactId}`;
	const body = await api.get(`/contacts/${contactId}/contactTags`, undefined, subject);
	const associations = (Array.isArray(body?.contactTags) ? body.contactTags : []).filter(
		(ct: { tag?: unknown }) => String(ct.tag) === String(tagId),
	) as Array<{ id: string | number }>;
	if (associations.length === 0) {
		return new Outcome(
			{ contact: String(contactId), tag: String(tagId), deleted: false },
			`Contact ${contactId} does not have tag ${tagId}: nothing was removed`,
		);
	}
	// Normally one; an account that recorded the pair twice gets every copy removed.
	for (const association of associations) {
		await api.delete(`/contactTags/${association.id}`, `Contact tag ${association.id}`);
	}
	return {
		id: String(associations[0].id),
		contact: String(contactId),
		tag: String(tagId),
		deleted: true,
		message: `Tag ${tagId} removed from contact ${contactId}`,
	};
}

export default defineOperation({
	resource: 'contactTag',
	operation: 'remove',
	title: 'Remove a Contact Tag',
	action: 'Remove a Contact Tag by association ID',
	description: 'Remove a tag from a contact by the contact-tag association ID (not the tag ID)',
	agentHint:
		'Contact Tag ID is the contact-tag association ID (from Add a Contact Tag or Get a Contact\'s tags[].id), not the tag ID; without it, give both Contact ID and Tag ID under Options',
	outputKey: 'RemovedContactTag',
	params: {
		contactTagId: contactTagIdSpec,
	},
	options: {
		contactId: associationContactParam(),
		tagId: associationTagParam(),
	},
	validate: (params) => {
		if (params.contactTagId !== undefined) return;
		if (params.contactId !== undefined && params.tagId !== undefined) return;
		const contact = associationContactParam();
		const tag = associationTagParam();
		if (params.contactId === undefined && params.tagId === undefined) {
			throw new ValidationError(requiredMessage(contactTagIdSpec));
		}
		const missing = params.contactId === undefined ? contact : tag;
		throw new ValidationError(
			`${label(missing)} under Options is needed too: give both Contact ID and Tag ID to remove a tag without its Contact Tag ID`,
		);
	},
	orderKey: (params) => (params.contactTagId === undefined ? `${params.contactId}:${params.tagId}` : undefined),
	async execute({ params, api }) {
		if (params.contactTagId === undefined) {
			return removeByContactAndTag(api, params.contactId as number, params.tagId as number);
		}
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
