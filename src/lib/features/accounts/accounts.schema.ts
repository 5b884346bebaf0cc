/**
 * What the account forms accept. Issues carry message ids (not texts), so the page shows them in its own language.
 */
import { z } from 'zod';
import { passwordMaxLength, passwordMinLength } from '$lib/kernel/form-errors';

/** The longest address SMTP allows (RFC 5321). */
export const emailMaxLength = 254;

export const email = z
	.string({ error: 'email_invalid' })
	.trim()
	.toLowerCase()
	.max(emailMaxLength, 'email_invalid')
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
