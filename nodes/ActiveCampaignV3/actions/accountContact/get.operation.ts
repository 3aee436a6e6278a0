import { defineOperation } from '../../framework/operation';
import { associationIdParam, subjectOf } from './shared';

export default defineOperation({
	resource: 'accountContact',
	operation: 'get',
	title: 'Get an Account Contact',
	description: 'Retrieve an account-contact association (with the job title) by its ID',
	agentHint: 'Association ID is the account-contact link\'s ID (from Get Many Account Contacts), not the contact or account ID',
	outputKey: 'AccountContact',
	params: { associationId: associationIdParam() },
	async execute({ params, api }) {
		const body = await api.get(`/accountContacts/${params.associationId}`, undefined, subjectOf(params.associationId));
		return body.accountContact;
	},
});
