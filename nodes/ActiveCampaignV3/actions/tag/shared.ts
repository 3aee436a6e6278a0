import { choice } from '../../framework/params';

export const tagTypeParam = (description: string) =>
	choice('TagType', {
		description,
		options: [
			{ name: 'Contact', value: 'contact', description: 'Tag for contacts (most common)' },
			{ name: 'Template', value: 'template', description: 'Tag for email templates' },
		],
		default: 'contact',
	});
