import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';

import { CREDENTIAL_TYPE, redactSecret, resolveConnection } from '../transport';
import { readRequestSettings, type TransportSettings } from '../transport/settings';
import { ApiClient } from './apiClient';
import { batchOperationOf, executeBatch } from './batch';
import { mapConcurrent, withKeyLock } from './concurrency';
import { ValidationError } from './errors';
import { Outcome, type OperationDefinition } from './operation';
import { REQUEST_SETTINGS_PARAMETER } from './description';
import { classifyFailure, standardOutput } from './output';
import { shapeOutputs } from './outputOptions';
import type { ParamSpec } from './params';
import type { OperationRegistry } from './registry';

/** A parameter's value, or why n8n could not give it (e.g. an expression that failed). */
function tryReadRaw(
	ctx: IExecuteFunctions,
	name: string,
	itemIndex: number,
	fallback: unknown,
): { ok: true; value: unknown } | { ok: false; reason: string } {
	try {
		return { ok: true, value: ctx.getNodeParameter(name, itemIndex, fallback as never) };
	} catch (error) {
		return { ok: false, reason: (error as Error).message };
	}
}

/** A parameter's value; one n8n could not read is bad input of this item (-1), not a crash. */
function readRaw(ctx: IExecuteFunctions, name: string, itemIndex: number, fallback: unknown): unknown {
	const read = tryReadRaw(ctx, name, itemIndex, fallback);
	if (!read.ok) {
		throw new ValidationError(`Parameter "${name}" could not be read (${read.reason}): fix its value or expression`);
	}
	return read.value;
}

/** "Nothing to update" as a -1 that lists every option that would count. */
function requireAnOption(op: OperationDefinition, values: IDataObject): void {
	const ignoring = op.requiresAnOption === true ? [] : (op.requiresAnOption?.ignoring ?? []);
	const fields = Object.entries(op.options ?? {}).filter(([key]) => !ignoring.includes(key)) as Array<
		[string, ParamSpec<unknown>]
	>;
	if (fields.some(([key]) => values[key] !== undefined)) return;
	// A top-level optional parameter that is set (custom fields by name) is a change too.
	const topLevel = Object.entries(op.params) as Array<[string, ParamSpec<unknown>]>;
	if (topLevel.some(([key, spec]) => !spec.required && values[key] !== undefined)) return;
	const names = fields.map(([, spec]) => spec.displayName);
	const list = names.length > 1 ? `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}` : names.join('');
	throw new ValidationError(`Nothing to update: add at least one of ${list} under "Options" (options)`);
}

/**
 * Reads and validates every parameter of the operation for one item. Options are read from the
 * `options` collection; a top-level parameter may also be supplied there (an agent or a workflow
 * written by hand may put Limit/Offset in options), in which case the options value wins.
 */
export function readParams(ctx: IExecuteFunctions, op: OperationDefinition, itemIndex: number): IDataObject {
	const values: IDataObject = {};
	const rawOptions = op.options ? readRaw(ctx, 'options', itemIndex, {}) : {};
	const options = (rawOptions && typeof rawOptions === 'object' ? rawOptions : {}) as IDataObject;
	for (const [key, spec] of Object.entries(op.params) as Array<[string, ParamSpec<unknown>]>) {
		const raw = options[spec.name] !== undefined ? options[spec.name] : readRaw(ctx, spec.name, itemIndex, null);
		values[key] = spec.parse(raw) as IDataObject[string];
	}
	for (const [key, spec] of Object.entries(op.options ?? {}) as Array<[string, ParamSpec<unknown>]>) {
		values[key] = spec.parse(options[spec.name]) as IDataObject[string];
	}
	if (op.requiresAnOption) requireAnOption(op, values);
	op.validate?.(values as never);
	return values;
}

/** The record an item writes to, for ordering (see OperationDefinition.orderKey). */
function orderKeyOf(op: OperationDefinition, params: IDataObject): string | undefined {
	if (op.orderKey) {
		const key = op.orderKey(params as never);
		return key === undefined ? undefined : `${op.resource}:${key}`;
	}
	if (op.operation === 'update' || op.operation === 'delete') {
		const first = Object.keys(op.params)[0];
		return first === undefined ? undefined : `${op.resource}:${String(params[first])}`;
	}
	return undefined;
}

/**
 * Per-execution FIFO queues by order key. `enter` must be called synchronously in input order
 * (runItem does so before its first await), which is what makes the order deterministic.
 */
class OrderQueues {
	private readonly tails = new Map<string, Promise<void>>();

