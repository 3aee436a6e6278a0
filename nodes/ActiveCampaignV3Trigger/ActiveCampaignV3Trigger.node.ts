import {
	NodeConnectionTypes,
	type IDataObject,
	type IHookFunctions,
	type ILoadOptionsFunctions,
	type INodePropertyOptions,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';

import { fetchAllPages } from './api';
import { receiveDelivery } from './delivery';
import { createWebhook, deleteWebhook, webhookExists } from './webhookRegistration';

/** `contact_tag_added` → `Contact Tag Added`; event names ActiveCampaign adds later still show up. */
function eventLabel(event: string): string {
	return event
		.split('_')
		.filter((word) => word !== '')
		.map((word) => (word === 'sms' ? 'SMS' : word.charAt(0).toUpperCase() + word.slice(1)))
		.join(' ');
}

export class ActiveCampaignV3Trigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'ActiveCampaign V3 Trigger',
		name: 'activeCampaignV3Trigger',
		icon: { light: 'file:../../icons/activecampaign.svg', dark: 'file:../../icons/activecampaign.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{($parameter["events"] || []).join(", ")}}',
		description: 'Starts the workflow when ActiveCampaign sends a webhook event (contacts, deals, lists, email activity)',
		defaults: {
			name: 'ActiveCampaign V3 Trigger',
		},
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'activeCampaignV3Api',
				required: true,
			},
		],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: 'onReceived',
				// ActiveCampaign reads only the status: answer 200 with an empty body as soon as the
				// execution is started (n8n's default here would be the text "firstEntryJson").
				responseData: 'noData',
				path: 'webhook',
			},
		],
		properties: [
			{
				displayName: 'Event Names or IDs',
				name: 'events',
				type: 'multiOptions',
				typeOptions: {
					loadOptionsMethod: 'getEvents',
				},
				default: [],
				required: true,
				description:
					'The events that start the workflow, as ActiveCampaign lists them. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
			{
				displayName: 'Sources',
				name: 'sources',
				type: 'multiOptions',
				options: [
					{
						name: 'Admin User',
						value: 'admin',
						description: 'A user of your ActiveCampaign account made the change',
					},
					{
						name: 'API',
						value: 'api',
						description: 'An API call (an integration, or n8n itself) made the change',
					},
					{
						name: 'Contact',
						value: 'public',
						description: 'The contact did it (e.g. subscribed through a form, clicked a link)',
					},
					{
						name: 'System',
						value: 'system',
						description: 'An automation or ActiveCampaign itself made the change',
					},
				],
				default: ['public', 'admin', 'api', 'system'],
				required: true,
				description: 'Who or what caused the event; events from other sources are not sent',
			},
			{
				displayName: 'List Name or ID',
				name: 'listId',
				type: 'options',
				typeOptions: {
					loadOptionsMethod: 'getLists',
				},
				default: '',
				description:
					'Only events on this list (subscribe, unsubscribe, email activity). Deal, tag, note, SMS and account events ignore it. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add option',
				default: {},
				options: [
					{
						displayName: 'Drop Repeats Within (Seconds)',
						name: 'repeatWindowSeconds',
						type: 'number',
						typeOptions: { minValue: 0 },
						default: 300,
						description:
							'ActiveCampaign may deliver the same event more than once. A delivery identical to one received this many seconds before is answered but starts no execution. 0 turns this off.',
					},
					{
						displayName: 'Include Raw Body',
						name: 'includeRawBody',
						type: 'boolean',
						default: false,
						description: 'Whether to add the form body exactly as ActiveCampaign sent it, as "rawBody"',
					},
				],
			},
		],
	};

	methods = {
		loadOptions: {
			async getEvents(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
				const events = await fetchAllPages<string>(this, '/webhook/events', 'webhookEvents');
				return events
					.filter((event): event is string => typeof event === 'string' && event !== '')
					.sort()
					.map((event) => ({ name: eventLabel(event), value: event, description: event }));
			},
			async getLists(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
				const lists = await fetchAllPages<IDataObject>(this, '/lists', 'lists');
				return [
					{ name: 'Any List', value: '' },
					...lists.map((list) => ({ name: String(list.name ?? `List ${String(list.id)}`), value: String(list.id) })),
				];
			},
		},
	};

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return webhookExists.call(this);
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return createWebhook.call(this);
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return deleteWebhook.call(this);
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return receiveDelivery.call(this);
	}
}
