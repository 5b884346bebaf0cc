import { describe, expect, it } from 'vitest';
import { applySecurityHeaders, isCrossSiteWrite, parseByteSize, siteCookieName, strictTransportSecurity } from './headers';

describe('parseByteSize', () => {
	it('reads plain bytes and K/M/G suffixes', () => {
		expect(parseByteSize('512')).toBe(512);
		expect(parseByteSize('64K')).toBe(65536);
		expect(parseByteSize('1m')).toBe(1048576);
		expect(parseByteSize('2G')).toBe(2 * 1024 ** 3);
	});
	it('rejects anything else', () => {
		expect(() => parseByteSize('ten')).toThrow();
	});
});

describe('applySecurityHeaders', () => {
	it('sets the baseline headers and a deny-all CSP where none is set', () => {
		const response = new Response('{}');
		applySecurityHeaders(response, 'http://localhost:3000');
		expect(response.headers.get('x-content-type-options')).toBe('nosniff');
		expect(response.headers.get('referrer-policy')).toBe('no-referrer');
		expect(response.headers.get('permissions-policy')).toContain('camera=()');
		expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
	});
	it('keeps a page CSP that is already there', () => {
		const response = new Response('', { headers: { 'content-security-policy': "script-src 'self'" } });
		applySecurityHeaders(response, undefined);
		expect(response.headers.get('content-security-policy')).toBe("script-src 'self'");
	});
	it('puts no CSP on a 304, whose headers would replace those of the cached page', () => {
		const response = new Response(null, { status: 304 });
		applySecurityHeaders(response, undefined);
		expect(response.headers.get('content-security-policy')).toBeNull();
		expect(response.headers.get('x-content-type-options')).toBe('nosniff');
	});
	it('asks browsers for https only when the public address is https', () => {
		const https = new Response('');
		applySecurityHeaders(https, 'https://brug.example.nl');
		expect(https.headers.get('strict-transport-security')).toBe(strictTransportSecurity);
		expect(strictTransportSecurity).toMatch(/^max-age=\d{8,}/);
		for (const origin of ['http://localhost:3000', undefined]) {
			const plain = new Response('');
			applySecurityHeaders(plain, origin);
			expect(plain.headers.get('strict-transport-security'), String(origin)).toBeNull();
		}
	});
});

describe('isCrossSiteWrite', () => {
	const own = 'http://127.0.0.1:3000';
	const siteCookie = `${siteCookieName}=1`;
	const post = (headers: Record<string, string>, method = 'POST', type = 'application/x-www-form-urlencoded') =>
		new Request(`${own}/nl/test?/score`, {
			method,
			headers: { 'content-type': type, ...headers },
			body: method === 'GET' ? undefined : 'q1=yes'
		});
	it('lets same-origin posts through, also with Origin: null from no-referrer', () => {
		expect(isCrossSiteWrite(post({ 'sec-fetch-site': 'same-origin', origin: 'null' }), own)).toBe(false);
		expect(isCrossSiteWrite(post({ 'sec-fetch-site': 'none' }), own)).toBe(false);
		expect(isCrossSiteWrite(post({ origin: own }), own)).toBe(false);
	});
	it('refuses cross-site and same-site posts, whatever the site cookie says', () => {
		expect(isCrossSiteWrite(post({ 'sec-fetch-site': 'cross-site', origin: 'null', cookie: siteCookie }), own)).toBe(true);
		expect(isCrossSiteWrite(post({ 'sec-fetch-site': 'same-site', cookie: siteCookie }), own)).toBe(true);
		expect(isCrossSiteWrite(post({ origin: 'https://evil.example', cookie: siteCookie }), own)).toBe(true);
	});
	it('without Sec-Fetch-Site and without a real Origin, asks for the SameSite=Strict site cookie', () => {
		// Old Safari, same site: no Sec-Fetch-Site, Origin null, but the Strict cookie comes along.
		expect(isCrossSiteWrite(post({ origin: 'null', cookie: `other=2; ${siteCookie}` }), own)).toBe(false);
		// Old Safari after a cross-site redirect: Origin null and no Strict cookie.
		expect(isCrossSiteWrite(post({ origin: 'null' }), own)).toBe(true);
		expect(isCrossSiteWrite(post({}), own)).toBe(true);
		expect(isCrossSiteWrite(post({ cookie: 'xbrug_site=1' }), own)).toBe(true);
	});
	it('holds for every body type and every method that changes something, never for reading', () => {
		for (const type of ['application/json', 'text/plain', '']) {
			expect(isCrossSiteWrite(post({ 'sec-fetch-site': 'cross-site' }, 'POST', type), own), type).toBe(true);
			expect(isCrossSiteWrite(post({}, 'POST', type), own), type).toBe(true);
		}
		for (const method of ['PUT', 'PATCH', 'DELETE']) expect(isCrossSiteWrite(post({ origin: 'null' }, method), own), method).toBe(true);
		expect(isCrossSiteWrite(post({ 'sec-fetch-site': 'cross-site' }, 'GET'), own)).toBe(false);
	});
});
