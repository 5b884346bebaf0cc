/**
 * Localized paths, pure and fast (a plain table instead of URL patterns: Paraglide's URLPattern polyfill took about
 * 80 µs per link on Node 20, a third of the time of a page; see docs/decisions/005-locale-in-url.md).
 * - `localeInPath(pathname)`: the locale a path starts with, if any.
 * - `localizePath(path, locale)`: a route path ("/over", "/uitslag/x?y") as a URL path ("/en/about", "/en/result/x?y").
 * - `deLocalizePath(pathname)`: the other way round; a path without a locale comes back as it is.
 */
import { isLocale, type Locale } from '$lib/paraglide/runtime';

/** Routes are named by their Dutch slug; English gets its own word where it differs (first segment only). */
const englishSlugs: Readonly<Record<string, string>> = { over: 'about', hulp: 'help', uitslag: 'result' };
const routeSlugs: Readonly<Record<string, string>> = Object.fromEntries(
	Object.entries(englishSlugs).map(([route, english]) => [english, route])
);

export function localeInPath(pathname: string): Locale | undefined {
	const first = pathname.split('/', 2)[1] ?? '';
	return isLocale(first) ? first : undefined;
}

export function localizePath(path: string, locale: Locale): string {
	const cut = path.search(/[?#]/);
	const pathname = cut === -1 ? path : path.slice(0, cut);
	const rest = cut === -1 ? '' : path.slice(cut);
	const [, first = '', ...others] = pathname.split('/');
	const slug = locale === 'en' ? (englishSlugs[first] ?? first) : first;
	const localized = ['', locale, slug, ...others].join('/').replace(/\/+$/, '');
	return localized + rest;
}

export function deLocalizePath(pathname: string): string {
	const locale = localeInPath(pathname);
	if (!locale) return pathname;
	const [, , first = '', ...others] = pathname.split('/');
	const slug = locale === 'en' ? (routeSlugs[first] ?? first) : first;
	return ['', slug, ...others].join('/') || '/';
}
