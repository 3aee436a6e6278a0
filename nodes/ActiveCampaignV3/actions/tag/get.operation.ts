import { defineOperation } from '../../framework/operation';
import { tagIdParam } from '../common';

export default defineOperation({
	resource: 'tag',
	operation: 'get',
	title: 'Get a Tag',
	description: 'Retrieve a tag by ID',
	agentHint: 'Tag ID is the tag\'s numeric ID (from Get Many Tags)',
	outputKey: 'Tag',
	params: { tagId: tagIdParam() },
	async execute({ params, api }) {
		const body = await api.get(`/tags/${params.tagId}`, undefined, `Tag ${params.tagId}`);
		return body.tag;
	},
});
