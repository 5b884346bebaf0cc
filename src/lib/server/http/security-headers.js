/**
 * The security headers of every response, in plain JavaScript so that `scripts/serve.js` can put them on the static
 * files adapter-node serves before the app's hooks run; hooks.server.ts puts the same ones on everything else.
 * The page CSP itself comes from the csp option of sveltekit() in vite.config.ts (with nonces); responses without
 * one (JSON, redirects, files) get a deny-all policy.
 */

/** @type {Readonly<Record<string, string>>} */
export const securityHeaders = {
	'x-content-type-options': 'nosniff',
	'referrer-policy': 'no-referrer',
	'permissions-policy':
		'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=(), browsing-topics=()',
	'cross-origin-opener-policy': 'same-origin',
	'x-frame-options': 'DENY'
};

export const fallbackCsp = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'";

/** Two years, the usual value; only ever sent when brug's public address is https (a browser ignores it over http). */
export const strictTransportSecurity = 'max-age=63072000; includeSubDomains';

/**
 * Every header a response of brug carries unless it sets its own, for the public address `origin` (ORIGIN).
 * @param {string | undefined} origin
 * @returns {Record<string, string>}
 */
export function securityHeadersFor(origin) {
	const https = typeof origin === 'string' && origin.toLowerCase().startsWith('https:');
	return {
		...securityHeaders,
		'content-security-policy': fallbackCsp,
		...(https ? { 'strict-transport-security': strictTransportSecurity } : {})
	};
}

/** A SameSite=Strict cookie set on every page: browsers never send it with a request that starts on another site. */
export const siteCookieName = 'brug_site';

/**
 * The Set-Cookie value of the site cookie (scripts/serve.js sets it on prerendered pages, the hooks on the rest).
 * @param {boolean} secure whether brug is served over https
 */
export function siteCookie(secure) {
	return `${siteCookieName}=1; Path=/; Max-Age=31536000; HttpOnly; SameSite=Strict${secure ? '; Secure' : ''}`;
}
