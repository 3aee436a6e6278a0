import { createServer } from 'net';
import type { AddressInfo } from 'net';

import { configureTransport } from '../../nodes/ActiveCampaignV3/transport/settings';
import { success, useEmulator } from '../helpers';
import { failed, seedTag, tagRecord, upstream } from '../operations/foundation.support';

/** A port on which nothing listens (bound, then released). */
async function closedPort(): Promise<number> {
	const server = createServer();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	await new Promise<void>((resolve) => server.close(() => resolve()));
	return port;
}

describe('5xx: retried only for idempotent methods', () => {
	const ac = useEmulator();

	beforeEach(async () => {
		await seedTag(ac, 'VIP');
	});

	it.each([
		['GET', 'get', 500, { tagId: 1 }],
		['GET', 'get', 502, { tagId: 1 }],
		['PUT', 'update', 503, { tagId: 1, options: { description: 'x' } }],
		['DELETE', 'delete', 504, { tagId: 1 }],
	])('retries a %s (Tag %s) answered %p twice, then succeeds', async (method, operation, status, params) => {
		ac.emulator.inject({ method, path: '/tags/1', status, times: 2 });
		const out = await ac.one('tag', operation, params);
		expect([out.StatusCode, out.OriginalStatusCode, out.ErrorMessage]).toEqual([200, 200, '']);
		expect(ac.emulator.requests.map((r) => [r.method, r.status])).toEqual([
			[method, status],
			[method, status],
			[method, 200],
		]);
	});

	it('never repeats a POST answered 5xx (it may have been applied)', async () => {
		ac.emulator.inject({ method: 'POST', path: '/tags', status: 500, body: { message: 'Internal error' } });
		const out = await ac.one('tag', 'create', { tag: 'Fresh' });
		expect(out).toEqual(
			failed('Tag', 500, 'ActiveCampaign failed with HTTP 500; the request may be retried later (ActiveCampaign: Internal error)'),
		);
		expect(ac.emulator.requests.map((r) => [r.method, r.status])).toEqual([
			['GET', 200],
			['POST', 500],
		]);
	});

	it('gives up on a GET after 4 retries (5 attempts) with StatusCode 500', async () => {
		ac.emulator.inject({ method: 'GET', path: '/tags/1', status: 502, times: 99 });
		const out = await ac.one('tag', 'get', { tagId: 1 });
		expect(out).toEqual(failed('Tag', 502, 'ActiveCampaign failed with HTTP 502; the request may be retried later (ActiveCampaign: Injected HTTP 502)'));
		expect(ac.emulator.requests).toHaveLength(5);
	});

	it('retries a connection refused for every method (nothing was sent) and then reports it', async () => {
		const port = await closedPort();
		const { json } = await ac.run('tag', 'create', { tag: 'Fresh' }, undefined, { apiUrl: `http://127.0.0.1:${port}` });
		expect(json).toEqual([
			failed('Tag', 0, 'ActiveCampaign refused the connection (ECONNREFUSED); check the API URL or retry later'),
		]);
	});
});

describe('answers the node must not take at face value', () => {
	const ac = useEmulator();

	it('does not follow a 301 and says the API URL looks wrong', async () => {
		await seedTag(ac, 'VIP');
		const target = `${ac.emulator.url}/api/3/tags/1`;
		ac.emulator.inject({ method: 'GET', path: '/tags/1', status: 301, headers: { Location: target }, body: '' });
		const out = await ac.one('tag', 'get', { tagId: 1 });
		expect(out).toEqual(
			upstream('Tag', 301, `The API URL looks wrong: check the account URL in the credential (HTTP 301 redirect to ${target})`),
		);
		// Following it would have reached the emulator a second time.
		expect(ac.emulator.requests.map((r) => [r.method, r.path, r.status])).toEqual([['GET', '/tags/1', 301]]);
	});

	it('does not follow a 302 on a POST either', async () => {
		ac.emulator.inject({ method: 'POST', path: '/tags', status: 302, headers: { Location: `${ac.emulator.url}/login` }, body: '' });
		const out = await ac.one('tag', 'create', { tag: 'Fresh' });
		expect(out).toEqual(
			upstream('Tag', 302, `The API URL looks wrong: check the account URL in the credential (HTTP 302 redirect to ${ac.emulator.url}/login)`),
		);
		expect(ac.emulator.requests.map((r) => r.path)).toEqual(['/tags', '/tags']);
		expect(ac.emulator.db.count('tags')).toBe(0);
	});

	it('reports a 2xx whose body is not JSON as 500 with OriginalStatusCode 200', async () => {
		await seedTag(ac, 'VIP');
		ac.emulator.inject({ method: 'GET', path: '/tags/1', malformed: true });
		const out = await ac.one('tag', 'get', { tagId: 1 });
		expect(out).toEqual(failed('Tag', 200, 'ActiveCampaign answered HTTP 200 with a body that is not JSON; the request may be retried'));
	});

	it('reports a created record whose answer is not JSON as 500 with OriginalStatusCode 201, without creating twice', async () => {
		ac.emulator.inject({ method: 'POST', path: '/tags', malformed: true });
		const out = await ac.one('tag', 'create', { tag: 'Fresh' });
		expect(out).toEqual(failed('Tag', 201, 'ActiveCampaign answered HTTP 201 with a body that is not JSON; the request may be retried'));
		expect(ac.emulator.sent('POST', '/tags')).toHaveLength(1);
	});

	it('uses the upstream message for a status it has no words for', async () => {
		await seedTag(ac, 'VIP');
		ac.emulator.inject({ method: 'GET', path: '/tags/1', status: 400, body: { message: 'Bad filter' } });
		const out = await ac.one('tag', 'get', { tagId: 1 });
		expect(out).toEqual(upstream('Tag', 400, 'ActiveCampaign answered HTTP 400 (ActiveCampaign: Bad filter)'));
	});
});

