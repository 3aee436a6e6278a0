import {
	NodeApiError,
	NodeOperationError,
	sleep,
	type IDataObject,
	type IHookFunctions,
	type IHttpRequestMethods,
	type ILoadOptionsFunctions,
	type IN8nHttpFullResponse,
	type JsonObject,
} from 'n8n-workflow';

import { normalizeApiBaseUrl } from '../ActiveCampaignV3/transport/baseUrl';

/**
 * The trigger's few requests (loading events and lists in the editor, registering and removing its
 * webhook on activation and deactivation) go through n8n's authenticated request helper: the
 * credential's `authenticate` adds the Api-Token header, so the key never passes through this code.
 */

export const CREDENTIAL_TYPE = 'activeCampaignV3Api';

type TriggerContext = IHookFunctions | ILoadOptionsFunctions;

/** 429 answers are retried this often, waiting Retry-After (at most MAX_RETRY_WAIT_MS) each time. */
const MAX_RATE_LIMIT_RETRIES = 3;
const MAX_RETRY_WAIT_MS = 5000;

export interface TriggerRequest {
	method: IHttpRequestMethods;
	/** Below /api/3, e.g. `/webhooks/12`. */
	path: string;
	qs?: IDataObject;
	body?: IDataObject;
	/** Non-2xx statuses the caller handles itself (e.g. 404 on a delete). */
	acceptStatuses?: number[];
}

/** The credential's API URL, normalised exactly as the action node does (with or without /api/3). */
export async function apiBaseUrl(ctx: TriggerContext): Promise<string> {
	const credentials = await ctx.getCredentials(CREDENTIAL_TYPE);
	try {
		return normalizeApiBaseUrl(credentials.apiUrl);
	} catch (error) {
		throw new NodeOperationError(ctx.getNode(), (error as Error).message);
	}
}

function upstreamMessage(body: unknown): string {
	if (typeof body === 'object' && body !== null) {
		const data = body as IDataObject;
		if (typeof data.message === 'string') return data.message;
		if (Array.isArray(data.errors)) {
			return data.errors
				.map((e) => (typeof e === 'object' && e !== null ? String((e as IDataObject).title ?? '') : String(e)))
				.filter((t) => t !== '')
				.join('; ');
		}
	}
	return typeof body === 'string' ? body.slice(0, 200) : '';
}

export async function triggerRequest<T = IDataObject>(
	ctx: TriggerContext,
	request: TriggerRequest,
): Promise<{ status: number; body: T }> {
	const url = `${await apiBaseUrl(ctx)}${request.path}`;
	for (let attempt = 0; ; attempt++) {
		let response: IN8nHttpFullResponse;
		try {
			response = (await ctx.helpers.httpRequestWithAuthentication.call(ctx, CREDENTIAL_TYPE, {
				method: request.method,
				url,
				qs: request.qs,
				body: request.body,
				json: true,
				returnFullResponse: true,
				ignoreHttpStatusErrors: true,
			})) as IN8nHttpFullResponse;
		} catch (error) {
			throw new NodeApiError(ctx.getNode(), { message: (error as Error).message } as JsonObject, {
				message: `ActiveCampaign did not answer ${request.method} ${request.path}`,
				description: `${(error as Error).message}. Check the credential's API URL and that ActiveCampaign is reachable.`,
			});
		}
		const status = response.statusCode;
		if (status === 429 && attempt < MAX_RATE_LIMIT_RETRIES) {
			const retryAfter = Number(response.headers?.['retry-after']);
			await sleep(Math.min(Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : 1000, MAX_RETRY_WAIT_MS));
			continue;
		}
		if ((status >= 200 && status < 300) || (request.acceptStatuses ?? []).includes(status)) {
			return { status, body: response.body as T };
		}
		const detail = upstreamMessage(response.body);
		const hint =
			status === 401 || status === 403
				? 'Check the API key in the credential (ActiveCampaign Settings > Developer).'
				: status === 429
					? 'ActiveCampaign allows 5 requests per second per account; try again in a moment.'
					: 'Check the trigger settings and try again.';
		throw new NodeApiError(ctx.getNode(), (response.body ?? {}) as JsonObject, {
			message: `ActiveCampaign answered ${status} to ${request.method} ${request.path}${detail ? `: ${detail}` : ''}`,
			description: hint,
			httpCode: String(status),
		});
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
