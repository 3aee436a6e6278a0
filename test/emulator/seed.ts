/**
 * Demo data for the emulator when it runs outside jest (`npm run dev`, the end-to-end suite,
 * the browser test, the benchmarks). The data goes in through the emulator's own HTTP API, exactly
 * as a client would create it, so seeded rows have the same shape as rows the node creates and no
 * route module's internals are duplicated here.
 */

export interface SeedSummary {
	contacts: Array<{ id: string; email: string }>;
	lists: Array<{ id: string; name: string }>;
	tags: Array<{ id: string; tag: string }>;
}

/** Names of the available seeds: `empty` (nothing) and `demo`. */
export const SEEDS = ['empty', 'demo'] as const;
export type SeedName = (typeof SEEDS)[number];

const DEMO_CONTACTS = [
	{ email: 'ada.lovelace@example.com', firstName: 'Ada', lastName: 'Lovelace', phone: '+44 20 7946 0001' },
	{ email: 'alan.turing@example.com', firstName: 'Alan', lastName: 'Turing', phone: '+44 20 7946 0002' },
	{ email: 'grace.hopper@example.com', firstName: 'Grace', lastName: 'Hopper', phone: '+1 202 555 0103' },
	{ email: 'katherine.johnson@example.com', firstName: 'Katherine', lastName: 'Johnson', phone: '+1 202 555 0104' },
	{ email: 'edsger.dijkstra@example.com', firstName: 'Edsger', lastName: 'Dijkstra', phone: '+31 20 555 0105' },
];

const DEMO_LISTS = [
	{ name: 'Newsletter', stringid: 'newsletter' },
	{ name: 'Product Updates', stringid: 'product-updates' },
];

const DEMO_TAGS = [
	{ tag: 'customer', description: 'Has bought at least once' },
	{ tag: 'lead', description: 'Interested, not yet a customer' },
	{ tag: 'vip', description: 'Top accounts' },
];

async function post(url: string, token: string, path: string, body: unknown): Promise<any> {
	const response = await fetch(`${url}/api/3${path}`, {
		method: 'POST',
		headers: { 'Api-Token': token, 'Content-Type': 'application/json' },
		body: JSON.stringify(body),
	});
	const text = await response.text();
	if (response.status !== 200 && response.status !== 201) {
		throw new Error(`seeding POST ${path} answered ${response.status}: ${text}`);
	}
	return JSON.parse(text);
}

/**
 * Fills an emulator (empty, rate limit off) with the named seed through its HTTP API.
 * Deterministic: the same seed always yields the same IDs on a fresh emulator.
 */
export async function seedEmulator(url: string, token: string, seed: SeedName | string = 'demo'): Promise<SeedSummary> {
	const summary: SeedSummary = { contacts: [], lists: [], tags: [] };
	if (seed === 'empty') return summary;
	if (seed !== 'demo') throw new Error(`unknown seed "${seed}" (known: ${SEEDS.join(', ')})`);
	for (const list of DEMO_LISTS) {
		const created = await post(url, token, '/lists', {
			list: { ...list, sender_url: 'https://example.com', sender_reminder: 'You signed up on example.com' },
		});
		summary.lists.push({ id: String(created.list.id), name: list.name });
	}
	for (const tag of DEMO_TAGS) {
		const created = await post(url, token, '/tags', { tag: { ...tag, tagType: 'contact' } });
		summary.tags.push({ id: String(created.tag.id), tag: tag.tag });
	}
	for (const [index, contact] of DEMO_CONTACTS.entries()) {
		const created = await post(url, token, '/contacts', { contact });
		const id = String(created.contact.id);
		summary.contacts.push({ id, email: contact.email });
		// Everyone reads the newsletter; every other contact also gets product updates.
		await post(url, token, '/contactLists', { contactList: { contact: id, list: summary.lists[0].id, status: 1 } });
		if (index % 2 === 0) {
			await post(url, token, '/contactLists', { contactList: { contact: id, list: summary.lists[1].id, status: 1 } });
		}
		await post(url, token, '/contactTags', { contactTag: { contact: id, tag: summary.tags[index % 2 === 0 ? 0 : 1].id } });
	}
	return summary;
}
