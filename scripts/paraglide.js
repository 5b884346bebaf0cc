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
	// The locale lives in the URL (/nl/…, /en/…): "custom-path" is defined in src/hooks.ts and src/hooks.server.ts
	// with the table in src/lib/i18n/paths.ts. A path without one falls back to the cookie, then Accept-Language.
	strategy: ['custom-path', 'cookie', 'preferredLanguage', 'baseLocale'],
	cookieName: 'brug_locale'
};

if (process.argv[1] === fileURLToPath(import.meta.url)) {
	await compile(paraglideOptions);
}
