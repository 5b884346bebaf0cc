/**
 * The secret that signs session cookies: BRUG_AUTH_SECRET, or a random one kept in `<dataDir>/auth-secret`
 * (mode 0600, created on first start), so `npm start` works without setup and sessions survive restarts.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export function loadAuthSecret(options: { dataDir: string; configured?: string }): string {
	if (options.configured) return options.configured;
	const file = path.join(options.dataDir, 'auth-secret');
	try {
		const mode = fs.statSync(file).mode & 0o777;
		if (mode & 0o077) {
			throw new Error(`${file} can be read by other users (mode ${mode.toString(8)}): run chmod 600 on it.`);
		}
		const secret = fs.readFileSync(file, 'utf8').trim();
		if (secret.length < 32) throw new Error(`${file} holds fewer than 32 characters: delete it to get a new one.`);
		return secret;
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
	}
	fs.mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
	const secret = randomBytes(32).toString('base64url');
	// 'wx': never overwrite a secret another process has just written.
	fs.writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
	return secret;
}
