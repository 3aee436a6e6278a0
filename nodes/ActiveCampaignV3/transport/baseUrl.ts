import { ValidationError } from '../shared/errors';

/**
 * Turns whatever the user pasted as API URL into `https://<account>.api-us1.com/api/3`:
 * with or without `/api/3`, with or without trailing slashes. Anything but http(s) is refused.
 */
export function normalizeApiBaseUrl(raw: unknown): string {
	const text = typeof raw === 'string' ? raw.trim() : '';
	if (text === '') {
		throw new ValidationError(
			'Credential "API URL" is empty: enter your account URL from ActiveCampaign Settings > Developer, e.g. https://youraccount.api-us1.com',
		);
	}
	if (!URL.canParse(text)) {
		throw new ValidationError(
			'Credential "API URL" is not a valid URL: enter it as https://youraccount.api-us1.com',
		);
	}
	const url = new URL(text);
	if (url.protocol !== 'https:' && url.protocol !== 'http:') {
		throw new ValidationError(
			`Credential "API URL" must start with https:// (got "${url.protocol}"): enter it as https://youraccount.api-us1.com`,
		);
	}
	if (url.username || url.password) {
		throw new ValidationError(
			'Credential "API URL" must not contain a user name or password: put the key in "API Key"',
		);
	}
	const path = url.pathname.replace(/\/+$/, '').replace(/\/api\/3$/i, '').replace(/\/+$/, '');
	return `${url.protocol}//${url.host}${path}/api/3`;
}
