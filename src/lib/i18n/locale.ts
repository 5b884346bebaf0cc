/**
 * Locale resolution on the server. Pages carry their locale in the URL (/nl/…, /en/…). A bare "/" or an unprefixed
 * path is sent on by the saved cookie, then the browser's Accept-Language, then Dutch.
 */
import {
	baseLocale,
	cookieName,
	defineCustomServerStrategy,
	extractLocaleFromRequest,
	isLocale,
	type Locale
} from '$lib/paraglide/runtime';
import { localeInPath, localizePath } from './paths';

export { localeInPath };

export const localeCookieName = cookieName;

/** Teaches Paraglide's server side that the first path segment is the locale ("custom-path" strategy). */
export function defineServerLocaleStrategy(): void {
	defineCustomServerStrategy('custom-path', {
		getLocale: (request) => (request ? localeInPath(new URL(request.url).pathname) : undefined)
	});
}

/** Where to send a request whose path has no locale: cookie, then Accept-Language, then nl. */
export function localizedRedirectTarget(request: Request, url: URL): string {
	return localizePath(url.pathname + url.search, extractLocaleFromRequest(request));
}

/** A query parameter `locale=nl|en` (used by the JSON API), defaulting to nl. */
export function localeFromQuery(url: URL): Locale | null {
	const value = url.searchParams.get('locale');
	if (value === null) return baseLocale;
	return isLocale(value) ? value : null;
}
