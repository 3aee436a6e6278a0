import { CUSTOM_FIELD_FAMILIES, customFieldsByName, mergeCustomFields } from '../../framework/customFields';
import { defineOperation } from '../../framework/operation';
import { boolean, text } from '../../framework/params';
import { definedOnly } from '../common';
import { accountFieldsParam, accountUrlParam, ownerParam } from './shared';

interface AccountRecord {
	name?: unknown;
}

export default defineOperation({
	resource: 'account',
	operation: 'create',
	title: 'Create an Account',
	description: 'Create an account (company); with Check Duplicate on, an account with the same name is returned instead',
	agentHint: 'Name is required; with Check Duplicate (default on) an account with the same name is returned instead of a second one',
	outputKey: 'Account',
	params: {
		name: text('Name', { required: true, description: 'Account name, usually the company name, e.g. Acme Corporation' }),
		customFieldsByName: customFieldsByName(CUSTOM_FIELD_FAMILIES.account),
	},
	options: {
		accountUrl: accountUrlParam('Company website, e.g. https://www.acme.com'),
		owner: ownerParam('User ID of the account owner, e.g. 5 (from Get Many Users); defaults to 1, usually the first user'),
		fields: accountFieldsParam(),
		checkDuplicate: boolean('CheckDuplicate', {
			description:
				'Whether to look for an account with the same name (case-insensitive) first and return it instead of creating a second one',
			default: true,
		}),
	},
	// With Check Duplicate, items creating one name run in input order: the first creates, the rest find it.
	orderKey: (params) => (params.checkDuplicate === false ? undefined : params.name.toLowerCase()),
	async execute({ params, api }) {
		const account = definedOnly({
			name: params.name,
			accountUrl: params.accountUrl,
			owner: params.owner ?? 1,
			fields: mergeCustomFields(CUSTOM_FIELD_FAMILIES.account, params.fields, params.customFieldsByName),
		});
		if (params.checkDuplicate === false) return (await api.post('/accounts', { account })).account;
		const wanted = params.name.toLowerCase();
		// The search is fuzzy: the exact (case-insensitive) comparison is ours.
		const find = () =>
			api.findFirst<AccountRecord>(
				'/accounts',
				'accounts',
				{ search: params.name },
				(a) => typeof a.name === 'string' && a.name.trim().toLowerCase() === wanted,
			);
		return api.findOrCreate(find, { method: 'POST', path: '/accounts', body: { account } }, (body) => body.account);
	},
});
