import type { IDataObject } from 'n8n-workflow';

import type { E2ECase } from './cases';
import { TIMESTAMP, ok, upstream } from './expectations';

/**
 * Create or Update Contacts in Bulk in real n8n (issue 14): 600 items go out as 3 imports of ≤ 250;
 * two bad emails are -1 and never sent; item 260 subscribes to a list that does not exist (the demo
 * seed has lists 1 and 2), so the emulator refuses the whole second import with failureReasons: that
 * item fails with ActiveCampaign's reason, the other 249 are re-sent once and imported. Every output
 * item is checked, and a Set node after ours reads each output with its own input item.
 */

const COUNT = 600;
const BAD_EMAIL = new Map<number, string>([
	[7, 'not-an-email'],
	[411, 'two@@example.com'],
]);
const NO_SUCH_LIST = 260;
const BATCH_ID = expect.stringMatching(/^[0-9a-f-]{36}$/);

const items: IDataObject[] = Array.from({ length: COUNT }, (_, i) => ({
	email: BAD_EMAIL.get(i) ?? `e2e.bulk${i}@example.com`,
	first: `Bulk${i}`,
	lists: i === NO_SUCH_LIST ? '2, 999' : '2',
}));

function expected(i: number): unknown {
	const bad = BAD_EMAIL.get(i);
	if (bad !== undefined) {
		return {
			Contact: {},
			OriginalStatusCode: 0,
			StatusCode: -1,
			ErrorMessage: `"Email" (email) is not valid (got "${bad}"): enter an email address such as john.doe@example.com`,
		};
	}
	if (i === NO_SUCH_LIST) {
		return upstream('Contact', 400, 'ActiveCampaign refused this contact (HTTP 400): List with id 999 does not exist');
	}
	const email = `e2e.bulk${i}@example.com`;
	return ok('Contact', {
		batchId: BATCH_ID,
		contactId: expect.stringMatching(/^\d+$/),
		contact: expect.objectContaining({ email, firstName: `Bulk${i}`, lastName: '', cdate: TIMESTAMP, id: expect.stringMatching(/^\d+$/) }),
	});
}

export const bulkCases: E2ECase[] = [
	{
		name: 'contact.bulkUpsert',
		resource: 'contact',
		operation: 'bulkUpsert',
		params: {
			email: '={{ $json.email }}',
			options: { firstName: '={{ $json.first }}', tags: 'e2e-bulk, e2e-import', subscribeListIds: '={{ $json.lists }}' },
		},
		items,
		expected: items.map((_, i) => expected(i)),
		downstream: {
			fields: { status: '={{ $json.StatusCode }}', source: "={{ $('items: contact.bulkUpsert').item.json.email }}" },
			expected: items.map((item, i) => ({
				status: BAD_EMAIL.has(i) ? -1 : 200,
				source: item.email,
			})),
		},
	},
];
