import { acTimestamp, applyFilters, applyOrder, created, links, notFound, ok, paginate, unprocessable, type Row } from '../database';
import type { ActiveCampaignEmulator } from '../server';

export function listRoutes(emulator: ActiveCampaignEmulator): void {
	emulator.route('POST', '/lists', ({ body }, db) => {
		const input: Row = body?.list ?? {};
		for (const field of ['name', 'stringid', 'sender_url', 'sender_reminder']) {
			if (!input[field]) return unprocessable(`The ${field} field is required`, field, 'field_missing');
		}
		if (db.all('lists').some((l) => l.stringid === input.stringid)) {
			return unprocessable('The list stringid is already in use', 'stringid', 'duplicate');
		}
		const now = acTimestamp();
		const row = db.insert('lists', {
			stringid: String(input.stringid),
			userid: '1',
			name: String(input.name),
			cdate: now,
			udate: now,
			p_use_tracking: '1',
			p_use_analytics_read: '0',
			p_use_captcha: '1',
			sender_name: '',
			sender_addr1: '',
			sender_city: '',
			sender_state: '',
			sender_country: '',
			sender_url: String(input.sender_url),
			sender_reminder: String(input.sender_reminder),
			send_last_broadcast: '0',
			carboncopy: '',
			subscription_notify: '',
			unsubscription_notify: '',
			twitter_token: '',
			twitter_token_secret: '',
			private: '0',
			channel: String(input.channel ?? 'email'),
			user: '1',
		});
		row.links = links('lists', row.id, ['contactGoalLists', 'user', 'addressLists']);
		return created({ list: row });
	});

	emulator.route('GET', '/lists', ({ query }, db) => {
		// Known filters: name. Others (stringid, …) are ignored, as ActiveCampaign does.
		let rows = applyFilters(db.all('lists'), query, { name: 'name' });
		if (query['orders[name]'] === 'weight') rows = [...rows].sort((a, b) => Number(a.id) - Number(b.id));
		else rows = applyOrder(rows, query, { name: 'name' });
		return paginate(rows, query, 'lists');
	});

	emulator.route('GET', '/lists/:id', ({ params }, db) => {
		const row = db.get('lists', params.id);
		return row ? ok({ list: row }) : notFound('List', params.id);
	});

	emulator.route('DELETE', '/lists/:id', ({ params }, db) => {
		if (!db.remove('lists', params.id)) return notFound('List', params.id);
		db.removeWhere('contactLists', (r) => r.list === params.id);
		return ok({});
	});
}
