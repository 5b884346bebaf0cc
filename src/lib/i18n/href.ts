import { getLocale, type Locale } from '$lib/paraglide/runtime';
import { localizePath } from './paths';

/** A link to a route ("/over") in the current or a given locale ("/nl/over", "/en/about"). */
export function href(path: string, options?: { locale?: Locale }): string {
	return localizePath(path, options?.locale ?? getLocale());
}
