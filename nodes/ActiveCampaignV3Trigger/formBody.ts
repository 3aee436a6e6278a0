import type { IDataObject } from 'n8n-workflow';

/**
 * ActiveCampaign posts webhook events as `application/x-www-form-urlencoded` with PHP-style keys:
 * `contact[email]=…&contact[fields][7]=…&type=subscribe`. n8n's webhook server parses form bodies
 * with Node's `querystring`, which leaves those keys flat (`{"contact[email]": …}`), so the trigger
 * rebuilds the nesting PHP would: `{contact: {email: …, fields: {"7": …}}, type: …}`. Values stay the
 * strings ActiveCampaign sent. Anything PHP would silently bend (a key that is both a value and a
 * group, an unbalanced bracket, bytes that are not UTF-8 percent-escapes) is refused instead, so a
 * garbled delivery is answered 400 rather than turned into half a record.
 */

export type FormParseResult = { ok: true; data: IDataObject } | { ok: false; reason: string };

/** Bounds that keep a hostile body from costing n8n more than a real event ever does. */
export const MAX_FORM_FIELDS = 5000;
export const MAX_KEY_DEPTH = 8;

/** Keys that would reach Object.prototype when used as property names. */
const FORBIDDEN_SEGMENTS = new Set(['__proto__', 'constructor', 'prototype']);

/** `name` followed by zero or more `[segment]` groups; brackets never nest or stay open. */
const KEY_SHAPE = /^([^[\]]+)((?:\[[^[\]]*\])*)$/;

function decodeComponent(text: string): string | undefined {
	try {
		return decodeURIComponent(text.replace(/\+/g, ' '));
	} catch {
		return undefined;
	}
}

/** Splits a raw form body into decoded `[key, value]` pairs, in the order they were sent. */
export function splitFormBody(raw: string): { ok: true; pairs: Array<[string, string]> } | { ok: false; reason: string } {
	const pairs: Array<[string, string]> = [];
	for (const part of raw.split('&')) {
		if (part === '') continue;
		const equals = part.indexOf('=');
		const rawKey = equals === -1 ? part : part.slice(0, equals);
		const rawValue = equals === -1 ? '' : part.slice(equals + 1);
		const key = decodeComponent(rawKey);
		const value = decodeComponent(rawValue);
		if (key === undefined || value === undefined) {
			return { ok: false, reason: `field "${rawKey.slice(0, 60)}" is not valid percent-encoded UTF-8` };
		}
		pairs.push([key, value]);
		if (pairs.length > MAX_FORM_FIELDS) {
			return { ok: false, reason: `the body has more than ${MAX_FORM_FIELDS} fields` };
		}
	}
	return { ok: true, pairs };
}

function isGroup(value: unknown): value is IDataObject | unknown[] {
	return typeof value === 'object' && value !== null;
}

/** Builds nested JSON from PHP-style `[key, value]` pairs (`a[b][]=1` → `{a: {b: ['1']}}`). */
export function nestFormPairs(pairs: Array<[string, string]>): FormParseResult {
	const root: IDataObject = {};
	for (const [key, value] of pairs) {
		const shape = KEY_SHAPE.exec(key);
		if (!shape) return { ok: false, reason: `field name "${key.slice(0, 60)}" has unbalanced brackets` };
		const segments = [shape[1], ...(shape[2].match(/\[[^[\]]*\]/g) ?? []).map((s) => s.slice(1, -1))];
		if (segments.length > MAX_KEY_DEPTH) {
			return { ok: false, reason: `field name "${key.slice(0, 60)}" is nested deeper than ${MAX_KEY_DEPTH} levels` };
		}
		if (segments.some((s) => FORBIDDEN_SEGMENTS.has(s))) {
			return { ok: false, reason: `field name "${key.slice(0, 60)}" is not allowed` };
		}
		let container: IDataObject | unknown[] = root;
		for (let i = 0; i < segments.length; i++) {
			const segment = segments[i];
			const last = i === segments.length - 1;
			const conflict: FormParseResult = {
				ok: false,
				reason: `field "${key.slice(0, 60)}" is both a value and a group of fields`,
			};
			if (Array.isArray(container)) {
				// Only `[]` (append) addresses an array; PHP would mix list and map, we refuse.
				if (segment !== '') return conflict;
				if (last) {
					container.push(value);
				} else {
					const next: IDataObject | unknown[] = segments[i + 1] === '' ? [] : {};
					container.push(next);
					container = next;
				}
				continue;
			}
			if (segment === '') return conflict; // `[]` on something that is already a map
			if (last) {
				if (isGroup(container[segment])) return conflict;
				container[segment] = value; // a repeated scalar: the last one wins, as in PHP
				continue;
			}
			const existing = container[segment];
			if (existing === undefined) {
				const next: IDataObject | unknown[] = segments[i + 1] === '' ? [] : {};
				container[segment] = next as IDataObject;
				container = next;
			} else if (isGroup(existing)) {
				container = existing as IDataObject | unknown[];
			} else {
				return conflict;
			}
		}
	}
	return { ok: true, data: root };
}

/** A raw `application/x-www-form-urlencoded` body as nested JSON. */
export function parseFormBody(raw: string): FormParseResult {
	const split = splitFormBody(raw);
	if (!split.ok) return split;
	return nestFormPairs(split.pairs);
}

/**
 * The body n8n already parsed, when the raw bytes are not available: flat PHP-style keys (Node's
 * `querystring`, repeated keys as arrays) are nested; a body that is already nested (a parser with
 * PHP-style support) is taken as it is.
 */
export function nestParsedBody(body: IDataObject): FormParseResult {
	const pairs: Array<[string, string]> = [];
	let alreadyNested = false;
	for (const [key, value] of Object.entries(body)) {
		if (Array.isArray(value) && value.every((v) => typeof v === 'string')) {
			for (const v of value as string[]) pairs.push([key, v]);
		} else if (typeof value === 'string') {
			pairs.push([key, value]);
		} else {
			alreadyNested = true;
		}
	}
	if (alreadyNested) return { ok: true, data: body };
	return nestFormPairs(pairs);
}