	enter(key: string): { ready: Promise<void>; leave: () => void } {
		const previous = this.tails.get(key) ?? Promise.resolve();
		let leave!: () => void;
		const mine = new Promise<void>((resolve) => (leave = resolve));
		this.tails.set(key, previous.then(() => mine));
		return { ready: previous, leave };
	}
}

/** The key's redaction when the connection was not resolved yet (bad input fails before that). */
async function credentialRedactor(ctx: IExecuteFunctions, itemIndex: number): Promise<(text: string) => string> {
	try {
		const credentials = await ctx.getCredentials(CREDENTIAL_TYPE, itemIndex);
		const apiKey = typeof credentials.apiKey === 'string' ? credentials.apiKey : '';
		return (text) => redactSecret(text, apiKey);
	} catch {
		return (text) => text;
	}
}

async function runItem(
	ctx: IExecuteFunctions,
	registry: OperationRegistry,
	itemIndex: number,
	queues: OrderQueues,
	settings: TransportSettings | ValidationError,
): Promise<IDataObject> {
	const resource = ctx.getNodeParameter('resource', itemIndex) as string;
	const operation = ctx.getNodeParameter('operation', itemIndex) as string;
	const op = registry.get(resource, operation);
	if (!op) {
		// A misconfigured node, not a bad item: the only case that may stop the workflow.
		throw new NodeOperationError(ctx.getNode(), `Unknown operation "${operation}" for resource "${resource}"`, {
			itemIndex,
		});
	}
	let api: ApiClient | undefined;
	let redact = (text: string) => text;
	let turn: { ready: Promise<void>; leave: () => void } | undefined;
	try {
		// Settings that cannot be read fail every item the same way, naming the setting.
		if (settings instanceof ValidationError) throw settings;
		const params = readParams(ctx, op, itemIndex);
		const orderKey = orderKeyOf(op, params);
		// Synchronous up to here: items queue on their record in input order.
		if (orderKey !== undefined) turn = queues.enter(orderKey);
		await turn?.ready;
		const connection = await resolveConnection(ctx, itemIndex, settings);
		redact = connection.redact;
		api = new ApiClient(ctx, connection);
		const client = api;
		const run = () => op.execute({ params: params as never, api: client, itemIndex });
		// The same key also serializes this record across concurrent executions in the process, so
		// "look up, then create" can never race into a duplicate.
		const result = orderKey === undefined ? await run() : await withKeyLock(`${connection.accountKey}|${orderKey}`, run);
		if (result instanceof Outcome) {
			return standardOutput(op.outputKey, result.data, api.lastStatus, 200, redact(result.message));
		}
		return standardOutput(op.outputKey, result, api.lastStatus, 200, '');
	} catch (error) {
		// A parameter error may quote the bad value; if that value holds the API key (pasted into
		// the wrong field, or mapped from an item), it must not come back in the output either.
		if (!api) redact = await credentialRedactor(ctx, itemIndex);
		const failure = classifyFailure(error, api?.lastStatus ?? 0);
		const failureValue = op.failureValue ? op.failureValue() : {};
		return standardOutput(
			op.outputKey,
			failureValue,
			failure.originalStatusCode,
			failure.statusCode,
			redact(failure.message),
		);
	} finally {
		turn?.leave();
	}
}

/**
 * The node's "Request Settings" (timeouts, retries, wait budget, items in flight): one set for the
 * whole execution, read from the first item, since items share one pace and one queue.
 */
function executionSettings(ctx: IExecuteFunctions): TransportSettings | ValidationError {
	const read = tryReadRaw(ctx, REQUEST_SETTINGS_PARAMETER, 0, {});
	if (!read.ok) {
		return new ValidationError(`Parameter "${REQUEST_SETTINGS_PARAMETER}" could not be read (${read.reason}): fix its value or expression`);
	}
	return readRequestSettings(read.value);
}

/**
 * The node's whole per-item loop: every input item yields exactly one output item, paired and in
 * input order. Items run concurrently (the shared limiter keeps the account under its rate).
 */
export async function executeItems(
	this: IExecuteFunctions,
	registry: OperationRegistry,
): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const queues = new OrderQueues();
	const settings = executionSettings(this);
	const batchOp = batchOperationOf(this, registry);
	if (batchOp) return executeBatch(this, batchOp, readParams, settings);
	const inFlight = settings instanceof ValidationError ? 1 : settings.itemConcurrency;
	const outputs = await mapConcurrent(items.length, inFlight, (i) => runItem(this, registry, i, queues, settings));
	// One item per input item, unless a list operation's Output option asks for one per record.
	return [shapeOutputs(this, registry, outputs)];
}
