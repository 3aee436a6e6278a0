import type { IDataObject } from 'n8n-workflow';

import { bulkCases } from './cases.bulk';
import { crmCases } from './cases.crm';
import { ecommerceCases } from './cases.ecommerce';
import { pickerCases } from './cases.pickers';
import { TIMESTAMP, ok, upstream } from './expectations';

/**
 * End-to-end cases: each becomes a branch of one workflow that real n8n executes through its CLI
 * against the emulator seeded with the `demo` data (test/emulator/seed.ts):
 *   contacts 1 ada.lovelace, 2 alan.turing, 3 grace.hopper, 4 katherine.johnson, 5 edsger.dijkstra
 *   lists 1 Newsletter (everyone), 2 Product Updates (contacts 1, 3, 5)
 *   tags 1 customer (contacts 1, 3, 5), 2 lead (contacts 2, 4), 3 vip (nobody)
 *   contactTags 1..5 = contact N with its tag; contactLists 1..8 in seeding order
 *
 * Branches run one after the other in the order below (n8n's v1 execution order, top to bottom),
 * and each case touches its own records, so the expected values do not depend on each other.
 * Append cases freely; `after` chains a case onto another case's output instead of its own items.
 */
export interface E2ECase {
	/** Unique; also the node's name in the workflow. */
	name: string;
	resource: string;
	operation: string;
	/** Our node's parameters (values may be n8n expressions). */
	params: IDataObject;
	/** Input items (default: one empty item). Ignored when `after` is set. */
	items?: IDataObject[];
	/** Feed this case from the output of the named case (a chain inside one branch). */
	after?: string;
	/** One entry per output item, in order; jest asymmetric matchers allowed. */
	expected: unknown[];
	/**
	 * A Set node after ours: field -> n8n expression, and the values it must produce per item.
	 * Proves a downstream node reads our output (and, with $('…').item, our pairing).
	 */
	downstream?: { fields: Record<string, string>; expected: IDataObject[] };
}

