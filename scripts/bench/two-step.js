/**
 * Two-step sign-in for the benches that sign in through the forms (bench-caseload.js, bench-reports.js):
 *   totpCode(secret, at?)              the code an authenticator app shows (RFC 6238; as tests/support/totp.ts)
 *   turnOnTwoStep(browser, password)   on /account/tweestaps: switches it on, returns the secret for later codes
 */
import { createHmac } from 'node:crypto';
import { snippet } from './common.js';

const base32Alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/**
 * A TOTP code (RFC 6238: HMAC-SHA1, 30 s, 6 digits), as an authenticator app computes it; see tests/support/totp.ts.
 * @param {string} secretBase32
 * @param {number} [at]
 */
export function totpCode(secretBase32, at = Date.now()) {
	let bits = '';
	for (const char of secretBase32.replace(/=+$/, '').toUpperCase()) {
		const value = base32Alphabet.indexOf(char);
		if (value === -1) throw new Error(`the two-step secret is not base32: ${char}`);
		bits += value.toString(2).padStart(5, '0');
	}
	const key = Buffer.from((bits.match(/.{8}/g) ?? []).map((byte) => parseInt(byte, 2)));
	const counter = Buffer.alloc(8);
	counter.writeBigUInt64BE(BigInt(Math.floor(at / 1000 / 30)));
	const digest = createHmac('sha1', key).update(counter).digest();
	const offset = (digest[digest.length - 1] ?? 0) & 0x0f;
	return ((digest.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).toString().padStart(6, '0');
}

/** @param {string} text */
const unescapeHtml = (text) =>
	text.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/**
 * On the two-step page after a password step: switches two-step sign-in on and returns the secret for later codes.
 * @param {import('./common.js').Browser} browser
 * @param {string} password
 */
export async function turnOnTwoStep(browser, password) {
	const page = '/nl/account/tweestaps';
	const started = await browser.post(`${page}?/start`, { password });
	if (started.status !== 200) throw new Error(`POST ${page}?/start answered ${started.status}, expected 200: ${snippet(started.text)}`);
	const secret = started.text.match(/data-testid="totp-secret"[^>]*>\s*([A-Z2-7=]+)\s*</)?.[1];
	const totpUri = started.text.match(/name="totpUri" value="([^"]*)"/)?.[1];
	const recoveryCodes = started.text.match(/name="recoveryCodes" value="([^"]*)"/)?.[1];
	if (!secret || !totpUri || recoveryCodes === undefined) throw new Error('the two-step page showed no secret after the password');
	await browser.submit(`${page}?/confirm`, { code: totpCode(secret), totpUri: unescapeHtml(totpUri), recoveryCodes: unescapeHtml(recoveryCodes) });
	return secret;
}
