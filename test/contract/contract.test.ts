import type { INodeProperties } from 'n8n-workflow';

import { ActiveCampaignV3V1 as ActiveCampaignV3 } from '../../nodes/ActiveCampaignV3/ActiveCampaignV3V1.node';
import { registry, resources } from '../../nodes/ActiveCampaignV3/actions';
import { toDisplayName, toParamName, type ParamSpec } from '../../nodes/ActiveCampaignV3/framework/params';
import { ADDED_OPERATIONS, CONTRACT_OPERATIONS } from './contractTable';

/** Names workflows and agents depend on (CONTRACT §1, §4), checked against the assembled node. */
describe('the node keeps the names of CONTRACT.md', () => {
	const description = new ActiveCampaignV3().description;

	it('offers exactly the 63 operations of the contract, plus the operations added since', () => {
		expect(CONTRACT_OPERATIONS).toHaveLength(63);
		const expected = [...CONTRACT_OPERATIONS, ...ADDED_OPERATIONS].map((r) => `${r.resource}/${r.operation}`).sort();
		const actual = registry
			.all()
			.map((op) => `${op.resource}/${op.operation}`)
			.sort();
		expect(actual).toEqual(expected);
		expect(actual).toHaveLength(63 + ADDED_OPERATIONS.length);
	});

	it('names the 15 resources as the reference does', () => {
		const expected = [...new Map(CONTRACT_OPERATIONS.map((r) => [r.resource, r.resourceName])).entries()]
			.map(([value, name]) => ({ name, value }))
			.sort((a, b) => a.name.localeCompare(b.name));
		const resourceProperty = description.properties.find((p) => p.name === 'resource')!;
		expect(resourceProperty.options).toEqual(expected);
		expect(resources).toHaveLength(15);
	});

	describe.each([...CONTRACT_OPERATIONS, ...ADDED_OPERATIONS])('$resource / $operation', (row) => {
		const op = registry.get(row.resource, row.operation);

		it('has the title and output key of the contract', () => {
			expect(op?.title).toBe(row.title);
			expect(op?.outputKey).toBe(row.outputKey);
		});

		it('has every Required parameter top-level and every Option in the options collection', () => {
			const top = Object.keys(op?.params ?? {});
			const options = Object.keys(op?.options ?? {});
			for (const name of row.required) expect(top).toContain(toParamName(name));
			for (const name of row.options) {
				const param = toParamName(name);
				// CONTRACT §1: on getMany, limit and offset may be top-level.
				const where = row.operation === 'getMany' || row.operation === 'getByOrderId' ? [...top, ...options] : options;
				if (param === 'limit' || param === 'offset') expect(where).toContain(param);
				else expect(options).toContain(param);
			}
		});

		it('uses the reference names spaced as display names', () => {
			const specs = [...Object.values(op?.params ?? {}), ...Object.values(op?.options ?? {})] as Array<
				ParamSpec<unknown>
			>;
			for (const spec of specs) {
				expect({ name: spec.name, displayName: spec.displayName }).toEqual({
					name: toParamName(spec.refName),
					displayName: toDisplayName(spec.refName),
				});
			}
		});
	});

	it('has a top-level Return All (default false) on every getMany', () => {
		for (const op of registry.all().filter((o) => o.operation === 'getMany')) {
			const returnAll = (op.params as Record<string, ParamSpec<unknown>>).returnAll;
			expect({ op: op.title, type: returnAll?.property.type, default: returnAll?.property.default }).toEqual({
				op: op.title,
				type: 'boolean',
				default: false,
			});
		}
	});
});

describe('the descriptor follows n8n conventions', () => {
	const description = new ActiveCampaignV3().description;
	const walk = (properties: INodeProperties[], visit: (p: INodeProperties) => void) => {
		for (const p of properties) {
			visit(p);
			if (p.type === 'collection' && Array.isArray(p.options)) walk(p.options as INodeProperties[], visit);
		}
	};

	it('is usable as an AI tool, with one main input and output', () => {
		expect(description.usableAsTool).toBe(true);
		expect(description.inputs).toEqual(['main']);
		expect(description.outputs).toEqual(['main']);
		expect(description.credentials).toEqual([{ name: 'activeCampaignV3Api', required: true }]);
	});

	it('describes booleans with "Whether" and sorts every option list', () => {
		walk(description.properties, (p) => {
			if (p.type === 'boolean') expect(p.description).toMatch(/^Whether /);
			if (p.type === 'options') {
				const names = (p.options as Array<{ name: string }>).map((o) => o.name);
				expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
			}
			if (p.type === 'collection') {
				const names = (p.options as INodeProperties[]).map((o) => o.displayName);
				expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
			}
		});
	});

	it('gives every operation an action and a description', () => {
		for (const p of description.properties.filter((x) => x.name === 'operation')) {
			for (const option of p.options as Array<{ action?: string; description?: string }>) {
				expect(option.action).toEqual(expect.any(String));
				expect(option.description).toEqual(expect.any(String));
			}
		}
	});
});
