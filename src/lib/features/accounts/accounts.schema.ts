/**
 * What the account forms accept. Issues carry message ids (not texts), so the page shows them in its own language.
 */
import { z } from 'zod';

export type AccountFieldError =
	| 'email_invalid'
	| 'password_too_short'
	| 'password_too_long'
	| 'passwords_differ'
	| 'token_missing';

export const passwordMinLength = 10;
export const passwordMaxLength = 128;

const email = z
	.string()
	.trim()
	.toLowerCase()
	.max(254, 'email_invalid')
	.pipe(z.email('email_invalid'));

const newPassword = z
	.string()
	.min(passwordMinLength, 'password_too_short')
	.max(passwordMaxLength, 'password_too_long');

export const signUpSchema = z.object({ email, password: newPassword });
// Any length is accepted at sign-in: a wrong one is just a wrong password.
export const signInSchema = z.object({ email, password: z.string().min(1, 'password_too_short').max(1024) });
export const forgotPasswordSchema = z.object({ email });
export const resetPasswordSchema = z
	.object({ token: z.string().min(1, 'token_missing').max(200), password: newPassword, repeat: z.string() })
	.refine((value) => value.password === value.repeat, { path: ['repeat'], message: 'passwords_differ' });

export type FieldErrors = Partial<Record<string, AccountFieldError>>;

/** Field → first message id, from a failed parse. */
export function fieldErrors(error: z.ZodError): FieldErrors {
	const errors: FieldErrors = {};
	for (const issue of error.issues) {
		const field = String(issue.path[0] ?? 'form');
		errors[field] ??= issue.message as AccountFieldError;
	}
	return errors;
}
