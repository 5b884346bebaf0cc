/**
 * The process-wide sign-in layer, started once after the database (hooks.server.ts `init`).
 * - `startAuth()`, `auth()`: the better-auth instance with brug's mailer, links and SvelteKit cookie bridge.
 * - `publicOrigin()`: where links in mails point to.
 */
import { getRequestEvent } from '$app/server';
import { localizePath } from '$lib/i18n/paths';
import { config } from '$lib/server/env';
import { databaseKind, db } from '$lib/server/db';
import { mailer } from '$lib/server/mail/mailer';
import { createAuth, type Auth } from './auth';
import { accountMailer } from './auth-mails';
import { loadAuthSecret } from './secret';

let instance: Auth | undefined;

export function publicOrigin(): string {
	const { ORIGIN, PORT } = config();
	return ORIGIN ?? `http://localhost:${PORT}`;
}

const linkPaths = {
	verify: '/account/bevestigen',
	reset: '/account/nieuw-wachtwoord',
	forgot: '/account/wachtwoord-vergeten'
} as const;

export function startAuth(): Auth {
	if (instance) return instance;
	const kind = databaseKind();
	if (!kind) throw new Error('Start the database before the sign-in layer.');
	const { dataDir, BRUG_AUTH_SECRET } = config();
	instance = createAuth({
		db: db(),
		kind,
		secret: loadAuthSecret({ dataDir, configured: BRUG_AUTH_SECRET }),
		origin: publicOrigin(),
		mailer: accountMailer(mailer()),
		linkFor: (kind, token, locale) => {
			const path = token ? `${linkPaths[kind]}?token=${encodeURIComponent(token)}` : linkPaths[kind];
			return new URL(localizePath(path, locale === 'en' ? 'en' : 'nl'), publicOrigin()).href;
		},
		// Lets use-cases called from form actions set and clear the session cookie.
		requestEvent: getRequestEvent
	});
	return instance;
}

export function auth(): Auth {
	if (!instance) throw new Error('The sign-in layer is not started yet.');
	return instance;
}
