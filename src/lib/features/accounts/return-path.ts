/**
 * Where to go after signing in. The `terug` parameter holds a route path without locale ("/account",
 * "/uitslag/abc"), so a language switch on the sign-in page carries over. Only such a path is accepted
 * (no "//host", no scheme, no backslashes, no dots), so a crafted link cannot send a person elsewhere.
 */
import type { Locale } from '$lib/paraglide/runtime';
import { href } from '$lib/i18n/href';

export function safeReturnPath(value: string | null, locale: Locale): string {
	const path = value && /^(\/[\w-]+)+$/.test(value) ? value : '/account';
	return href(path, { locale });
}
