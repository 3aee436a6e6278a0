import type { IDataObject } from 'n8n-workflow';

import { defineOperation } from '../../framework/operation';
import { RECORD_KINDS, recordLocator } from '../../framework/locator';
import { externalIdParam, linkUrlParam, logoUrlParam, nameParam, serviceParam } from './shared';

interface ConnectionRecord {
	service?: unknown;
	externalid?: unknown;
}

export default defineOperation({
	resource: 'connection',
	operation: 'create',
	title: 'Create a Connection',
	description:
		'Connect an e-commerce platform (Shopify, WooCommerce, …) to ActiveCampaign; if a connection with the same service and external ID exists, that one is returned',
	agentHint: 'An e-commerce store link; a connection with the same Service and External ID is returned instead of a second one',
	outputKey: 'Connection',
	params: {
		service: serviceParam('Name of the external service, e.g. Shopify, WooCommerce, Magento, BigCommerce or Custom'),
		externalId: externalIdParam('ID of the account in the external service (your store or account ID), e.g. shop12345'),
		name: nameParam('Name of the account in the external service, usually the company or store name, e.g. My Toystore, Inc.'),
		logoUrl: logoUrlParam(true),
		linkUrl: linkUrlParam(true),
	},
	options: {
		listId: recordLocator('ListId', RECORD_KINDS.list, {
			type: 'string',
			description: 'ID of the list new contacts from this connection are added to, e.g. "3" (from Get Many Lists). Leave empty to sync no list.',
		}),
	},
	// Items for the same service + external ID run in input order: the first creates, the rest find it.
	orderKey: (params) => `${params.service.toLowerCase()}:${params.externalId}`,
	async execute({ params, api }) {
		const service = params.service.toLowerCase();
		// Service + external ID is the connection's natural key: never create a second one.
		// The API's filters may be loose, case-sensitive or ignored: the exact comparison is ours.
		const sameKey = (c: ConnectionRecord) =>
			String(c.service ?? '').toLowerCase() === service && String(c.externalid ?? '') === params.externalId;
		const existing = await api.findFirst<ConnectionRecord>(
			'/connections',
			'connections',
			{ 'filters[service]': params.service, 'filters[externalid]': params.externalId },
			sameKey,
		);
		if (existing) return existing;
		const connection: IDataObject = {
			service: params.service,
			externalid: params.externalId,
			name: params.name,
			logoUrl: params.logoUrl,
			linkUrl: params.linkUrl,
		};
		if (params.listId !== undefined) connection.listId = String(params.listId);
		const create = { method: 'POST' as const, path: '/connections', body: { connection } };
		const created = await api.attempt(create, [422]);
		if (created.status !== 422) return created.body.connection;
		// A 422 may mean the connection exists after all (created meanwhile elsewhere, or the
		// service filter missed it by case): look again by external ID alone before reporting.
		const found = await api.findFirst<ConnectionRecord>(
			'/connections',
			'connections',
			{ 'filters[externalid]': params.externalId },
			sameKey,
		);
		if (found) return found;
		throw api.failure(created, create);
	},
});
