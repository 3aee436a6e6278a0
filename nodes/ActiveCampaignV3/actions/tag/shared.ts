import type { IDataObject } from 'n8n-workflow';

import type { ApiClient } from '../../framework/apiClient';
import { choice } from '../../framework/params';

export const tagTypeParam = (description: string) =>
	choice('TagType', {
		description,
		options: [
			{ name: 'Contact', value: 'contact', description: 'Tag for contacts (most common)' },
			{ name: 'Template', value: 'template', description: 'Tag for email templates' },
		],
		default: 'contact',
	});

export interface TagRecord extends IDataObject {
	id?: string;
	tag?: string;
	tagType?: string;
}

/**
 * The tag named `name` (exact, case-insensitive) of `tagType`, searched page by page. The API's
 * search is a "contains" match and may be broad: the exact comparison is ours.
 */
export async function findTagByName(api: ApiClient, name: string, tagType: string): Promise<TagRecord | undefined> {
	const wanted = name.toLowerCase();
	return api.findFirst<TagRecord>(
		'/tags',
		'tags',
		{ search: name },
		(t) => String(t.tag).toLowerCase() === wanted && (t.tagType ?? 'contact') === tagType,
	);
}
