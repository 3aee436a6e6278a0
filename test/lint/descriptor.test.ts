import type { INodeProperties } from 'n8n-workflow';

import { ActiveCampaignV3V1 as ActiveCampaignV3 } from '../../nodes/ActiveCampaignV3/ActiveCampaignV3V1.node';

/**
 * n8n's linter cannot see the node's parameters because the framework builds them from the
 * operation modules; this checks the built descriptor for what its rules would check on literals.
 */
function walk(properties: INodeProperties[], path: string, visit: (p: INodeProperties, where: string) => void): void {
	for (const property of properties) {
		const where = `${path}${property.name}`;
		visit(property, where);
		for (const option of (property.options ?? []) as Array<INodeProperties | { values?: INodeProperties[] }>) {
			if ('type' in option && 'name' in option) walk([option as INodeProperties], `${where}.`, visit);
			else if ('values' in option && Array.isArray(option.values)) walk(option.values, `${where}.`, visit);
		}
	}
}

describe('built node descriptor (what n8n-nodes-base rules check on literal descriptions)', () => {
	const { description } = new ActiveCampaignV3();

	test('every parameter has a default, a display name and a name', () => {
		const problems: string[] = [];
		let visited = 0;
		walk(description.properties, '', (property, where) => {
			visited++;
			if (!('default' in property)) problems.push(`${where}: no default`);
			if (!property.displayName) problems.push(`${where}: no displayName`);
			if (!property.name) problems.push(`${where}: no name`);
		});
		expect(problems).toEqual([]);
		// Resource + operation pickers + the 18 foundation operations' parameters at the very least.
		expect(visited).toBeGreaterThan(50);
	});

	test('options parameters default to one of their values and collections default to {}', () => {
		const problems: string[] = [];
		walk(description.properties, '', (property, where) => {
			if (property.type === 'options' && typeof property.default === 'string' && !property.default.startsWith('=')) {
				const values = (property.options ?? []).map((o) => (o as { value: unknown }).value);
				if (!values.includes(property.default)) problems.push(`${where}: default ${property.default} not among ${values.join(', ')}`);
			}
			if (property.type === 'collection' && JSON.stringify(property.default) !== '{}') problems.push(`${where}: collection default not {}`);
			if (property.type === 'boolean' && typeof property.default !== 'boolean') problems.push(`${where}: boolean default not boolean`);
		});
		expect(problems).toEqual([]);
	});
});
