import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
	clientCodeAlphabet,
	createClientCode,
	formatClientCode,
	hashClientCode,
	normaliseClientCode,
	parseScopes
} from './consent';

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
