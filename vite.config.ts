import { fileURLToPath } from 'node:url';
import adapter from '@sveltejs/adapter-node';
import { sveltekit } from '@sveltejs/kit/vite';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { defineConfig } from 'vitest/config';
import { paraglideOptions } from './scripts/paraglide.js';

export default defineConfig({
	plugins: [
		paraglideVitePlugin(paraglideOptions),
		sveltekit({
			preprocess: vitePreprocess(),
			adapter: adapter({ out: 'build', precompress: false }),
			// Pages that are the same for everyone are built once as files. Their addresses carry the locale, which
			// reroute (src/hooks.ts) strips, so the entries name them; each page also says `prerender = true`.
			prerender: { entries: ['/nl/test', '/en/test'], handleHttpError: 'fail', handleUnseenRoutes: 'ignore' },
			// With Referrer-Policy: no-referrer, browsers send "Origin: null" on same-origin form posts, so Kit's own
			// origin check would refuse them. hooks.server.ts checks Sec-Fetch-Site instead (docs/decisions/006).
			csrf: { trustedOrigins: ['*'] },
			// Nonces for server-rendered pages; no inline script runs without one.
			csp: {
				mode: 'auto',
				directives: {
					'default-src': ['self'],
					'script-src': ['self'],
					'style-src': ['self'],
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
		testTimeout: 20_000,
		hookTimeout: 60_000
	}
});
