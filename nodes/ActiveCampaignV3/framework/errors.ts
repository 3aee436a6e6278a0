/**
 * The three ways an item can fail. The framework maps each to the standardized output fields
 * (CONTRACT §2); operations throw them and never build error outputs themselves.
 */

/** Bad input: nothing was sent. StatusCode -1, OriginalStatusCode 0. */
export class ValidationError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'ValidationError';
	}
}

/** ActiveCampaign answered with a non-2xx status (after any retries). */
export class UpstreamError extends Error {
	constructor(
		readonly status: number,
		message: string,
		readonly body: unknown,
	) {
		super(message);
		this.name = 'UpstreamError';
	}
}

/**
 * No usable answer: timeout, refused or reset connection, DNS failure, or a 2xx whose body is not
 * JSON. `status` is 0 when nothing was received, else the status of the unreadable answer.
 */
export class NetworkError extends Error {
	constructor(
		message: string,
		readonly status = 0,
		/** True when the request may have reached ActiveCampaign (matters for non-idempotent POSTs). */
		readonly mayHaveBeenApplied = true,
	) {
		super(message);
		this.name = 'NetworkError';
	}
}
