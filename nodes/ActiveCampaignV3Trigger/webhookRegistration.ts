import { randomBytes, timingSafeEqual } from 'crypto';
import { NodeApiError, NodeOperationError, type IDataObject, type IHookFunctions, type JsonObject } from 'n8n-workflow';

import { triggerRequest } from './api';

/**
 * What the trigger keeps in the workflow's static data (per node) between activation, deliveries
 * and deactivation: the ID of the webhook it registered in ActiveCampaign and the secret that the
 * registered URL carries. ActiveCampaign signs nothing, so the secret in the URL is the only proof
 * that a delivery comes from the webhook this trigger registered.
 */
export const SECRET_QUERY_PARAMETER = 'secret';

export interface WebhookSettings {
	name: string;
	url: string;
	events: string[];
	sources: string[];
	/** `'0'` when the webhook is not limited to one list (what ActiveCampaign stores then). */
	listid: string;
}

export function storedWebhook(staticData: IDataObject): { id: string; secret: string } | undefined {
	const { webhookId, webhookSecret } = staticData;
	if (typeof webhookId === 'string' && webhookId !== '' && typeof webhookSecret === 'string' && webhookSecret !== '') {
		return { id: webhookId, secret: webhookSecret };
	}
	return undefined;
}

export function forgetWebhook(staticData: IDataObject): void {
	delete staticData.webhookId;
	delete staticData.webhookSecret;
}

/** A fresh secret per webhook: 32 random bytes, URL-safe. */
export function newSecret(): string {
	return randomBytes(32).toString('base64url');
}

/** n8n's webhook URL with the secret in the query string. */
export function urlWithSecret(webhookUrl: string, secret: string): string {
	const url = new URL(webhookUrl);
	url.searchParams.set(SECRET_QUERY_PARAMETER, secret);
	return url.toString();
}

/** Constant-time comparison, so the secret cannot be guessed from answer times. */
export function secretMatches(given: unknown, expected: string): boolean {
	if (typeof given !== 'string' || given === '' || expected === '') return false;
	const a = Buffer.from(given, 'utf8');
	const b = Buffer.from(expected, 'utf8');
	return a.length === b.length && timingSafeEqual(a, b);
}

/** The webhook this node should have in ActiveCampaign, from its parameters and n8n's URL. */
export function desiredWebhook(ctx: IHookFunctions, secret: string): WebhookSettings {
	const webhookUrl = ctx.getNodeWebhookUrl('default');
	if (!webhookUrl) {
		throw new NodeOperationError(ctx.getNode(), 'n8n has no webhook URL for this trigger', {
			description: 'Set WEBHOOK_URL (or N8N_HOST/N8N_PROTOCOL) so n8n knows its public address.',
		});
	}
	const events = ctx.getNodeParameter('events', []) as string[];
	if (!Array.isArray(events) || events.length === 0) {
		throw new NodeOperationError(ctx.getNode(), 'Parameter "Events" is empty: pick at least one event to listen for');
	}
	const sources = ctx.getNodeParameter('sources', []) as string[];
	if (!Array.isArray(sources) || sources.length === 0) {
		throw new NodeOperationError(ctx.getNode(), 'Parameter "Sources" is empty: pick at least one source (e.g. Contact)');
	}
	const listId = String(ctx.getNodeParameter('listId', '') ?? '').trim();
	if (listId !== '' && !/^\d+$/.test(listId)) {
		throw new NodeOperationError(ctx.getNode(), `Parameter "List" must be a list ID (a whole number), got "${listId.slice(0, 40)}"`);
	}
	const workflow = ctx.getWorkflow();
	const node = ctx.getNode();
	return {
		// Identifies who registered the webhook when someone looks at ActiveCampaign's webhook list.
		name: `n8n: ${workflow.name ?? 'workflow'} (workflow ${workflow.id ?? '?'}, node ${node.name})`.slice(0, 250),
		url: urlWithSecret(webhookUrl, secret),
		events: [...events],
		sources: [...sources],
		listid: listId === '' ? '0' : listId,
	};
}

const sameSet = (a: unknown, b: string[]) =>
	Array.isArray(a) && a.length === b.length && [...a].map(String).sort().join('\n') === [...b].sort().join('\n');

/** Whether the webhook ActiveCampaign holds still sends what the node asks for, to the right URL. */
export function matchesSettings(registered: IDataObject | undefined, desired: WebhookSettings): boolean {
	if (!registered) return false;
	return (
		registered.url === desired.url &&
		sameSet(registered.events, desired.events) &&
		sameSet(registered.sources, desired.sources) &&
		String(registered.listid ?? '0') === desired.listid
	);
}

export async function webhookExists(this: IHookFunctions): Promise<boolean> {
	const staticData = this.getWorkflowStaticData('node');
	const stored = storedWebhook(staticData);
	if (!stored) return false;
	const { status, body } = await triggerRequest<IDataObject>(this, {
		method: 'GET',
		path: `/webhooks/${encodeURIComponent(stored.id)}`,
		acceptStatuses: [404],
	});
	if (status === 404) {
		// Deleted in ActiveCampaign: create() registers a new one.
		forgetWebhook(staticData);
		return false;
	}
	// A webhook with another URL or other events is replaced by create(), which deletes it first.
	// ActiveCampaign also deactivates a webhook whose URL answered 410 Gone, but its API does not
	// show that (the webhook record has no active or status field), so it cannot be checked here;
	// this trigger never answers 410.
	return matchesSettings(body.webhook as IDataObject | undefined, desiredWebhook(this, stored.secret));
}

async function deleteRegistered(ctx: IHookFunctions, id: string): Promise<void> {
	// 404: already gone (deleted in ActiveCampaign), which is what we wanted.
	await triggerRequest(ctx, { method: 'DELETE', path: `/webhooks/${encodeURIComponent(id)}`, acceptStatuses: [404] });
}

export async function createWebhook(this: IHookFunctions): Promise<boolean> {
	const staticData = this.getWorkflowStaticData('node');
	const stale = storedWebhook(staticData);
	if (stale) {
		await deleteRegistered(this, stale.id);
		forgetWebhook(staticData);
	}
	const secret = newSecret();
	const webhook = desiredWebhook(this, secret);
	const { body } = await triggerRequest<IDataObject>(this, {
		method: 'POST',
		path: '/webhooks',
		body: {
			webhook: {
				name: webhook.name,
				url: webhook.url,
				events: webhook.events,
				sources: webhook.sources,
				...(webhook.listid !== '0' ? { listid: Number(webhook.listid) } : {}),
			},
		},
	});
	const id = (body.webhook as IDataObject | undefined)?.id;
	if (id === undefined || id === null || String(id) === '') {
		throw new NodeApiError(this.getNode(), body as JsonObject, {
			message: 'ActiveCampaign created the webhook but answered without its ID',
			description: 'Deactivate and activate the workflow again; check Settings > Developer > Webhooks for a leftover entry.',
		});
	}
	staticData.webhookId = String(id);
	staticData.webhookSecret = secret;
	return true;
}

export async function deleteWebhook(this: IHookFunctions): Promise<boolean> {
	const staticData = this.getWorkflowStaticData('node');
	const stored = storedWebhook(staticData);
	if (stored) await deleteRegistered(this, stored.id);
	forgetWebhook(staticData);
	return true;
}
