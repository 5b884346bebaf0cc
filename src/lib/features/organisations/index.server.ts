/** Organisations' face: where the account works, and as what; invitations name an address and go with it. */
import { personDataFeature } from '$lib/kernel/person-data';

export const organisationsData = personDataFeature({
	name: 'organisations',
	scope: null,
	tables: ['membership', 'organisation_invitation'],
	async exportPart(db, { account }) {
		const memberships = await db
			.selectFrom('membership')
			.innerJoin('organisation', 'organisation.id', 'membership.organisation_id')
			.select(['organisation.name', 'membership.role', 'membership.created_at'])
			.where('membership.account_id', '=', account.id)
			.orderBy('membership.created_at')
			.execute();
		return { memberships: memberships.map((m) => ({ organisation: m.name, role: m.role as string, since: m.created_at })) };
	},
	async deleteFor(trx, { email }) {
		await trx.deleteFrom('organisation_invitation').where('email', '=', email.toLowerCase()).execute();
	}
});
