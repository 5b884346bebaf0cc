/** A better-auth instance on a test database whose mails are kept in a list instead of sent. */
import { createAuth, type Auth } from '$lib/server/auth/auth';
import type { DatabaseHandle } from '$lib/server/db/client';

export interface SentLink {
	kind: 'verify' | 'reset' | 'already';
	email: string;
	url: string;
	locale: string;
}

export function testAuth(handle: DatabaseHandle, sent: SentLink[] = []): Auth {
	return createAuth({
		db: handle.db,
		kind: handle.kind,
		secret: 'test-secret-'.padEnd(48, 'x'),
		origin: 'http://127.0.0.1:4173',
		mailer: {
			sendVerification: async (mail) => void sent.push({ kind: 'verify', ...mail }),
			sendPasswordReset: async (mail) => void sent.push({ kind: 'reset', ...mail }),
			sendAlreadyRegistered: async (mail) => void sent.push({ kind: 'already', ...mail })
		},
		linkFor: (kind, token, locale) => `http://127.0.0.1:4173/${locale}/account/${kind}?token=${token}`
	});
}

/** The token in the newest mailed link. */
export function lastToken(sent: SentLink[]): string {
	return new URL(sent.at(-1)?.url ?? 'http://x').searchParams.get('token') ?? '';
}
