import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { withEditorApi } from '../framework/loadOptions';
import { searchRecords, type SearchSource } from '../framework/search';

/**
 * The pickers of the record-ID parameters (framework/locator.ts RECORD_KINDS names these methods).
 * Each lists one kind of record, 100 per request, every page reachable, searched by the server
 * where ActiveCampaign has a search for that listing.
 */

const text = (value: unknown) => (value === undefined || value === null ? '' : String(value).trim());

function joined(...parts: unknown[]): string {
	return parts.map(text).filter((part) => part !== '').join(' ');
}

const SOURCES = {
	accounts: {
		path: '/accounts',
		listKey: 'accounts',
		searchQuery: (filter) => ({ search: filter }),
		nameOf: (a) => text(a.name) || `Account ${text(a.id)}`,
		appPath: 'accounts',
	},
	contacts: {
		path: '/contacts',
		listKey: 'contacts',
		// ActiveCampaign's contact search looks at email, name and phone.
		searchQuery: (filter) => ({ search: filter }),
		nameOf: (c) => {
			const name = joined(c.firstName, c.lastName);
			const email = text(c.email);
			if (name && email) return `${name} <${email}>`;
			return name || email || text(c.phone) || `Contact ${text(c.id)}`;
		},
		appPath: 'contacts',
	},
	lists: {
		path: '/lists',
		listKey: 'lists',
		searchQuery: (filter) => ({ 'filters[name][contains]': filter }),
		nameOf: (l) => text(l.name) || `List ${text(l.id)}`,
	},
	tags: {
		path: '/tags',
		listKey: 'tags',
		searchQuery: (filter) => ({ search: filter }),
		nameOf: (t) => (text(t.tagType) === 'template' ? `${text(t.tag)} (template tag)` : text(t.tag)) || `Tag ${text(t.id)}`,
	},
	pipelines: {
		path: '/dealGroups',
		listKey: 'dealGroups',
		searchQuery: (filter) => ({ 'filters[title]': filter }),
		nameOf: (p) => text(p.title) || `Pipeline ${text(p.id)}`,
	},
	deals: {
		path: '/deals',
		listKey: 'deals',
		searchQuery: (filter) => ({ 'filters[search]': filter, 'filters[search_field]': 'title' }),
		nameOf: (d) => text(d.title) || `Deal ${text(d.id)}`,
		appPath: 'deals',
	},
	connections: {
		path: '/connections',
		listKey: 'connections',
		// No search on this listing: the node filters each page by the name shown.
		nameOf: (c) => `${text(c.name) || `Connection ${text(c.id)}`} (${text(c.service)})`,
	},
	ecommerceCustomers: {
		path: '/ecomCustomers',
		listKey: 'ecomCustomers',
		searchQuery: (filter) => ({ search: filter }),
		nameOf: (c) => text(c.email) || `Customer ${text(c.id)}`,
	},
	ecommerceOrders: {
		path: '/ecomOrders',
		listKey: 'ecomOrders',
		nameOf: (o) => {
			const reference = text(o.orderNumber) || text(o.externalid) || text(o.externalcheckoutid) || text(o.id);
			return joined(`Order ${reference}`, text(o.email) ? `(${text(o.email)})` : '');
		},
	},
	users: {
		path: '/users',
		listKey: 'users',
		nameOf: (u) => {
			const name = joined(u.firstName, u.lastName);
			const login = text(u.email) || text(u.username);
			if (name && login) return `${name} <${login}>`;
			return name || login || `User ${text(u.id)}`;
		},
	},
} satisfies Record<string, SearchSource>;

function search(source: SearchSource) {
	return async function (
		this: ILoadOptionsFunctions,
		filter?: string,
		paginationToken?: string,
	): Promise<INodeListSearchResult> {
		return withEditorApi(this, (api, connection) =>
			searchRecords(api, source, filter, paginationToken, connection.baseUrl),
		);
	};
}

/** The pipeline chosen on the node (Pipeline ID, or a stage's Group option), when it is a plain ID. */
function chosenPipeline(ctx: ILoadOptionsFunctions): string | undefined {
	for (const name of ['pipelineId', 'filterGroup', 'options.group']) {
		let raw: unknown;
		try {
			raw = ctx.getCurrentNodeParameter(name, { extractValue: true });
		} catch {
			continue;
		}
		const value = raw !== null && typeof raw === 'object' ? (raw as IDataObject).value : raw;
		const id = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
		if (/^\d{1,15}$/.test(id) && Number(id) > 0) return id;
	}
	return undefined;
}

async function searchStages(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const pipeline = chosenPipeline(this);
	const source: SearchSource = {
		path: '/dealStages',
		listKey: 'dealStages',
		// The stage list follows the chosen pipeline; with none chosen every stage is offered.
		qs: pipeline ? { 'filters[d_groupid]': pipeline } : {},
		searchQuery: (text) => ({ 'filters[title]': text }),
		nameOf: (s) =>
			pipeline ? String(s.title ?? '') || `Stage ${String(s.id)}` : `${String(s.title ?? '')} (pipeline ${String(s.group ?? '?')})`,
	};
	return withEditorApi(this, (api, connection) => searchRecords(api, source, filter, paginationToken, connection.baseUrl));
}

export const listSearch = {
	searchAccounts: search(SOURCES.accounts),
	searchContacts: search(SOURCES.contacts),
	searchLists: search(SOURCES.lists),
	searchTags: search(SOURCES.tags),
	searchPipelines: search(SOURCES.pipelines),
	searchStages,
	searchDeals: search(SOURCES.deals),
	searchConnections: search(SOURCES.connections),
	searchEcommerceCustomers: search(SOURCES.ecommerceCustomers),
	searchEcommerceOrders: search(SOURCES.ecommerceOrders),
	searchUsers: search(SOURCES.users),
};
