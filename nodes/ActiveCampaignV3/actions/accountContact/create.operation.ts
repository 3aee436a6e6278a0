import { defineOperation } from '../../framework/operation';
import { accountIdParam } from '../account/shared';
import { contactIdParam } from '../common';
import { jobTitleParam } from './shared';

export default defineOperation({
	resource: 'accountContact',
	operation: 'create',
	title: 'Create an Account Contact',
	action: 'Create an Account Contact (not idempotent)',
	description: 'Link a contact (person) to an account (company) with a job title; an existing association is reported as an error',
	agentHint: 'Links Contact ID (a person) to Account ID (a company); not idempotent: an existing link is reported as an error, check with Get Many Account Contacts before retrying',
	outputKey: 'AccountContact',
	params: {
		contactId: contactIdParam('The numeric ID of the contact to associate, e.g. 28 (from Get Many Contacts or Create a Contact)'),
		accountId: accountIdParam('The numeric ID of the account to associate the contact with, e.g. 64 (from Get Many Accounts)'),
		jobTitle: jobTitleParam(true, 'Job title of the contact at this account, e.g. Marketing Manager'),
	},
	async execute({ params, api }) {
		// No natural key to deduplicate on: ActiveCampaign itself refuses a second association
		// (422), and that refusal is reported as it is.
		const body = await api.post(
			'/accountContacts',
			{ accountContact: { contact: params.contactId, account: params.accountId, jobTitle: params.jobTitle } },
			`Contact ${params.contactId} or account ${params.accountId}`,
		);
		return body.accountContact;
	},
});
