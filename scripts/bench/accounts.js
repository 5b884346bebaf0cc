/**
 * Accounts through brug's own forms, for the scripts that run the built app (benches, the start-and-smoke check):
 *   linkInMailTo(outboxDir, address, pattern?)   the link in the newest mail brug wrote to its outbox for an address
 *   signUpAndSignIn(browser, outboxDir, email, password)   sign up, confirm the address, sign in
 * The server must run without SMTP_URL, so that its mails go to <BRUG_DATA_DIR>/outbox.
 */
import fs from 'node:fs';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { sleep } from './common.js';

/**
 * @param {string} outboxDir
 * @param {string} address
 * @param {RegExp} [pattern] what the link looks like
 * @returns {Promise<URL>}
 */
export async function linkInMailTo(outboxDir, address, pattern = /https?:\/\/\S+/) {
	const deadline = Date.now() + 10_000;
	while (Date.now() < deadline) {
		const files = fs.existsSync(outboxDir) ? fs.readdirSync(outboxDir).sort().reverse() : [];
		for (const file of files) {
			const mail = await simpleParser(fs.readFileSync(path.join(outboxDir, file)));
			const to = Array.isArray(mail.to) ? mail.to.flatMap((t) => t.value) : (mail.to?.value ?? []);
			if (!to.some((a) => a.address === address)) continue;
			const link = (mail.text ?? '').match(pattern)?.[0];
			if (link) return new URL(link);
		}
		await sleep(100);
	}
	throw new Error(`no mail with a link to ${address} in ${outboxDir}`);
}

/**
 * @param {import('./common.js').Browser} browser
 * @param {string} outboxDir
 * @param {string} email
 * @param {string} password
 */
export async function signUpAndSignIn(browser, outboxDir, email, password) {
	await browser.get('/nl/account/registreren');
	await browser.submit('/nl/account/registreren', { email, password });
	const link = await linkInMailTo(outboxDir, email, /https?:\/\/\S*bevestigen\?token=\S+/);
	const token = link.searchParams.get('token');
	if (!token) throw new Error('the confirmation link has no token');
	await browser.submit('/nl/account/bevestigen', { token });
	await browser.submit('/nl/account/inloggen', { email, password });
	if (!browser.signedIn()) throw new Error('signing in gave no session cookie');
}
