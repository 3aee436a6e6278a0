/**
 * Runs `task(0..count-1)` with at most `limit` running at once; results keep input order.
 */
export async function mapConcurrent<T>(
	count: number,
	limit: number,
	task: (index: number) => Promise<T>,
): Promise<T[]> {
	const results = new Array<T>(count);
	let next = 0;
	const worker = async () => {
		while (next < count) {
			const index = next++;
			results[index] = await task(index);
		}
	};
	await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, count)) }, worker));
	return results;
}

/**
 * Keyed mutual exclusion inside this process. Two items creating "the same" record (same email,
 * same tag name) run one after the other, so the second finds what the first created instead of
 * creating a duplicate.
 */
const tails = new Map<string, Promise<unknown>>();

export async function withKeyLock<T>(key: string, fn: () => Promise<T>): Promise<T> {
	const previous = tails.get(key) ?? Promise.resolve();
	let release!: () => void;
	const current = new Promise<void>((resolve) => (release = resolve));
	const tail = previous.then(() => current);
	tails.set(key, tail);
	await previous;
	try {
		return await fn();
	} finally {
		release();
		if (tails.get(key) === tail) tails.delete(key);
	}
}
