/**
 * Paraglide's compiler options, shared by vite.config.ts (compiles on dev, build and test) and `npm run check`
 * (compiles before svelte-check on a fresh clone, where src/lib/paraglide does not exist yet).
 * Run directly (`node scripts/paraglide.js`) it compiles once.
 */
import { compile } from '@inlang/paraglide-js';
import { fileURLToPath } from 'node:url';

/** @type {Parameters<typeof compile>[0]} */
export const paraglideOptions = {
	project: './project.inlang',
	outdir: './src/lib/paraglide',
	// Locale lives in the URL (/nl/…, /en/…); a bare "/" is resolved in hooks.server.ts.
	strategy: ['url', 'cookie', 'preferredLanguage', 'baseLocale'],
	cookieName: 'brug_locale',
	// Dutch slugs are the route names; English gets its own words where they differ.
	urlPatterns: [
		{ pattern: '/over', localized: [['en', '/en/about'], ['nl', '/nl/over']] },
		{ pattern: '/hulp', localized: [['en', '/en/help'], ['nl', '/nl/hulp']] },
		{
			pattern: '/uitslag/:token',
			localized: [
				['en', '/en/result/:token'],
				['nl', '/nl/uitslag/:token']
			]
		},
		{
			pattern: '/:path(.*)?',
			localized: [
				['en', '/en/:path(.*)?'],
				['nl', '/nl/:path(.*)?']
			]
		}
	]
};

if (process.argv[1] === fileURLToPath(import.meta.url)) {
	await compile(paraglideOptions);
}
