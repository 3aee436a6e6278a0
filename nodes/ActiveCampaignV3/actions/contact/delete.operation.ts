import { defineOperation } from '../../framework/operation';
import { contactIdParam } from '../common';

export default defineOperation({
	resource: 'contact',
	operation: 'delete',
	title: 'Delete a Contact',
	description: 'Permanently delete a contact by ID (cannot be undone)',
	agentHint: 'Contact ID is the contact\'s numeric ID (from Get Many Contacts); permanent',
	outputKey: 'DeletedContact',
	params: { contactId: contactIdParam() },
	async execute({ params, api }) {
		await api.delete(`/contacts/${params.contactId}`, `Contact ${params.contactId}`);
		return { id: String(params.contactId), deleted: true };
	},
});
