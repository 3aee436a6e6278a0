import { defineOperation, Outcome } from '../../framework/operation';
import { contactIdParam, listIdParam } from '../common';

const UNSUBSCRIBED = '2';

export default defineOperation({
	resource: 'contactList',
	operation: 'remove',
	title: 'Remove a Contact from a List',
	description: 'Unsubscribe a contact from a list; every subscription of the contact to that list is ended',
	agentHint: 'Contact ID and List ID are numeric IDs; RemovedCount 0 with a message means the contact was not on the list',
	outputKey: 'RemovedContactList',
	params: {
		contactId: contactIdParam('The numeric ID of the contact to remove, e.g. 12345'),
		listId: listIdParam('The numeric ID of the list to remove the contact from, e.g. 67890'),
	},
	orderKey: (params) => `${params.contactId}:${params.listId}`,
	async execute({ params, api }) {
		const { contactId, listId } = params;
		const body = await api.get(`/contacts/${contactId}/contactLists`, undefined, `Contact ${contactId}`);
		const memberships: Array<{ list?: unknown; status?: unknown }> = Array.isArray(body.contactLists)
			? body.contactLists
			: [];
		const onList = memberships.filter((m) => String(m.list) === String(listId));
		const active = onList.filter((m) => String(m.status) !== UNSUBSCRIBED);
		const result = { RemovedCount: 0, ContactId: contactId, ListId: listId };
		if (onList.length === 0) return new Outcome(result, `Contact ${contactId} is not on list ${listId}`);
		if (active.length === 0) {
			return new Outcome(result, `Contact ${contactId} is already unsubscribed from list ${listId}`);
		}
		// One status change covers every membership row of this contact on this list.
		await api.post(
			'/contactLists',
			{ contactList: { list: listId, contact: contactId, status: 2 } },
			`Contact ${contactId} or list ${listId}`,
		);
		return { ...result, RemovedCount: active.length };
	},
});
