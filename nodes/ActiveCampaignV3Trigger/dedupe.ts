import { createHash } from 'crypto';
import type { IDataObject } from 'n8n-workflow';

/**
 * ActiveCampaign delivers at least once: the same event can arrive twice. With the option on, the
 * trigger remembers a fingerprint of each delivery it started a workflow for and drops a repeat that
 * arrives within the window. The memory is bounded: entries older than the window are forgotten,
 * and at most MAX_REMEMBERED per webhook are kept (the oldest go first).
 *
 * It lives in the n8n process, not in the workflow's static data: n8n 2.41 does not persist static
 * data written by a webhook() that starts an execution (starting the run resets the "changed" flag
 * before the webhook's static data is saved), and the check-and-remember below is synchronous, so
 * two copies arriving at the same moment cannot both pass. A restart of n8n forgets it.
 */

export const MAX_REMEMBERED = 1000;
/** Webhooks remembered at once; the least recently used is forgotten beyond that. */
export const MAX_WEBHOOKS_REMEMBERED = 200;

/** `[fingerprint, time first seen in ms]`, oldest first. */
export type SeenDeliveries = Array<[string, number]>;

/** JSON with object keys sorted, so the same event gives the same text whatever the key order. */
function canonicalJson(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
	if (typeof value === 'object' && value !== null) {
		const entries = Object.keys(value as IDataObject)
			.sort()
			.map((key) => `${JSON.stringify(key)}:${canonicalJson((value as IDataObject)[key])}`);
		return `{${entries.join(',')}}`;
	}
	return JSON.stringify(value) ?? 'null';
}

/** A short, stable fingerprint of a parsed event (every field, including type and date_time). */
export function fingerprintEvent(event: IDataObject): string {
	return createHash('sha256').update(canonicalJson(event)).digest('hex');
}

/**
 * True when `fingerprint` was seen less than `windowMs` before `nowMs` (a repeat to drop);
 * otherwise remembers it and returns false. Mutates `seen` (pruned, bounded).
 */
export function isRepeatDelivery(
	seen: SeenDeliveries,
	fingerprint: string,
	nowMs: number,
	windowMs: number,
	maxRemembered = MAX_REMEMBERED,
): boolean {
	let firstFresh = 0;
	while (firstFresh < seen.length && nowMs - seen[firstFresh][1] >= windowMs) firstFresh++;
	if (firstFresh > 0) seen.splice(0, firstFresh);
	if (seen.some(([known]) => known === fingerprint)) return true;
	seen.push([fingerprint, nowMs]);
	if (seen.length > maxRemembered) seen.splice(0, seen.length - maxRemembered);
	return false;
}

/** Remembered deliveries per webhook (key: workflow, node and webhook ID) for this n8n process. */
export class DeliveryMemory {
	private readonly byWebhook = new Map<string, SeenDeliveries>();

	constructor(private readonly maxWebhooks = MAX_WEBHOOKS_REMEMBERED) {}

	seen(key: string): SeenDeliveries {
		let seen = this.byWebhook.get(key);
		if (seen) {
			this.byWebhook.delete(key); // re-inserted below: Map order is the recency order
		} else {
			seen = [];
		}
		this.byWebhook.set(key, seen);
		while (this.byWebhook.size > this.maxWebhooks) {
			const oldest = this.byWebhook.keys().next().value as string;
			this.byWebhook.delete(oldest);
		}
		return seen;
	}

	get size(): number {
		return this.byWebhook.size;
	}
}

export const deliveryMemory = new DeliveryMemory();
