import { acTimestamp, applyOrder, compare, created, links, notFound, ok, paginate, unprocessable, type Row } from '../database';
import type { ActiveCampaignEmulator } from '../server';

const TAG_TYPES = new Set(['contact', 'template']);

export function tagRoutes(emulator: ActiveCampaignEmulator): void {
	// By default, like the real API on many accounts, creating a tag whose name exists is not
	// refused: duplicates are possible, so avoiding them is the client's job. With
	// `refuseDuplicateTags`, the 422 other accounts answer.
	emulator.route('POST', '/tags', ({ body }, db) => {
		const input: Row = body?.tag ?? {};
		if (!input.tag) return unprocessable('Tag name is required', 'tag', 'field_missing');
		const tagType = String(input.tagType ?? 'contact');
		if (!TAG_TYPES.has(tagType)) return unprocessable('Tag type must be contact or template', 'tagType');
		const sameName = (t: Row) => String(t.tag).toLowerCase() === String(input.tag).toLowerCase() && t.tagType === tagType;
		if (emulator.refuseDuplicateTags && db.all('tags').some(sameName)) {
			return unprocessable(`The tag "${input.tag}" already exists`, 'tag', 'duplicate');
		}
		const now = acTimestamp();
		const row = db.insert('tags', {
			tagType,
			tag: String(input.tag),
			description: String(input.description ?? ''),
			subscriber_count: '0',
			cdate: now,
			created_timestamp: now,
			updated_timestamp: now,
		});
		row.links = links('tags', row.id, ['contactGoalTags']);
		return created({ tag: row });
	});

	emulator.route('GET', '/tags', ({ query }, db) => {
		let rows = db.all('tags');
		if (query.search) rows = rows.filter((t) => compare('contains', t.tag, query.search));
		for (const [key, value] of Object.entries(query)) {
			const match = /^filters\[search\]\[([a-z_]+)\]$/.exec(key);
			if (match) rows = rows.filter((t) => compare(match[1], t.tag, value));
		}
		if (query['orders[search]'] === 'weight') {
			rows = [...rows].sort((a, b) => Number(b.subscriber_count) - Number(a.subscriber_count));
		} else {
			rows = applyOrder(rows, query, { search: 'tag' });
		}
		return paginate(rows, query, 'tags');
	});

	emulator.route('GET', '/tags/:id', ({ params }, db) => {
		const row = db.get('tags', params.id);
		return row ? ok({ tag: row }) : notFound('Tag', params.id);
	});

	emulator.route('PUT', '/tags/:id', ({ params, body }, db) => {
		const row = db.get('tags', params.id);
		if (!row) return notFound('Tag', params.id);
		const input: Row = body?.tag ?? {};
		if (input.tagType !== undefined && !TAG_TYPES.has(String(input.tagType))) {
			return unprocessable('Tag type must be contact or template', 'tagType');
		}
		for (const key of ['tag', 'tagType', 'description']) if (input[key] !== undefined) row[key] = String(input[key]);
		row.updated_timestamp = acTimestamp();
		row.subscriber_count = String(db.all('contactTags').filter((ct) => ct.tag === row.id).length);
		return ok({ tag: row });
	});

	emulator.route('DELETE', '/tags/:id', ({ params }, db) => {
		if (!db.remove('tags', params.id)) return notFound('Tag', params.id);
		db.removeWhere('contactTags', (r) => r.tag === params.id);
		return ok({});
	});
}
