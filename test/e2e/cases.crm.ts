import type { E2ECase } from './cases';
import { LINK, TIMESTAMP, ok, upstream } from './expectations';

/**
 * CRM cases (Account, Account Contact, Pipeline, Stage, Deal, Deal Note). The demo seed has no CRM
 * records, so the cases create their own inside the run and chain onto them with `after`; the IDs
 * are therefore the emulator's first IDs of each table, in the order of the branches below:
 *   accounts 1 Wayne Enterprises, 2 Disposable Co (deleted)
 *   account contacts 1 (contact 1 ada, account 1), 2 (contact 2 alan, account 1; deleted)
 *   pipelines 1 E2E Sales (default stages 1-3), stage 4 Negotiation; pipeline 2 (deleted)
 *   deals 1 E2E Enterprise Licence (contact 1, pipeline 1, stage 2), 2 (deleted); note 1 on deal 1
 * A later branch sees what an earlier one changed (renames included); the notes say where.
 */

/** An account as the emulator (like ActiveCampaign) answers it. */
const account = (id: string, name: string, accountUrl: string | null, extra: Record<string, unknown> = {}) => ({
	name,
	accountUrl,
	owner: '1',
	createdTimestamp: TIMESTAMP,
	updatedTimestamp: TIMESTAMP,
	links: [],
	id,
	...extra,
});

const association = (id: string, contact: string, accountId: string, jobTitle: string) => ({
	account: accountId,
	contact,
	jobTitle,
	createdTimestamp: TIMESTAMP,
	updatedTimestamp: TIMESTAMP,
	links: { account: `${LINK}/accountContacts/${id}/account`, contact: `${LINK}/accountContacts/${id}/contact` },
	id,
});

const groupLinks = (id: string) => ({
	dealGroupGroups: `/api/3/dealGroups/${id}/dealGroupGroups`,
	dealGroupUsers: `/api/3/dealGroups/${id}/dealGroupUsers`,
	stages: `/api/3/dealGroups/${id}/stages`,
});

const stage = (id: string, group: string, title: string, order: string, extra: Record<string, unknown> = {}) => ({
	cardRegion1: 'title',
	cardRegion2: 'next-action',
	cardRegion3: 'show-avatar',
	cardRegion4: 'contact-fullname-orgname',
	cardRegion5: 'value',
	dealOrder: 'next-action DESC',
	cdate: TIMESTAMP,
	color: '3f3f3f',
	group,
	order,
	title,
	udate: TIMESTAMP,
	width: '280',
	id,
	links: { group: `/api/3/dealStages/${id}/group` },
	...extra,
});

const note = (id: string, dealId: string, text: string) => ({
	cdate: TIMESTAMP,
	id,
	links: Object.fromEntries(['activities', 'mentions', 'notes', 'owner', 'user'].map((n) => [n, `/api/3/notes/${id}/${n}`])),
	mdate: TIMESTAMP,
	note: text,
	owner: { id: dealId, type: 'deal' },
	relid: dealId,
	reltype: 'Deal',
	user: '1',
	userid: '1',
});

const NOTE_1 = '[E2E-1] Called Ada: the licence goes to legal next week.';

