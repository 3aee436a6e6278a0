import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { registry } from '../../nodes/ActiveCampaignV3/actions';
import type { OperationDefinition } from '../../nodes/ActiveCampaignV3/framework/operation';
import type { ParamSpec } from '../../nodes/ActiveCampaignV3/framework/params';
import { useEmulator } from '../helpers';

/**
 * Generated bad-input test: every operation in the registry (operations added later are picked up
 * automatically), every parameter, fed missing, empty, wrong-typed, out-of-range, oversized and
 * malicious values. Each must give StatusCode -1, OriginalStatusCode 0, a message naming the
 * parameter, the operation's failure value, no request, no workflow error, and nothing of the
 * API key. Only the parameter under test is bad: the other required ones get valid values built
 * from their spec.
 */

type Spec = ParamSpec<unknown>;
type Kind = 'id' | 'number' | 'text' | 'boolean' | 'options' | 'json';

interface BadValue {
	label: string;
	value: unknown;
	/** Leave the parameter out entirely. */
	omit?: boolean;
}

const HUGE_TEXT = 'x'.repeat(100_000);
const LONG_KEY = 'a1b2c3d4e5f6071829304a5b6c7d8e9f0a1b2c3d4e5f6071829304a5b6c7d8e9f0a1b2c3d';

/** True when any 8 consecutive characters of the key appear in the text. */
function leaksKey(text: string, key: string): boolean {
	for (let i = 0; i + 8 <= key.length; i++) if (text.includes(key.slice(i, i + 8))) return true;
	return false;
}

function kindOf(spec: Spec): Kind {
	const type = spec.property.type;
	if (type === 'boolean' || type === 'options' || type === 'json') return type;
	if (type === 'number') return spec.name.endsWith('Id') ? 'id' : 'number';
	// A string-typed parameter that turns '12' into the number 12 is an ID (ContactTagId, …).
	try {
		if (spec.parse('12') === 12) return 'id';
	} catch {
		// not an ID
	}
	return 'text';
}

function tryParse(spec: Spec, value: unknown): boolean {
	try {
		return spec.parse(value) !== undefined;
	} catch {
		return false;
	}
}

/** A value the parameter's own parser accepts, so that only the parameter under test is bad. */
function validValue(spec: Spec): unknown {
	const property = spec.property as INodeProperties & { typeOptions?: { minValue?: number } };
	const candidates: unknown[] = [];
	switch (kindOf(spec)) {
		case 'id':
			candidates.push(spec.property.type === 'string' ? '1' : 1);
			break;
		case 'number':
			candidates.push(property.default, property.typeOptions?.minValue ?? 1, 1, 0);
			break;
		case 'boolean':
			candidates.push(false);
			break;
		case 'options':
			candidates.push(property.default, ...(property.options ?? []).map((o) => (o as { value: unknown }).value));
			break;
		case 'json': {
			const example = /Example: (.*)$/.exec(spec.property.description ?? '')?.[1];
			if (example) candidates.push(example);
			candidates.push('[{"field": "1", "value": "x"}]', '{"a": "b"}');
			break;
		}
		default:
			candidates.push(
				'Sample',
				'john.doe@example.com',
				'https://example.com',
				'USD',
				'32B0FC',
				'2026-03-18T10:30:00-05:00',
				'12',
				'Sample value',
			);
	}
	const found = candidates.find((candidate) => tryParse(spec, candidate));
	if (found === undefined) throw new Error(`No valid value known for ${spec.name} (${spec.property.type}): extend validValue()`);
	return found;
}

