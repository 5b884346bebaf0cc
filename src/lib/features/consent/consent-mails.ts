/**
 * A professional's invitation to a person: the code and a link to type it in. Says who invites, nothing else.
 */
import type { MailTemplate } from '$lib/server/mail/templates';
import { clientInvitationDays } from './consent';

export interface ClientInvitationMailData {
	url: string;
	code: string;
	professionalName: string;
	organisationName: string;
}

export const clientInvitationMail: MailTemplate<ClientInvitationMailData> = {
	subject: {
		nl: (d) => `${d.professionalName} wil graag met je samenwerken op brug`,
		en: (d) => `${d.professionalName} would like to work with you on brug`
	},
	paragraphs: [
		{ nl: 'Hallo,', en: 'Hello,' },
		{
			nl: (d) => `${d.professionalName} van ${d.organisationName} nodigt je uit om te koppelen op brug.`,
			en: (d) => `${d.professionalName} of ${d.organisationName} invites you to connect on brug.`
		},
		{
			nl: 'Jij kiest zelf wat je deelt. Je kunt het delen altijd weer stoppen. Je dagboek deel je nooit zomaar.',
			en: 'You choose what you share. You can stop sharing at any time. Your journal is never shared just like that.'
		},
		{ nl: (d) => `Je code is: ${d.code}`, en: (d) => `Your code is: ${d.code}` }
	],
	action: { label: { nl: 'Code invullen op brug', en: 'Enter the code on brug' }, url: (d) => d.url },
	closing: [
		{
			nl: `De code werkt ${clientInvitationDays} dagen. Heb je nog geen account? Dan maak je er eerst een.`,
			en: `The code works for ${clientInvitationDays} days. No account yet? Then you create one first.`
		},
		{
			nl: 'Ken je deze persoon niet? Dan kun je deze mail negeren. Er gebeurt dan niets.',
			en: "Don't know this person? Then you can ignore this e-mail. Nothing will happen."
		},
		{ nl: 'Hartelijke groet,\nbrug', en: 'Warm regards,\nbrug' }
	]
};
