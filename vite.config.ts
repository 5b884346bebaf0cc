import { sveltekit } from '@sveltejs/kit/vite';
import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [
		paraglideVitePlugin({
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
		}),
		sveltekit()
	],
	server: { port: 3000 },
	test: {
		include: ['src/**/*.test.ts', 'tests/integration/**/*.test.ts'],
		environment: 'node',
		globalSetup: ['tests/integration/global-setup.ts'],
		testTimeout: 20_000,
		hookTimeout: 60_000
	}
});
