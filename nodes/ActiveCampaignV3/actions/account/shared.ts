import { ValidationError } from '../../framework/errors';
import { RECORD_KINDS, recordLocator } from '../../framework/locator';
import { fieldValueList, json, url } from '../../framework/params';

export const accountIdParam = (description = 'The numeric ID of the account, e.g. 12345 (from Get Many Accounts or Create an Account)') =>
	recordLocator('AccountId', RECORD_KINDS.account, { required: true, description });

export const ownerParam = (description: string) => recordLocator('Owner', RECORD_KINDS.user, { description });

export const accountUrlParam = (description: string) => url('AccountUrl', { displayName: 'Account URL', description });

const checkFieldList = fieldValueList('customFieldId', 'fieldValue');

/** `[{customFieldId, fieldValue, fieldCurrency?}]`: the account custom field values. */
export const accountFieldsParam = () =>
	json('Fields', {
		kind: 'array',
		description:
			'Custom field values of the account: a list of objects with "customFieldId" (the custom field ID), "fieldValue" and, for currency fields only, "fieldCurrency" (3 letters). Currency values are in cents.',
		example: '[{"customFieldId": 9, "fieldValue": "500-1000"}, {"customFieldId": 20, "fieldValue": 1234, "fieldCurrency": "GBP"}]',
		check: (value, where) => {
			const list = checkFieldList(value, where);
			list.forEach((entry, i) => {
				const currency = entry.fieldCurrency;
				if (currency !== undefined && !(typeof currency === 'string' && /^[A-Za-z]{3}$/.test(currency))) {
					throw new ValidationError(`${where} item ${i}: "fieldCurrency" must be a 3-letter currency code such as USD`);
				}
			});
			return list;
		},
	});
