import type { Reroute } from '@sveltejs/kit/hooks';
import { defineCustomClientStrategy } from '$lib/paraglide/runtime';
import { deLocalizePath, localeInPath } from '$lib/i18n/paths';

// /nl/test and /en/test are both served by src/routes/(public)/test; /en/about by (public)/over.
export const reroute: Reroute = ({ url }) => deLocalizePath(url.pathname);

// In the browser the locale is the one in the address bar (the server side is in hooks.server.ts).
defineCustomClientStrategy('custom-path', {
	getLocale: () => (typeof location === 'undefined' ? undefined : localeInPath(location.pathname)),
	setLocale: () => {}
});
