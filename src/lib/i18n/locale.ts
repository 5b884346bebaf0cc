/**
 * Locale resolution. Pages carry their locale in the URL (/nl/…, /en/…). A bare "/" or an unprefixed path is
 * sent on by the saved cookie, then the browser's Accept-Language, then Dutch.
 */
import { href } from './href';
import {
	baseLocale,
	cookieName,
	extractLocaleFromRequest,
	isLocale,
	locales,
	type Locale
} from '$lib/paraglide/runtime';

export { baseLocale, locales, isLocale, type Locale };

export const localeCookieName = cookieName;

/** The locale a path is written in (first segment), if any. */
export function localeInPath(pathname: string): Locale | undefined {
	const first = pathname.split('/')[1] ?? '';
	return isLocale(first) ? first : undefined;
}

/** Where to send a request whose path has no locale: cookie, then Accept-Language, then nl. */
export function localizedRedirectTarget(request: Request, url: URL): string {
	const locale = extractLocaleFromRequest(request);
	return href(url.pathname + url.search, { locale });
}

/** A query parameter `locale=nl|en` (used by the JSON API), defaulting to nl. */
export function localeFromQuery(url: URL): Locale | null {
	const value = url.searchParams.get('locale');
	if (value === null) return baseLocale;
	return isLocale(value) ? value : null;
}