/** The values that must be refused for this parameter, by kind; missing/empty only when required. */
function badValues(spec: Spec, apiKey: string): BadValue[] {
	const out: BadValue[] = [];
	if (spec.required) {
		// A required text parameter left literally empty is caught by n8n itself (the workflow
		// "has issues" and never runs), so missing and empty values arrive the way they do in
		// practice: through an expression on an item that lacks the field.
		out.push(
			{ label: 'missing (expression on an absent field)', value: '={{ $json.absent }}' },
			{ label: 'empty (expression)', value: '={{ "" }}' },
			{ label: 'blank (expression)', value: '={{ "   " }}' },
			{ label: 'null (expression)', value: '={{ null }}' },
		);
		// n8n fills an omitted number parameter with its default; where that default is no valid
		// value (0 for an ID), leaving the parameter out must be refused too. (An amount of 0 cents
		// is valid, so an omitted amount is not bad input.)
		if (spec.property.type === 'number' && !tryParse(spec, spec.property.default)) {
			out.push({ label: 'omitted', value: undefined, omit: true });
		}
	}
	const typeOptions = (spec.property as { typeOptions?: { minValue?: number; maxValue?: number } }).typeOptions ?? {};
	switch (kindOf(spec)) {
		case 'id':
			out.push(
				{ label: 'path traversal', value: '1/../../users' },
				{ label: 'path traversal (leading)', value: '../1' },
				{ label: 'encoded traversal', value: '1%2F..%2F..%2Fusers' },
				{ label: 'query injection', value: '1?limit=100' },
				{ label: 'negative', value: -5 },
				{ label: 'negative text', value: '-5' },
				{ label: 'fraction', value: 1.5 },
				{ label: 'fraction text', value: '1.5' },
				{ label: 'exponent text', value: '1e3' },
				{ label: 'huge number', value: 1e20 },
				{ label: 'huge digits', value: '9'.repeat(40) },
				{ label: 'Infinity', value: Infinity },
				{ label: 'words', value: 'abc' },
				{ label: 'control character', value: '12\u0000' },
				{ label: 'object', value: { id: 1 } },
				{ label: 'array', value: [1] },
				{ label: 'boolean', value: true },
				{ label: 'oversized', value: '1'.repeat(100_000) },
				{ label: 'the API key', value: apiKey },
			);
			break;
		case 'number': {
			const min = typeOptions.minValue;
			const max = typeOptions.maxValue;
			if (min !== undefined) out.push({ label: 'below minimum', value: min - 1 });
			if (max !== undefined) out.push({ label: 'above maximum', value: max + 1 });
			out.push(
				{ label: 'fraction', value: 1.5 },
				{ label: 'huge number', value: 1e20 },
				{ label: 'beyond safe integers', value: 2 ** 53 + 2 },
				{ label: 'Infinity', value: Infinity },
				{ label: 'words', value: 'abc' },
				{ label: 'path traversal', value: '1/../../users' },
				{ label: 'object', value: { n: 1 } },
				{ label: 'boolean', value: true },
				{ label: 'oversized', value: '9'.repeat(100_000) },
				{ label: 'the API key', value: apiKey },
			);
			break;
		}
		case 'text':
			out.push(
				{ label: 'oversized', value: HUGE_TEXT },
				{ label: 'NUL byte', value: 'abc\u0000def' },
				{ label: 'escape sequence', value: 'abc\u001b[31mdef' },
				{ label: 'DEL', value: 'abc\u007fdef' },
				{ label: 'object', value: { text: 'a' } },
				{ label: 'array', value: ['a'] },
				{ label: 'boolean', value: true },
				{ label: 'the API key with a control character', value: `${apiKey}\u0000` },
			);
			break;
		case 'boolean':
			out.push(
				{ label: 'words', value: 'maybe' },
				{ label: 'number 2', value: 2 },
				{ label: 'object', value: { b: true } },
				{ label: 'the API key', value: apiKey },
			);
			break;
		case 'options':
			out.push(
				{ label: 'unknown value', value: '__no_such_value__' },
				{ label: 'path traversal', value: '../../etc/passwd' },
				{ label: 'object', value: { v: 1 } },
				{ label: 'oversized', value: HUGE_TEXT },
				{ label: 'the API key', value: apiKey },
			);
			break;
		case 'json': {
			const isArray = String(spec.property.default).trim().startsWith('[');
			const wrap = (inner: string) => (isArray ? `[${inner}]` : inner);
			out.push(
				{ label: 'not JSON', value: '{not json' },
				{ label: '__proto__ key', value: wrap('{"__proto__": {"polluted": true}}') },
				{ label: 'nested __proto__ key', value: wrap('{"a": {"b": {"__proto__": {"polluted": true}}}}') },
				{ label: 'constructor.prototype keys', value: wrap('{"constructor": {"prototype": {"polluted": true}}}') },
				{ label: 'prototype key', value: wrap('{"prototype": {"polluted": true}}') },
				{ label: 'wrong kind', value: isArray ? '{"a": 1}' : '[1]' },
				{ label: 'number', value: 42 },
				{ label: 'boolean', value: true },
				{ label: 'oversized', value: wrap(`{"a": "${'x'.repeat(100_001)}"}`) },
				{ label: 'deeply nested', value: wrap(`${'{"a":'.repeat(50)}1${'}'.repeat(50)}`) },
				{ label: 'the API key as JSON', value: `{"${apiKey}` },
			);
			break;
		}
	}
	return out;
}

