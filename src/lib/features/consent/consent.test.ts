import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { clientCodeAlphabet, createClientCode, formatClientCode, hashClientCode, normaliseClientCode } from './consent';
import { parseScopes } from '$lib/kernel/consent-scopes';
import { acceptInvitationSchema, changeScopesSchema } from './consent.schema';
import { fieldErrorText } from '$lib/kernel/form-error-words';

describe('consent scopes', () => {
	it('keeps known scopes in canonical order, once', () => {
		expect(parseScopes(['health_web', 'measurements', 'health_web', 'journal', 3])).toEqual(['measurements', 'health_web']);
		expect(parseScopes([])).toEqual([]);
	});
	it('never accepts journal entries or thought records as a scope', () => {
		expect(parseScopes(['journal', 'thought_record', 'journal_entries'])).toEqual([]);
	});
});

describe('client codes', () => {
	it('creates 8 characters from the unambiguous alphabet', () => {
		for (let i = 0; i < 200; i += 1) {
			const code = createClientCode();
			expect(code).toMatch(new RegExp(`^[${clientCodeAlphabet}]{8}$`));
		}
	});
	it('reads a code typed with spaces, dashes or lower case', () => {
		expect(normaliseClientCode('k7qm-4txp')).toBe('K7QM4TXP');
		const code = createClientCode();
		const typed = ` ${formatClientCode(code).toLowerCase()} `;
		expect(normaliseClientCode(typed)).toBe(code);
	});
	it('refuses look-alike characters and wrong lengths', () => {
		expect(normaliseClientCode('ABCD-EFG0')).toBeNull();
		expect(normaliseClientCode('ABCD-EFGI')).toBeNull();
		expect(normaliseClientCode('ABCD-EFG')).toBeNull();
		expect(normaliseClientCode('ABCD-EFGHJ')).toBeNull();
	});
	it('formats as two groups of four, and normalising the format gives the code back', () => {
		fc.assert(
			fc.property(fc.constantFrom(...Array.from({ length: 50 }, createClientCode)), (code) => {
				expect(formatClientCode(code)).toMatch(/^.{4}-.{4}$/);
				expect(normaliseClientCode(formatClientCode(code))).toBe(code);
			})
		);
	});
	it('hashes codes so the database never holds one', () => {
		const code = createClientCode();
		expect(hashClientCode(code)).toMatch(/^[0-9a-f]{64}$/);
		expect(hashClientCode(code)).not.toContain(code);
	});
});

describe('whom consent lets in', () => {
	const accept = (audience: unknown) => acceptInvitationSchema.safeParse({ code: 'K7QM-4TXP', scopes: ['measurements'], audience });
	it('is only the professional unless the person chooses the organisation', () => {
		expect(accept(undefined)).toMatchObject({ success: true, data: { audience: 'professional' } });
		expect(accept('organisation')).toMatchObject({ success: true, data: { audience: 'organisation' } });
	});
	it('refuses anything else with its own message', () => {
		const result = accept('everyone');
		expect(result.success).toBe(false);
		expect(result.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([['audience', 'audience_invalid']]);
		expect(fieldErrorText('audience_invalid')).toBeTruthy();
	});
	it('keeps the audience when a change leaves it out (the API), and takes it when given', () => {
		expect(changeScopesSchema.parse({ scopes: ['programme'] })).toEqual({ scopes: ['programme'] });
		expect(changeScopesSchema.parse({ scopes: ['programme'], audience: 'organisation' })).toEqual({ scopes: ['programme'], audience: 'organisation' });
	});
});
