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

	it('only translates the first segment', () => {
		expect(localizePath('/test/over', 'en')).toBe('/en/test/over');
		expect(deLocalizePath('/en/test/about')).toBe('/test/about');
	});

	it('keeps a Dutch slug under /en working, and leaves unlocalized paths alone', () => {
		expect(deLocalizePath('/en/hulp')).toBe('/hulp');
		expect(deLocalizePath('/api/v1/instruments')).toBe('/api/v1/instruments');
		expect(deLocalizePath('/nl/')).toBe('/');
	});

	it('finds the locale in the first segment only', () => {
		expect(localeInPath('/nl/test')).toBe('nl');
		expect(localeInPath('/en')).toBe('en');
		expect(localeInPath('/de/test')).toBeUndefined();
		expect(localeInPath('/test/nl')).toBeUndefined();
		expect(localeInPath('/english')).toBeUndefined();
	});
});
