import { ValidationError } from '../../framework/errors';
import { defineOperation } from '../../framework/operation';
import { id } from '../../framework/params';
import { dealIdParam } from '../deal/shared';
import { noteTextParam } from './shared';

export default defineOperation({
	resource: 'dealNote',
	operation: 'update',
	title: 'Update a Deal Note',
	description: 'Replace the text of a deal note',
	agentHint: 'Note ID is the note\'s ID (from Create a Deal Note), Deal ID the deal it belongs to',
	outputKey: 'Note',
	params: {
		noteId: id('NoteId', { required: true, description: 'The numeric ID of the note to update, e.g. 2 (from Create a Deal Note)' }),
		dealId: dealIdParam('The numeric ID of the deal the note belongs to, e.g. 8'),
	},
	options: {
		noteText: noteTextParam(false, 'The new note text, up to 65,535 characters'),
	},
	validate(params) {
		if (params.noteText === undefined) {
			throw new ValidationError('"Note Text" (noteText) is required: add it under "Options" (options) with the new text of the note');
		}
	},
	async execute({ params, api }) {
		const body = await api.put(
			`/deals/${params.dealId}/notes/${params.noteId}`,
			{ note: { note: params.noteText } },
			`Note ${params.noteId} of deal ${params.dealId}`,
		);
		return body.note;
	},
});
