import {
	sleep,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';

import { redactSecret, resolveConnection, CREDENTIAL_TYPE, type AccountConnection } from '../transport';
import type { TransportSettings } from '../transport/settings';
import { ApiClient } from './apiClient';
import { mapConcurrent } from './concurrency';
import { ValidationError } from './errors';
import { Outcome, type OperationDefinition } from './operation';
import { classifyFailure, standardOutput } from './output';
import type { OperationRegistry } from './registry';

/**
 * Operations that work across items: the items of one execution are validated one by one (a bad
 * item is -1 and never sent, exactly as for a per-item operation), the valid ones are grouped into
 * batches of at most `maxItems`, and each batch is sent by the operation's `run`. The output is
 * still one item per input item, paired and in input order.
 */

/** A validated input item of a batch. */
export interface BatchItem<P = IDataObject> {
	itemIndex: number;
	params: P;
}

/** One item's result: its business data (or an Outcome with a word for the user), or a failure. */
export type BatchItemResult = { data: unknown; status: number } | { error: unknown };

export interface BatchRunInput<P = IDataObject> {
	items: Array<BatchItem<P>>;
	api: ApiClient;
	/** Waits until the account's per-minute budget for this operation allows one more request. */
	takeBudget: () => Promise<void>;
	/** After the API itself said "too many": nothing more is granted for a while (see MinuteBudget). */
	budgetExhausted: () => void;
}

export interface BatchDefinition<P = IDataObject> {
	/** Most items one request may carry (the API's maximum). */
	maxItems: number;
	/** Requests of this kind the API accepts per account per minute, on top of the 5 per second. */
	perMinute: number;
	/** Batches in flight at once; the limiter and the minute budget still set the pace. */
	concurrency: number;
	/** Sends one batch; returns one result per item, in the order given. Should not throw. */
	run(input: BatchRunInput<P>): Promise<BatchItemResult[]>;
}

// ---------------------------------------------------------------------------------------------
// The per-account minute budget
// ---------------------------------------------------------------------------------------------

const MINUTE_MS = 60_000;

/**
 * A sliding minute per account and operation, shared by every execution in this process: a
 * request is granted only when fewer than `perMinute` were granted in the last 60 s. Waits use
 * n8n's `sleep`. When the API says the limit was reached anyway (another process, another tool),
 * `exhaust` holds new grants back for a while.
 */
export class MinuteBudget {
	private granted: number[] = [];
	private blockedUntil = 0;
	private refusals = 0;
	private lastExhausted = 0;

	constructor(private readonly perMinute: number) {}

	async take(): Promise<void> {
		for (;;) {
			const now = Date.now();
			this.granted = this.granted.filter((t) => now - t < MINUTE_MS);
			const waitBlocked = this.blockedUntil - now;
			const waitWindow = this.granted.length >= this.perMinute ? this.granted[0] + MINUTE_MS - now : 0;
			const wait = Math.max(waitBlocked, waitWindow);
			if (wait <= 0) {
				this.granted.push(now);
				return;
			}
			await sleep(Math.min(wait, 5_000));
		}
	}

	/**
	 * The API refused a request for its minute limit (nothing was applied). Its window is not ours
	 * to see, so grants stop for 1 s, then 2, 4 … up to 30 s while refusals keep coming.
	 */
	exhaust(): void {
		const now = Date.now();
		if (now - this.lastExhausted > MINUTE_MS) this.refusals = 0;
		this.refusals++;
		this.lastExhausted = now;
		this.blockedUntil = Math.max(this.blockedUntil, now + Math.min(30_000, 1_000 * 2 ** (this.refusals - 1)));
	}
}

const budgets = new Map<string, MinuteBudget>();

function budgetFor(key: string, perMinute: number): MinuteBudget {
	let budget = budgets.get(key);
	if (!budget) {
		budget = new MinuteBudget(perMinute);
		budgets.set(key, budget);
	}
	return budget;
}

/** Forgets every minute budget (tests start each case with a fresh account). */
export function resetBatchBudgets(): void {
	budgets.clear();
}

// ---------------------------------------------------------------------------------------------
// The executor
// ---------------------------------------------------------------------------------------------

/** The operation of this execution when it is a batch operation (read from the first item). */
export function batchOperationOf(ctx: IExecuteFunctions, registry: OperationRegistry): OperationDefinition | undefined {
	if (ctx.getInputData().length === 0) return undefined;
	const resource = ctx.getNodeParameter('resource', 0) as string;
	const operation = ctx.getNodeParameter('operation', 0) as string;
	const op = registry.get(resource, operation);
	return op?.batch ? op : undefined;
}

/** The key's redaction when the connection could not be resolved. */
async function credentialRedactor(ctx: IExecuteFunctions): Promise<(text: string) => string> {
	try {
		const credentials = await ctx.getCredentials(CREDENTIAL_TYPE, 0);
		const apiKey = typeof credentials.apiKey === 'string' ? credentials.apiKey : '';
		return (text) => redactSecret(text, apiKey);
	} catch {
		return (text) => text;
	}
}

/**
 * Items that write the same record (the operation's order key, e.g. the email) never travel in one
 * batch or in batches in flight together: the n-th item of a key goes in round n, and a round
 * starts when the one before has finished. Without repeated keys there is one round.
 */
function rounds(op: OperationDefinition, items: BatchItem[]): BatchItem[][] {
	const out: BatchItem[][] = [];
	const lastRound = new Map<string, number>();
	for (const item of items) {
		const key = op.orderKey?.(item.params as never);
		const round = key === undefined ? 0 : (lastRound.get(key) ?? -1) + 1;
		if (key !== undefined) lastRound.set(key, round);
		(out[round] ??= []).push(item);
	}
	return out;
}

export async function executeBatch(
	ctx: IExecuteFunctions,
	op: OperationDefinition,
	readParams: (ctx: IExecuteFunctions, op: OperationDefinition, itemIndex: number) => IDataObject,
	settings: TransportSettings | ValidationError,
): Promise<INodeExecutionData[][]> {
	const batch = op.batch as BatchDefinition;
	const count = ctx.getInputData().length;
	const outputs = new Array<IDataObject>(count);
	const failureValue = () => (op.failureValue ? op.failureValue() : {});
	const fail = (itemIndex: number, error: unknown, lastStatus: number, redact: (text: string) => string) => {
		const failure = classifyFailure(error, lastStatus);
		outputs[itemIndex] = standardOutput(op.outputKey, failureValue(), failure.originalStatusCode, failure.statusCode, redact(failure.message));
	};

	const valid: BatchItem[] = [];
	const invalid: Array<[number, unknown]> = [];
	for (let itemIndex = 0; itemIndex < count; itemIndex++) {
		try {
			// Settings that cannot be read fail every item the same way, naming the setting.
			if (settings instanceof ValidationError) throw settings;
			valid.push({ itemIndex, params: readParams(ctx, op, itemIndex) });
		} catch (error) {
			invalid.push([itemIndex, error]);
		}
	}

	let connection: AccountConnection | undefined;
	let connectionError: unknown;
	if (valid.length > 0 && !(settings instanceof ValidationError)) {
		try {
			connection = await resolveConnection(ctx, valid[0].itemIndex, settings);
		} catch (error) {
			connectionError = error;
		}
	}
	// A parameter error may quote a value that holds the API key: redact either way.
	const redact = connection ? connection.redact : await credentialRedactor(ctx);
	for (const [itemIndex, error] of invalid) fail(itemIndex, error, 0, redact);

	if (connection) {
		const account = connection;
		const budget = budgetFor(`${account.accountKey}|${op.resource}/${op.operation}`, batch.perMinute);
		for (const round of rounds(op, valid)) {
			const chunks: BatchItem[][] = [];
			for (let start = 0; start < round.length; start += batch.maxItems) chunks.push(round.slice(start, start + batch.maxItems));
			await mapConcurrent(chunks.length, batch.concurrency, async (i) => {
				const items = chunks[i];
				const api = new ApiClient(ctx, account);
				let results: BatchItemResult[];
				try {
					results = await batch.run({
						items,
						api,
						takeBudget: () => budget.take(),
						budgetExhausted: () => budget.exhaust(),
					});
				} catch (error) {
					// A run is not meant to throw; if it does, every item of the batch says why.
					results = items.map(() => ({ error }));
				}
				items.forEach((item, k) => {
					const result = results[k] ?? { error: 'the batch returned no result for this item' };
					if ('error' in result) return fail(item.itemIndex, result.error, api.lastStatus, redact);
					const data = result.data instanceof Outcome ? result.data.data : result.data;
					const message = result.data instanceof Outcome ? redact(result.data.message) : '';
					outputs[item.itemIndex] = standardOutput(op.outputKey, data, result.status, 200, message);
				});
			});
		}
	} else {
		for (const item of valid) fail(item.itemIndex, connectionError, 0, redact);
	}
	return [outputs.map((json, i) => ({ json, pairedItem: { item: i } }))];
}
