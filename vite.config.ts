import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import adapter from '@sveltejs/adapter-node';
import { sveltekit } from '@sveltejs/kit/vite';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { defineConfig } from 'vitest/config';
import { paraglideOptions } from './scripts/paraglide.js';

/**
 * The prerendered pages' addresses in both languages (English ones use English words, src/lib/i18n/paths.ts); each
 * page also says `prerender = true`. The glossary's entries are found by following the list's links.
 */
const prerenderedPaths = ['/nl/test', '/en/test', '/nl/hulp', '/en/help', '/nl/over', '/en/about', '/nl/privacy', '/en/privacy', '/nl/oefeningen', '/en/exercises', '/nl/woordenlijst', '/en/glossary'] as const;

export default defineConfig({
	plugins: [
		paraglideVitePlugin(paraglideOptions),
		sveltekit({
			preprocess: vitePreprocess(),
			// Precompressed (gzip, brotli) files: prerendered pages and scripts are sent without compressing per request.
			adapter: adapter({ out: 'build', precompress: true }),
			// Pages that are the same for everyone are built once as files (see docs/performance.md). Their addresses
			// carry the locale, which reroute (src/hooks.ts) strips, so the entries name them; a link to a page
			// that is not prerendered is simply not followed, and any error while building one stops the build.
			prerender: { entries: [...prerenderedPaths], handleHttpError: 'fail', handleUnseenRoutes: 'ignore' },
			// With Referrer-Policy: no-referrer, browsers send "Origin: null" on same-origin form posts, so Kit's own
			// origin check would refuse them. hooks.server.ts checks Sec-Fetch-Site instead (docs/decisions/006).
			csrf: { trustedOrigins: ['*'] },
			// Nonces for server-rendered pages; no inline script runs without one.
			csp: {
				mode: 'auto',
				directives: {
					'default-src': ['self'],
					'script-src': ['self'],
					// SvelteKit's route announcer, added by the client, carries this one style attribute (its exact text);
					// 'unsafe-hashes' lets only that attribute through, where 'unsafe-inline' would allow any style.
					'style-src': ['self', 'unsafe-hashes', 'sha256-S8qMpvofolR8Mpjy4kQvEm7m1q8clzU4dfDH0AmvZjo='],
					'img-src': ['self', 'data:'],
					'font-src': ['self'],
					'connect-src': ['self'],
					'form-action': ['self'],
					'base-uri': ['none'],
					'object-src': ['none'],
					'frame-ancestors': ['none']
				}
			}
		})
	],
	// Kit 3 no longer provides $lib; brug keeps the name (tsconfig.json maps it the same way for TypeScript).
	resolve: { alias: { $lib: fileURLToPath(new URL('./src/lib', import.meta.url)) } },
	server: { port: 3000 },
	test: {
		include: ['src/**/*.test.ts', 'tests/integration/**/*.test.ts', 'tests/support/**/*.test.ts', 'tests/architecture/**/*.test.ts', 'tests/scripts/**/*.test.ts'],
		environment: 'node',
		globalSetup: ['tests/integration/global-setup.ts'],
		// Vitest's default is one worker per core but one; on two cores that is a single worker, while most suites
		// wait on PostgreSQL or a spawned server. Every suite has databases of its own, so two never see each other.
		maxWorkers: Math.max(2, availableParallelism()),
		testTimeout: 20_000,
		hookTimeout: 60_000
	}
});
