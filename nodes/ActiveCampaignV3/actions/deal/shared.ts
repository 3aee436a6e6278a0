import type { IDataObject } from 'n8n-workflow';

import { ValidationError } from '../../framework/errors';
import { RECORD_KINDS, recordLocator } from '../../framework/locator';
import { cents, choice, currency, json } from '../../framework/params';

export const dealIdParam = (description = 'The numeric ID of the deal, e.g. 123 (from Get Many Deals or Create a Deal)') =>
	recordLocator('DealId', RECORD_KINDS.deal, { required: true, description });

export const valueParam = <R extends boolean>(required: R, description: string) => cents<R>('Value', { required, description });

export const dealCurrencyParam = <R extends boolean>(required: R, description: string) =>
	currency<R>('Currency', { required, description, sendAs: 'lower' });

export const statusParam = () =>
	choice('Status', {
		description: 'Deal status: 0 = open, 1 = won, 2 = lost',
		options: [
			{ name: 'Open (0)', value: 0 },
			{ name: 'Won (1)', value: 1 },
			{ name: 'Lost (2)', value: 2 },
		],
		default: 0,
	});

const isId = (value: unknown) =>
	(typeof value === 'number' && Number.isInteger(value) && value > 0) || (typeof value === 'string' && /^\d{1,15}$/.test(value.trim()) && Number(value) > 0);

/**
 * Checks the well-known keys of a deal's Additional Fields; other keys pass through to the API,
 * which documents more of them than the node names.
 */
function checkDealFields(value: unknown, where: string): IDataObject {
	const fields = value as IDataObject;
	for (const key of ['group', 'stage', 'owner', 'contact', 'account']) {
		if (fields[key] !== undefined && !isId(fields[key])) {
			throw new ValidationError(`${where}: "${key}" must be a positive numeric ID (got ${JSON.stringify(fields[key])})`);
		}
	}
	if (fields.percent !== undefined) {
		const percent = Number(fields.percent);
		if (typeof fields.percent === 'boolean' || !Number.isInteger(percent) || percent < 0 || percent > 100) {
			throw new ValidationError(`${where}: "percent" must be a whole number from 0 to 100 (got ${JSON.stringify(fields.percent)})`);
		}
	}
	if (fields.status !== undefined && !['0', '1', '2'].includes(String(fields.status))) {
		throw new ValidationError(`${where}: "status" must be 0 (open), 1 (won) or 2 (lost) (got ${JSON.stringify(fields.status)})`);
	}
	if (fields.value !== undefined && !(typeof fields.value === 'number' ? Number.isInteger(fields.value) && fields.value >= 0 : /^\d{1,15}$/.test(String(fields.value)))) {
		throw new ValidationError(`${where}: "value" must be a whole number of cents, 0 or more (got ${JSON.stringify(fields.value)})`);
	}
	if (fields.currency !== undefined) {
		if (typeof fields.currency !== 'string' || !/^[A-Za-z]{3}$/.test(fields.currency)) {
			throw new ValidationError(`${where}: "currency" must be a 3-letter currency code such as usd`);
		}
		fields.currency = fields.currency.toLowerCase();
	}
	if (fields.fields !== undefined) {
		if (!Array.isArray(fields.fields)) {
			throw new ValidationError(`${where}: "fields" must be a list such as [{"customFieldId": 1, "fieldValue": "Value 1"}]`);
		}
		fields.fields.forEach((entry, i) => {
			const e = entry as IDataObject;
			if (entry === null || typeof entry !== 'object' || Array.isArray(entry) || !isId(e.customFieldId) || !('fieldValue' in e)) {
				throw new ValidationError(`${where}: "fields" item ${i} needs "customFieldId" (numeric ID of the custom field) and "fieldValue"`);
			}
		});
	}
	return fields;
}

export const dealAdditionalFieldsParam = (description: string, example: string) =>
	json<IDataObject>('AdditionalFields', { kind: 'object', description, example, check: checkDealFields });

export const subjectOf = (dealId: number) => `Deal ${dealId}`;
