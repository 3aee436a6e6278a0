/**
 * The three ways an item can fail, shared by every layer (transport, framework, operations). The
 * framework maps each to the standardized output fields (CONTRACT §2); nothing of these ever reaches
 * n8n as a thrown error, because every failure becomes one output item.
 *
 * They are thrown only where a failure is first recognised (a bad parameter, an upstream status, a
 * connection that gave no answer), never from a `catch` clause: where a foreign error is caught
 * (n8n's HTTP helper, a parameter read), it is converted into one of these outside the catch, and
 * expected upstream statuses are values (`acceptStatuses`), not exceptions to catch and re-throw.
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
