import type { IDataObject } from 'n8n-workflow';

import { NetworkError, UpstreamError, ValidationError } from './errors';

/**
 * The standardized output of CONTRACT §2: exactly four keys, the business key first.
 */
export function standardOutput(
	outputKey: string,
	data: unknown,
	originalStatusCode: number,
	statusCode: number,
	errorMessage: string,
): IDataObject {
	return {
		[outputKey]: data as IDataObject,
		OriginalStatusCode: originalStatusCode,
		StatusCode: statusCode,
		ErrorMessage: errorMessage,
	};
}

export interface FailureCodes {
	statusCode: number;
	originalStatusCode: number;
	message: string;
}

/** Maps anything an executor threw to StatusCode / OriginalStatusCode / ErrorMessage. */
export function classifyFailure(error: unknown, lastStatus: number): FailureCodes {
	if (error instanceof ValidationError) {
		return { statusCode: -1, originalStatusCode: 0, message: error.message };
	}
	if (error instanceof UpstreamError) {
		return {
			statusCode: error.status >= 500 ? 500 : 200,
			originalStatusCode: error.status,
			message: error.message,
		};
	}
	if (error instanceof NetworkError) {
		return { statusCode: 500, originalStatusCode: error.status, message: error.message };
	}
	const message = error instanceof Error ? error.message : String(error);
	return { statusCode: 500, originalStatusCode: lastStatus, message: `Unexpected error: ${message}` };
}
