import { describe, expect, it } from 'vitest';
import { applySecurityHeaders, isCrossSiteFormPost, parseByteSize } from './headers';

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
		applySecurityHeaders(response);
		expect(response.headers.get('x-content-type-options')).toBe('nosniff');
		expect(response.headers.get('referrer-policy')).toBe('no-referrer');
		expect(response.headers.get('permissions-policy')).toContain('camera=()');
		expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
	});
	it('keeps a page CSP that is already there', () => {
		const response = new Response('', { headers: { 'content-security-policy': "script-src 'self'" } });
		applySecurityHeaders(response);
		expect(response.headers.get('content-security-policy')).toBe("script-src 'self'");
	});
});

describe('isCrossSiteFormPost', () => {
	const own = 'http://127.0.0.1:3000';
	const post = (headers: Record<string, string>, method = 'POST') =>
		new Request(`${own}/nl/test?/score`, {
			method,
			headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
			body: method === 'GET' ? undefined : 'q1=yes'
		});
	it('lets same-origin posts through, also with Origin: null from no-referrer', () => {
		expect(isCrossSiteFormPost(post({ 'sec-fetch-site': 'same-origin', origin: 'null' }), own, false)).toBe(false);
		expect(isCrossSiteFormPost(post({ 'sec-fetch-site': 'none' }), own, false)).toBe(false);
		expect(isCrossSiteFormPost(post({ origin: own }), own, false)).toBe(false);
	});
	it('refuses cross-site and same-site posts', () => {
		expect(isCrossSiteFormPost(post({ 'sec-fetch-site': 'cross-site', origin: 'null' }), own, true)).toBe(true);
		expect(isCrossSiteFormPost(post({ 'sec-fetch-site': 'same-site' }), own, true)).toBe(true);
		expect(isCrossSiteFormPost(post({ origin: 'https://evil.example' }), own, true)).toBe(true);
	});
	it('without Sec-Fetch-Site and without a real Origin, asks for the SameSite=Strict site cookie', () => {
		// Old Safari, same site: no Sec-Fetch-Site, Origin null, but the Strict cookie comes along.
		expect(isCrossSiteFormPost(post({ origin: 'null' }), own, true)).toBe(false);
		// Old Safari after a cross-site redirect: Origin null and no Strict cookie.
		expect(isCrossSiteFormPost(post({ origin: 'null' }), own, false)).toBe(true);
		expect(isCrossSiteFormPost(post({}), own, false)).toBe(true);
	});
	it('ignores JSON bodies and safe methods', () => {
		const json = new Request(`${own}/api/v1/instruments/djg-11/score`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', 'sec-fetch-site': 'cross-site' },
			body: '{}'
		});
		expect(isCrossSiteFormPost(json, own, false)).toBe(false);
		expect(isCrossSiteFormPost(post({ 'sec-fetch-site': 'cross-site' }, 'GET'), own, false)).toBe(false);
	});
});
