import type { IDataObject, INodeListSearchItems, INodeListSearchResult } from 'n8n-workflow';

import { PAGE_SIZE, type ApiClient } from './apiClient';

/**
 * How a picker lists one kind of record: which listing, how the server searches it (where the API
 * has a search), and what the user sees. Every page is reachable: the pagination token n8n hands
 * back is the offset of the next page.
 */
export interface SearchSource {
	path: string;
	/** The array in the answer, e.g. `contacts`. */
	listKey: string;
	/** The server-side search for the typed text; without it the node filters each page itself. */
	searchQuery?: (filter: string) => IDataObject;
	/** Fixed query, e.g. the pipeline whose stages to list. */
	qs?: IDataObject;
	/** What the list shows for a record. */
	nameOf: (record: IDataObject) => string;
	/** The record's page in ActiveCampaign's app, below `https://<account>.activehosted.com/app/`. */
	appPath?: string;
}

/** Pages read per call when the node filters itself: enough matches to fill the dropdown. */
const MAX_PAGES_PER_CALL = 10;
const ENOUGH_MATCHES = 20;

function offsetOf(paginationToken: unknown): number {
	const text = typeof paginationToken === 'number' ? String(paginationToken) : paginationToken;
	return typeof text === 'string' && /^\d{1,9}$/.test(text) ? Number(text) : 0;
}

/** `https://acme.api-us1.com` → `https://acme.activehosted.com`, the account's app; else undefined. */
export function appBaseUrl(apiBaseUrl: string): string | undefined {
	const match = /^https:\/\/([a-z0-9-]+)\.api-us\d+\.com(?:\/|$)/i.exec(apiBaseUrl);
	return match ? `https://${match[1].toLowerCase()}.activehosted.com` : undefined;
}

/** One page of a picker's list, searched on the server where it can, filtered here where it cannot. */
export async function searchRecords(
	api: ApiClient,
	source: SearchSource,
	filter: string | undefined,
	paginationToken: unknown,
	apiBaseUrl = '',
): Promise<INodeListSearchResult> {
	const wanted = (filter ?? '').trim();
	const serverSearch = wanted !== '' && source.searchQuery ? source.searchQuery(wanted) : {};
	const filterHere = wanted !== '' && !source.searchQuery;
	const app = source.appPath ? appBaseUrl(apiBaseUrl) : undefined;
	const results: INodeListSearchItems[] = [];
	let offset = offsetOf(paginationToken);
	for (let pages = 0; pages < (filterHere ? MAX_PAGES_PER_CALL : 1); pages++) {
		const page = await api.list({
			path: source.path,
			listKey: source.listKey,
			qs: { ...source.qs, ...serverSearch },
			page: { limit: PAGE_SIZE, offset },
		});
		for (const record of page.records) {
			const name = source.nameOf(record);
			if (filterHere && !name.toLowerCase().includes(wanted.toLowerCase())) continue;
			const value = String(record.id);
			results.push({ name, value, ...(app ? { url: `${app}/app/${source.appPath}/${value}` } : {}) });
		}
		offset += page.records.length;
		const more = page.records.length > 0 && offset < page.total;
		if (!more) return { results };
		if (!filterHere || results.length >= ENOUGH_MATCHES) return { results, paginationToken: String(offset) };
	}
	return { results, paginationToken: String(offset) };
}
