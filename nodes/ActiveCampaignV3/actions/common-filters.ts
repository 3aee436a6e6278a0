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

/** An `ASC` / `DESC` sort order (default ASC), as the API's `orders[field]` takes it. */
export const sortDirectionParam = (refName: string, description: string, displayName?: string) =>
	choice(refName, {
		description,
		...(displayName ? { displayName } : {}),
		options: [
			{ name: 'Ascending', value: 'ASC' },
			{ name: 'Descending', value: 'DESC' },
		],
		default: 'ASC',
	});
