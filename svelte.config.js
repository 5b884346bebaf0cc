import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter({ out: 'build', precompress: false }),
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
	}
};

export default config;
