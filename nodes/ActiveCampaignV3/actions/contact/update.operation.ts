import { CUSTOM_FIELD_FAMILIES, customFieldsByName, mergeCustomFields } from '../../framework/customFields';
import { defineOperation } from '../../framework/operation';
import { email, text } from '../../framework/params';
import { contactIdParam, definedOnly, fieldValuesParam } from '../common';

export default defineOperation({
	resource: 'contact',
	operation: 'update',
	title: 'Update a Contact',
	description: 'Change the given fields of a contact; fields not given stay as they are',
	agentHint: 'Contact ID is the contact\'s numeric ID; send only the fields to change',
	outputKey: 'Contact',
	params: { contactId: contactIdParam(), customFieldsByName: customFieldsByName(CUSTOM_FIELD_FAMILIES.contact) },
	options: {
		email: email('Email', { description: 'New email address, e.g. john.doe@example.com' }),
		firstName: text('FirstName', { description: 'New first name, e.g. John' }),
		lastName: text('LastName', { description: 'New last name, e.g. Doe' }),
		phone: text('Phone', { description: 'New phone number, e.g. +1-555-0100', maxLength: 64 }),
		fieldValues: fieldValuesParam(),
	},
	requiresAnOption: true,
	async execute({ params, api }) {
		const contact = definedOnly({
			email: params.email,
			firstName: params.firstName,
			lastName: params.lastName,
			phone: params.phone,
			fieldValues: mergeCustomFields(CUSTOM_FIELD_FAMILIES.contact, params.fieldValues, params.customFieldsByName),
		});
		const body = await api.put(`/contacts/${params.contactId}`, { contact }, `Contact ${params.contactId}`);
		return { ...body.contact, fieldValues: body.fieldValues ?? [] };
	},
});
