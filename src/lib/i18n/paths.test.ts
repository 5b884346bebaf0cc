import { describe, expect, it } from 'vitest';
import { canonicalPath, deLocalizePath, localeInPath, localizePath } from './paths';

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
		['/privacy#cookies', 'en', '/en/privacy#cookies'],
		['/overzicht?bewaard=dagboek', 'en', '/en/overview?bewaard=dagboek'],
		['/overzicht', 'nl', '/nl/overzicht'],
		['/oefeningen/journal', 'nl', '/nl/oefeningen/dagboek'],
		['/oefeningen/journal', 'en', '/en/exercises/journal'],
		['/oefeningen/thought-check?stap=2', 'nl', '/nl/oefeningen/gedachtencheck?stap=2'],
		['/werk/kennis/health-web', 'en', '/en/work/knowledge/health-web'],
		['/werk/clienten/abc/metingen.csv', 'en', '/en/work/clients/abc/measurements.csv']
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

	it('keeps old addresses working, and sends them on to the address in the page\'s own words', () => {
		expect(deLocalizePath('/en/hulp')).toBe('/hulp');
		expect(canonicalPath('/en/hulp')).toBe('/en/help');
		expect(canonicalPath('/en/overzicht')).toBe('/en/overview');
		expect(canonicalPath('/nl/oefeningen/journal')).toBe('/nl/oefeningen/dagboek');
		expect(canonicalPath('/en/oefeningen/journal')).toBe('/en/exercises/journal');
		expect(canonicalPath('/nl/overview')).toBe('/nl/overzicht');
		expect(canonicalPath('/en/exercises/dagboek')).toBe('/en/exercises/journal');
	});

	it('leaves current addresses and unlocalized paths alone', () => {
		for (const path of ['/nl', '/en/overview', '/nl/oefeningen/dagboek', '/en/work/knowledge/health-web', '/nl/werk/kennis/health-web', '/nl//x']) {
			expect(canonicalPath(path)).toBe(path);
		}
		expect(canonicalPath('/api/v1/instruments')).toBe('/api/v1/instruments');
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

describe('exercise addresses', () => {
	it('gives every exercise a Dutch address word, and no two the same', async () => {
		const { listExercises } = await import('$lib/features/exercises/exercises.content');
		const { exerciseIdsWithDutchSlug } = await import('./paths');
		const ids = listExercises('nl').map((exercise) => exercise.id);
		expect([...ids].sort()).toEqual([...exerciseIdsWithDutchSlug].sort());
		const addresses = ids.map((id) => localizePath(`/oefeningen/${id}`, 'nl'));
		expect(new Set(addresses).size).toBe(ids.length);
		for (const [i, id] of ids.entries()) expect(deLocalizePath(addresses[i] ?? '')).toBe(`/oefeningen/${id}`);
	});
});
