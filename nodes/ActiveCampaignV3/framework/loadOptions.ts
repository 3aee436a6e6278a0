import { NodeOperationError, type IExecuteFunctions, type IHookFunctions, type ILoadOptionsFunctions } from 'n8n-workflow';

import { resolveConnection, type AccountConnection } from '../transport';
import { ApiClient } from './apiClient';

/**
 * What the transport needs from n8n: the credential and its authenticated HTTP helper. The editor's
 * load-options context offers both with the same signatures as an execution's; this type is the
 * compile-time proof of that, so the one transport (and its per-account limiter) serves pickers too.
 */
type RequestContext = Pick<IExecuteFunctions, 'getCredentials'> & {
	helpers: Pick<IExecuteFunctions['helpers'], 'httpRequestWithAuthentication'>;
};

/**
 * Runs `work` with an ApiClient on the one transport (limiter, retries, 429 waits) for the n8n
 * contexts that are not executions: the editor's load-options and a trigger's webhook hooks. They
 * offer the credential and the authenticated HTTP helper with an execution's signatures (checked by
 * RequestContext above); failures come back as the transport throws them.
 */
export async function withTransport<T>(
	ctx: ILoadOptionsFunctions | IHookFunctions,
	work: (api: ApiClient, connection: AccountConnection) => Promise<T>,
): Promise<T> {
	const requestContext: RequestContext = ctx;
	const transportContext = requestContext as IExecuteFunctions;
	const connection = await resolveConnection(transportContext, 0);
	return await work(new ApiClient(transportContext, connection), connection);
}

/**
 * Runs `work` with an ApiClient for the editor (pickers, field lists). A failure reaches the editor
 * as a NodeOperationError with the API key removed from its text.
 */
export async function withEditorApi<T>(
	ctx: ILoadOptionsFunctions,
	work: (api: ApiClient, connection: AccountConnection) => Promise<T>,
): Promise<T> {
	let connection: AccountConnection | undefined;
	try {
		return await withTransport(ctx, (api, resolved) => {
			connection = resolved;
			return work(api, resolved);
		});
	} catch (error) {
		const message = error instanceof Error ? error.message : String(error);
		throw new NodeOperationError(ctx.getNode(), connection ? connection.redact(message) : message);
	}
}
