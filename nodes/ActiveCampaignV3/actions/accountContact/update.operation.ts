import { defineOperation } from '../../framework/operation';
import { accountIdParam } from '../account/shared';
import { contactIdParam, definedOnly } from '../common';
import { associationIdParam, jobTitleParam, subjectOf } from './shared';

export default defineOperation({
	resource: 'accountContact',
	operation: 'update',
	title: 'Update an Account Contact',
	description: 'Change the job title of an association or move the contact to another account',
	agentHint: 'Association ID is the account-contact link\'s ID, not the contact or account ID',
	outputKey: 'AccountContact',
	params: {
		associationId: associationIdParam('The numeric ID of the association to update, e.g. 12345 (from Get Many Account Contacts)'),
		contactId: contactIdParam('The numeric ID of the contact of this association, e.g. 67890'),
		accountId: accountIdParam('The numeric ID of the account of this association, e.g. 54321; a different one moves the contact'),
	},
	options: {
		jobTitle: jobTitleParam(false, 'New job title of the contact at this account, e.g. Sales Director'),
	},
	async execute({ params, api }) {
		// A full replacement (PUT): contact and account are always sent, the job title when given.
		const accountContact = definedOnly({
			contact: params.contactId,
			account: params.accountId,
			jobTitle: params.jobTitle,
		});
		const body = await api.put(`/accountContacts/${params.associationId}`, { accountContact }, subjectOf(params.associationId));
		return body.accountContact;
	},
});
