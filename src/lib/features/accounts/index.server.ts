/** Accounts' face: the account itself and its sessions head the person's export; sign-in tokens go with it. */
import { personDataFeature } from '$lib/kernel/person-data';

const toIso = (value: Date | string) => new Date(value).toISOString();

export const accountsData = personDataFeature({
	name: 'accounts',
	scope: null,
	tables: ['account', 'auth_session', 'auth_credential', 'auth_verification', 'auth_two_factor'],
	async exportPart(db, { account }) {
		const row = await db.selectFrom('account').selectAll().where('id', '=', account.id).executeTakeFirstOrThrow();
		const sessions = await db
			.selectFrom('auth_session')
			.select(['created_at', 'expires_at'])
			.where('account_id', '=', account.id)
			.orderBy('created_at')
			.execute();
		return {
			account: {
				email: row.email,
				emailVerified: Boolean(row.email_verified),
				locale: row.locale as string,
				createdAt: toIso(row.created_at),
				twoFactorEnabled: Boolean(row.two_factor_enabled)
			},
			sessions: sessions.map((s) => ({ createdAt: toIso(s.created_at), expiresAt: toIso(s.expires_at) }))
		};
	},
	async deleteFor(trx, { accountId, email }) {
		// Open e-mail verification or reset tokens name the address or the account.
		await trx.deleteFrom('auth_verification').where('identifier', 'in', [email, accountId]).execute();
		await trx.deleteFrom('auth_verification').where('value', '=', accountId).execute();
	}
});
