/**
 * Consent's face: every grant the person gave, current and past, is in their export. When a professional's account
 * goes, consent given to only them ends and stays in each person's history without their name; consent given to
 * their team goes on for the colleagues.
 */
import { personDataFeature } from '$lib/kernel/person-data';
import { listConsentGrantsForPerson } from './consent.server';

export const consentData = personDataFeature({
	name: 'consent',
	scope: null,
	tables: ['consent_grant', 'client_invitation'],
	async exportPart(db, { account }) {
		const grants = await listConsentGrantsForPerson(db, { actor: account });
		return {
			consents: grants.map((c) => ({
				professional: c.professionalName,
				organisation: c.organisationName,
				nameForProfessional: c.personName,
				/** 'professional': only them; 'organisation': their colleagues too. */
				audience: c.audience as string,
				scopes: c.scopes as string[],
				grantedAt: c.grantedAt,
				endedAt: c.endedAt,
				endReason: c.endReason
			}))
		};
	},
	async deleteFor(trx, { accountId, email, now }) {
		// Invitations name an address, not an account.
		await trx.deleteFrom('client_invitation').where('email', '=', email.toLowerCase()).execute();
		// consent_grant.professional_id is then set null by the database; as the person, their grants go with them.
		await trx
			.updateTable('consent_grant')
			.set({ ended_at: now, end_reason: 'professional_left' })
			.where('professional_id', '=', accountId)
			.where('audience', '=', 'professional')
			.where('ended_at', 'is', null)
			.execute();
	}
});
