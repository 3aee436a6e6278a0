import { defineOperation } from '../../framework/operation';
import { dealIdParam, subjectOf } from './shared';

export default defineOperation({
	resource: 'deal',
	operation: 'delete',
	title: 'Delete a Deal',
	description: 'Permanently delete a deal by ID, with its notes and activities (cannot be undone)',
	agentHint: 'Deal ID is the deal\'s numeric ID (from Get Many Deals); permanent, with its notes',
	outputKey: 'DeletedDeal',
	params: { dealId: dealIdParam('The numeric ID of the deal to delete, e.g. 12345 (from Get Many Deals)') },
	async execute({ params, api }) {
		await api.delete(`/deals/${params.dealId}`, subjectOf(params.dealId));
		return { id: String(params.dealId), deleted: true };
	},
});