export const crmCases: E2ECase[] = [
	// ---------------------------------------------------------------- Account
	// create -> the same name again (duplicate check across executions of the node) -> get -> update
	{
		name: 'account.create',
		resource: 'account',
		operation: 'create',
		params: { name: '={{ $json.company }}', options: { accountUrl: 'https://wayne.example' } },
		items: [{ company: 'Wayne Enterprises' }],
		expected: [ok('Account', account('1', 'Wayne Enterprises', 'https://wayne.example', { fields: [] }), 201)],
		downstream: {
			fields: { accountId: '={{ $json.Account.id }}', company: "={{ $('items: account.create').item.json.company }}" },
			expected: [{ accountId: '1', company: 'Wayne Enterprises' }],
		},
	},
	{
		name: 'account.create (same name, other case)',
		resource: 'account',
		operation: 'create',
		after: 'account.create',
		// Found by the duplicate check: the existing account (200), its URL kept, no second account.
		params: { name: 'WAYNE enterprises', options: { accountUrl: 'https://other.example' } },
		expected: [
			ok('Account', account('1', 'Wayne Enterprises', 'https://wayne.example', { fields: [], contactCount: '0', dealCount: '0' }), 200),
		],
	},
	{
		name: 'account.get',
		resource: 'account',
		operation: 'get',
		after: 'account.create (same name, other case)',
		params: { accountId: '={{ $json.Account.id }}' },
		expected: [ok('Account', account('1', 'Wayne Enterprises', 'https://wayne.example'))],
	},
	{
		name: 'account.update',
		resource: 'account',
		operation: 'update',
		after: 'account.get',
		params: { accountId: '={{ $json.Account.id }}', options: { name: 'Wayne Enterprises Inc', accountUrl: 'https://wayne-enterprises.example' } },
		expected: [
			ok(
				'Account',
				expect.objectContaining({ id: '1', name: 'Wayne Enterprises Inc', accountUrl: 'https://wayne-enterprises.example', owner: '1' }),
			),
		],
	},
	{
		name: 'account.getMany',
		resource: 'account',
		operation: 'getMany',
		params: { returnAll: false, limit: 5, offset: 0, options: { searchName: 'wayne' } },
		expected: [
			ok('Accounts', {
				Accounts: [expect.objectContaining({ id: '1', name: 'Wayne Enterprises Inc', accountUrl: 'https://wayne-enterprises.example' })],
				Total: 1,
			}),
		],
		downstream: { fields: { total: '={{ $json.Accounts.Total }}', first: '={{ $json.Accounts.Accounts[0].name }}' }, expected: [{ total: 1, first: 'Wayne Enterprises Inc' }] },
	},
	{
		name: 'account.getUnknown',
		resource: 'account',
		operation: 'get',
		params: { accountId: 999 },
		expected: [upstream('Account', 404, 'Account 999 not found (HTTP 404) (ActiveCampaign: No Result found for Account with id 999)')],
	},
	// ---------------------------------------------------------------- Account Contact
	// create (ada at Wayne) -> get -> update the job title
	{
		name: 'accountContact.create',
		resource: 'accountContact',
		operation: 'create',
		params: { contactId: 1, accountId: 1, jobTitle: ' Analyst ' },
		expected: [ok('AccountContact', association('1', '1', '1', 'Analyst'), 201)],
	},
	{
		name: 'accountContact.get',
		resource: 'accountContact',
		operation: 'get',
		after: 'accountContact.create',
		params: { associationId: '={{ $json.AccountContact.id }}' },
		expected: [ok('AccountContact', association('1', '1', '1', 'Analyst'))],
	},
	{
		name: 'accountContact.update',
		resource: 'accountContact',
		operation: 'update',
		after: 'accountContact.get',
		params: {
			associationId: '={{ $json.AccountContact.id }}',
			contactId: '={{ $json.AccountContact.contact }}',
			accountId: '={{ $json.AccountContact.account }}',
			options: { jobTitle: 'Chief Analyst' },
		},
		expected: [ok('AccountContact', association('1', '1', '1', 'Chief Analyst'))],
	},
	{
		name: 'accountContact.getMany',
		resource: 'accountContact',
		operation: 'getMany',
		params: { returnAll: false, limit: 10, offset: 0 },
		expected: [ok('AccountContacts', { AccountContacts: [association('1', '1', '1', 'Chief Analyst')], Total: 1, Limit: 10, Offset: 0, HasMore: false })],
	},
	// create (alan at Wayne) -> delete
	{
		name: 'accountContact.create (to delete)',
		resource: 'accountContact',
		operation: 'create',
		params: { contactId: 2, accountId: 1, jobTitle: 'Engineer' },
		expected: [ok('AccountContact', association('2', '2', '1', 'Engineer'), 201)],
	},
	{
		name: 'accountContact.delete',
		resource: 'accountContact',
		operation: 'delete',
		after: 'accountContact.create (to delete)',
		params: { associationId: '={{ $json.AccountContact.id }}' },
		expected: [ok('DeletedAccountContact', { id: '2', deleted: true })],
	},
	// create -> delete
	{
		name: 'account.create (to delete)',
		resource: 'account',
		operation: 'create',
		params: { name: 'Disposable Co' },
		expected: [ok('Account', account('2', 'Disposable Co', null, { fields: [] }), 201)],
	},
	{
		name: 'account.delete',
		resource: 'account',
		operation: 'delete',
		after: 'account.create (to delete)',
		params: { accountId: '={{ $json.Account.id }}' },
		// The contract's numeric accountId.
		expected: [ok('DeletedAccount', { deleted: true, accountId: 2 })],
	},
	// ---------------------------------------------------------------- Pipeline
	// create (with ActiveCampaign's three default stages) -> get (Pipeline.DealGroup) -> update
	{
		name: 'pipeline.create',
		resource: 'pipeline',
		operation: 'create',
		params: { title: 'E2E Sales', currency: 'EUR' },
		expected: [
			ok('Pipeline', {
				allgroups: 1,
				allusers: 1,
				autoassign: 0,
				cdate: TIMESTAMP,
				currency: 'eur',
				dealGroupGroups: [],
				dealGroupUsers: [],
				id: '1',
				links: groupLinks('1'),
				stages: ['1', '2', '3'],
				title: 'E2E Sales',
				udate: TIMESTAMP,
				win_probability_initialize_date: null,
			}),
		],
	},
	{
		name: 'pipeline.get',
		resource: 'pipeline',
		operation: 'get',
		after: 'pipeline.create',
		params: { pipelineId: '={{ $json.Pipeline.id }}' },
		expected: [
			ok('Pipeline', {
				DealGroup: expect.objectContaining({
					id: '1',
					title: 'E2E Sales',
					currency: 'eur',
					stages: [stage('1', '1', 'To Contact', '1'), stage('2', '1', 'In Contact', '2'), stage('3', '1', 'Follow Up', '3')],
				}),
			}),
		],
		downstream: { fields: { secondStage: '={{ $json.Pipeline.DealGroup.stages[1].title }}' }, expected: [{ secondStage: 'In Contact' }] },
	},
	{
		name: 'pipeline.update',
		resource: 'pipeline',
		operation: 'update',
		after: 'pipeline.get',
		params: { pipelineId: '={{ $json.Pipeline.DealGroup.id }}', options: { title: 'E2E Sales Europe', autoAssign: 1 } },
		expected: [ok('Pipeline', expect.objectContaining({ id: '1', title: 'E2E Sales Europe', currency: 'eur', autoassign: 1 }))],
	},
	{
		name: 'pipeline.getMany',
		resource: 'pipeline',
		operation: 'getMany',
		params: { returnAll: false, limit: 10, offset: 0, options: { filterTitle: 'e2e sales' } },
		expected: [
			ok('Pipelines', {
				DealGroups: [expect.objectContaining({ id: '1', title: 'E2E Sales Europe', currency: 'eur', stages: ['1', '2', '3'] })],
				Total: 1,
			}),
		],
	},
	// ---------------------------------------------------------------- Stage
	// create in pipeline 1 -> get -> update
	{
		name: 'stage.create',
		resource: 'stage',
		operation: 'create',
		params: { title: 'Negotiation', pipelineId: 1 },
		expected: [ok('Stage', stage('4', '1', 'Negotiation', '4'))],
	},
	{
		name: 'stage.get',
		resource: 'stage',
		operation: 'get',
		after: 'stage.create',
		params: { stageId: '={{ $json.Stage.id }}' },
		expected: [ok('Stage', stage('4', '1', 'Negotiation', '4'))],
	},
	{
		name: 'stage.update',
		resource: 'stage',
		operation: 'update',
		after: 'stage.get',
		params: { stageId: '={{ $json.Stage.id }}', options: { title: 'Negotiation & Legal', color: '#32B0FC', additionalFields: '{"width": 300}' } },
		expected: [ok('Stage', stage('4', '1', 'Negotiation & Legal', '4', { color: '32B0FC', width: '300' }))],
	},
	{
		name: 'stage.getMany',
		resource: 'stage',
		operation: 'getMany',
		params: { returnAll: false, limit: 2, offset: 0, options: { filterGroup: '1' } },
		expected: [
			ok('Stages', {
				DealStages: [stage('1', '1', 'To Contact', '1'), stage('2', '1', 'In Contact', '2')],
				Pagination: { limit: 2, offset: 0, total: 4, hasMore: true },
			}),
		],
	},
	// A stage that exists, then one that does not: deleting it is still a success (200, upstream 404, no message).
	{
		name: 'stage.delete',
		resource: 'stage',
		operation: 'delete',
		params: { stageId: '={{ $json.id }}' },
		items: [{ id: 4 }, { id: 4242 }],
		expected: [ok('DeletedStage', { Deleted: true }), ok('DeletedStage', { Deleted: true }, 404)],
		downstream: {
			fields: { asked: "={{ $('items: stage.delete').item.json.id }}", upstream: '={{ $json.OriginalStatusCode }}', message: '={{ $json.ErrorMessage }}' },
			expected: [
				{ asked: '4', upstream: 200, message: '' },
				{ asked: '4242', upstream: 404, message: '' },
			],
		},
	},
	// ---------------------------------------------------------------- Deal, Deal Note
	// create (value in cents, currency any case) -> get -> update -> note -> note update
	{
		name: 'deal.create',
		resource: 'deal',
		operation: 'create',
		params: { title: 'E2E Enterprise Licence', contactId: 1, value: 123456, currency: 'EUR', stageId: 2, pipelineId: 1 },
		expected: [
			ok(
				'Deal',
				expect.objectContaining({
					id: '1',
					title: 'E2E Enterprise Licence',
					contact: '1',
					value: '123456',
					currency: 'eur',
					group: '1',
					pipeline: '1',
					stage: '2',
					owner: '1',
					status: '0',
					cdate: TIMESTAMP,
				}),
				201,
			),
		],
		downstream: { fields: { cents: '={{ Number($json.Deal.value) }}' }, expected: [{ cents: 123456 }] },
	},
	{
		name: 'deal.get',
		resource: 'deal',
		operation: 'get',
		after: 'deal.create',
		params: { dealId: '={{ $json.Deal.id }}' },
		expected: [ok('Deal', expect.objectContaining({ id: '1', title: 'E2E Enterprise Licence', value: '123456', currency: 'eur', group: '1', stage: '2' }))],
	},
	{
		name: 'deal.update',
		resource: 'deal',
		operation: 'update',
		after: 'deal.get',
		params: { dealId: '={{ $json.Deal.id }}', options: { value: 250000, currency: 'USD', status: 1, description: 'Signed' } },
		expected: [
			ok(
				'Deal',
				expect.objectContaining({
					id: '1',
					title: 'E2E Enterprise Licence',
					value: '250000',
					currency: 'usd',
					status: '1',
					description: 'Signed',
					group: '1',
					stage: '2',
				}),
			),
		],
	},
	{
		name: 'dealNote.create',
		resource: 'dealNote',
		operation: 'create',
		after: 'deal.update',
		params: { dealId: '={{ $json.Deal.id }}', noteText: NOTE_1 },
		expected: [ok('Note', note('1', '1', NOTE_1), 201)],
	},
	{
		name: 'dealNote.update',
		resource: 'dealNote',
		operation: 'update',
		after: 'dealNote.create',
		params: { noteId: '={{ $json.Note.id }}', dealId: '={{ $json.Note.relid }}', options: { noteText: '[E2E-1] Legal approved.' } },
		expected: [ok('Note', note('1', '1', '[E2E-1] Legal approved.'))],
	},
	{
		name: 'deal.getMany',
		resource: 'deal',
		operation: 'getMany',
		params: { returnAll: false, limit: 10, offset: 0, options: { search: 'E2E', orderTitle: 'ASC' } },
		expected: [
			ok('Deals', {
				deals: [expect.objectContaining({ id: '1', title: 'E2E Enterprise Licence', value: '250000', currency: 'usd', status: '1' })],
				total: 1,
			}),
		],
		downstream: { fields: { total: '={{ $json.Deals.total }}' }, expected: [{ total: 1 }] },
	},
	// create (a second pipeline) -> a deal in it -> delete the deal; then the 422 and the pipeline's delete
	{
		name: 'pipeline.create (to delete)',
		resource: 'pipeline',
		operation: 'create',
		params: { title: 'Disposable Pipeline', currency: 'usd' },
		// Stage 4 (Negotiation) was made and deleted above, so this pipeline's default stages are 5-7.
		expected: [ok('Pipeline', expect.objectContaining({ id: '2', title: 'Disposable Pipeline', currency: 'usd', stages: ['5', '6', '7'] }))],
	},
	{
		name: 'deal.create (to delete)',
		resource: 'deal',
		operation: 'create',
		after: 'pipeline.create (to delete)',
		params: { title: 'Throwaway', contactId: 2, value: 0, currency: 'usd', stageId: '={{ $json.Pipeline.stages[0] }}', pipelineId: '={{ $json.Pipeline.id }}' },
		expected: [ok('Deal', expect.objectContaining({ id: '2', title: 'Throwaway', value: '0', group: '2', pipeline: '2', stage: '5' }), 201)],
	},
	{
		name: 'deal.delete',
		resource: 'deal',
		operation: 'delete',
		after: 'deal.create (to delete)',
		params: { dealId: '={{ $json.Deal.id }}' },
		expected: [ok('DeletedDeal', { id: '2', deleted: true })],
	},
	// Stage 5 belongs to pipeline 2, not 1: the API refuses the deal (422) and the node reports it.
	{
		name: 'deal.create (stage of another pipeline)',
		resource: 'deal',
		operation: 'create',
		params: { title: 'E2E Misfiled', contactId: 2, value: 100, currency: 'usd', stageId: 5, pipelineId: 1 },
		expected: [upstream('Deal', 422, "ActiveCampaign rejected the data (HTTP 422): Deal's stage does not belong to deal's pipeline")],
	},
	{
		name: 'pipeline.delete',
		resource: 'pipeline',
		operation: 'delete',
		params: { pipelineId: 2 },
		expected: [ok('DeletedPipeline', { Deleted: true })],
	},
];