const foundationCases: E2ECase[] = [
	// ---------------------------------------------------------------- Contact
	{
		name: 'contact.create',
		resource: 'contact',
		operation: 'create',
		params: { email: '={{ $json.email }}', options: { firstName: '={{ $json.first }}', lastName: 'Hamilton' } },
		items: [{ email: 'margaret.hamilton@example.com', first: 'Margaret' }],
		expected: [
			ok(
				'Contact',
				{
					contact: expect.objectContaining({ id: '6', email: 'margaret.hamilton@example.com', firstName: 'Margaret', lastName: 'Hamilton', cdate: TIMESTAMP }),
					fieldValues: [],
				},
				201,
			),
		],
		downstream: {
			fields: { newId: '={{ $json.Contact.contact.id }}', status: '={{ $json.StatusCode }}', source: "={{ $('items: contact.create').item.json.email }}" },
			expected: [{ newId: '6', status: 200, source: 'margaret.hamilton@example.com' }],
		},
	},
	{
		name: 'contact.get',
		resource: 'contact',
		operation: 'get',
		params: { contactId: '={{ $json.id }}' },
		// Three items: found, unknown (404), invalid (-1): one output each, paired, in order.
		items: [{ id: 2 }, { id: 999 }, { id: 'abc' }],
		expected: [
			ok('Contact', expect.objectContaining({ id: '2', email: 'alan.turing@example.com', firstName: 'Alan', lastName: 'Turing' })),
			upstream('Contact', 404, 'Contact 999 not found (HTTP 404) (ActiveCampaign: No Result found for Subscriber with id 999)'),
			{ Contact: {}, OriginalStatusCode: 0, StatusCode: -1, ErrorMessage: expect.stringContaining('"Contact ID" (contactId)') },
		],
		downstream: {
			fields: { asked: "={{ $('items: contact.get').item.json.id }}", code: '={{ $json.StatusCode }}', email: '={{ $json.Contact.email ?? "" }}' },
			expected: [
				{ asked: '2', code: 200, email: 'alan.turing@example.com' },
				{ asked: '999', code: 200, email: '' },
				{ asked: 'abc', code: -1, email: '' },
			],
		},
	},
	{
		name: 'contact.getMany',
		resource: 'contact',
		operation: 'getMany',
		params: { returnAll: false, limit: 2, offset: 0, options: { sortById: 'ASC' } },
		expected: [
			ok('Contacts', {
				Contacts: [
					expect.objectContaining({ id: '1', email: 'ada.lovelace@example.com' }),
					expect.objectContaining({ id: '2', email: 'alan.turing@example.com' }),
				],
				Total: expect.any(Number),
			}),
		],
		downstream: { fields: { count: '={{ $json.Contacts.Contacts.length }}' }, expected: [{ count: 2 }] },
	},
	{
		name: 'contact.update',
		resource: 'contact',
		operation: 'update',
		params: { contactId: 3, options: { firstName: 'Rear Admiral Grace' } },
		expected: [
			ok(
				'Contact',
				expect.objectContaining({ id: '3', email: 'grace.hopper@example.com', firstName: 'Rear Admiral Grace', lastName: 'Hopper', fieldValues: [] }),
			),
		],
	},
	{
		name: 'contact.delete',
		resource: 'contact',
		operation: 'delete',
		params: { contactId: '5' },
		expected: [ok('DeletedContact', { id: '5', deleted: true })],
	},
	// ---------------------------------------------------------------- Contact List
	{
		name: 'contactList.add',
		resource: 'contactList',
		operation: 'add',
		params: { contactId: 2, listId: 2 },
		expected: [ok('ContactList', expect.objectContaining({ contact: '2', list: '2', status: '1' }), 201)],
	},
	{
		name: 'contactList.remove',
		resource: 'contactList',
		operation: 'remove',
		params: { contactId: 4, listId: 1 },
		expected: [ok('RemovedContactList', expect.anything())],
	},
	// ---------------------------------------------------------------- Contact Tag
	{
		name: 'contactTag.add',
		resource: 'contactTag',
		operation: 'add',
		params: { contactId: 4, tagId: 3 },
		expected: [ok('ContactTag', expect.objectContaining({ contact: '4', tag: '3', id: '6' }), 201)],
	},
	{
		name: 'contactTag.remove',
		resource: 'contactTag',
		operation: 'remove',
		params: { contactTagId: 2 },
		expected: [ok('RemovedContactTag', expect.objectContaining({ id: '2' }))],
	},
	// ---------------------------------------------------------------- List (create -> get -> delete chain)
	{
		name: 'list.create',
		resource: 'list',
		operation: 'create',
		params: { name: 'E2E List', stringId: 'e2e-list', senderUrl: 'https://example.com', senderReminder: 'You asked for it' },
		expected: [ok('List', expect.objectContaining({ id: '3', name: 'E2E List', stringid: 'e2e-list' }), 201)],
	},
	{
		name: 'list.get',
		resource: 'list',
		operation: 'get',
		after: 'list.create',
		params: { listId: '={{ $json.List.id }}' },
		expected: [ok('List', expect.objectContaining({ id: '3', name: 'E2E List' }))],
	},
	{
		name: 'list.delete',
		resource: 'list',
		operation: 'delete',
		after: 'list.get',
		params: { listId: '={{ $json.List.id }}' },
		expected: [ok('DeletedList', { deleted: true })],
	},
	{
		name: 'list.getMany',
		resource: 'list',
		operation: 'getMany',
		params: { returnAll: true },
		expected: [
			ok(
				'Lists',
				expect.objectContaining({
					Lists: [expect.objectContaining({ id: '1', name: 'Newsletter' }), expect.objectContaining({ id: '2', name: 'Product Updates' })],
				}),
			),
		],
	},
	// ---------------------------------------------------------------- Tag (create -> update -> get -> delete chain)
	{
		name: 'tag.create',
		resource: 'tag',
		operation: 'create',
		params: { tag: 'e2e-tag', options: { description: 'made by the e2e suite' } },
		expected: [ok('Tag', expect.objectContaining({ id: '4', tag: 'e2e-tag', description: 'made by the e2e suite', tagType: 'contact' }), 201)],
	},
	{
		name: 'tag.update',
		resource: 'tag',
		operation: 'update',
		after: 'tag.create',
		params: { tagId: '={{ $json.Tag.id }}', options: { tagName: 'e2e-tag-renamed' } },
		expected: [ok('Tag', expect.objectContaining({ id: '4', tag: 'e2e-tag-renamed' }))],
	},
	{
		name: 'tag.get',
		resource: 'tag',
		operation: 'get',
		after: 'tag.update',
		params: { tagId: '={{ $json.Tag.id }}' },
		expected: [ok('Tag', expect.objectContaining({ id: '4', tag: 'e2e-tag-renamed' }))],
		downstream: { fields: { name: '={{ $json.Tag.tag }}' }, expected: [{ name: 'e2e-tag-renamed' }] },
	},
	{
		name: 'tag.delete',
		resource: 'tag',
		operation: 'delete',
		after: 'tag.get',
		params: { tagId: '={{ $json.Tag.id }}' },
		expected: [ok('DeletedTag', { id: '4', deleted: true })],
	},
	{
		name: 'tag.getMany',
		resource: 'tag',
		operation: 'getMany',
		params: { returnAll: false, limit: 2 },
		expected: [
			ok(
				'Tags',
				expect.objectContaining({
					Tags: [expect.objectContaining({ id: '1', tag: 'customer' }), expect.objectContaining({ id: '2', tag: 'lead' })],
				}),
			),
		],
	},
];

/** Every success case: the foundation resources first, then CRM (cases.crm.ts), e-commerce (cases.ecommerce.ts) and bulk (cases.bulk.ts). */
export const successCases: E2ECase[] = [...foundationCases, ...crmCases, ...ecommerceCases, ...bulkCases, ...pickerCases];
