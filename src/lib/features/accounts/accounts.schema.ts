/**
 * What the account forms accept. Issues carry message ids (not texts), so the page shows them in its own language.
 */
import { z } from 'zod';

const fieldErrorIds = [
	'email_invalid',
	'password_too_short',
	'password_too_long',
	'passwords_differ',
	'token_missing',
	'name_missing',
	'name_too_long',
	'organisation_name_missing',
	'organisation_kind_invalid',
	'role_invalid',
	'setup_token_wrong',
	'code_invalid',
	'scopes_missing',
	'audience_invalid',
	'professional_left',
	'label_missing',
	'email_taken',
	'password_wrong',
	'mood_missing',
	'text_missing',
	'text_too_long',
	'belief_invalid',
	'step_unknown',
	'day_invalid',
	'rating_invalid',
	'email_has_account',
	// The relationship map (relationships.schema.ts).
	'nickname_too_long',
	'circle_invalid',
	'brings_invalid',
	'rhythm_invalid',
	'note_too_long',
	'kind_invalid',
	'day_in_future',
	'day_in_past',
	'feeling_invalid',
	'time_invalid',
	'place_too_long',
	'outcome_invalid',
	// Measurement requests (measurement-requests/requests.ts).
	'instrument_invalid',
	'repeat_invalid',
	'generic'
] as const;

/** Message ids for form fields, shared by every form (the page turns them into text in its own language). */
export type AccountFieldError = (typeof fieldErrorIds)[number];

const knownErrors: ReadonlySet<string> = new Set<string>(fieldErrorIds);

function isAccountFieldError(value: string): value is AccountFieldError {
	return knownErrors.has(value);
}

export const passwordMinLength = 10;
export const passwordMaxLength = 128;

export const email = z
	.string({ error: 'email_invalid' })
	.trim()
	.toLowerCase()
	.max(254, 'email_invalid')
	.pipe(z.email('email_invalid'));

export const newPassword = z
	.string({ error: 'password_too_short' })
	.min(passwordMinLength, 'password_too_short')
	.max(passwordMaxLength, 'password_too_long');

export const signUpSchema = z.object({ email, password: newPassword });
// Any length is accepted at sign-in: a wrong one is just a wrong password.
export const signInSchema = z.object({
	email,
	password: z.string({ error: 'password_too_short' }).min(1, 'password_too_short').max(1024, 'password_too_long')
});
export const forgotPasswordSchema = z.object({ email });
export const resetPasswordSchema = z
	.object({
		token: z.string({ error: 'token_missing' }).min(1, 'token_missing').max(200, 'token_missing'),
		password: newPassword,
		repeat: z.string({ error: 'passwords_differ' })
	})
	.refine((value) => value.password === value.repeat, { path: ['repeat'], message: 'passwords_differ' });

/** How someone is named to others (a professional to their clients and colleagues). */
export const displayName = z
	.string({ error: 'name_missing' })
	.trim()
	.min(1, 'name_missing')
	.max(80, 'name_too_long');

export type FieldErrors = Partial<Record<string, AccountFieldError>>;

/** Field → first message id, from a failed parse. */
export function fieldErrors(error: z.ZodError): FieldErrors {
	const errors: FieldErrors = {};
	for (const issue of error.issues) {
		const field = String(issue.path[0] ?? 'form');
		// Only our own message ids reach the page; anything else (a library default) gets the generic one.
		errors[field] ??= isAccountFieldError(issue.message) ? issue.message : 'generic';
	}
	return errors;
}
