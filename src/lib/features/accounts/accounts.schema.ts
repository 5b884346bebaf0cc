/**
 * What the account forms accept. Issues carry message ids (not texts), so the page shows them in its own language.
 */
import { z } from 'zod';

export type AccountFieldError =
	| 'email_invalid'
	| 'password_too_short'
	| 'password_too_long'
	| 'passwords_differ'
	| 'token_missing'
	| 'generic';

const knownErrors: ReadonlySet<string> = new Set<AccountFieldError>([
	'email_invalid',
	'password_too_short',
	'password_too_long',
	'passwords_differ',
	'token_missing',
	'generic'
]);

function isAccountFieldError(value: string): value is AccountFieldError {
	return knownErrors.has(value);
}

export const passwordMinLength = 10;
export const passwordMaxLength = 128;

const email = z
	.string({ error: 'email_invalid' })
	.trim()
	.toLowerCase()
	.max(254, 'email_invalid')
	.pipe(z.email('email_invalid'));

const newPassword = z
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
