import {
	forgetWebhook,
	matchesSettings,
	newSecret,
	secretMatches,
	storedWebhook,
	urlWithSecret,
	type WebhookSettings,
} from '../../nodes/ActiveCampaignV3Trigger/webhookRegistration';

const DESIRED: WebhookSettings = {
	name: 'n8n: Leads (workflow w1, node ActiveCampaign V3 Trigger)',
	url: 'https://n8n.example.com/webhook/abc/webhook?secret=s3cr3t',
	events: ['subscribe', 'update'],
	sources: ['public', 'admin'],
	listid: '0',
};

describe('the webhook secret', () => {
	it('is 32 random bytes, URL-safe (43 characters), new every time', () => {
		const secrets = new Set(Array.from({ length: 200 }, () => newSecret()));
		expect(secrets.size).toBe(200);
		for (const secret of secrets) expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
	});

	it('goes into the query string of n8n\'s webhook URL, next to any query it already has', () => {
		expect(urlWithSecret('http://127.0.0.1:5678/webhook/abc/webhook', 'a-b_c')).toBe('http://127.0.0.1:5678/webhook/abc/webhook?secret=a-b_c');
		expect(urlWithSecret('https://n8n.example.com/webhook/abc/webhook?x=1', 'zz')).toBe('https://n8n.example.com/webhook/abc/webhook?x=1&secret=zz');
	});

	it.each([
		['the same secret', 'abc123', 'abc123', true],
		['another secret of the same length', 'abc124', 'abc123', false],
		['a prefix', 'abc', 'abc123', false],
		['a longer value', 'abc1234', 'abc123', false],
		['an empty value', '', 'abc123', false],
		['nothing stored', 'abc123', '', false],
		['an array (repeated query parameter)', ['abc123'], 'abc123', false],
		['undefined', undefined, 'abc123', false],
	])('matches %s: %s', (_name, given, expected, result) => {
		expect(secretMatches(given, expected as string)).toBe(result);
	});
});

describe('what the trigger keeps in static data', () => {
	it('reads the stored webhook only when both ID and secret are there', () => {
		expect(storedWebhook({ webhookId: '7', webhookSecret: 's' })).toEqual({ id: '7', secret: 's' });
		expect(storedWebhook({ webhookId: '7' })).toBeUndefined();
		expect(storedWebhook({ webhookSecret: 's' })).toBeUndefined();
		expect(storedWebhook({ webhookId: '', webhookSecret: 's' })).toBeUndefined();
		expect(storedWebhook({ webhookId: 7, webhookSecret: 's' })).toBeUndefined();
	});

	it('forgets ID and secret and leaves anything else alone', () => {
		const data: Record<string, unknown> = { webhookId: '7', webhookSecret: 's', other: 1 };
		forgetWebhook(data as never);
		expect(data).toEqual({ other: 1 });
	});
});

describe('matchesSettings: is the webhook in ActiveCampaign still the one the node asks for?', () => {
	const registered = { id: '7', cdate: 'x', links: [], ...DESIRED, name: 'renamed in ActiveCampaign' };

	it('yes when URL, events, sources and list match (order and name do not matter)', () => {
		expect(matchesSettings(registered, DESIRED)).toBe(true);
		expect(matchesSettings({ ...registered, events: ['update', 'subscribe'], sources: ['admin', 'public'] }, DESIRED)).toBe(true);
		// listid missing in an answer counts as no list.
		const { listid: _omitted, ...withoutList } = registered;
		expect(matchesSettings(withoutList, DESIRED)).toBe(true);
	});

	it.each([
		['another URL (n8n moved)', { url: 'https://other.example.com/webhook/abc/webhook?secret=s3cr3t' }],
		['another secret', { url: 'https://n8n.example.com/webhook/abc/webhook?secret=other' }],
		['an event less', { events: ['subscribe'] }],
		['an event more', { events: ['subscribe', 'update', 'bounce'] }],
		['another source', { sources: ['public', 'api'] }],
		['a list', { listid: '3' }],
		['events not a list', { events: 'subscribe,update' }],
	])('no with %s', (_name, change) => {
		expect(matchesSettings({ ...registered, ...change }, DESIRED)).toBe(false);
	});

	it('no when ActiveCampaign answered without a webhook', () => {
		expect(matchesSettings(undefined, DESIRED)).toBe(false);
	});
});
