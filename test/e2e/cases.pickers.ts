import type { E2ECase } from './cases';
import { ok } from './expectations';

/**
 * Record IDs as resource locators in real n8n (issue 11): the value n8n stores for each mode of a
 * picker (From List, By ID, By URL, an expression inside the locator) next to the plain IDs and
 * expressions the other cases use. Demo data: contacts 1-5, tags 1-3 (3 "vip" on contact 4 only, after contactTag.add).
 */
export const pickerCases: E2ECase[] = [
	{
		name: 'pickers.contact.get',
		resource: 'contact',
		operation: 'get',
		params: { contactId: { __rl: true, mode: 'url', value: 'https://youraccount.activehosted.com/app/contacts/4' } },
		expected: [ok('Contact', expect.objectContaining({ id: '4', email: 'katherine.johnson@example.com' }))],
	},
	{
		name: 'pickers.contactTag.add',
		resource: 'contactTag',
		operation: 'add',
		params: {
			contactId: { __rl: true, mode: 'id', value: '={{ $json.contact }}' },
			tagId: { __rl: true, mode: 'list', value: '3', cachedResultName: 'vip' },
		},
		items: [{ contact: 3 }],
		expected: [ok('ContactTag', expect.objectContaining({ contact: '3', tag: '3' }), 201)],
		downstream: { fields: { tag: '={{ $json.ContactTag.tag }}' }, expected: [{ tag: '3' }] },
	},
];