describe('timeouts', () => {
	const ac = useEmulator();

	it('times out a GET that never answers, retries it, and returns StatusCode 500', async () => {
		configureTransport({ timeoutMs: 300, maxRetries: 2 });
		ac.emulator.inject({ method: 'GET', path: '/tags/1', hang: true, times: 99 });
		const started = Date.now();
		const out = await ac.one('tag', 'get', { tagId: 1 });
		const elapsed = Date.now() - started;
		expect(out).toEqual(failed('Tag', 0, 'ActiveCampaign did not answer within 300 ms (timeout); the request may be retried'));
		expect(ac.emulator.requests).toHaveLength(3);
		expect(elapsed).toBeGreaterThanOrEqual(900);
	});

	it('times out a POST once and does not repeat it', async () => {
		configureTransport({ timeoutMs: 300 });
		ac.emulator.inject({ method: 'POST', path: '/tags', hang: true });
		const out = await ac.one('tag', 'create', { tag: 'Fresh' });
		expect(out).toEqual(failed('Tag', 0, 'ActiveCampaign did not answer within 300 ms (timeout); the request may be retried'));
		expect(ac.emulator.sent('POST', '/tags')).toHaveLength(1);
	});

	it('recovers when only the first attempt of a GET hangs', async () => {
		configureTransport({ timeoutMs: 300 });
		await seedTag(ac, 'VIP');
		ac.emulator.inject({ method: 'GET', path: '/tags/1', hang: true });
		const out = await ac.one('tag', 'get', { tagId: 1 });
		expect(out).toEqual(success('Tag', tagRecord('1', 'VIP')));
		expect(ac.emulator.requests).toHaveLength(2);
	});
});

describe('the API key never leaves the node', () => {
	const ac = useEmulator();

	it('appears in no output, message or console line, whatever happens', async () => {
		const key = ac.emulator.apiKey;
		const logged: string[] = [];
		const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((level) =>
			jest.spyOn(console, level).mockImplementation((...args: unknown[]) => {
				logged.push(args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' '));
			}),
		);
		try {
			configureTransport({ timeoutMs: 300, maxRetries: 1 });
			await seedTag(ac, 'VIP');
			// An upstream that quotes the key back in every kind of answer.
			ac.emulator.inject({ method: 'GET', path: '/tags/1', status: 422, body: { errors: [{ title: `Token ${key} rejected`, detail: key }] } });
			ac.emulator.inject({ method: 'GET', path: '/tags/2', status: 404, body: { message: `No tag for ${key}` } });
			ac.emulator.inject({ method: 'GET', path: '/tags/3', status: 503, body: { message: `Backend ${key} down` }, times: 2 });
			ac.emulator.inject({ method: 'PUT', path: '/tags/1', status: 301, headers: { Location: `${ac.emulator.url}/?token=${key}` }, body: '' });
			ac.emulator.inject({ method: 'GET', path: '/tags/4', hang: true, times: 2 });
			const runs = [
				await ac.run('tag', 'get', { tagId: '={{ $json.id }}' }, [{ id: 1 }, { id: 2 }, { id: 3 }, { id: 4 }, { id: 'abc' }]),
				await ac.run('tag', 'update', { tagId: 1, options: { tagName: 'X' } }),
				await ac.run('tag', 'create', { tag: 'Fresh' }),
				await ac.run('tag', 'get', { tagId: 1 }, undefined, { apiKey: `${key}-wrong` }),
				await ac.run('tag', 'get', { tagId: 1 }, undefined, { apiUrl: `ftp://${key}.example.com` }),
			];
			const text = JSON.stringify(runs.map((r) => ({ items: r.items, error: r.error })));
			expect(text).not.toContain(key);
			expect(logged.join('\n')).not.toContain(key);
			// The redaction is visible where the key was quoted.
			expect(runs[0].json.map((j) => j.ErrorMessage)).toEqual([
				'ActiveCampaign rejected the data (HTTP 422): Token *** rejected: ***',
				'Tag 2 not found (HTTP 404) (ActiveCampaign: No tag for ***)',
				'ActiveCampaign failed with HTTP 503; the request may be retried later (ActiveCampaign: Backend *** down)',
				'ActiveCampaign did not answer within 300 ms (timeout); the request may be retried',
				'"Tag ID" (tagId) must be a positive whole number (got "abc"): The numeric ID of the tag, e.g. 12 (from Get Many Tags or Create a Tag)',
			]);
			expect(runs[1].json[0].ErrorMessage).toBe(
				`The API URL looks wrong: check the account URL in the credential (HTTP 301 redirect to ${ac.emulator.url}/?token=***)`,
			);
		} finally {
			for (const spy of spies) spy.mockRestore();
		}
	});
});
