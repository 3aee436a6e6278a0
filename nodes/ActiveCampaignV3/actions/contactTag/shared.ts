import type { ApiClient } from '../../framework/apiClient';
import { RECORD_KINDS, recordLocator } from '../../framework/locator';
import { boolean, label, text } from '../../framework/params';
import { findTagByName, type TagRecord } from '../tag/shared';

/**
 * Contact tags by what users know: a tag by its name (Add a Contact Tag) and an association by its
 * contact and tag (Remove a Contact Tag), as alternatives to the IDs the API wants (issue 11 item 3).
 */

export const tagNameParam = () =>
	text('TagName', {
		description:
			'Apply the tag with this name instead of a Tag ID, e.g. VIP Customer (compared without regard to case; contact tags only)',
	});

export const createTagIfMissingParam = () =>
	boolean('CreateTagIfMissing', {
		description: 'Whether to create a contact tag named Tag Name when none exists yet (otherwise that item reports it)',
		default: false,
	});

/** The contact and tag of an association, as an alternative to its ID (Remove a Contact Tag). */
export const associationContactParam = () =>
	recordLocator('ContactId', RECORD_KINDS.contact, {
		description: 'Instead of a Contact Tag ID: the contact to remove the tag from, e.g. 12 (give Tag ID too)',
	});

export const associationTagParam = () =>
	recordLocator('TagId', RECORD_KINDS.tag, {
		description: 'Instead of a Contact Tag ID: the tag to remove from the contact, e.g. 3 (give Contact ID too)',
	});

/** `"Tag ID" (tagId) is required: …` exactly as a required ID says it, for either-or parameters. */
export function requiredMessage(spec: { displayName: string; name: string; property: { description?: string } }): string {
	return `${label(spec)} is required: ${spec.property.description ?? ''}`;
}

/** The ID of the contact tag named `name`, created when missing if asked to; undefined when missing. */
export async function tagIdByName(api: ApiClient, name: string, create: boolean): Promise<number | undefined> {
	const find = () => findTagByName(api, name, 'contact');
	if (!create) {
		const found = await find();
		return found ? Number(found.id) : undefined;
	}
	// Created once even when another n8n process creates it at the same moment (a 422 looks again).
	const createTag = { method: 'POST' as const, path: '/tags', body: { tag: { tag: name, tagType: 'contact' } }, subject: `Tag "${name}"` };
	const tag = await api.findOrCreate(find, createTag, (body) => body.tag as TagRecord);
	return Number(tag.id);
}

export const noSuchTag = (name: string) =>
	`No contact tag is named "${name}": nothing was applied. Check Tag Name, pick a Tag ID, or turn on Create Tag If Missing`;
