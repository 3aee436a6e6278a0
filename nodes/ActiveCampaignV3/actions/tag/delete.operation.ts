import { defineOperation } from '../../framework/operation';
import { tagIdParam } from '../common';

export default defineOperation({
	resource: 'tag',
	operation: 'delete',
	title: 'Delete a Tag',
	description: 'Permanently delete a tag by ID; it is removed from every contact',
	agentHint: 'Tag ID is the tag\'s numeric ID (from Get Many Tags); removes it from every contact',
	outputKey: 'DeletedTag',
	params: { tagId: tagIdParam() },
	async execute({ params, api }) {
		await api.delete(`/tags/${params.tagId}`, `Tag ${params.tagId}`);
		return { id: String(params.tagId), deleted: true };
	},
});
