import { text } from '../../framework/params';

export const noteTextParam = <R extends boolean>(required: R, description: string) =>
	text<R>('NoteText', { required, description, maxLength: 65535, multiline: true });
