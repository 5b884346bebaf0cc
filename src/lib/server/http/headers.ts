/**
 * Security headers for every response. The page CSP itself comes from the csp option of sveltekit() in vite.config.ts
 * (with nonces); responses without one (JSON, redirects) get a deny-all policy.
 */
export const securityHeaders: Record<string, string> = {
	'x-content-type-options': 'nosniff',
	'referrer-policy': 'no-referrer',
	'permissions-policy':
		'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=(), browsing-topics=()',
	'cross-origin-opener-policy': 'same-origin',
	'x-frame-options': 'DENY'
};

export const fallbackCsp = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'";

export function applySecurityHeaders(response: Response): void {
	for (const [name, value] of Object.entries(securityHeaders)) {
		if (!response.headers.has(name)) response.headers.set(name, value);
	}
	if (!response.headers.has('content-security-policy')) {
		response.headers.set('content-security-policy', fallbackCsp);
	}
}

/** Parses sizes such as "64K" or "1M" into bytes. */
export function parseByteSize(size: string): number {
	const match = /^(\d+)([KMG]?)$/i.exec(size.trim());
	if (!match) throw new Error(`Not a size: ${size}`);
	const units: Record<string, number> = { '': 1, K: 1024, M: 1024 ** 2, G: 1024 ** 3 };
	return Number(match[1]) * (units[(match[2] ?? '').toUpperCase()] ?? 1);
}

const formContentTypes = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];

/** A SameSite=Strict cookie set on every page: browsers never send it with a post that starts on another site. */
export const siteCookieName = 'brug_site';

/**
 * Cross-site form posts are refused. Browsers mark every request with Sec-Fetch-Site. Where it is missing (Safari
 * before 16.4, common on older iPads), a foreign Origin is refused; and because Referrer-Policy: no-referrer makes
 * a same-origin post say "Origin: null" too, a post without a real Origin must carry the SameSite=Strict site
 * cookie. See docs/decisions/006-csrf.md.
 */
export function isCrossSiteFormPost(request: Request, ownOrigin: string, hasSiteCookie: boolean): boolean {
	if (['GET', 'HEAD', 'OPTIONS'].includes(request.method)) return false;
	const type = (request.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
	if (!formContentTypes.includes(type)) return false;
	const site = request.headers.get('sec-fetch-site');
	if (site) return site !== 'same-origin' && site !== 'none';
	const origin = request.headers.get('origin');
	if (origin !== null && origin !== 'null') return origin !== ownOrigin;
	return !hasSiteCookie;
}
