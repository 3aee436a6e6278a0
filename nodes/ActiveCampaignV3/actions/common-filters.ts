import { choice } from '../framework/params';

/** The comparison operators ActiveCampaign accepts in `filters[field][op]`. */
export const FILTER_OPERATORS = [
	{ name: 'Contains', value: 'contains' },
	{ name: 'Equals', value: 'eq' },
	{ name: 'Greater Than', value: 'gt' },
	{ name: 'Greater Than or Equal', value: 'gte' },
	{ name: 'Less Than', value: 'lt' },
	{ name: 'Less Than or Equal', value: 'lte' },
	{ name: 'Not Equals', value: 'neq' },
	{ name: 'Starts With', value: 'starts_with' },
] as const;

export const filterOperatorParam = (refName: string, description: string) =>
	choice(refName, { description, options: [...FILTER_OPERATORS], default: 'contains' });

export const nameOrderParam = (refName: string, description: string) =>
	choice(refName, {
		description,
		options: [
			{ name: 'Ascending (A-Z)', value: 'asc' },
			{ name: 'Descending (Z-A)', value: 'desc' },
			{ name: 'Weight', value: 'weight' },
		],
		default: 'asc',
	});