/** Node parameters with every required top-level parameter valid (options empty). */
function baseline(op: OperationDefinition): IDataObject {
	const parameters: IDataObject = {};
	for (const spec of Object.values(op.params) as Spec[]) {
		if (spec.required) parameters[spec.name] = validValue(spec) as IDataObject[string];
	}
	if (op.options) parameters.options = {};
	return parameters;
}

function withBad(op: OperationDefinition, spec: Spec, inOptions: boolean, bad: BadValue): IDataObject {
	const parameters = baseline(op);
	if (!inOptions) {
		if (bad.omit) delete parameters[spec.name];
		else parameters[spec.name] = bad.value as IDataObject[string];
		return parameters;
	}
	parameters.options = bad.omit ? {} : { [spec.name]: bad.value as IDataObject[string] };
	return parameters;
}

const operations = registry.all();

describe('bad input is refused before anything is sent', () => {
	const ac = useEmulator();

	it('the registry has operations to check', () => {
		expect(operations.length).toBeGreaterThanOrEqual(18);
	});

	it.each(operations.map((op) => [`${op.resource} / ${op.operation}`, op] as const))('%s', async (_title, op) => {
		// As long as a real key (72 hex digits), so a truncated quote of it would be noticed too.
		const apiKey = LONG_KEY;
		const specs: Array<[Spec, boolean]> = [
			...(Object.values(op.params) as Spec[]).map((s) => [s, false] as [Spec, boolean]),
			...(Object.values(op.options ?? {}) as Spec[]).map((s) => [s, true] as [Spec, boolean]),
		];
		const failureValue = op.failureValue ? op.failureValue() : {};
		let checked = 0;
		for (const [spec, inOptions] of specs) {
			for (const bad of badValues(spec, apiKey)) {
				const before = ac.emulator.requests.length;
				const result = await ac.run(op.resource, op.operation, withBad(op, spec, inOptions, bad), undefined, { apiKey });
				const out = result.json[0] ?? {};
				const message = String(out.ErrorMessage ?? '');
				const where = `${op.resource}/${op.operation} ${spec.name} = ${bad.label}`;
				// One object per case so a failure says which parameter and which value.
				expect({
					where,
					error: result.error,
					outputs: result.json.length,
					requests: ac.emulator.requests.length - before,
					business: out[op.outputKey],
					StatusCode: out.StatusCode,
					OriginalStatusCode: out.OriginalStatusCode,
					namesParameter: message.includes(spec.name) || message.includes(spec.displayName),
					echoesKey: leaksKey(JSON.stringify(result.json), apiKey),
				}).toEqual({
					where,
					error: undefined,
					outputs: 1,
					requests: 0,
					business: failureValue,
					StatusCode: -1,
					OriginalStatusCode: 0,
					namesParameter: true,
					echoesKey: false,
				});
				checked++;
			}
		}
		expect(checked).toBeGreaterThan(0);
	});

	it('values arriving through expressions are checked the same way (path traversal, pollution, huge)', async () => {
		const op = registry.get('contact', 'update')!;
		const result = await ac.run(
			'contact',
			'update',
			{ contactId: '={{ $json.id }}', options: { fieldValues: '={{ $json.fv }}' } },
			[
				{ id: '1/../../users', fv: [{ field: '1', value: 'x' }] },
				{ id: 1, fv: JSON.parse('[{"field": "1", "value": "x", "__proto__": {"polluted": true}}]') },
				{ id: 1e20, fv: [{ field: '1', value: 'x' }] },
				{ id: 1, fv: 'not json' },
			],
		);
		expect(result.error).toBeUndefined();
		expect(result.json.map((o) => [o.StatusCode, o.OriginalStatusCode])).toEqual([
			[-1, 0],
			[-1, 0],
			[-1, 0],
			[-1, 0],
		]);
		expect(result.json.map((o) => String(o.ErrorMessage).includes('(contactId)') || String(o.ErrorMessage).includes('(fieldValues)'))).toEqual([
			true,
			true,
			true,
			true,
		]);
		expect(ac.emulator.requests).toEqual([]);
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
		expect(op).toBeDefined();
	});
});
