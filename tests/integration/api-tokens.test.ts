/**
 * Personal API tokens and the API's door (api-auth.ts) with real accounts, sessions and tokens, on both databases:
 * who the caller is, what a refusal looks like, and the consent and invitation use-cases the routes call.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isHttpError, json, type RequestEvent } from '@sveltejs/kit';
import type { Auth } from '$lib/server/auth/auth';
import type { DatabaseHandle } from '$lib/server/db/client';
import { currentAccount } from '$lib/features/accounts/accounts.server';
import type { SignedInAccount } from '$lib/server/auth/account';
import { exportPersonalData } from '$lib/composers/personal-data/personal-data.server';
import {
	accountForApiToken,
	createApiToken,
	listApiTokens,
	revokeAllApiTokens,
	revokeApiToken
} from '$lib/features/api-tokens/api-tokens.server';
import { hashApiToken } from '$lib/features/api-tokens/api-tokens';
import { auditCursor, listAuditEventsAboutPerson } from '$lib/features/audit/audit.server';
import { recordAuditEvent } from '$lib/kernel/audit.server';
import { createClientInvitation, listClientInvitations, listConsentGrantsForPerson, revokeClientInvitation } from '$lib/features/consent/consent.server';
import { acceptClientInvitation, changeConsentScopes, withdrawConsent } from '$lib/composers/consent-changes.server';
import { createApiHandler, resolveApiCaller, type ApiHandle } from '$lib/composers/api/api-auth';
import { lastToken, testAuth, type SentLink } from './auth-fixture';
import { testDatabases } from './databases';

const password = 'lang genoeg wachtwoord';
const hour = 60 * 60 * 1000;
const day = 24 * hour;

async function expectRefusal(promise: Promise<unknown>, status: number): Promise<void> {
	try {
		await promise;
	} catch (error) {
		expect(isHttpError(error) && error.status).toBe(status);
		return;
	}
	throw new Error(`expected a ${status}`);
}

describe.each(testDatabases())('personal API tokens and the API door on $name', (target) => {
	let handle: DatabaseHandle;
	let auth: Auth;
	let sent: SentLink[];

	beforeEach(async () => {
		handle = await target.open();
		sent = [];
		auth = testAuth(handle, sent);
	});
	afterEach(() => handle.close());

	async function person(email: string): Promise<{ account: SignedInAccount; cookie: string }> {
		await auth.api.signUpEmail({ body: { email, password, name: email.split('@')[0]! } });
		await auth.api.verifyEmail({ query: { token: lastToken(sent) } });
		const response = await auth.api.signInEmail({ body: { email, password }, asResponse: true });
		const cookie = response.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
		const account = await currentAccount(auth, { headers: new Headers({ cookie }) });
		if (!account) throw new Error('not signed in');
		return { account, cookie };
	}

	/** A professional in a new organisation; two-step sign-in on unless told otherwise. */
	async function professional(email: string, twoFactor = true): Promise<{ account: SignedInAccount; organisationId: string }> {
		const { account } = await person(email);
		const organisationId = crypto.randomUUID();
		const now = new Date().toISOString();
		await handle.db.insertInto('organisation').values({ id: organisationId, name: 'Welzijn Oost', kind: 'welfare', created_at: now }).execute();
		await handle.db
			.insertInto('membership')
			.values({ id: crypto.randomUUID(), organisation_id: organisationId, account_id: account.id, role: 'professional', created_at: now })
			.execute();
		if (twoFactor) {
			await handle.db
				.updateTable('account')
				.set({ two_factor_enabled: handle.kind === 'sqlite' ? 1 : true })
				.where('id', '=', account.id)
				.execute();
		}
		return { account: { ...account, twoFactorEnabled: twoFactor }, organisationId };
	}

	const noMail = { send: async () => ({ delivered: 'outbox' as const, messageId: 'x' }) };
	const linkFor = (code: string) => `http://127.0.0.1/nl/account/koppelen?code=${code}`;

	describe('tokens', () => {
		it('stop working after a password reset and after "sign out everywhere", as after a break-in', async () => {
			const { account } = await person('anna@example.nl');
			const first = await createApiToken(handle.db, { actor: account, label: 'script' });
			await auth.api.requestPasswordReset({ body: { email: 'anna@example.nl' } });
			await auth.api.resetPassword({ body: { token: lastToken(sent), newPassword: 'een heel nieuw wachtwoord' } });
			expect(await accountForApiToken(handle.db, first.token)).toBeNull();

			const second = await createApiToken(handle.db, { actor: account, label: 'script' });
			const other = await person('ben@example.nl');
			const bens = await createApiToken(handle.db, { actor: other.account, label: 'ben' });
			expect(await revokeAllApiTokens(handle.db, { actor: account })).toBe(1);
			expect(await accountForApiToken(handle.db, second.token)).toBeNull();
			expect((await accountForApiToken(handle.db, bens.token))?.id).toBe(other.account.id);
		});

		it('are shown once, kept only as a hash, and listed by label', async () => {
			const { account } = await person('anna@example.nl');
			const now = new Date('2026-03-01T10:00:00Z');
			const created = await createApiToken(handle.db, { actor: account, label: '  thuis-script ', now });
			expect(created.token).toMatch(/^brug_[A-Za-z0-9_-]{43}$/);
			expect(created.expiresAt).toBe('2027-03-01T10:00:00.000Z');

			const rows = await handle.db.selectFrom('api_token').selectAll().execute();
			expect(rows).toHaveLength(1);
			expect(rows[0]!.token_hash).toBe(hashApiToken(created.token));
			expect(JSON.stringify(rows)).not.toContain(created.token.slice(5));

			const listed = await listApiTokens(handle.db, { actor: account });
			expect(listed).toEqual([
				{ id: created.id, label: 'thuis-script', createdAt: now.toISOString(), lastUsedAt: null, expiresAt: created.expiresAt }
			]);
			const exported = await exportPersonalData(handle.db, { account });
			expect(exported.apiTokens).toEqual([{ label: 'thuis-script', createdAt: now.toISOString(), lastUsedAt: null, expiresAt: created.expiresAt }]);
			expect(JSON.stringify(exported)).not.toContain(created.token);
		});

		it('lists only the caller’s own tokens, newest first', async () => {
			const anna = await person('anna@example.nl');
			const ben = await person('ben@example.nl');
			await createApiToken(handle.db, { actor: anna.account, label: 'oud', now: new Date('2026-01-01T00:00:00Z') });
			await createApiToken(handle.db, { actor: anna.account, label: 'nieuw', now: new Date('2026-02-01T00:00:00Z') });
			await createApiToken(handle.db, { actor: ben.account, label: 'van ben' });
			expect((await listApiTokens(handle.db, { actor: anna.account })).map((t) => t.label)).toEqual(['nieuw', 'oud']);
		});

		it('open the account they belong to, until they expire', async () => {
			const { account } = await professional('anna@example.nl');
			const now = new Date('2026-03-01T10:00:00Z');
			const { token, expiresAt } = await createApiToken(handle.db, { actor: account, label: 'script', now });
			expect(await accountForApiToken(handle.db, token, now)).toEqual({
				id: account.id,
				email: 'anna@example.nl',
				locale: 'nl',
				twoFactorEnabled: true
			});
			expect(await accountForApiToken(handle.db, token, new Date(new Date(expiresAt).getTime() - 1000))).not.toBeNull();
			expect(await accountForApiToken(handle.db, token, new Date(expiresAt))).toBeNull();
		});

		it('refuse unknown and malformed tokens', async () => {
			const { account } = await person('anna@example.nl');
			const { token } = await createApiToken(handle.db, { actor: account, label: 'script' });
			const other = `brug_${'A'.repeat(43)}`;
			for (const bogus of [other, '', 'brug_', token.slice(5), `${token}x`, token.toUpperCase(), hashApiToken(token)]) {
				expect(await accountForApiToken(handle.db, bogus), bogus).toBeNull();
			}
		});

		it('note their last use at most once an hour', async () => {
			const { account } = await person('anna@example.nl');
			const start = new Date('2026-03-01T10:00:00Z');
			const { token } = await createApiToken(handle.db, { actor: account, label: 'script', now: start });
			const lastUsed = async () => (await listApiTokens(handle.db, { actor: account }))[0]!.lastUsedAt;

			await accountForApiToken(handle.db, token, new Date(start.getTime() + 1000));
			expect(await lastUsed()).toBe('2026-03-01T10:00:01.000Z');
			await accountForApiToken(handle.db, token, new Date(start.getTime() + 30 * 60 * 1000));
			expect(await lastUsed()).toBe('2026-03-01T10:00:01.000Z');
			await accountForApiToken(handle.db, token, new Date(start.getTime() + 1000 + hour));
			expect(await lastUsed()).toBe('2026-03-01T11:00:01.000Z');
		});

		it('stop working once revoked, and only their owner can revoke them', async () => {
			const anna = await person('anna@example.nl');
			const ben = await person('ben@example.nl');
			const { id, token } = await createApiToken(handle.db, { actor: anna.account, label: 'script' });
			expect(await revokeApiToken(handle.db, { actor: ben.account, tokenId: id })).toBe(false);
			expect(await accountForApiToken(handle.db, token)).not.toBeNull();
			expect(await revokeApiToken(handle.db, { actor: anna.account, tokenId: id })).toBe(true);
			expect(await revokeApiToken(handle.db, { actor: anna.account, tokenId: id })).toBe(false);
			expect(await accountForApiToken(handle.db, token)).toBeNull();
			expect(await listApiTokens(handle.db, { actor: anna.account })).toEqual([]);
		});

		it('are for signed-in people only', async () => {
			await expectRefusal(createApiToken(handle.db, { actor: null, label: 'x' }), 401);
			await expectRefusal(listApiTokens(handle.db, { actor: null }), 401);
			await expectRefusal(revokeApiToken(handle.db, { actor: null, tokenId: 'x' }), 401);
		});

		it('go with the account when it is deleted', async () => {
			const { account } = await person('anna@example.nl');
			const { token } = await createApiToken(handle.db, { actor: account, label: 'script' });
			await handle.db.deleteFrom('account').where('id', '=', account.id).execute();
			expect(await handle.db.selectFrom('api_token').selectAll().execute()).toEqual([]);
			expect(await accountForApiToken(handle.db, token)).toBeNull();
		});
	});

	describe('the API door', () => {
		const apiHandler = () => createApiHandler(() => ({ db: handle.db, auth }));

		function event(path: string, init: RequestInit & { headers?: Record<string, string> } = {}): RequestEvent {
			const url = new URL(path, 'http://127.0.0.1:4173');
			return {
				request: new Request(url, init),
				url,
				params: {},
				getClientAddress: () => '127.0.0.1'
			} as unknown as RequestEvent;
		}

		const whoAmI: ApiHandle<RequestEvent> = async (_event, actor) => json({ id: actor.id });

		it('answers 401 problem+json with a Bearer challenge to an anonymous caller', async () => {
			const response = await apiHandler()(whoAmI)(event('/api/v1/me/consents'));
			expect(response.status).toBe(401);
			expect(response.headers.get('content-type')).toBe('application/problem+json');
			expect(response.headers.get('www-authenticate')).toBe('Bearer');
			expect(response.headers.get('cache-control')).toBe('no-store');
			expect(await response.json()).toMatchObject({ title: 'Authentication required.', status: 401 });
		});

		it('answers 401 to a wrong token, even when a valid session cookie comes along', async () => {
			const { cookie } = await person('anna@example.nl');
			for (const authorization of [`Bearer brug_${'x'.repeat(43)}`, 'Bearer', 'Basic YW5uYTp4', 'brug_abc']) {
				const response = await apiHandler()(whoAmI)(event('/api/v1/me/consents', { headers: { authorization, cookie } }));
				expect(response.status, authorization).toBe(401);
				expect(response.headers.get('www-authenticate')).toBe('Bearer error="invalid_token"');
			}
		});

		it('knows the caller by token or by session cookie', async () => {
			const { account, cookie } = await person('anna@example.nl');
			const { token } = await createApiToken(handle.db, { actor: account, label: 'script' });
			const byToken = await apiHandler()(whoAmI)(event('/api/v1/me/consents', { headers: { authorization: `Bearer ${token}` } }));
			expect(byToken.status).toBe(200);
			expect(byToken.headers.get('cache-control')).toBe('no-store');
			expect(await byToken.json()).toEqual({ id: account.id });
			const byCookie = await apiHandler()(whoAmI)(event('/api/v1/me/consents', { headers: { cookie } }));
			expect(await byCookie.json()).toEqual({ id: account.id });
			const caller = await resolveApiCaller(new Request('http://x/', { headers: { authorization: `bearer  ${token}` } }), { db: handle.db, auth });
			expect(caller).toMatchObject({ via: 'token', account: { id: account.id } });
		});

		it('refuses a change by cookie that another site starts, but not one by token', async () => {
			const { account, cookie } = await person('anna@example.nl');
			const { token } = await createApiToken(handle.db, { actor: account, label: 'script' });
			const fromElsewhere: Record<string, string>[] = [
				{ cookie, 'sec-fetch-site': 'cross-site' },
				{ cookie, 'sec-fetch-site': 'same-site' },
				{ cookie, origin: 'https://evil.example' }
			];
			for (const headers of fromElsewhere) {
				const response = await apiHandler()(whoAmI)(event('/api/v1/me/consents/x', { method: 'DELETE', headers }));
				expect(response.status, JSON.stringify(headers)).toBe(403);
				expect(response.headers.get('content-type')).toBe('application/problem+json');
			}
			const fromBrug = await apiHandler()(whoAmI)(
				event('/api/v1/me/consents/x', { method: 'DELETE', headers: { cookie, 'sec-fetch-site': 'same-origin' } })
			);
			expect(fromBrug.status).toBe(200);
			const read = await apiHandler()(whoAmI)(event('/api/v1/me/consents', { headers: { cookie, 'sec-fetch-site': 'cross-site' } }));
			expect(read.status).toBe(200);
			const byToken = await apiHandler()(whoAmI)(
				event('/api/v1/me/consents/x', { method: 'DELETE', headers: { authorization: `Bearer ${token}`, 'sec-fetch-site': 'cross-site' } })
			);
			expect(byToken.status).toBe(200);
		});

		it('turns the policy module’s refusals into problem+json that says what to do', async () => {
			const { account } = await professional('piet@example.nl', false);
			const { token } = await createApiToken(handle.db, { actor: account, label: 'script' });
			const invitations: ApiHandle<RequestEvent> = async (_event, actor) =>
				json({ items: await listClientInvitations(handle.db, { actor }) });
			const response = await apiHandler()(invitations)(event('/api/v1/invitations', { headers: { authorization: `Bearer ${token}` } }));
			expect(response.status).toBe(403);
			expect(response.headers.get('content-type')).toBe('application/problem+json');
			expect(response.headers.get('cache-control')).toBe('no-store');
			expect(await response.json()).toEqual({
				type: 'about:blank',
				title: 'Forbidden.',
				status: 403,
				detail: 'Turn on two-step sign-in first.',
				reason: 'two_factor_required'
			});
			const { account: person2 } = await person('anna@example.nl');
			const personToken = await createApiToken(handle.db, { actor: person2, label: 'script' });
			const notProfessional = await apiHandler()(invitations)(
				event('/api/v1/invitations', { headers: { authorization: `Bearer ${personToken.token}` } })
			);
			expect(await notProfessional.json()).toMatchObject({ status: 403, reason: 'no_access', detail: 'You do not have access to this.' });
		});

		it('lets a professional with two-step sign-in on work by token', async () => {
			const { account } = await professional('piet@example.nl');
			const { token } = await createApiToken(handle.db, { actor: account, label: 'script' });
			const actor = await accountForApiToken(handle.db, token);
			expect(actor?.twoFactorEnabled).toBe(true);
			const created = await createClientInvitation(handle.db, { actor, locale: 'nl', mailer: noMail, linkFor });
			expect((await listClientInvitations(handle.db, { actor })).map((i) => i.id)).toEqual([created.id]);
			expect(await revokeClientInvitation(handle.db, { actor, invitationId: created.id })).toBe(true);
			expect(await revokeClientInvitation(handle.db, { actor, invitationId: created.id })).toBe(false);
		});
	});

	describe('a person’s consents and audit events, as the API serves them', () => {
		it('grants, changes and withdraws consent; every grant stays in the history', async () => {
			const piet = await professional('piet@example.nl');
			const anna = await person('anna@example.nl');
			const { code } = await createClientInvitation(handle.db, { actor: piet.account, locale: 'nl', mailer: noMail, linkFor });

			expect(await acceptClientInvitation(handle.db, { actor: anna.account, code: 'AAAA-AAAA', scopes: ['measurements'], personName: '' })).toEqual({
				ok: false,
				reason: 'invalid'
			});
			const accepted = await acceptClientInvitation(handle.db, { actor: anna.account, code, scopes: ['measurements'], personName: 'Anna' });
			if (!accepted.ok) throw new Error('not accepted');
			const changed = await changeConsentScopes(handle.db, { actor: anna.account, grantId: accepted.grantId, scopes: ['programme', 'measurements'] });
			if (!changed.ok) throw new Error('not changed');
			// The old grant has ended: changing or withdrawing it again finds nothing.
			expect(await changeConsentScopes(handle.db, { actor: anna.account, grantId: accepted.grantId, scopes: ['programme'] })).toEqual({
				ok: false,
				reason: 'not_found'
			});
			expect(await withdrawConsent(handle.db, { actor: anna.account, grantId: accepted.grantId })).toBe(false);

			const grants = await listConsentGrantsForPerson(handle.db, { actor: anna.account });
			expect(grants).toEqual([
				expect.objectContaining({ id: changed.grantId, professionalName: 'piet', organisationName: 'Welzijn Oost', scopes: ['measurements', 'programme'], endedAt: null }),
				expect.objectContaining({ id: accepted.grantId, scopes: ['measurements'], endReason: 'changed' })
			]);
			// Somebody else cannot withdraw Anna's consent.
			expect(await withdrawConsent(handle.db, { actor: piet.account, grantId: changed.grantId })).toBe(false);
			expect(await withdrawConsent(handle.db, { actor: anna.account, grantId: changed.grantId })).toBe(true);
			const after = await listConsentGrantsForPerson(handle.db, { actor: anna.account });
			expect(after.every((grant) => grant.endedAt !== null)).toBe(true);
			expect(after[0]!.endReason).toBe('withdrawn');
		});

		it('pages through the events about the person with a before cursor', async () => {
			const piet = await professional('piet@example.nl');
			const anna = await person('anna@example.nl');
			const start = new Date('2026-03-01T10:00:00Z').getTime();
			for (let i = 0; i < 5; i += 1) {
				await recordAuditEvent(handle.db, {
					actorId: piet.account.id,
					organisationId: piet.organisationId,
					subjectId: anna.account.id,
					action: 'client.scope.read',
					object: 'measurements',
					now: new Date(start + i * day)
				});
			}
			// Anna's own decisions are not among them.
			await recordAuditEvent(handle.db, { actorId: anna.account.id, subjectId: anna.account.id, action: 'consent.withdrawn' });
			const first = await listAuditEventsAboutPerson(handle.db, { account: anna.account, limit: 3 });
			expect(first.map((e) => e.at.slice(0, 10))).toEqual(['2026-03-05', '2026-03-04', '2026-03-03']);
			expect(first[0]).toMatchObject({ action: 'client.scope.read', object: 'measurements', actorName: 'piet', organisationName: 'Welzijn Oost' });
			const rest = await listAuditEventsAboutPerson(handle.db, { account: anna.account, limit: 3, before: first.at(-1)!.at });
			expect(rest.map((e) => e.at.slice(0, 10))).toEqual(['2026-03-02', '2026-03-01']);
		});

		it('skips nothing when a page ends among events of the same millisecond', async () => {
			const piet = await professional('piet@example.nl');
			const anna = await person('anna@example.nl');
			const sameMoment = new Date('2026-03-01T10:00:00Z');
			for (let i = 0; i < 5; i += 1) {
				await recordAuditEvent(handle.db, {
					actorId: piet.account.id,
					organisationId: piet.organisationId,
					subjectId: anna.account.id,
					action: 'client.record.read',
					now: sameMoment
				});
			}
			const seen: string[] = [];
			let before: string | undefined;
			for (let page = 0; page < 5; page += 1) {
				const events = await listAuditEventsAboutPerson(handle.db, { account: anna.account, limit: 2, before });
				seen.push(...events.map((e) => e.id));
				if (events.length < 2) break;
				before = auditCursor(events.at(-1)!);
			}
			expect(seen).toHaveLength(5);
			expect(new Set(seen).size).toBe(5);
		});
	});
});
