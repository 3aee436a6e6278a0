import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { registry } from '../../nodes/ActiveCampaignV3/actions';
import { ValidationError } from '../../nodes/ActiveCampaignV3/framework/errors';
import { readParams } from '../../nodes/ActiveCampaignV3/framework/execute';
import type { OperationDefinition } from '../../nodes/ActiveCampaignV3/framework/operation';
import type { ParamSpec } from '../../nodes/ActiveCampaignV3/framework/params';
import type { E2ECase } from './cases';

/** Builds n8n workflow JSON for the cases, and derives a validation case for every registered operation. */

export interface Credential {
	id: string;
	name: string;
	type: string;
}

interface WorkflowNode {
	id: string;
	name: string;
	type: string;
	typeVersion: number;
	position: [number, number];
	parameters: IDataObject;
	credentials?: IDataObject;
}

let uuidCounter = 0;
function uuid(): string {
	uuidCounter++;
	return `00000000-0000-4000-8000-${String(uuidCounter).padStart(12, '0')}`;
}

export const TRIGGER = 'Start';

class WorkflowBuilder {
	readonly nodes: WorkflowNode[] = [];
	readonly connections: Record<string, { main: Array<Array<{ node: string; type: 'main'; index: number }>> }> = {};

	constructor(private readonly nodeType: string, private readonly credential: Credential) {
		this.add({ name: TRIGGER, type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} });
	}

	add(node: Omit<WorkflowNode, 'id'>): string {
		if (this.nodes.some((n) => n.name === node.name)) throw new Error(`duplicate node name ${node.name}`);
		this.nodes.push({ id: uuid(), ...node });
		return node.name;
	}

	connect(from: string, to: string): void {
		const entry = (this.connections[from] ??= { main: [[]] });
		entry.main[0].push({ node: to, type: 'main', index: 0 });
	}

	/** Our node. */
	ours(name: string, resource: string, operation: string, params: IDataObject, position: [number, number]): string {
		return this.add({
			name,
			type: this.nodeType,
			typeVersion: 1,
			position,
			parameters: { resource, operation, ...params },
			credentials: { [this.credential.type]: { id: this.credential.id, name: this.credential.name } },
		});
	}

	/** Emits `items` as separate items: a Set node with raw JSON, then Split Out. */
	items(name: string, items: IDataObject[], position: [number, number]): string {
		const source = this.add({
			name: `source: ${name}`,
			type: 'n8n-nodes-base.set',
			typeVersion: 3.4,
			position,
			parameters: { mode: 'raw', jsonOutput: JSON.stringify({ items }), options: {} },
		});
		const split = this.add({
			name: `items: ${name}`,
			type: 'n8n-nodes-base.splitOut',
			typeVersion: 1,
			position: [position[0] + 200, position[1]],
			parameters: { fieldToSplitOut: 'items', include: 'noOtherFields', options: {} },
		});
		this.connect(source, split);
		return split;
	}

	/** A Set node computing `fields` (n8n expressions) from our output. */
	downstream(name: string, fields: Record<string, string>, types: Record<string, string>, position: [number, number]): string {
		return this.add({
			name,
			type: 'n8n-nodes-base.set',
			typeVersion: 3.4,
			position,
			parameters: {
				mode: 'manual',
				assignments: {
					assignments: Object.entries(fields).map(([field, value], i) => ({ id: `f${i}`, name: field, value, type: types[field] ?? 'string' })),
				},
				includeOtherFields: false,
				options: {},
			},
		});
	}

	build(id: string, name: string): IDataObject {
		return {
			id,
			name,
			active: false,
			settings: { executionOrder: 'v1' },
			nodes: this.nodes,
			connections: this.connections,
			pinData: {},
		} as unknown as IDataObject;
	}
}

export const downstreamName = (caseName: string) => `out: ${caseName}`;

/**
 * One workflow, one branch per root case (chained cases continue their root's branch). Rows are
 * 300 px apart: n8n's v1 order runs the branches top to bottom, one after the other.
 */
export function successWorkflow(id: string, cases: E2ECase[], nodeType: string, credential: Credential): IDataObject {
	const builder = new WorkflowBuilder(nodeType, credential);
	const rowOf = new Map<string, number>();
	const depthOf = new Map<string, number>();
	let rows = 0;
	for (const c of cases) {
		let row: number;
		let depth: number;
		let from: string;
		if (c.after) {
			if (!rowOf.has(c.after)) throw new Error(`${c.name}: "after" names ${c.after}, which is not an earlier case`);
			row = rowOf.get(c.after)!;
			depth = depthOf.get(c.after)! + 1;
			from = c.after;
		} else {
			row = rows++;
			depth = 0;
			from = builder.items(c.name, c.items ?? [{}], [200, row * 300]);
			builder.connect(TRIGGER, `source: ${c.name}`);
		}
		rowOf.set(c.name, row);
		depthOf.set(c.name, depth);
		const x = 600 + depth * 400;
		builder.ours(c.name, c.resource, c.operation, c.params, [x, row * 300]);
		builder.connect(from, c.name);
		if (c.downstream) {
			// The Set node types each field; a field whose expected values are all numbers is a number.
			const types: Record<string, string> = {};
			for (const field of Object.keys(c.downstream.fields)) {
				const values = c.downstream.expected.map((e) => e[field]);
				types[field] = values.every((v) => typeof v === 'number') ? 'number' : values.every((v) => typeof v === 'boolean') ? 'boolean' : 'string';
			}
			builder.downstream(downstreamName(c.name), c.downstream.fields, types, [x + 200, row * 300 + 150]);
			builder.connect(c.name, downstreamName(c.name));
		}
	}
	return builder.build(id, 'e2e: success cases');
}

