import { defineOperation } from '../../framework/operation';
import { text } from '../../framework/params';
import { findTagByName, tagTypeParam } from './shared';

export default defineOperation({
	resource: 'tag',
	operation: 'create',
	title: 'Create a Tag',
	description: 'Create a tag; if a tag with the same name and type exists, that tag is returned',
	agentHint: 'A tag with the same name and type is returned instead of a second one',
	outputKey: 'Tag',
	params: {
		tag: text('Tag', { required: true, description: 'Tag name, e.g. VIP Customer' }),
	},
	options: {
		tagType: tagTypeParam('What the tag applies to: contacts (default) or email templates'),
		description: text('Description', { description: 'What the tag is for, e.g. High-value customers', maxLength: 1000 }),
	},
	// Items creating one tag (name and type) run in input order: the first creates, the rest find it.
	orderKey: (params) => `${params.tagType ?? 'contact'}:${params.tag.toLowerCase()}`,
	async execute({ params, api }) {
		const tagType = params.tagType ?? 'contact';
		const tag: Record<string, string> = { tag: params.tag, tagType };
		if (params.description !== undefined) tag.description = params.description;
		const find = () => findTagByName(api, params.tag, tagType);
		return api.findOrCreate(find, { method: 'POST', path: '/tags', body: { tag } }, (body) => body.tag);
	},
});
