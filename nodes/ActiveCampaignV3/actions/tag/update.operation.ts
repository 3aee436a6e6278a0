import { defineOperation } from '../../framework/operation';
import { text } from '../../framework/params';
import { definedOnly, tagIdParam } from '../common';
import { tagTypeParam } from './shared';

export default defineOperation({
	resource: 'tag',
	operation: 'update',
	title: 'Update a Tag',
	description: 'Change the name, type or description of a tag; fields not given stay as they are',
	agentHint: 'Tag ID is the tag\'s numeric ID; fields not given stay as they are',
	outputKey: 'Tag',
	params: { tagId: tagIdParam() },
	options: {
		tagName: text('TagName', { description: 'New tag name, e.g. VIP Customer' }),
		tagType: tagTypeParam('New tag type'),
		description: text('Description', { description: 'New description of the tag', maxLength: 1000 }),
	},
	requiresAnOption: true,
	async execute({ params, api }) {
		const tag = definedOnly({ tag: params.tagName, tagType: params.tagType, description: params.description });
		const body = await api.put(`/tags/${params.tagId}`, { tag }, `Tag ${params.tagId}`);
		return body.tag;
	},
});
