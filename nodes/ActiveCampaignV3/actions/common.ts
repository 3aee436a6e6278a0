import { RECORD_KINDS, recordLocator } from '../framework/locator';
import { fieldValueList, json } from '../framework/params';

/** Parameters several resources share. */
export const contactIdParam = (description = 'The numeric ID of the contact, e.g. 123 (from Get Many Contacts or Create a Contact)') =>
	recordLocator('ContactId', RECORD_KINDS.contact, { required: true, description });

export const listIdParam = (description = 'The numeric ID of the list, e.g. 456 (from Get Many Lists)') =>
	recordLocator('ListId', RECORD_KINDS.list, { required: true, description });

export const tagIdParam = (description = 'The numeric ID of the tag, e.g. 12 (from Get Many Tags or Create a Tag)') =>
	recordLocator('TagId', RECORD_KINDS.tag, { required: true, description });

export const fieldValuesParam = () =>
	json('FieldValues', {
		kind: 'array',
		description: 'Custom field values: a list of objects with "field" (the custom field ID) and "value"',
		example: '[{"field": "1", "value": "Gold"}]',
		check: fieldValueList('field', 'value'),
	});

/** Drops keys whose value was not given, so updates send only what the user set. */
export function definedOnly<T extends Record<string, unknown>>(record: T): Partial<T> {
	const out: Partial<T> = {};
	for (const [key, value] of Object.entries(record)) if (value !== undefined) (out as Record<string, unknown>)[key] = value;
	return out;
}
