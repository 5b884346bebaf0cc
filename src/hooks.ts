import type { Reroute } from '@sveltejs/kit';
import { deLocalizeUrl } from '$lib/paraglide/runtime';

// /nl/test and /en/test are both served by src/routes/(public)/test.
export const reroute: Reroute = ({ url }) => deLocalizeUrl(url).pathname;
