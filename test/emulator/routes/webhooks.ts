import { acTimestamp, applyFilters, created, notFound, ok, paginate, unprocessable, type Row } from '../database';
import type { ActiveCampaignEmulator, RouteResponse } from '../server';

/**
 * ActiveCampaign's webhooks: `/webhooks` CRUD, `/webhook/events` (paged; this emulator caps a page
 * at EVENTS_PAGE_MAX so a client must follow `meta.total`), and a test-only control endpoint that
 * plays ActiveCampaign delivering an event: form-encoded with PHP-style keys, POSTed to the URL the
 * webhook was registered with.
 */

/** The events of the API reference's example answer, plus the CRM ones the docs list. */
export const WEBHOOK_EVENTS = [
	'account_add',
	'account_contact_add',
	'account_contact_update',
	'account_update',
	'bounce',
	'click',
	'contact_tag_added',
	'contact_tag_removed',
	'deal_add',
	'deal_note_add',
	'deal_pipeline_add',
	'deal_stage_add',
	'deal_task_add',
	'deal_task_complete',
	'deal_tasktype_add',
	'deal_update',
	'forward',
	'list_add',
	'open',
	'reply',
	'sent',
	'share',
	'sms_reply',
	'sms_sent',
	'sms_unsub',
	'subscribe',
	'subscriber_note',
	'unsubscribe',
	'update',
];

export const WEBHOOK_SOURCES = ['public', 'admin', 'api', 'system'];

const EVENTS_PAGE_MAX = 10;

/** Test-only path of the delivery endpoint (below /api/3, so it needs the token like the rest). */
export const DELIVER_PATH = '/__emulator/webhooks/:id/deliver';

/**
 * PHP's http_build_query: nested objects and arrays become `a[b][0]=…`, keys and values are
 * urlencoded (brackets as %5B/%5D, spaces as +), in insertion order.
 */
export function encodePhpForm(data: Row, prefix = ''): string {
	const parts: string[] = [];
	const encode = (text: string) => encodeURIComponent(text).replace(/%20/g, '+');
	for (const [key, value] of Object.entries(data)) {
		const name = prefix ? `${prefix}[${key}]` : key;
		if (value === undefined || value === null) continue;
		if (typeof value === 'object') {
			const nested = encodePhpForm(value as Row, name);
			if (nested !== '') parts.push(nested);
		} else {
			parts.push(`${encode(name)}=${encode(String(value))}`);
		}
	}
	return parts.join('&');
}

function validate(input: Row, partial: boolean): RouteResponse | undefined {
	for (const field of ['name', 'url']) {
		if ((!partial || input[field] !== undefined) && (typeof input[field] !== 'string' || input[field] === '')) {
			return unprocessable(`The ${field} field is required`, field, 'field_missing');
		}
	}
	for (const [field, known] of [
		['events', WEBHOOK_EVENTS],
		['sources', WEBHOOK_SOURCES],
	] as const) {
		if (partial && input[field] === undefined) continue;
		const values = input[field];
		if (!Array.isArray(values) || values.length === 0) return unprocessable(`The ${field} field is required`, field, 'field_missing');
		const unknown = values.filter((v) => !known.includes(String(v)));
		if (unknown.length > 0) return unprocessable(`Invalid ${field}: ${unknown.join(', ')}`, field, 'invalid');
	}
	if (input.listid !== undefined && !/^\d+$/.test(String(input.listid))) {
		return unprocessable('The listid field must be a list ID', 'listid', 'invalid');
	}
	if (input.url !== undefined && !/^https?:\/\//.test(String(input.url))) {
		return unprocessable('The url field must be a URL', 'url', 'invalid');
	}
	return undefined;
}

