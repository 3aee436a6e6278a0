import type { IDataObject } from 'n8n-workflow';

import { ValidationError } from '../../framework/errors';
import { RECORD_KINDS, recordLocator } from '../../framework/locator';
import { text, url } from '../../framework/params';

export const connectionIdParam = (description = 'The numeric ID of the connection, e.g. 123 (from Get Many Connections or Create a Connection)') =>
	recordLocator('ConnectionId', RECORD_KINDS.connection, { required: true, description });

export const serviceParam = (description: string) =>
	text('Service', { required: true, description, placeholder: 'Shopify' });

export const externalIdParam = (description: string) =>
	text('ExternalId', { required: true, description, placeholder: 'shop12345' });

export const nameParam = (description: string) =>
	text('Name', { required: true, description, placeholder: 'My Toystore, Inc.' });

export const logoUrlParam = <R extends boolean>(required: R) =>
	url<R>('LogoUrl', {
		required,
		description: 'URL of a logo image for the external service, shown in ActiveCampaign, e.g. https://cdn.shopify.com/logo.png',
	});

export const linkUrlParam = <R extends boolean>(required: R) =>
	url<R>('LinkUrl', {
		required,
		description: 'URL of the page where the integration is managed, e.g. https://mytoystore.myshopify.com/admin/settings',
	});

/** `Connection 12` for the "not found" text. */
export const connectionSubject = (connectionId: number) => `Connection ${connectionId}`;

const ZERO_ONE = new Set([0, 1]);

function zeroOrOne(value: unknown): number | undefined {
	if (typeof value === 'number' && ZERO_ONE.has(value)) return value;
	if (typeof value === 'string' && /^[01]$/.test(value.trim())) return Number(value.trim());
	return undefined;
}

/**
 * AdditionalFields of Update a Connection: only listId, status and syncStatus exist; anything else
 * is refused so a typo (or a core field that has its own parameter) cannot be sent silently.
 */
export function checkConnectionAdditionalFields(value: unknown, where: string): IDataObject {
	const input = value as IDataObject;
	const out: IDataObject = {};
	for (const [key, raw] of Object.entries(input)) {
		if (key === 'listId') {
			const text = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw.trim() : '';
			if (!/^\d{1,15}$/.test(text) || Number(text) <= 0) {
				throw new ValidationError(`${where} "listId" must be the numeric ID of a list, e.g. "5" (from Get Many Lists)`);
			}
			out.listId = text;
		} else if (key === 'status' || key === 'syncStatus') {
			const number = zeroOrOne(raw);
			if (number === undefined) {
				throw new ValidationError(
					`${where} "${key}" must be 0 or 1 (${key === 'status' ? '0 = error, 1 = connected' : '0 = sync stopped, 1 = sync running'})`,
				);
			}
			out[key] = number;
		} else if (['service', 'externalid', 'externalId', 'name', 'logoUrl', 'linkUrl'].includes(key)) {
			throw new ValidationError(`${where} must not contain "${key}": use the dedicated parameter instead`);
		} else {
			throw new ValidationError(`${where} has an unknown field "${key}": allowed fields are listId, status and syncStatus`);
		}
	}
	return out;
}
