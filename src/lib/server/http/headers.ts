/**
 * HTTP rules every response and every write share: the security headers (their values live in security-headers.js,
 * which scripts/serve.js shares), the body size, and the one cross-site rule for forms and cookie API calls.
 */
import { securityHeadersFor, siteCookieName } from './security-headers.js';

export { fallbackCsp, securityHeaders, securityHeadersFor, siteCookie, siteCookieName, strictTransportSecurity } from './security-headers.js';

/**
 * Sets every security header the response does not set itself (a page keeps its own CSP with nonces). A 304 gets
 * no CSP: its headers replace the cached page's, and the deny-all policy would then block the page's own styles.
 */
export function applySecurityHeaders(response: Response, origin: string | undefined): void {
	for (const [name, value] of Object.entries(securityHeadersFor(origin))) {
		if (response.status === 304 && name === 'content-security-policy') continue;
		if (!response.headers.has(name)) response.headers.set(name, value);
	}
}

/** Parses sizes such as "64K" or "1M" into bytes. */
export function parseByteSize(size: string): number {
	const match = /^(\d+)([KMG]?)$/i.exec(size.trim());
	if (!match) throw new Error(`Not a size: ${size}`);
	const units: Record<string, number> = { '': 1, K: 1024, M: 1024 ** 2, G: 1024 ** 3 };
	return Number(match[1]) * (units[(match[2] ?? '').toUpperCase()] ?? 1);
}

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Whether the Cookie header holds a cookie of this name (SvelteKit's cookies are not at hand in every caller). */
export function hasCookie(request: Request, name: string): boolean {
	const header = request.headers.get('cookie') ?? '';
	return header.split(';').some((pair) => (pair.split('=')[0] ?? '').trim() === name);
}

/**
 * The one rule for a request that changes something and rides on the browser's cookies (a form post, a JSON API
 * call made with the session cookie): it must come from brug's own pages. Browsers mark every request with
 * Sec-Fetch-Site. Where it is missing (Safari before 16.4, common on older iPads), a foreign Origin is refused; and
 * because Referrer-Policy: no-referrer makes a same-origin post say "Origin: null" too, a request without a real
 * Origin must carry the SameSite=Strict site cookie. See docs/decisions/006-csrf.md.
 */
export function isCrossSiteWrite(request: Request, ownOrigin: string): boolean {
	if (safeMethods.has(request.method)) return false;
	const site = request.headers.get('sec-fetch-site');
	if (site) return site !== 'same-origin' && site !== 'none';
	const origin = request.headers.get('origin');
	if (origin !== null && origin !== 'null') return origin !== ownOrigin;
	return !hasCookie(request, siteCookieName);
}
