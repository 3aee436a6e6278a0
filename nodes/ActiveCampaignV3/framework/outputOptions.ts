import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { OperationDefinition } from './operation';
import { choice, text } from './params';
import type { OperationRegistry } from './registry';

/**
 * Output options of the list operations, taught to the framework once (CONTRACT §3.13: opt-in, the
 * defaults keep the contract's shape exactly):
 *   - Output: one item holding the list (default) or one item per record, each record's fields at
 *     the top level with the call's StatusCode / OriginalStatusCode / ErrorMessage, paired to the
 *     input item, so the next node runs once per record without a Split Out node;
 *   - Record Fields / Fields to Return: for AI agents and large lists, every record cut down to the
 *     named fields (the id always kept) or to a simplified record, so an answer does not flood a
 *     model's context.
 */

const LIST_MODE = 'list';
const RECORDS_MODE = 'records';

export const OUTPUT_OPTIONS = {
	output: choice('Output', {
		description: 'One item holding the whole list (with its totals), or one item per record',
		options: [
			{ name: 'One Item With the List', value: LIST_MODE, description: 'The standard output: the list and its totals in one item' },
			{
				name: 'One Item per Record',
				value: RECORDS_MODE,
				description:
					"Each record's fields at the top level with the call's StatusCode, OriginalStatusCode and ErrorMessage; an empty list gives no item",
			},
		],
		default: LIST_MODE,
	}),
	recordFields: choice('RecordFields', {
		description: 'Which fields of each record to return',
		options: [
			{ name: 'All Fields', value: 'all', description: 'Every field ActiveCampaign returns' },
			{
				name: 'Simplified',
				value: 'simplified',
				description: 'Only fields with a text, number or true/false value: no links, nested objects, lists or empty values',
			},
		],
		default: 'all',
	}),
	fieldsToReturn: text('FieldsToReturn', {
		description: 'Only these fields of each record, comma-separated, e.g. id, email, firstName (id is always kept; wins over Record Fields)',
		placeholder: 'id, email, firstName',
	}),
};

type OutputOptionValues = { output?: string; recordFields?: string; fieldsToReturn?: string };

/** Operations whose output is a list of records. */
export function hasListOutput(op: Pick<OperationDefinition, 'operation'>): boolean {
	return op.operation === 'getMany' || op.operation === 'getByOrderId';
}

/** The operation with the output options added to its Options (list operations only). */
export function withOutputOptions(op: OperationDefinition): OperationDefinition {
	if (!hasListOutput(op)) return op;
	return { ...op, options: { ...(op.options ?? {}), ...OUTPUT_OPTIONS } };
}

/** Where the records are in a business value: the value itself, or its one list-valued key. */
function findList(value: unknown): { records: unknown[]; put: (records: unknown[]) => unknown } | undefined {
	if (Array.isArray(value)) return { records: value, put: (records) => records };
	if (!value || typeof value !== 'object') return undefined;
	const keys = Object.keys(value).filter((key) => Array.isArray((value as IDataObject)[key]));
	if (keys.length !== 1) return undefined;
	const [key] = keys;
	return { records: (value as IDataObject)[key] as unknown[], put: (records) => ({ ...(value as IDataObject), [key]: records }) };
}

function isScalar(value: unknown): boolean {
	return typeof value === 'number' || typeof value === 'boolean' || (typeof value === 'string' && value !== '');
}

/** A record cut down as the options say. */
function shapeRecord(record: unknown, options: OutputOptionValues): unknown {
	if (!record || typeof record !== 'object' || Array.isArray(record)) return record;
	const source = record as IDataObject;
	const wanted = (options.fieldsToReturn ?? '')
		.split(',')
		.map((field) => field.trim())
		.filter((field) => field !== '');
	if (wanted.length > 0) {
		const shaped: IDataObject = {};
		for (const field of ['id', ...wanted.filter((f) => f !== 'id')]) if (field in source) shaped[field] = source[field];
		return shaped;
	}
	if (options.recordFields === 'simplified') {
		return Object.fromEntries(Object.entries(source).filter(([, value]) => isScalar(value)));
	}
	return record;
}

/** The options of one item; values that fail to parse were already reported by readParams (-1). */
function optionValues(ctx: IExecuteFunctions, itemIndex: number): OutputOptionValues {
	let raw: unknown;
	try {
		raw = ctx.getNodeParameter('options', itemIndex, {});
	} catch {
		return {};
	}
	const options = (raw && typeof raw === 'object' ? raw : {}) as IDataObject;
	const values: OutputOptionValues = {};
	for (const [key, spec] of Object.entries(OUTPUT_OPTIONS)) {
		try {
			values[key as keyof OutputOptionValues] = spec.parse(options[spec.name]) as string | undefined;
		} catch {
			return {};
		}
	}
	return values;
}

/** One input item's output item(s), as its output options say. */
function shapeItem(op: OperationDefinition, output: IDataObject, options: OutputOptionValues): IDataObject[] {
	const list = output.StatusCode === 200 ? findList(output[op.outputKey]) : undefined;
	if (!list) return [output];
	const records = list.records.map((record) => shapeRecord(record, options));
	if (options.output !== RECORDS_MODE) {
		return [records.every((r, i) => r === list.records[i]) ? output : { ...output, [op.outputKey]: list.put(records) as IDataObject }];
	}
	// A failed call keeps its one standard item: no record must hide the failure.
	if (records.length === 0 && output.ErrorMessage !== '') return [output];
	const status = { StatusCode: output.StatusCode, OriginalStatusCode: output.OriginalStatusCode, ErrorMessage: output.ErrorMessage };
	return records.map((record): IDataObject => ({ ...(record && typeof record === 'object' ? (record as IDataObject) : ({ value: record } as IDataObject)), ...status }));
}

/**
 * The execution's output items from the standard outputs (one per input item, in order): list
 * operations shaped by their output options, every item paired to its input item.
 */
export function shapeOutputs(ctx: IExecuteFunctions, registry: OperationRegistry, outputs: IDataObject[]): INodeExecutionData[] {
	const items: INodeExecutionData[] = [];
	outputs.forEach((output, itemIndex) => {
		let op: OperationDefinition | undefined;
		try {
			op = registry.get(ctx.getNodeParameter('resource', itemIndex) as string, ctx.getNodeParameter('operation', itemIndex) as string);
		} catch {
			op = undefined;
		}
		const shaped = op && hasListOutput(op) ? shapeItem(op, output, optionValues(ctx, itemIndex)) : [output];
		for (const json of shaped) items.push({ json, pairedItem: { item: itemIndex } });
	});
	return items;
}
