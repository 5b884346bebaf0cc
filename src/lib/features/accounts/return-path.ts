/**
 * Where to go after signing in. The `terug` parameter holds a route path without locale ("/account",
 * "/uitslag/abc"), so a language switch on the sign-in page carries over. Only such a path is accepted
 * (no "//host", no scheme, no backslashes, no dots), so a crafted link cannot send a person elsewhere. The one query
 * kept is `?code=`, so a mailed invitation link still shows the invitation after signing in.
 */
import type { Locale } from '$lib/paraglide/runtime';
import { href } from '$lib/i18n/href';

export function safeReturnPath(value: string | null, locale: Locale): string {
	// One query is kept: an invitation code (from the mailed link to /account/koppelen), in the code alphabet only.
	const path = value && /^(\/[\w-]+)+(\?code=[A-Za-z0-9-]{1,20})?$/.test(value) ? value : '/overzicht';
	return href(path, { locale });
}
