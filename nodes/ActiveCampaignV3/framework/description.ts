import type { INodeProperties } from 'n8n-workflow';

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
	const properties: INodeProperties[] = [
		{
			displayName: 'Resource',
			name: 'resource',
			type: 'options',
			noDataExpression: true,
			options: resources.map((r) => ({ name: r.name, value: r.value })),
			default: resources.find((r) => r.value === 'contact')?.value ?? resources[0].value,
		},
	];
	for (const resource of resources) {
		const operations = resource.operations
			.map((op) => ({ name: op.title, value: op.operation, description: op.description, action: actionText(op) }))
			.sort(byName);
		properties.push({
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			displayOptions: { show: { resource: [resource.value] } },
			options: operations,
			default: resource.operations[0].operation,
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
	return properties;
}