// ------------------------------------------------------------------------------------------------
// Validation cases, derived from the registry
// ------------------------------------------------------------------------------------------------

export interface ValidationCase {
	name: string;
	op: OperationDefinition;
	/** Node parameters besides resource/operation. */
	params: IDataObject;
	/** The parameter the bad value was given to. */
	target: ParamSpec<unknown>;
	/** What the node must answer, computed by the node's own parameter reader. */
	expected: IDataObject;
}

function parses(spec: ParamSpec<unknown>, value: unknown): boolean {
	try {
		return spec.parse(value) !== undefined;
	} catch {
		return false;
	}
}

function rejects(spec: ParamSpec<unknown>, value: unknown): boolean {
	try {
		spec.parse(value);
		return false;
	} catch (error) {
		return error instanceof ValidationError;
	}
}

function validCandidates(spec: ParamSpec<unknown>): unknown[] {
	const property = spec.property;
	switch (property.type) {
		case 'boolean':
			return [false, true];
		case 'number':
			return [1, 5, 100, 0];
		case 'options':
			return (property.options ?? []).map((o) => (o as { value: unknown }).value);
		case 'json':
			return [property.default, '{}', '[]'];
		default:
			return [
				'1',
				'e2e@example.com',
				'https://example.com',
				'Some text',
				'usd',
				'#ff0000',
				'2026-01-15T10:00:00Z',
				'2026-01-15',
				'5',
				property.default,
			];
	}
}

function badCandidates(spec: ParamSpec<unknown>): unknown[] {
	switch (spec.property.type) {
		case 'number':
			return [-5, 1.5, 1e15];
		case 'options':
			return ['__no_such_option__'];
		case 'json':
			return ['{not json', '"just a string"'];
		case 'boolean':
			return ['maybe'];
		default:
			return ['abc', 'not an email', 'ftp://', 'bad\u0001value', 'x'.repeat(70000)];
	}
}

/** A stand-in for n8n's getNodeParameter over plain values (all top-level params are given explicitly). */
function fakeContext(parameters: IDataObject): IExecuteFunctions {
	return {
		getNodeParameter(name: string, _itemIndex: number, fallback?: unknown) {
			return parameters[name] !== undefined ? parameters[name] : fallback;
		},
	} as unknown as IExecuteFunctions;
}

/** The node's answer for these parameters, or undefined if they are valid. */
function expectedFailure(op: OperationDefinition, parameters: IDataObject): IDataObject | undefined {
	try {
		readParams(fakeContext(parameters), op, 0);
		return undefined;
	} catch (error) {
		if (!(error instanceof ValidationError)) throw error;
		return {
			[op.outputKey]: op.failureValue ? op.failureValue() : {},
			OriginalStatusCode: 0,
			StatusCode: -1,
			ErrorMessage: error.message,
		} as IDataObject;
	}
}

/**
 * For each operation: every top-level parameter gets a valid value, then one parameter (a required
 * one first, else an option) gets a value its parser refuses. The expected output is what the
 * node's own parameter reader says, and it must name that parameter.
 */
export function deriveValidationCases(): { cases: ValidationCase[]; underivable: string[] } {
	const cases: ValidationCase[] = [];
	const underivable: string[] = [];
	for (const op of registry.all()) {
		const name = `${op.resource}.${op.operation}`;
		const top = Object.values(op.params) as Array<ParamSpec<unknown>>;
		const optionSpecs = Object.values(op.options ?? {}) as Array<ParamSpec<unknown>>;
		const valid: IDataObject = {};
		for (const spec of top) {
			const value = validCandidates(spec).find((v) => v !== undefined && parses(spec, v));
			if (value !== undefined) valid[spec.name] = value as IDataObject[string];
		}
		// Booleans last: a non-boolean value for a boolean is a type mix-up more than a user's typo.
		const isBool = (s: ParamSpec<unknown>) => s.property.type === 'boolean';
		const targets = [
			...top.filter((s) => s.required && !isBool(s)),
			...top.filter((s) => !s.required && !isBool(s)),
			...optionSpecs.filter((s) => !isBool(s)),
			...[...top, ...optionSpecs].filter(isBool),
		];
		let found: ValidationCase | undefined;
		for (const target of targets) {
			const isOption = optionSpecs.includes(target);
			for (const bad of badCandidates(target)) {
				if (!rejects(target, bad)) continue;
				const params: IDataObject = isOption
					? { ...valid, options: { [target.name]: bad as IDataObject[string] } }
					: { ...valid, [target.name]: bad as IDataObject[string], ...(op.options ? { options: {} } : {}) };
				const expected = expectedFailure(op, params);
				if (expected && String(expected.ErrorMessage).includes(`"${target.displayName}" (${target.name})`)) {
					found = { name, op, params, target, expected };
					break;
				}
			}
			if (found) break;
		}
		if (found) cases.push(found);
		else underivable.push(name);
	}
	return { cases, underivable };
}

export function validationWorkflow(id: string, cases: ValidationCase[], nodeType: string, credential: Credential): IDataObject {
	const builder = new WorkflowBuilder(nodeType, credential);
	cases.forEach((c, row) => {
		builder.ours(c.name, c.op.resource, c.op.operation, c.params, [300, row * 200]);
		builder.connect(TRIGGER, c.name);
	});
	return builder.build(id, 'e2e: validation cases');
}
