import { describe, expect, it } from 'vitest';
import { deLocalizePath, localeInPath, localizePath } from './paths';

describe('localized paths', () => {
	it.each([
		['/', 'nl', '/nl'],
		['/', 'en', '/en'],
		['/test', 'nl', '/nl/test'],
		['/test', 'en', '/en/test'],
		['/over', 'en', '/en/about'],
		['/hulp', 'en', '/en/help'],
		['/hulp', 'nl', '/nl/hulp'],
		['/uitslag/abc_DEF-123', 'en', '/en/result/abc_DEF-123'],
		['/uitslag/abc?bewaard', 'nl', '/nl/uitslag/abc?bewaard'],
		['/test?verwijderd', 'en', '/en/test?verwijderd'],
		['/privacy#cookies', 'en', '/en/privacy#cookies']
	] as const)('%s in %s is %s, and back', (route, locale, url) => {
		expect(localizePath(route, locale)).toBe(url);
		expect(deLocalizePath(url.replace(/[?#].*$/, ''))).toBe(route.replace(/[?#].*$/, ''));
	});

	it('translates every segment', () => {
		expect(localizePath('/account/inloggen', 'en')).toBe('/en/account/sign-in');
		expect(localizePath('/account/nieuw-wachtwoord?token=x', 'en')).toBe('/en/account/new-password?token=x');
		expect(deLocalizePath('/en/account/forgot-password')).toBe('/account/wachtwoord-vergeten');
		expect(localizePath('/account/inloggen', 'nl')).toBe('/nl/account/inloggen');
	});

	it('keeps a Dutch slug under /en working, and leaves unlocalized paths alone', () => {
		expect(deLocalizePath('/en/hulp')).toBe('/hulp');
		expect(deLocalizePath('/api/v1/instruments')).toBe('/api/v1/instruments');
		expect(deLocalizePath('/nl/')).toBe('/');
	});

	it('does not mistake object properties for slugs', () => {
		expect(localizePath('/constructor/toString', 'en')).toBe('/en/constructor/toString');
		expect(deLocalizePath('/en/__proto__')).toBe('/__proto__');
	});

	it('finds the locale in the first segment only', () => {
		expect(localeInPath('/nl/test')).toBe('nl');
		expect(localeInPath('/en')).toBe('en');
		expect(localeInPath('/de/test')).toBeUndefined();
		expect(localeInPath('/test/nl')).toBeUndefined();
		expect(localeInPath('/english')).toBeUndefined();
	});
});
