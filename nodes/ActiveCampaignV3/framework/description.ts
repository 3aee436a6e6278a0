import type { INodeProperties } from 'n8n-workflow';

import { DEFAULT_SETTINGS, REQUEST_SETTING_FIELDS, type RequestSettingName } from '../transport/settings';
import { actionText } from './agentText';
import type { ParamSpec } from './params';
import type { OperationRegistry } from './registry';

function byName<T extends { name: string }>(a: T, b: T): number {
	return a.name.localeCompare(b.name);
}

/** Adds "only for this resource/operation" to a property's own display conditions. */
function scoped(property: INodeProperties, resource: string, operation: string): INodeProperties {
	const show = { ...(property.displayOptions?.show ?? {}), resource: [resource], operation: [operation] };
	return { ...property, displayOptions: { ...property.displayOptions, show } };
}

/**
 * Assembles the node's properties from the operation modules: the resource picker, one operation
 * picker per resource, then each operation's parameters and its Options collection.
 */
export function buildProperties(registry: OperationRegistry): INodeProperties[] {
	const resources = [...registry.resources].sort(byName);
	const defaultResource = resources.find((r) => r.value === 'contact')?.value ?? resources[0].value;
	const properties: INodeProperties[] = [
		{
			displayName: 'Resource',
			name: 'resource',
			type: 'options',
			noDataExpression: true,
			options: resources.map((r) => ({ name: r.name, value: r.value })),
			default: defaultResource,
		},
	];
	for (const resource of resources) {
		const operations = resource.operations
			.map((op) => ({ name: op.title, value: op.operation, description: op.description, action: actionText(op) }))
			.sort(byName);
		const defaultOperation = resource.operations[0].operation;
		properties.push({
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			displayOptions: { show: { resource: [resource.value] } },
			options: operations,
			default: defaultOperation,
		});
	}
	for (const op of registry.all()) {
		for (const spec of Object.values(op.params) as Array<ParamSpec<unknown>>) {
			properties.push(scoped(spec.property, op.resource, op.operation));
		}
		const optionSpecs = Object.values(op.options ?? {}) as Array<ParamSpec<unknown>>;
		if (optionSpecs.length > 0) {
			properties.push(
				scoped(
					{
						displayName: 'Options',
						name: 'options',
						type: 'collection',
						placeholder: 'Add option',
						default: {},
						options: optionSpecs
							.map((spec) => {
								// Inside a collection, display conditions of the item itself do not apply.
								const { displayOptions: _display, ...rest } = spec.property;
								return rest as INodeProperties;
							})
							.sort((a, b) => a.displayName.localeCompare(b.displayName)),
					},
					op.resource,
					op.operation,
				),
			);
		}
	}
	properties.push(requestSettingsProperty());
	return properties;
}

/** The parameter holding the execution's transport settings (see transport/settings.ts). */
export const REQUEST_SETTINGS_PARAMETER = 'requestSettings';

/**
 * "Request Settings", shown for every operation: what an operator may tune about how requests are
 * sent. The rate itself belongs to the account, so it is a credential field ("Requests per Second").
 */
function requestSettingsProperty(): INodeProperties {
	const describe: Record<RequestSettingName, { description: string; default: number }> = {
		timeout: { description: 'How long to wait for one answer from ActiveCampaign before giving up on it', default: DEFAULT_SETTINGS.timeoutMs },
		rateLimitWaitBudget: {
			description:
				'How long one request may keep waiting through "too many requests" (HTTP 429) answers before its item is reported as rate-limited. A 429 means nothing was applied, so every request is retried within this time.',
			default: DEFAULT_SETTINGS.rateLimitWaitMs / 1000,
		},
		maxRetries: {
			description:
				'How many times a request that may safely be repeated (read, update, delete) is retried after a server error or a lost connection. Creates are never repeated once they may have reached ActiveCampaign.',
			default: DEFAULT_SETTINGS.maxRetries,
		},
		itemsInFlight: {
			description: 'How many input items are worked on at the same time; the account\'s rate limit still sets the pace',
			default: DEFAULT_SETTINGS.itemConcurrency,
		},
	};
	const options = (Object.keys(REQUEST_SETTING_FIELDS) as RequestSettingName[]).map((name): INodeProperties => {
		const field = REQUEST_SETTING_FIELDS[name];
		const initial = describe[name].default;
		return {
			displayName: field.displayName,
			name,
			type: 'number',
			typeOptions: { minValue: field.min, maxValue: field.max, numberPrecision: 0 },
			default: initial,
			description: describe[name].description,
		};
	});
	return {
		displayName: 'Request Settings',
		name: REQUEST_SETTINGS_PARAMETER,
		type: 'collection',
		placeholder: 'Add setting',
		default: {},
		options: options.sort((a, b) => a.displayName.localeCompare(b.displayName)),
	};
}