export function webhookRoutes(emulator: ActiveCampaignEmulator): void {
	/**
	 * Webhooks ActiveCampaign has deactivated because their URL answered 410 Gone: it sends them
	 * nothing more (and never retries). The API's webhook record has no field for this (the
	 * reference lists cdate, listid, name, url, events, sources, links, id), so the state is kept
	 * beside the rows, not in them: GET /webhooks answers exactly as before.
	 */
	const deactivated = new WeakSet<Row>();

	emulator.route('POST', '/webhooks', ({ body }, db) => {
		const input: Row = body?.webhook ?? {};
		const invalid = validate(input, false);
		if (invalid) return invalid;
		if (input.listid !== undefined && input.listid !== 0 && String(input.listid) !== '0' && !db.get('lists', String(input.listid))) {
			return unprocessable(`List ${String(input.listid)} does not exist`, 'listid', 'invalid');
		}
		const row = db.insert('webhooks', {
			cdate: acTimestamp(),
			listid: String(input.listid ?? '0'),
			name: input.name,
			url: input.url,
			events: input.events.map(String),
			sources: input.sources.map(String),
			links: [],
		});
		return created({ webhook: row });
	});

	emulator.route('GET', '/webhooks', ({ query }, db) => {
		const rows = applyFilters(db.all('webhooks'), query, { name: 'name', url: 'url', listid: 'listid' });
		return paginate(rows, query, 'webhooks');
	});

	emulator.route('GET', '/webhooks/:id', ({ params }, db) => {
		const row = db.get('webhooks', params.id);
		return row ? ok({ webhook: row }) : notFound('Webhook', params.id);
	});

	emulator.route('PUT', '/webhooks/:id', ({ params, body }, db) => {
		const row = db.get('webhooks', params.id);
		if (!row) return notFound('Webhook', params.id);
		const input: Row = body?.webhook ?? {};
		const invalid = validate(input, true);
		if (invalid) return invalid;
		for (const field of ['name', 'url', 'events', 'sources']) if (input[field] !== undefined) row[field] = input[field];
		if (input.listid !== undefined) row.listid = String(input.listid);
		return ok({ webhook: row });
	});

	emulator.route('DELETE', '/webhooks/:id', ({ params }, db) => {
		if (!db.remove('webhooks', params.id)) return notFound('Webhook', params.id);
		return ok({});
	});

	emulator.route('GET', '/webhook/events', ({ query }) => {
		const limit = Math.min(Math.max(Number(query.limit ?? EVENTS_PAGE_MAX) || EVENTS_PAGE_MAX, 1), EVENTS_PAGE_MAX);
		const offset = Math.max(Number(query.offset ?? 0) || 0, 0);
		// meta.total is a number here, as in the API reference's example.
		return ok({ webhookEvents: WEBHOOK_EVENTS.slice(offset, offset + limit), meta: { total: WEBHOOK_EVENTS.length } });
	});

	/**
	 * Test control: deliver `{payload}` (nested JSON, e.g. {type, date_time, initiated_by, contact:
	 * {...}}) to webhook :id the way ActiveCampaign does. `secret: "omit"` drops the query string
	 * from the URL, `secret: "wrong"` replaces its secret; `raw` sends that body text instead (a
	 * malformed delivery); `contentType` overrides the header. Only events the webhook subscribed
	 * to are delivered (422 otherwise). Answers with what the receiver answered and whether the
	 * webhook is now deactivated (a 410 answer); a deactivated webhook gets nothing (409).
	 */
	emulator.route('POST', DELIVER_PATH, async ({ params, body }, db) => {
		const row = db.get('webhooks', params.id);
		if (!row) return notFound('Webhook', params.id);
		if (deactivated.has(row)) {
			return { status: 409, body: { message: `Webhook ${params.id} is inactive: its URL answered 410 Gone; nothing was sent` } };
		}
		const payload: Row = body?.payload ?? {};
		if (body?.raw === undefined && !row.events.includes(String(payload.type))) {
			return unprocessable(`Webhook ${params.id} is not subscribed to "${String(payload.type)}"`, 'type', 'invalid');
		}
		const url = new URL(String(row.url));
		if (body?.secret === 'omit') url.search = '';
		if (body?.secret === 'wrong') url.searchParams.set('secret', 'not-the-secret');
		const text = typeof body?.raw === 'string' ? body.raw : encodePhpForm(payload);
		const started = Date.now();
		try {
			const response = await fetch(url, {
				method: 'POST',
				headers: { 'Content-Type': String(body?.contentType ?? 'application/x-www-form-urlencoded'), 'User-Agent': 'ActiveCampaign/1.0' },
				body: text,
				signal: AbortSignal.timeout(30000),
			});
			const answer = await response.text();
			// 410 Gone: ActiveCampaign deactivates the webhook; any other answer leaves it active.
			if (response.status === 410) deactivated.add(row);
			return ok({ delivery: { status: response.status, body: answer, sent: text, ms: Date.now() - started, deactivated: deactivated.has(row) } });
		} catch (error) {
			return ok({ delivery: { status: 0, body: (error as Error).message, sent: text, ms: Date.now() - started } });
		}
	});
}
