import { boolean, integer } from './params';

/**
 * Return All / Limit / Offset, top-level on every getMany (CONTRACT §1, §3.11). Limit is shown only
 * when Return All is off; Offset also applies to Return All (it fetches from there to the end).
 */
export function paginationParams(options: { defaultLimit?: number; noun: string }) {
	return {
		returnAll: boolean('ReturnAll', {
			description: `Whether to return all ${options.noun} (fetched 100 per request) or only up to a given limit`,
			default: false,
		}),
		limit: integer('Limit', {
			description: `Max number of ${options.noun} to return, 1 to 100`,
			min: 1,
			max: 100,
			default: options.defaultLimit ?? 100,
			displayOptions: { show: { returnAll: [false] } },
		}),
		offset: integer('Offset', {
			description: `How many ${options.noun} to skip before the first one returned (0 or more)`,
			min: 0,
			default: 0,
		}),
	};
}
