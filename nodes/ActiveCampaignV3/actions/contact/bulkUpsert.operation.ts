import { ValidationError } from '../../framework/errors';
import { idList, nameList } from '../../framework/listParams';
import { defineOperation } from '../../framework/operation';
import { boolean, email, integer, text } from '../../framework/params';
import { fieldValuesParam } from '../common';
import { DEFAULT_WAIT_BUDGET_SECONDS, IMPORTS_PER_MINUTE, MAX_CONTACTS_PER_IMPORT, runImportBatch } from './bulkImport';

/**
 * Each input item is one contact; the framework sends them in batches of up to 250 through
 * ActiveCampaign's bulk import (see bulkImport.ts) and still gives every item its own output.
 */
export default defineOperation({
	resource: 'contact',
	operation: 'bulkUpsert',
	title: 'Create or Update Contacts in Bulk',
	description:
		'Create or update many contacts (one per input item) through the bulk import, 250 per request, with tags, lists, custom fields and account',
	agentHint: 'Many contacts at once, matched by email (a retry updates, it does not duplicate)',
	outputKey: 'Contact',
	params: {
		email: email('Email', {
			required: true,
			description: 'Email address of the contact, e.g. john.doe@example.com; an existing contact with this email is updated',
		}),
		waitForCompletion: boolean('WaitForCompletion', {
			description:
				'Whether to wait until ActiveCampaign has processed each batch and output every contact (ID and record) or its failure; off: each item gets its batch ID and "queued"',
			default: true,
		}),
	},
	options: {
		firstName: text('FirstName', { description: 'First name of the contact, e.g. John' }),
		lastName: text('LastName', { description: 'Last name of the contact, e.g. Doe' }),
		phone: text('Phone', { description: 'Phone number, international format allowed, e.g. +1-555-0100', maxLength: 64 }),
		tags: nameList('Tags', {
			description: 'Tag names separated by commas, e.g. vip, newsletter; tags that do not exist are created',
			placeholder: 'vip, newsletter',
			maxValues: 50,
			maxLength: 255,
		}),
		subscribeListIds: idList('SubscribeListIds', {
			description: 'IDs of the lists to subscribe the contact to, separated by commas, e.g. 1, 4 (from Get Many Lists)',
			placeholder: '1, 4',
			maxValues: 50,
		}),
		unsubscribeListIds: idList('UnsubscribeListIds', {
			description: 'IDs of the lists to unsubscribe the contact from, separated by commas, e.g. 3',
			placeholder: '3',
			maxValues: 50,
		}),
		fieldValues: fieldValuesParam(),
		accountName: text('AccountName', { description: 'Name of the account (company) to associate the contact with, e.g. Acme Inc.' }),
		excludeAutomations: boolean('ExcludeAutomations', {
			description: 'Whether to keep the import from starting automations for these contacts',
			default: false,
		}),
		waitBudget: integer('WaitBudget', {
			description: `How long to wait for each batch to be processed, in seconds (default ${DEFAULT_WAIT_BUDGET_SECONDS}); items of a batch not finished by then get its batch ID and a note`,
			min: 1,
			max: 3600,
			default: DEFAULT_WAIT_BUDGET_SECONDS,
		}),
	},
	// Two items with one email never travel together: the second goes in a later batch (framework/batch.ts).
	orderKey: (params) => params.email.toLowerCase(),
	batch: {
		maxItems: MAX_CONTACTS_PER_IMPORT,
		perMinute: IMPORTS_PER_MINUTE,
		concurrency: 8,
		run: (input) => runImportBatch(input),
	},
	async execute() {
		// Never reached: the framework runs batch operations through framework/batch.ts.
		throw new ValidationError('"Create or Update Contacts in Bulk" runs in batches and cannot run one item alone');
	},
});
