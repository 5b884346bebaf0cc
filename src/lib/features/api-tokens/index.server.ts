/** API keys' face: the person's keys (never their secret) are part of their export; they go with the account. */
import { personDataFeature } from '$lib/kernel/person-data';

export const apiTokensData = personDataFeature({
	name: 'api-tokens',
	scope: null,
	tables: ['api_token'],
	async exportPart(db, { account }) {
		const tokens = await db
			.selectFrom('api_token')
			.select(['label', 'created_at', 'last_used_at', 'expires_at'])
			.where('account_id', '=', account.id)
			.orderBy('created_at')
			.execute();
		return { apiTokens: tokens.map((t) => ({ label: t.label, createdAt: t.created_at, lastUsedAt: t.last_used_at, expiresAt: t.expires_at })) };
	}
});
