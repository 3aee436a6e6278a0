import { ValidationError } from '../../framework/errors';
import { RECORD_KINDS, recordLocator } from '../../framework/locator';
import { defineOperation, Outcome } from '../../framework/operation';
import { contactIdParam } from '../common';
import { createTagIfMissingParam, noSuchTag, requiredMessage, tagIdByName, tagNameParam } from './shared';

/** Required unless Tag Name (Options) names the tag instead; its -1 when neither is given is unchanged. */
const tagIdSpec = recordLocator('TagId', RECORD_KINDS.tag, {
	description: 'The numeric ID of the tag to apply, e.g. 8 (from Get Many Tags)',
});

export default defineOperation({
	resource: 'contactTag',
	operation: 'add',
	title: 'Add a Contact Tag',
	description: 'Apply a tag to a contact; if the contact already has it, the existing association is returned',
	agentHint: 'Contact ID is the contact\'s ID, Tag ID the tag\'s ID (from Get Many Tags); an existing association is returned; its id is the association ID that Remove a Contact Tag needs',
	outputKey: 'ContactTag',
	params: {
		contactId: contactIdParam('The numeric ID of the contact to tag, e.g. 8'),
		tagId: tagIdSpec,
	},
	options: {
		tagName: tagNameParam(),
		createTagIfMissing: createTagIfMissingParam(),
	},
	validate: (params) => {
		if (params.tagId === undefined && params.tagName === undefined) throw new ValidationError(requiredMessage(tagIdSpec));
	},
	// By name with Create Tag If Missing, every item of that name waits its turn: the first creates the tag.
	orderKey: (params) =>
		params.tagId !== undefined
			? `${params.contactId}:${params.tagId}`
			: params.createTagIfMissing
				? `tag-name:${(params.tagName ?? '').toLowerCase()}`
				: `${params.contactId}:tag-name:${(params.tagName ?? '').toLowerCase()}`,
	async execute({ params, api }) {
		const { contactId } = params;
		// Tag ID wins; otherwise the tag is looked up by its name (and created if asked to).
		const tagName = params.tagName ?? '';
		const tagId = params.tagId ?? (await tagIdByName(api, tagName, params.createTagIfMissing ?? false));
		if (tagId === undefined) return new Outcome({}, noSuchTag(tagName));
		const create = {
			method: 'POST' as const,
			path: '/contactTags',
			body: { contactTag: { contact: contactId, tag: tagId } },
			subject: `Contact ${contactId} or tag ${tagId}`,
		};
		const created = await api.attempt(create, [422]);
		if (created.status !== 422) return created.body.contactTag;
		// Some accounts answer 422 for a tag the contact already has: return that association.
		const existing = await api.get(`/contacts/${contactId}/contactTags`, undefined, `Contact ${contactId}`);
		const match = (existing.contactTags ?? []).find((ct: { tag?: unknown }) => String(ct.tag) === String(tagId));
		if (!match) throw api.failure(created, create);
		return match;
	},
});
