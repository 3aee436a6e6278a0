import { defineOperation } from '../../framework/operation';
import { dealIdParam, subjectOf } from '../deal/shared';
import { noteTextParam } from './shared';

export default defineOperation({
	resource: 'dealNote',
	operation: 'create',
	title: 'Create a Deal Note',
	action: 'Create a Deal Note (not idempotent)',
	description: 'Add a note to a deal; not idempotent: a retry would add a second note, so failures are reported, not retried',
	agentHint: 'Deal ID is the deal\'s numeric ID; not idempotent: after a 500 do not retry blindly, a retry can add a second note',
	outputKey: 'Note',
	params: {
		dealId: dealIdParam('The numeric ID of the deal to add the note to, e.g. 8 (from Get Many Deals)'),
		noteText: noteTextParam(
			true,
			'Note text, up to 65,535 characters. Tip: start it with your own unique reference, e.g. [Order-12345], to spot duplicates',
		),
	},
	async execute({ params, api }) {
		const body = await api.post(`/deals/${params.dealId}/notes`, { note: { note: params.noteText } }, subjectOf(params.dealId));
		return body.note;
	},
});
