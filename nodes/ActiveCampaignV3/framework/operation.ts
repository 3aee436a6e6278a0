import type { ApiClient } from './apiClient';
import type { BatchDefinition } from './batch';
import type { ParamSpecs, ParamValues } from './params';

/** What an executor receives: validated parameters and the item's API client. */
export interface OperationInput<P> {
	params: P;
	api: ApiClient;
	itemIndex: number;
}

/**
 * A success that still deserves a word to the user (e.g. "the contact is not on that list"):
 * StatusCode 200 with a non-empty ErrorMessage.
 */
export class Outcome<T = unknown> {
	constructor(
		readonly data: T,
		readonly message: string,
	) {}
}

export interface OperationDefinition<P extends ParamSpecs = ParamSpecs, O extends ParamSpecs = ParamSpecs> {
	/** `contact` */
	resource: string;
	/** `create` */
	operation: string;
	/** The reference's title, e.g. `Create a Contact`. */
	title: string;
	/** One sentence for the operation picker and for AI agents. */
	description: string;
	/**
	 * The action text when the title alone would hide a trap from an AI agent (which ID is meant,
	 * cents, a retry that duplicates); at most MAX_ACTION_LENGTH characters. See framework/agentText.ts.
	 */
	action?: string;
	/**
	 * What a model calling this operation as a tool must know beyond the title: which ID each
	 * parameter means, units, whether a retry can duplicate, where the records are in the output.
	 * Part of the recommended manual tool description (framework/agentText.ts agentDescription).
	 */
	agentHint?: string;
	/** The business key of the output item, e.g. `Contact`. */
	outputKey: string;
	/** The business value on failure (CONTRACT §2); `{}` when omitted. */
	failureValue?: () => unknown;
	/** Top-level parameters, in display order. */
	params: P;
	/** Items of the `options` collection. */
	options?: O;
	/**
	 * The record an item writes to. Items of one execution run concurrently; items with the same
	 * order key run one after the other, in input order, as a sequential node would, and never at
	 * the same time as another execution's item with that key (which is what makes "find the
	 * existing record, else create it" duplicate-free). Defaults: `update` and `delete` key on their
	 * first parameter (the record ID); creates with a natural key (email, name…) declare theirs.
	 */
	orderKey?: (params: ParamValues<P> & Partial<ParamValues<O>>) => string | undefined;
	/**
	 * A partial update (CONTRACT §3.9): at least one option must be given, else -1 naming them all.
	 * `{ ignoring }` lists options that are not fields of the record (e.g. Stage's Reorder flag).
	 */
	requiresAnOption?: true | { ignoring: Array<keyof O & string> };
	/** Checks that involve several parameters; throw ValidationError. */
	validate?: (params: ParamValues<P> & Partial<ParamValues<O>>) => void;
	/**
	 * Set for an operation that sends many items per request (framework/batch.ts): the items of an
	 * execution are validated one by one, then sent in batches by `batch.run` instead of `execute`.
	 */
	batch?: BatchDefinition<ParamValues<P> & Partial<ParamValues<O>>>;
	/** From validated parameters to business data. Throws the framework's errors for failures. */
	execute(input: OperationInput<ParamValues<P> & Partial<ParamValues<O>>>): Promise<unknown>;
}

/** Identity with inference: lets each module declare its parameters once, fully typed. */
export function defineOperation<P extends ParamSpecs, O extends ParamSpecs = Record<string, never>>(
	definition: OperationDefinition<P, O>,
): OperationDefinition {
	return definition as unknown as OperationDefinition;
}
