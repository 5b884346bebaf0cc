/**
 * The mails that belong to signing in, in the person's language. Mails hold links only: never scores or answers.
 * - `passwordResetMail`, `alreadyRegisteredMail`: templates (the verification mail lives with the mail module).
 * - `accountMailer(mailer)`: what the sign-in layer (better-auth) calls to send them.
 */
import { passwordResetMinutes, type AuthMailer } from './auth';
import type { Mailer, MailLocale } from '$lib/server/mail/mailer';
import { emailVerificationMail, renderMail, type MailTemplate } from '$lib/server/mail/templates';

export const passwordResetMail: MailTemplate<{ url: string }> = {
	subject: { nl: 'Kies een nieuw wachtwoord', en: 'Choose a new password' },
	paragraphs: [
		{
			nl: 'Je hebt gevraagd om een nieuw wachtwoord voor brug. Dat kan met de link hieronder.',
			en: 'You asked for a new password for brug. You can choose one with the link below.'
		}
	],
	action: { label: { nl: 'Kies een nieuw wachtwoord', en: 'Choose a new password' }, url: (data) => data.url },
	closing: [
		{
			nl: `De link werkt ${passwordResetMinutes} minuten. Daarna log je overal opnieuw in.`,
			en: `The link works for ${passwordResetMinutes} minutes. Afterwards you sign in again everywhere.`
		},
		{
			nl: 'Heb je dit niet zelf gevraagd? Dan kun je deze mail negeren. Je wachtwoord blijft hetzelfde.',
			en: "Didn't ask for this? Then you can ignore this e-mail. Your password stays the same."
		},
		{ nl: 'Hartelijke groet,\nbrug', en: 'Warm regards,\nbrug' }
	]
};

/** Sent instead of a second verification mail, so the sign-up page never tells whether an address is known. */
export const alreadyRegisteredMail: MailTemplate<{ url: string }> = {
	subject: { nl: 'Je hebt al een account bij brug', en: 'You already have a brug account' },
	paragraphs: [
		{
			nl: 'Iemand wilde een account maken met dit e-mailadres. Maar je hebt al een account bij brug.',
			en: 'Someone tried to create an account with this e-mail address. But you already have a brug account.'
		},
		{
			nl: 'Weet je je wachtwoord niet meer? Dan kun je een nieuw wachtwoord kiezen.',
			en: "Don't remember your password? Then you can choose a new one."
		}
	],
	action: { label: { nl: 'Wachtwoord vergeten', en: 'Forgot password' }, url: (data) => data.url },
	closing: [
		{
			nl: 'Was jij dit niet? Dan hoef je niets te doen.',
			en: "Wasn't this you? Then you don't need to do anything."
		},
		{ nl: 'Hartelijke groet,\nbrug', en: 'Warm regards,\nbrug' }
	]
};

const asLocale = (locale: string): MailLocale => (locale === 'en' ? 'en' : 'nl');

export function accountMailer(mailer: Mailer): AuthMailer {
	const send = async (template: MailTemplate<{ url: string }>, input: { email: string; url: string; locale: string }) => {
		await mailer.send({ to: input.email, ...renderMail(template, { url: input.url }, asLocale(input.locale)) });
	};
	return {
		sendVerification: (input) => send(emailVerificationMail, input),
		sendPasswordReset: (input) => send(passwordResetMail, input),
		sendAlreadyRegistered: (input) => send(alreadyRegisteredMail, input)
	};
}
