import { createHash } from 'crypto';
import type { IDataObject } from 'n8n-workflow';

/**
 * ActiveCampaign delivers at least once: the same event can arrive twice. With the option on, the
 * trigger remembers a fingerprint of each delivery it started a workflow for (in the workflow's
 * static data, so it survives between requests) and drops a repeat that arrives within the window.
 * The memory is bounded: entries older than the window are forgotten, and at most MAX_REMEMBERED
 * are kept (the oldest go first).
 */

export const MAX_REMEMBERED = 1000;

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

/** The remembered deliveries in static data, created (or repaired, if hand-edited) on first use. */
export function seenDeliveries(staticData: IDataObject): SeenDeliveries {
	const stored = staticData.seenDeliveries;
	if (
		Array.isArray(stored) &&
		stored.every((e) => Array.isArray(e) && typeof e[0] === 'string' && typeof e[1] === 'number')
	) {
		return stored as unknown as SeenDeliveries;
	}
	const fresh: SeenDeliveries = [];
	staticData.seenDeliveries = fresh as unknown as IDataObject[];
	return fresh;
}
