import { describe, expect, it } from 'vitest';
import { resetPasswordSchema, signInSchema, signUpSchema } from './accounts.schema';
import { fieldErrors } from '$lib/kernel/form-errors';

const errorsOf = (result: { success: boolean; error?: unknown }) =>
	result.success ? {} : fieldErrors(result.error as Parameters<typeof fieldErrors>[0]);

describe('account form schemas', () => {
	it('normalises the e-mail address', () => {
		const parsed = signUpSchema.parse({ email: '  Anna@Example.NL ', password: 'lang genoeg wachtwoord' });
		expect(parsed.email).toBe('anna@example.nl');
	});
	it('names each wrong field with a message id the page can translate', () => {
		expect(errorsOf(signUpSchema.safeParse({ email: 'anna', password: 'kort' }))).toEqual({
			email: 'email_invalid',
			password: 'password_too_short'
		});
		expect(errorsOf(signUpSchema.safeParse({ email: 'a@b.nl', password: 'x'.repeat(129) }))).toEqual({ password: 'password_too_long' });
		expect(errorsOf(signInSchema.safeParse({ email: 'a@b.nl', password: 'x'.repeat(1025) }))).toEqual({ password: 'password_too_long' });
	});
	it('treats missing fields (null from FormData) as wrong, not as a crash', () => {
		expect(errorsOf(signInSchema.safeParse({ email: null, password: null }))).toEqual({
			email: 'email_invalid',
			password: 'password_too_short'
		});
		expect(errorsOf(resetPasswordSchema.safeParse({ token: null, password: null, repeat: null }))).toEqual({
			token: 'token_missing',
			password: 'password_too_short',
			repeat: 'passwords_differ'
		});
	});
	it('checks that the two new passwords match', () => {
		expect(errorsOf(resetPasswordSchema.safeParse({ token: 't', password: 'lang genoeg wachtwoord', repeat: 'iets anders!!' }))).toEqual({
			repeat: 'passwords_differ'
		});
	});
});
