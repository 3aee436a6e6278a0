import type { IDataObject } from 'n8n-workflow';

import type { useEmulator } from '../helpers';

/**
 * Helpers for the Contact / List / Tag operation tests. Fixtures are created by talking HTTP to the
 * emulator itself (its own routes build the rows), then the request log is cleared so each test
 * sees only what the node sent.
 */

export type Ac = ReturnType<typeof useEmulator>;

/** A timestamp in ActiveCampaign's style, as the emulator writes it. */
export const TIMESTAMP = expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}-05:00$/);

const LINK = 'https://emulator.api-us1.com/api/3';

/** A tag as the emulator (like ActiveCampaign) returns it. */
export function tagRecord(id: string, tag: string, tagType = 'contact', description = '', subscriberCount = '0') {
	return {
		tagType,
		tag,
		description,
		subscriber_count: subscriberCount,
		cdate: TIMESTAMP,
		created_timestamp: TIMESTAMP,
		updated_timestamp: TIMESTAMP,
		id,
		links: { contactGoalTags: `${LINK}/tags/${id}/contactGoalTags` },
	};
}

/** A contact-tag association (contactTag row) as the emulator (like ActiveCampaign) returns it. */
export function contactTagRecord(id: string, contact: string, tag: string) {
	return {
		contact,
		tag,
		cdate: TIMESTAMP,
		created_timestamp: TIMESTAMP,
		updated_timestamp: TIMESTAMP,
		created_by: null,
		updated_by: null,
		id,
		links: { tag: `${LINK}/contactTags/${id}/tag`, contact: `${LINK}/contactTags/${id}/contact` },
	};
}

/** The value n8n stores for a resource mapper (custom fields by name) set in the editor. */
export function resourceMapperValue(value: IDataObject, schema: Array<{ id: string; displayName: string; type: string; options?: IDataObject[] }> = []) {
	return {
		mappingMode: 'defineBelow',
		value,
		matchingColumns: [],
		schema: schema.map((s) => ({ ...s, required: false, defaultMatch: false, display: true, canBeUsedToMatch: false })),
		attemptToConvertTypes: false,
		convertFieldsToString: false,
	};
}

/** Sends one request to the emulator as a fixture (not through the node). */
export async function call(ac: Ac, method: string, path: string, body?: unknown): Promise<any> {
	const response = await fetch(`${ac.emulator.url}/api/3${path}`, {
		method,
		headers: { 'Api-Token': ac.emulator.apiKey, 'Content-Type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const text = await response.text();
	if (response.status >= 300) throw new Error(`fixture ${method} ${path} failed: ${response.status} ${text}`);
	return text === '' ? {} : JSON.parse(text);
}

/** Forgets the requests made so far (fixtures). */
export function clearLog(ac: Ac): void {
	ac.emulator.requests.length = 0;
}

export async function seedContact(ac: Ac, contact: IDataObject): Promise<any> {
	const body = await call(ac, 'POST', '/contact/sync', { contact });
	clearLog(ac);
	return body.contact;
}

/** Many contacts `c001@example.com` … in one go. */
export async function seedContacts(ac: Ac, count: number): Promise<void> {
	for (let start = 0; start < count; start += 25) {
		const batch = Array.from({ length: Math.min(25, count - start) }, (_, i) => start + i + 1);
		await Promise.all(
			batch.map((n) => call(ac, 'POST', '/contact/sync', { contact: { email: `c${String(n).padStart(3, '0')}@example.com` } })),
		);
	}
	clearLog(ac);
}

export async function seedList(ac: Ac, stringid: string, name = stringid): Promise<any> {
	const body = await call(ac, 'POST', '/lists', {
		list: { name, stringid, sender_url: 'https://example.com', sender_reminder: 'You signed up on our site' },
	});
	clearLog(ac);
	return body.list;
}

export async function seedTag(ac: Ac, tag: string, tagType = 'contact', description = ''): Promise<any> {
	const body = await call(ac, 'POST', '/tags', { tag: { tag, tagType, description } });
	clearLog(ac);
	return body.tag;
}

export async function subscribe(ac: Ac, contact: string, list: string, status = 1): Promise<any> {
	const body = await call(ac, 'POST', '/contactLists', { contactList: { contact, list, status } });
	clearLog(ac);
	return body.contactList;
}

export async function tagContact(ac: Ac, contact: string, tag: string): Promise<any> {
	const body = await call(ac, 'POST', '/contactTags', { contactTag: { contact, tag } });
	clearLog(ac);
	return body.contactTag;
}

/** The -1 output: failure value, OriginalStatusCode 0, the exact message. */
export function invalid(key: string, message: string, failureValue: unknown = {}): IDataObject {
	return { [key]: failureValue, OriginalStatusCode: 0, StatusCode: -1, ErrorMessage: message } as IDataObject;
}

/** An upstream 3xx/4xx output (StatusCode 200). */
export function upstream(key: string, status: number, message: string, failureValue: unknown = {}): IDataObject {
	return { [key]: failureValue, OriginalStatusCode: status, StatusCode: 200, ErrorMessage: message } as IDataObject;
}

/** A 5xx or no-answer output (StatusCode 500). */
export function failed(key: string, status: number, message: string, failureValue: unknown = {}): IDataObject {
	return { [key]: failureValue, OriginalStatusCode: status, StatusCode: 500, ErrorMessage: message } as IDataObject;
}

/** The JavaScript engine's own JSON.parse message (its wording differs between Node versions). */
export function jsonError(text: string): string {
	try {
		JSON.parse(text);
	} catch (error) {
		return (error as Error).message;
	}
	throw new Error(`${text} is valid JSON`);
}

/** What the node says for a bad ID value, per parameter. */
export function badIdMessage(displayName: string, name: string, got: string, description: string): string {
	return `"${displayName}" (${name}) must be a positive whole number (got ${got}): ${description}`;
}

/** Bad ID values (as they arrive from the editor or an expression) and how the node quotes them. */
export const BAD_IDS: Array<[unknown, string]> = [
	['abc', '"abc"'],
	['1/../../users', '"1/../../users"'],
	[-3, '-3'],
	[1.5, '1.5'],
	['12abc', '"12abc"'],
];

export const KEY_403 =
	'API key is invalid or lacks permission (HTTP 403): check the API key in the credential (ActiveCampaign: You are not authorized to access this resource)';
export const POST_503 = 'ActiveCampaign failed with HTTP 503; the request may be retried later (ActiveCampaign: Injected HTTP 503)';
export const RESET =
	'The connection to ActiveCampaign was reset before an answer arrived (ECONNRESET); the request may be retried';
/** A 429 with a wait budget of 0 (Request Settings): refused once, nothing waited. */
export const RATE_LIMITED =
	'Rate limit exceeded (HTTP 429): ActiveCampaign refused this request once over 0.0 s. Raise "Rate-Limit Wait Budget (Seconds)" under Request Settings to wait longer, or, if other n8n instances or tools use this account, lower "Requests per Second" in the credential (now 5)';
/** Request Settings that give up on the first 429. */
export const NO_RATE_LIMIT_WAIT = { requestSettings: { rateLimitWaitBudget: 0 } };
