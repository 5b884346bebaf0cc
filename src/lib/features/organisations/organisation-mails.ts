/**
 * The invitation to join an organisation. Names the organisation and the role, never anyone's data.
 */
import type { MembershipRole } from '$lib/server/db/schema';
import type { MailTemplate } from '$lib/server/mail/templates';
import { memberInvitationDays } from './organisations';

export interface MemberInvitationMailData {
	url: string;
	organisationName: string;
	role: MembershipRole;
}

const roleWords = {
	nl: { professional: 'professional', admin: 'beheerder', report_reader: 'lezer van de rapporten' },
	en: { professional: 'professional', admin: 'administrator', report_reader: 'report reader' }
};

export const memberInvitationMail: MailTemplate<MemberInvitationMailData> = {
	subject: {
		nl: (d) => `Uitnodiging voor ${d.organisationName} op brug`,
		en: (d) => `Invitation to ${d.organisationName} on brug`
	},
	paragraphs: [
		{ nl: 'Hallo,', en: 'Hello,' },
		{
			nl: (d) => `${d.organisationName} nodigt je uit om mee te werken op brug, als ${roleWords.nl[d.role]}.`,
			en: (d) => `${d.organisationName} invites you to work with them on brug, as ${roleWords.en[d.role]}.`
		},
		{
			nl: 'Met de link hieronder maak je een account of log je in. Daarna zet je inloggen in twee stappen aan.',
			en: 'With the link below you create an account or sign in. Then you turn on two-step sign-in.'
		}
	],
	action: { label: { nl: 'Uitnodiging bekijken', en: 'View the invitation' }, url: (d) => d.url },
	closing: [
		{
			nl: `De link werkt ${memberInvitationDays} dagen. Verwachtte je deze mail niet? Dan kun je hem negeren.`,
			en: `The link works for ${memberInvitationDays} days. Didn't expect this e-mail? Then you can ignore it.`
		},
		{ nl: 'Hartelijke groet,\nbrug', en: 'Warm regards,\nbrug' }
	]
};
