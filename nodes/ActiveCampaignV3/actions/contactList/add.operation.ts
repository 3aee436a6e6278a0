import { defineOperation } from '../../framework/operation';
import { choice, integer } from '../../framework/params';
import { contactIdParam, listIdParam } from '../common';

export default defineOperation({
	resource: 'contactList',
	operation: 'add',
	title: 'Add a Contact to a List',
	description: 'Subscribe a contact to a list (or change the status of an existing subscription)',
	agentHint: 'Contact ID and List ID are numeric IDs (from Get Many Contacts / Get Many Lists); an existing subscription is updated, not duplicated',
	outputKey: 'ContactList',
	params: {
		contactId: contactIdParam('The numeric ID of the contact to add, e.g. 123 (from Get Many Contacts)'),
		listId: listIdParam('The numeric ID of the list to add the contact to, e.g. 456 (from Get Many Lists)'),
	},
	options: {
		sourceId: integer('SourceId', {
			displayName: 'Source ID',
			description: 'How the contact was added: 0 = manual/API, 4 = re-subscription',
			min: 0,
			default: 0,
		}),
		status: choice('Status', {
			description: 'Subscription status. Changing 2 to 1 re-subscribes a contact who unsubscribed.',
			options: [
				{ name: 'Subscribed', value: 1 },
				{ name: 'Unsubscribed', value: 2 },
			],
			default: 1,
		}),
	},
	orderKey: (params) => `${params.contactId}:${params.listId}`,
	async execute({ params, api }) {
		// ActiveCampaign upserts on (contact, list): adding twice returns the existing association.
		const body = await api.post(
			'/contactLists',
			{
				contactList: {
					list: params.listId,
					contact: params.contactId,
					status: params.status ?? 1,
					sourceid: params.sourceId ?? 0,
				},
			},
			`Contact ${params.contactId} or list ${params.listId}`,
		);
		return body.contactList;
	},
});
