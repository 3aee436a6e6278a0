import type { IDataObject } from 'n8n-workflow';

import type { useEmulator } from '../../helpers';

/**
 * Fixtures and expected envelopes for the CRM operation tests. Fixtures go in through the
 * emulator's own HTTP API (its routes build the rows), then the request log is cleared so each
 * test sees only what the node sent.
 */

export type Ac = ReturnType<typeof useEmulator>;

/** ActiveCampaign's timestamp style, as the emulator writes it. */
export const TIMESTAMP = expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}-05:00$/);

export const KEY_403 =
	'API key is invalid or lacks permission (HTTP 403): check the API key in the credential (ActiveCampaign: You are not authorized to access this resource)';
export const POST_503 = 'ActiveCampaign failed with HTTP 503; the request may be retried later (ActiveCampaign: Injected HTTP 503)';
export const RESET =
	'The connection to ActiveCampaign was reset before an answer arrived (ECONNRESET); the request may be retried';
export const TIMEOUT = 'ActiveCampaign did not answer within 2000 ms (timeout); the request may be retried';

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

export function clearLog(ac: Ac): void {
	ac.emulator.requests.length = 0;
}

export async function seedContact(ac: Ac, email: string): Promise<any> {
	const body = await call(ac, 'POST', '/contact/sync', { contact: { email } });
	clearLog(ac);
	return body.contact;
}

export async function seedAccount(ac: Ac, name: string, extra: IDataObject = {}): Promise<any> {
	const body = await call(ac, 'POST', '/accounts', { account: { name, ...extra } });
	clearLog(ac);
	return body.account;
}

export async function seedAssociation(ac: Ac, contact: string, account: string, jobTitle = 'CEO'): Promise<any> {
	const body = await call(ac, 'POST', '/accountContacts', { accountContact: { contact, account, jobTitle } });
	clearLog(ac);
	return body.accountContact;
}

/** A pipeline with ActiveCampaign's three default stages; returns the group and its stages. */
export async function seedPipeline(ac: Ac, title: string, currency = 'usd'): Promise<{ group: any; stages: any[] }> {
	const body = await call(ac, 'POST', '/dealGroups', { dealGroup: { title, currency, allgroups: 1, allusers: 1 } });
	clearLog(ac);
	return { group: body.dealGroup, stages: body.dealStages };
}

export async function seedDeal(ac: Ac, deal: IDataObject): Promise<any> {
	const body = await call(ac, 'POST', '/deals', { deal });
	clearLog(ac);
	return body.deal;
}

export async function seedStage(ac: Ac, dealStage: IDataObject): Promise<any> {
	const body = await call(ac, 'POST', '/dealStages', { dealStage });
	clearLog(ac);
	return body.dealStage;
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

export function idMessage(displayName: string, name: string, got: string, description: string): string {
	return `"${displayName}" (${name}) must be a positive whole number (got ${got}): ${description}`;
}

export function requiredMessage(displayName: string, name: string, description: string): string {
	return `"${displayName}" (${name}) is required: ${description}`;
}

/** Method, path, query and body of every request the node sent. */
export function sent(ac: Ac): Array<{ method: string; path: string; query: IDataObject; body: unknown }> {
	return ac.emulator.requests.map(({ method, path, query, body }) => ({ method, path, query, body }));
}
