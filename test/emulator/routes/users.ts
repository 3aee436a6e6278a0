import { notFound, ok, paginate } from '../database';
import type { ActiveCampaignEmulator } from '../server';

/**
 * Account users (deal and account owners). Every account has its admin, user 1, the one
 * `/users/me` answers for; tests add more with `emulator.db.insert('users', …)`.
 */
export function userRoutes(emulator: ActiveCampaignEmulator): void {
	emulator.db.insert('users', { username: 'admin', firstName: 'Emulated', lastName: 'Admin', email: 'admin@example.com' });

	// No search on this listing in ActiveCampaign either.
	emulator.route('GET', '/users', ({ query }, db) => paginate(db.all('users'), query, 'users'));

	emulator.route('GET', '/users/:id', ({ params }, db) => {
		const row = db.get('users', params.id);
		return row ? ok({ user: row }) : notFound('User', params.id);
	});
}
