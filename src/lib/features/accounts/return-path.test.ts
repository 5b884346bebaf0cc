import { describe, expect, it, vi } from 'vitest';

vi.mock('$lib/paraglide/runtime', () => ({ getLocale: () => 'nl', isLocale: (v: string) => v === 'nl' || v === 'en' }));
const { safeReturnPath } = await import('./return-path');

describe('safeReturnPath', () => {
	it.each([
		['/account', 'en', '/en/account'],
		['/uitslag/abc_DEF-12', 'en', '/en/result/abc_DEF-12'],
		['/account/tweestaps', 'nl', '/nl/account/tweestaps'],
		['/account/koppelen?code=K7QM-4TXP', 'nl', '/nl/account/koppelen?code=K7QM-4TXP'],
		['/account/koppelen?code=K7QM-4TXP', 'en', '/en/account/connect?code=K7QM-4TXP']
	] as const)('takes %s to %s in %s', (path, locale, expected) => {
		expect(safeReturnPath(path, locale)).toBe(expected);
	});
	it.each([null, '', '/', '//evil.example', '/\\evil.example', 'https://evil.example', '/account//x', '/../x', '/x?y=1', '/x/', '/x?code=a&b=1', '/x?code=<b>', '/x?code=' + 'A'.repeat(21)])(
		'refuses %s',
		(path) => {
			expect(safeReturnPath(path, 'nl')).toBe('/nl/overzicht');
		}
	);
});
