import { ValidationError } from '../../framework/errors';
import { CUSTOM_FIELD_FAMILIES, customFieldsByName, mergeCustomFields } from '../../framework/customFields';
import { defineOperation } from '../../framework/operation';
import { boolean, email, text } from '../../framework/params';
import { definedOnly, fieldValuesParam } from '../common';

export default defineOperation({
	resource: 'contact',
	operation: 'create',
	title: 'Create a Contact',
	description: 'Create a contact, or update the one with the same email (upsert)',
	agentHint: 'Upsert by Email: an existing contact with that email is updated, so a retry does not duplicate; the contact\'s ID is Contact.contact.id',
	outputKey: 'Contact',
	params: {
		email: email('Email', {
			required: false,
			description: 'Email address of the contact, e.g. john.doe@example.com. Required unless Allow Null Email is on and a phone is given.',
		}),
		customFieldsByName: customFieldsByName(CUSTOM_FIELD_FAMILIES.contact),
	},
	options: {
		firstName: text('FirstName', { description: 'First name of the contact, e.g. John' }),
		lastName: text('LastName', { description: 'Last name of the contact, e.g. Doe' }),
		phone: text('Phone', { description: 'Phone number, international format allowed, e.g. +1-555-0100', maxLength: 64 }),
		allowNullEmail: boolean('AllowNullEmail', {
			description: 'Whether a contact may be created without an email address (needs a phone number and an account opted in to phone-only contacts)',
			default: false,
		}),
		fieldValues: fieldValuesParam(),
	},
	validate(params) {
		if (params.email === undefined && !(params.allowNullEmail && params.phone !== undefined)) {
			throw new ValidationError(
				'"Email" (email) is required: enter the contact\'s email address, or turn on Allow Null Email and give a Phone',
			);
		}
	},
	// Items upserting one email run in input order, never racing each other.
	orderKey: (params) => params.email?.toLowerCase(),
	async execute({ params, api }) {
		const contact = definedOnly({
			email: params.email,
			firstName: params.firstName,
			lastName: params.lastName,
			phone: params.phone,
			fieldValues: mergeCustomFields(CUSTOM_FIELD_FAMILIES.contact, params.fieldValues, params.customFieldsByName),
		});
		if (params.email === undefined) {
			// No natural key to upsert on: a plain create, never retried after an ambiguous failure.
			const body = await api.post('/contacts', { contact });
			return { contact: body.contact, fieldValues: body.fieldValues ?? [] };
		}
		// /contact/sync upserts by email (and the order key keeps two items with one email in order).
		const body = await api.post('/contact/sync', { contact });
		return { contact: body.contact, fieldValues: body.fieldValues ?? [] };
	},
});
