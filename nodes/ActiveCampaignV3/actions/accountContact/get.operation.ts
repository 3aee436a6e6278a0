import { defineOperation } from '../../framework/operation';
import { associationIdParam, subjectOf } from './shared';

export default defineOperation({
	resource: 'accountContact',
	operation: 'get',
	title: 'Get an Account Contact',
	description: 'Retrieve an account-contact association (with the job title) by its ID',
	outputKey: 'AccountContact',
	params: { associationId: associationIdParam() },
	async execute({ params, api }) {
		const body = await api.get(`/accountContacts/${params.associationId}`, undefined, subjectOf(params.associationId));
		return body.accountContact;
	},
});
