import { defineOperation } from '../../framework/operation';
import { associationIdParam, subjectOf } from './shared';

export default defineOperation({
	resource: 'accountContact',
	operation: 'delete',
	title: 'Delete an Account Contact',
	description: 'Remove the association between a contact and an account (the contact and the account are kept)',
	agentHint: 'Association ID is the account-contact link\'s ID (from Get Many Account Contacts), not the contact or account ID',
	outputKey: 'DeletedAccountContact',
	params: { associationId: associationIdParam('The numeric ID of the association to delete, e.g. 12345 (from Get Many Account Contacts)') },
	async execute({ params, api }) {
		await api.delete(`/accountContacts/${params.associationId}`, subjectOf(params.associationId));
		return { id: String(params.associationId), deleted: true };
	},
});
