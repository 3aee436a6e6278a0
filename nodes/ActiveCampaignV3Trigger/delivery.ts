import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { deliveryMemory, fingerprintEvent, isRepeatDelivery } from './dedupe';
import { nestParsedBody, parseFormBody, type FormParseResult } from './formBody';
import { SECRET_QUERY_PARAMETER, secretMatches, storedWebhook } from './webhookRegistration';

/**
 * One delivery from ActiveCampaign: checked (the secret in the URL), parsed (the PHP-style form
 * body into nested JSON), optionally dropped as a repeat, then handed to the workflow. A delivery
 * that is refused is answered with a 4xx and starts nothing; n8n itself is not affected.
 */

interface DeliveryOptions {
	includeRawBody?: boolean;
	repeatWindowSeconds?: number;
}

/** Answers the request here and starts no execution. */
function refuse(ctx: IWebhookFunctions, status: number, message: string): IWebhookResponseData {
	ctx.getResponseObject().status(status).json({ message });
	return { noWebhookResponse: true };
}

function mediaType(header: unknown): string {
	return String(header ?? '')
		.split(';')[0]
		.trim()
		.toLowerCase();
}

function parseDelivery(ctx: IWebhookFunctions, contentType: string, raw: string | undefined): FormParseResult {
	if (contentType === 'application/x-www-form-urlencoded') {
		return raw !== undefined ? parseFormBody(raw) : nestParsedBody(ctx.getBodyData());
	}
	if (contentType === 'application/json') {
		const body = ctx.getBodyData() as unknown;
		if (typeof body === 'object' && body !== null && !Array.isArray(body)) return { ok: true, data: body as IDataObject };
		return { ok: false, reason: 'the JSON body is not an object' };
	}
	return { ok: false, reason: `content type "${contentType || 'none'}" is not application/x-www-form-urlencoded` };
}

export async function receiveDelivery(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const staticData = this.getWorkflowStaticData('node');
	const stored = storedWebhook(staticData);
	const given = (this.getQueryData() as IDataObject)[SECRET_QUERY_PARAMETER];
	if (typeof given !== 'string' || given === '') {
		return refuse(this, 401, 'Missing webhook secret');
	}
	if (!stored || !secretMatches(given, stored.secret)) {
		return refuse(this, 403, 'Wrong webhook secret');
	}

	const request = this.getRequestObject();
	const contentType = mediaType(request.headers['content-type']);
	const rawBytes: unknown = (request as { rawBody?: unknown }).rawBody;
	const raw = Buffer.isBuffer(rawBytes) ? rawBytes.toString('utf8') : undefined;
	const parsed = parseDelivery(this, contentType, raw);
	if (!parsed.ok) {
		const unsupported = contentType !== 'application/x-www-form-urlencoded' && contentType !== 'application/json';
		return refuse(this, unsupported ? 415 : 400, `Malformed ActiveCampaign event: ${parsed.reason}`);
	}
	const event = parsed.data;
	if (typeof event.type !== 'string' || event.type === '') {
		return refuse(this, 400, 'Malformed ActiveCampaign event: the body has no "type" field');
	}

	const options = this.getNodeParameter('options', {}) as DeliveryOptions;
	const windowSeconds = Number(options.repeatWindowSeconds ?? 0);
	if (windowSeconds > 0) {
		const workflow = this.getWorkflow();
		const memoryKey = `${workflow.id ?? ''}\n${this.getNode().name}\n${stored.id}`;
		const seen = deliveryMemory.seen(memoryKey);
		const repeat = isRepeatDelivery(seen, fingerprintEvent(event), Date.now(), windowSeconds * 1000);
		if (repeat) return { webhookResponse: { message: 'Repeated delivery ignored' } };
	}

	const json: IDataObject = { ...event };
	if (options.includeRawBody) json.rawBody = raw ?? '';
	return { workflowData: [this.helpers.returnJsonArray([json])] };
}
