import { Outcome } from './operation';

/**
 * A list's size when ActiveCampaign's answer carries no `meta.total`. The node never presents
 * "offset + records returned" as a total: it is exact where the answers prove where the set ends,
 * one more request settles it where it can, and otherwise it is a lower bound that says so.
 */
export interface CountedTotal {
	total: number;
	hasMore: boolean;
	/** Set when `total` is only a lower bound: the operation's ErrorMessage (StatusCode 200). */
	note?: string;
}

/**
 * `received` records came back for `offset` where up to `pageLimit` were asked for (Infinity for
 * Return All, which pages until a short page). `countAt(start)` requests `pageSize` records from
 * `start` and returns how many came back.
 */
export async function countWithoutTotal(
	offset: number,
	received: number,
	pageLimit: number,
	pageSize: number,
	countAt: (start: number) => Promise<number>,
): Promise<CountedTotal> {
	// A short page ends the set, unless it is empty past the start: then the set ended before offset.
	if (received < pageLimit && (received > 0 || offset === 0)) return { total: offset + received, hasMore: false };
	// One more request: the page after this one (or, past the end, the first page).
	const start = received === 0 ? 0 : offset + received;
	const more = await countAt(start);
	const counted = start + more;
	if (more < pageSize) return { total: counted, hasMore: offset + received < counted };
	return {
		total: counted,
		hasMore: offset + received < counted,
		note: `ActiveCampaign sent no total for this list (meta.total): ${counted} is a lower bound, there are at least ${counted} records; Return All counts them all`,
	};
}

/** The operation's data, or, when its total is only a lower bound, the same data saying so. */
export function withTotalNote<T>(page: { totalNote?: string }, data: T): T | Outcome<T> {
	return page.totalNote ? new Outcome(data, page.totalNote) : data;
}
