import { defineOperation } from '../../framework/operation';
import { choice, text, url } from '../../framework/params';

export default defineOperation({
	resource: 'list',
	operation: 'create',
	title: 'Create a List',
	description: 'Create a contact list; if a list with the same String ID exists, that list is returned',
	agentHint: 'A list with the same String ID is returned instead of a second one',
	outputKey: 'List',
	params: {
		name: text('Name', { required: true, description: 'List display name, e.g. VIP Customer List' }),
		stringId: text('StringId', {
			required: true,
			displayName: 'String ID',
			description: 'URL-safe unique identifier: lowercase letters, numbers and hyphens, e.g. vip-customer-list',
			pattern: { regex: /^[a-z0-9]+(?:-[a-z0-9]+)*$/, hint: 'use lowercase letters, numbers and hyphens only, e.g. vip-customer-list' },
		}),
		senderUrl: url('SenderUrl', { required: true, description: 'Your website URL, e.g. https://example.com' }),
		senderReminder: text('SenderReminder', {
			required: true,
			description: 'Why contacts are on this list, shown in email footers, e.g. You subscribed on our website',
			maxLength: 1000,
		}),
	},
	options: {
		channel: choice('Channel', {
			description: 'What campaigns the list is for',
			options: [
				{ name: 'Email', value: 'email' },
				{ name: 'SMS', value: 'sms' },
			],
			default: 'email',
		}),
	},
	// Items creating one String ID run in input order: the first creates, the rest find it.
	orderKey: (params) => params.stringId,
	async execute({ params, api }) {
		const find = () =>
			api.findFirst<{ stringid?: string }>(
				'/lists',
				'lists',
				{ 'filters[stringid]': params.stringId },
				(list) => list.stringid === params.stringId,
			);
		const list = {
			name: params.name,
			stringid: params.stringId,
			sender_url: params.senderUrl,
			sender_reminder: params.senderReminder,
			channel: params.channel ?? 'email',
		};
		return api.findOrCreate(find, { method: 'POST', path: '/lists', body: { list } }, (body) => body.list);
	},
});
