import {
	NodeApiError,
	NodeOperationError,
	type IDataObject,
	type IHookFunctions,
	type ILoadOptionsFunctions,
	type JsonObject,
} from 'n8n-workflow';

import { withTransport } from '../ActiveCampaignV3/framework/loadOptions';
import { NetworkError, UpstreamError } from '../ActiveCampaignV3/shared/errors';
import type { HttpMethod } from '../ActiveCampaignV3/transport';

/**
 * The trigger's few requests (loading events and lists in the editor, registering and removing its
 * webhook on activation and deactivation) go through the action node's one transport: the same
 * per-account limiter, retries of what is safe to retry and 429 waits, and n8n's authenticated
 * request helper, whose credential adds the Api-Token header (the key never passes through here).
 */

type TriggerContext = IHookFunctions | ILoadOptionsFunctions;

export interface TriggerRequest {
	method: HttpMethod;
	/** Below /api/3, e.g. `/webhooks/12`. */
	path: string;
	qs?: IDataObject;
	body?: IDataObject;
	/** Non-2xx statuses the caller handles itself (e.g. 404 on a delete). */
	acceptStatuses?: number[];
}

/** What to do about a refusal, for the activation error n8n shows. */
function hintFor(status: number): string {
	if (status === 401 || status === 403) return 'Check the API key in the credential (ActiveCampaign Settings > Developer).';
	if (status === 429) return 'ActiveCampaign allows 5 requests per second per account; try again in a moment.';
	return 'Check the trigger settings and try again.';
}

export async function triggerRequest<T = IDataObject>(
	ctx: TriggerContext,
	request: TriggerRequest,
): Promise<{ status: number; body: T }> {
	let redact = (text: string) => text;
	try {
		return await withTransport(ctx, (api, connection) => {
			redact = connection.redact;
			return api.attempt<T>({ method: request.method, path: request.path, qs: request.qs, body: request.body }, request.acceptStatuses ?? []);
		});
	} catch (error) {
		const message = redact(error instanceof Error ? error.message : String(error));
		if (error instanceof UpstreamError) {
			throw new NodeApiError(ctx.getNode(), (error.body ?? {}) as JsonObject, {
				message: `ActiveCampaign answered ${error.status} to ${request.method} ${request.path}: ${message}`,
				description: hintFor(error.status),
				httpCode: String(error.status),
			});
		}
		if (error instanceof NetworkError) {
			throw new NodeApiError(ctx.getNode(), { message } as JsonObject, {
				message: `ActiveCampaign did not answer ${request.method} ${request.path}`,
				description: `${message}. Check the credential's API URL and that ActiveCampaign is reachable.`,
			});
		}
		// A credential that is not usable (e.g. an API URL that is no URL).
		throw new NodeOperationError(ctx.getNode(), message);
	}
}

/** Every record of a paged list endpoint (`limit`/`offset`, `meta.total`), in the API's order. */
export async function fetchAllPages<T>(
	ctx: TriggerContext,
	path: string,
	listKey: string,
	pageSize = 100,
): Promise<T[]> {
	const records: T[] = [];
	const seen = new Set<string>();
	let offset = 0;
	for (;;) {
		const { body } = await triggerRequest<IDataObject>(ctx, { method: 'GET', path, qs: { limit: pageSize, offset } });
		const page = Array.isArray(body[listKey]) ? (body[listKey] as T[]) : [];
		// Stop when a page brings nothing new: an endpoint that ignores offset must not loop forever.
		const fresh = page.filter((record) => {
			const key = JSON.stringify(record);
			if (seen.has(key)) return false;
			seen.add(key);
			return true;
		});
		records.push(...fresh);
		// meta.total decides when it is given (an endpoint may cap the page below `limit`).
		const total = Number((body.meta as IDataObject | undefined)?.total);
		const complete = Number.isFinite(total) ? records.length >= total : page.length < pageSize;
		if (fresh.length === 0 || complete) return records;
		offset += page.length;
	}
}
