import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { ActiveCampaignV3V1 as ActiveCampaignV3 } from '../../nodes/ActiveCampaignV3/ActiveCampaignV3V1.node';
import { RECORD_KINDS } from '../../nodes/ActiveCampaignV3/framework/locator';
import { appBaseUrl } from '../../nodes/ActiveCampaignV3/framework/search';
import { editorContext } from '../editorContext';
import { useEmulator } from '../helpers';
import { seedAccount, seedDeal, seedPipeline, seedStage } from '../operations/crm/support';
import { seedConnection, seedCustomer, seedOrder } from '../operations/ecommerce/ecommerce.support';
import { call, clearLog, seedContacts, seedList, seedTag } from '../operations/foundation.support';

/**
 * The pickers (issue 11 item 1): every listSearch method through n8n-core's real LoadOptionsContext
 * against the emulator. Lists longer than one page are complete through the pagination token, the
 * typed text is searched by the server where ActiveCampaign has a search, and the requests go through
 * the node's transport (the same API key header, the same 100-per-page listing).
 */

const { listSearch } = new ActiveCampaignV3().methods;
type Method = keyof typeof listSearch;

describe('listSearch pickers', () => {
	const ac = useEmulator();

	function context(parameters: IDataObject = {}, apiKey?: string): ILoadOptionsFunctions {
		return editorContext({
			parameters: { resource: 'deal', operation: 'create', ...parameters },
			credentials: { apiUrl: ac.emulator.url, apiKey: apiKey ?? ac.emulator.apiKey },
		});
	}

	async function search(method: Method, filter?: string, token?: string, parameters?: IDataObject): Promise<INodeListSearchResult> {
		return listSearch[method].call(context(parameters), filter, token);
	}

	/** Follows the pagination token to the end, as the editor does when the user scrolls. */
	async function everyPage(method: Method, filter?: string): Promise<{ pages: INodeListSearchResult[]; values: string[] }> {
		const pages: INodeListSearchResult[] = [];
		let token: string | undefined;
		do {
			const page = await search(method, filter, token);
			pages.push(page);
			token = page.paginationToken as string | undefined;
		} while (token !== undefined && pages.length < 20);
		return { pages, values: pages.flatMap((p) => p.results.map((r) => String(r.value))) };
	}

	const listRequests = (path: string) =>
		ac.emulator.requests.filter((r) => r.method === 'GET' && r.path === path).map((r) => r.query);

	it('offers a method for every record kind a locator names, and nothing else', () => {
		const named = Object.values(RECORD_KINDS).map((k) => k.searchListMethod).sort();
		expect(Object.keys(listSearch).sort()).toEqual(named);
	});

	it('reaches every one of 250 contacts, 100 per page, through the pagination token', async () => {
		await seedContacts(ac, 250);
		const { pages, values } = await everyPage('searchContacts');
		expect(pages.map((p) => [p.results.length, p.paginationToken])).toEqual([
			[100, '100'],
			[100, '200'],
			[50, undefined],
		]);
		expect(values).toEqual(Array.from({ length: 250 }, (_, i) => String(i + 1)));
		expect(pages[2].results[49]).toEqual({ name: 'c250@example.com', value: '250' });
		expect(listRequests('/contacts')).toEqual([
			{ limit: '100', offset: '0' },
			{ limit: '100', offset: '100' },
			{ limit: '100', offset: '200' },
		]);
		// The editor's requests carry the credential's key like every other request.
		expect(ac.emulator.requests.every((r) => r.status === 200)).toBe(true);
	});

	it('searches contacts on the server (email, name) and pages the matches', async () => {
		await seedContacts(ac, 150);
		await call(ac, 'POST', '/contact/sync', { contact: { email: 'ada@example.org', firstName: 'Ada', lastName: 'Lovelace' } });
		clearLog(ac);
		const byEmail = await search('searchContacts', 'c12');
		expect(byEmail).toEqual({
			results: Array.from({ length: 10 }, (_, i) => ({ name: `c12${i}@example.com`, value: String(120 + i) })),
		});
		const byName = await search('searchContacts', 'lovelace');
		expect(byName).toEqual({ results: [{ name: 'Ada Lovelace <ada@example.org>', value: '151' }] });
		const everyC = await search('searchContacts', 'example.com', '100');
		expect(everyC.results.map((r) => r.value)).toEqual(Array.from({ length: 50 }, (_, i) => String(101 + i)));
		expect(everyC.paginationToken).toBeUndefined();
		expect(listRequests('/contacts')).toEqual([
			{ limit: '100', offset: '0', search: 'c12' },
			{ limit: '100', offset: '0', search: 'lovelace' },
			{ limit: '100', offset: '100', search: 'example.com' },
		]);
	});

	it('lists tags, lists, accounts, pipelines and deals with their server-side searches', async () => {
		await seedTag(ac, 'VIP');
		await seedTag(ac, 'Newsletter');
		await seedTag(ac, 'Template X', 'template');
		await seedList(ac, 'news', 'Newsletter');
		await seedList(ac, 'updates', 'Product Updates');
		await seedAccount(ac, 'Acme Inc');
		await seedAccount(ac, 'Globex');
		const sales = await seedPipeline(ac, 'Sales');
		await seedPipeline(ac, 'Partners');
		await call(ac, 'POST', '/contact/sync', { contact: { email: 'd@example.com' } });
		await seedDeal(ac, { title: 'Big Deal', contact: '1', value: 100, currency: 'usd', group: sales.group.id, stage: sales.stages[0].id });
		await seedDeal(ac, { title: 'Small Deal', contact: '1', value: 1, currency: 'usd', group: sales.group.id, stage: sales.stages[0].id });
		clearLog(ac);

		expect(await search('searchTags')).toEqual({
			results: [
				{ name: 'VIP', value: '1' },
				{ name: 'Newsletter', value: '2' },
				{ name: 'Template X (template tag)', value: '3' },
			],
		});
		expect(await search('searchTags', 'news')).toEqual({ results: [{ name: 'Newsletter', value: '2' }] });
		expect(await search('searchLists', 'product')).toEqual({ results: [{ name: 'Product Updates', value: '2' }] });
		expect(await search('searchAccounts', 'glob')).toEqual({ results: [{ name: 'Globex', value: '2' }] });
		expect(await search('searchPipelines', 'part')).toEqual({ results: [{ name: 'Partners', value: '2' }] });
		expect(await search('searchDeals', 'small')).toEqual({ results: [{ name: 'Small Deal', value: '2' }] });
		expect(ac.emulator.requests.map((r) => [r.path, r.query])).toEqual([
			['/tags', { limit: '100', offset: '0' }],
			['/tags', { limit: '100', offset: '0', search: 'news' }],
			['/lists', { limit: '100', offset: '0', 'filters[name][contains]': 'product' }],
			['/accounts', { limit: '100', offset: '0', search: 'glob' }],
			['/dealGroups', { limit: '100', offset: '0', 'filters[title]': 'part' }],
			['/deals', { limit: '100', offset: '0', 'filters[search]': 'small', 'filters[search_field]': 'title' }],
		]);
	});

	it('lists the stages of the chosen pipeline (locator, plain ID) and all stages when none is chosen', async () => {
		await seedPipeline(ac, 'Sales');
		const partners = await seedPipeline(ac, 'Partners');
		await seedStage(ac, { title: 'Signed', group: partners.group.id });
		const names = (r: INodeListSearchResult) => r.results.map((x) => `${x.value}:${x.name}`);

		const chosen = await listSearch.searchStages.call(context({ pipelineId: { __rl: true, mode: 'list', value: '2' } }));
		expect(names(chosen)).toEqual(['4:To Contact', '5:In Contact', '6:Follow Up', '7:Signed']);
		const plain = await listSearch.searchStages.call(context({ pipelineId: 2 }), 'sign');
		expect(names(plain)).toEqual(['7:Signed']);
		const none = await listSearch.searchStages.call(context({}), 'contact');
		expect(names(none)).toEqual(['1:To Contact (pipeline 1)', '2:In Contact (pipeline 1)', '4:To Contact (pipeline 2)', '5:In Contact (pipeline 2)']);
		expect(listRequests('/dealStages')).toEqual([
			{ limit: '100', offset: '0', 'filters[d_groupid]': '2' },
			{ limit: '100', offset: '0', 'filters[d_groupid]': '2', 'filters[title]': 'sign' },
			{ limit: '100', offset: '0', 'filters[title]': 'contact' },
		]);
	});

	it('filters users page by page where the API has no search, and still reaches every page', async () => {
		for (let i = 2; i <= 130; i++) {
			ac.emulator.db.insert('users', { username: `user${i}`, firstName: `First${i}`, lastName: 'Last', email: `user${i}@example.com` });
		}
		const all = await everyPage('searchUsers');
		expect(all.pages.map((p) => [p.results.length, p.paginationToken])).toEqual([
			[100, '100'],
			[30, undefined],
		]);
		expect(all.pages[0].results[0]).toEqual({ name: 'Emulated Admin <admin@example.com>', value: '1' });
		clearLog(ac);
		// "user12": user12 and user120..user129 — two pages read in one call, no token left.
		const found = await search('searchUsers', 'USER12');
		expect(found).toEqual({
			results: ['12', '120', '121', '122', '123', '124', '125', '126', '127', '128', '129'].map((n) => ({
				name: `First${n} Last <user${n}@example.com>`,
				value: n,
			})),
		});
		expect(listRequests('/users')).toEqual([
			{ limit: '100', offset: '0' },
			{ limit: '100', offset: '100' },
		]);
	});

	it('lists connections, e-commerce customers and orders', async () => {
		const shop = await seedConnection(ac, { service: 'Shopify', externalid: 'shop1', name: 'Main Store' });
		await seedConnection(ac, { service: 'WooCommerce', externalid: 'woo1', name: 'Outlet' });
		const alice = await seedCustomer(ac, { connectionid: String(shop.id), externalid: 'c1', email: 'alice@example.com' });
		await seedCustomer(ac, { connectionid: String(shop.id), externalid: 'c2', email: 'bob@example.com' });
		await seedOrder(ac, { connectionid: String(shop.id), customerid: String(alice.id), externalid: 'ORD-1' });

		expect(await search('searchConnections', 'outlet')).toEqual({ results: [{ name: 'Outlet (WooCommerce)', value: '2' }] });
		expect(await search('searchEcommerceCustomers', 'bob')).toEqual({ results: [{ name: 'bob@example.com', value: '2' }] });
		expect(await search('searchEcommerceOrders')).toEqual({ results: [{ name: 'Order ORD-1 (alice@example.com)', value: '1' }] });
	});

	it('reports a refused key to the editor without the key in the message', async () => {
		const key = 'refused-key-0123456789';
		await expect(listSearch.searchTags.call(context({}, key), undefined, undefined)).rejects.toMatchObject({
			name: 'NodeOperationError',
			message: 'API key is invalid or lacks permission (HTTP 403): check the API key in the credential (ActiveCampaign: You are not authorized to access this resource)',
		});
	});

	it('links a record to its page in the account app only for an ActiveCampaign account URL', () => {
		expect(appBaseUrl('https://Acme.api-us1.com/api/3')).toBe('https://acme.activehosted.com');
		expect(appBaseUrl('https://acme-2.api-us12.com')).toBe('https://acme-2.activehosted.com');
		expect(appBaseUrl('http://127.0.0.1:8080/api/3')).toBeUndefined();
		expect(appBaseUrl('https://evil.example.com/acme.api-us1.com')).toBeUndefined();
	});
});
