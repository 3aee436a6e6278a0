import { createServer, type Server } from 'http';
import type { AddressInfo } from 'net';

import { ActiveCampaignEmulator, DEFAULT_TOKEN } from '../emulator/server';

/**
 * The emulator's delivery plays ActiveCampaign: a webhook whose URL answers 410 Gone is
 * deactivated and gets nothing more (ActiveCampaign never retries); any other answer leaves it
 * active. The webhook record the API returns does not change (the public API has no field for it).
 */

let emulator: ActiveCampaignEmulator;
let receiver: Server;
let receiverUrl: string;
/** What the receiver answers next, per path; every request it got, in order. */
const answers = new Map<string, number>();
const received: string[] = [];

async function api(method: string, path: string, body?: unknown): Promise<{ status: number; json: any }> {
	const response = await fetch(`${emulator.url}/api/3${path}`, {
		method,
		headers: { 'Content-Type': 'application/json', 'Api-Token': DEFAULT_TOKEN },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	return { status: response.status, json: await response.json() };
}

async function createHook(path: string): Promise<Record<string, unknown>> {
	const created = await api('POST', '/webhooks', {
		webhook: { name: `hook ${path}`, url: `${receiverUrl}${path}`, events: ['subscribe'], sources: ['public'] },
	});
	expect(created.status).toBe(201);
	return created.json.webhook;
}

const deliver = (id: unknown, date: string) =>
	api('POST', `/__emulator/webhooks/${String(id)}/deliver`, { payload: { type: 'subscribe', date_time: date, contact: { id: '1' } } });

beforeAll(async () => {
	emulator = new ActiveCampaignEmulator({ tokens: [DEFAULT_TOKEN], rateLimitPerSecond: 0 });
	await emulator.start();
	receiver = createServer((req, res) => {
		received.push(req.url ?? '');
		req.resume();
		req.on('end', () => {
			res.statusCode = answers.get(req.url ?? '') ?? 200;
			res.end('');
		});
	});
	await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
	receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
});

afterAll(async () => {
	await emulator.stop();
	await new Promise<void>((resolve) => receiver.close(() => resolve()));
});

beforeEach(() => {
	answers.clear();
	received.length = 0;
});

describe('the emulator delivering webhook events, as ActiveCampaign does', () => {
	it('a URL answering 410 Gone deactivates the webhook: the next event is not sent (409), the record is unchanged', async () => {
		const hook = await createHook('/gone');
		answers.set('/gone', 410);
		const first = await deliver(hook.id, '2026-03-18T10:00:00-05:00');
		expect([first.status, first.json.delivery.status, first.json.delivery.deactivated]).toEqual([200, 410, true]);
		// The receiver answering 200 now changes nothing: ActiveCampaign does not come back.
		answers.set('/gone', 200);
		const second = await deliver(hook.id, '2026-03-18T10:01:00-05:00');
		expect(second).toEqual({
			status: 409,
			json: { message: `Webhook ${String(hook.id)} is inactive: its URL answered 410 Gone; nothing was sent` },
		});
		expect(received).toEqual(['/gone']);
		// The API's record has no active field: it reads exactly as it was created.
		expect(await api('GET', `/webhooks/${String(hook.id)}`)).toEqual({ status: 200, json: { webhook: hook } });
	});

	it('other refusals (401, 403, 404, 500) leave the webhook active: every event is sent', async () => {
		const hook = await createHook('/refusing');
		const statuses: number[] = [];
		for (const [n, status] of [401, 403, 404, 500, 200].entries()) {
			answers.set('/refusing', status);
			const delivery = await deliver(hook.id, `2026-03-18T11:0${n}:00-05:00`);
			expect(delivery.status).toBe(200);
			expect(delivery.json.delivery.deactivated).toBe(false);
			statuses.push(delivery.json.delivery.status);
		}
		expect(statuses).toEqual([401, 403, 404, 500, 200]);
		expect(received).toEqual(Array(5).fill('/refusing'));
	});

	it('deactivation is per webhook: another webhook on the same receiver keeps getting events', async () => {
		const gone = await createHook('/one');
		const other = await createHook('/two');
		answers.set('/one', 410);
		expect((await deliver(gone.id, '2026-03-18T12:00:00-05:00')).json.delivery).toMatchObject({ status: 410, deactivated: true });
		expect((await deliver(other.id, '2026-03-18T12:01:00-05:00')).json.delivery).toMatchObject({ status: 200, deactivated: false });
		expect((await deliver(gone.id, '2026-03-18T12:02:00-05:00')).status).toBe(409);
		expect((await deliver(other.id, '2026-03-18T12:03:00-05:00')).json.delivery).toMatchObject({ status: 200, deactivated: false });
		expect(received).toEqual(['/one', '/two', '/two']);
	});
});
