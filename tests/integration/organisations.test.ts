import { acceptClientInvitation, removeMember } from '$lib/composers/consent-changes.server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Auth } from '$lib/server/auth/auth';
import type { DatabaseHandle } from '$lib/server/db/client';
import type { MembershipRole } from '$lib/server/db/schema';
import type { MailLocale, OutgoingMail } from '$lib/server/mail/mailer';
import { createVerifiedAccount } from '$lib/features/accounts/accounts.server';
import type { SignedInAccount } from '$lib/server/auth/account';
import { requireClientAccess } from '$lib/kernel/policy.server';
import { listOrganisationAuditEvents } from '$lib/features/audit/audit.server';
import { createClientInvitation, listConsentGrantsForPerson } from '$lib/features/consent/consent.server';
import { acceptMemberInvitation, createOrganisationWithAdmin, findMemberInvitation, getOrganisationForAdmin, inviteMember, joinWithNewAccount, listOrganisationsOfAccount, revokeMemberInvitation } from '$lib/features/organisations/organisations.server';
import { testAuth } from './auth-fixture';
import { testDatabases } from './databases';
import { refusal } from './refusal';

const password = 'lang genoeg wachtwoord';
const day = 24 * 60 * 60 * 1000;

/** The token in the one link of a mail (the invitation link). */
function tokenIn(mail: OutgoingMail | undefined): string {
	const link = mail?.text.match(/https:\/\/brug\.test\/\S+/)?.[0];
	if (!link) throw new Error('no link in the mail');
	return new URL(link).searchParams.get('token') ?? '';
}

describe.each(testDatabases())('organisations on $name', (target) => {
	let handle: DatabaseHandle;
	let auth: Auth;
	let mails: OutgoingMail[];
	const mailer = {
		send: async (mail: OutgoingMail) => {
			mails.push(mail);
			return { delivered: 'outbox' as const, messageId: `test-${mails.length}` };
		}
	};
	const linkFor = (token: string, locale: MailLocale) => `https://brug.test/${locale}/join?token=${token}`;

	/** Organisation "Buurtteam Noord" with its admin Ada (two-step sign-in on). */
	let organisationId: string;
	let ada: SignedInAccount;

	beforeEach(async () => {
		handle = await target.open();
		mails = [];
		auth = testAuth(handle);
		const created = await createOrganisationWithAdmin(handle.db, auth, {
			organisation: { name: 'Buurtteam Noord', kind: 'welfare' },
			admin: { name: 'Ada Admin', email: 'ada@noord.nl', password, locale: 'nl' }
		});
		if (!created.ok) throw new Error(created.reason);
		organisationId = created.organisationId;
		ada = signedIn(created.accountId, 'ada@noord.nl');
	});
	afterEach(() => handle.close());

	function signedIn(id: string, email: string, twoFactorEnabled = true): SignedInAccount {
		return { id, email, locale: 'nl', twoFactorEnabled };
	}

	async function account(email: string, name: string, twoFactorEnabled = true): Promise<SignedInAccount> {
		const created = await createVerifiedAccount(auth, { email, password, name, locale: 'nl' });
		if (!created.ok) throw new Error(created.reason);
		return signedIn(created.accountId, email, twoFactorEnabled);
	}

	async function invite(email: string, role: MembershipRole, options: { by?: SignedInAccount; now?: Date } = {}) {
		const result = await inviteMember(handle.db, {
			actor: options.by ?? ada,
			organisationId,
			email,
			role,
			locale: 'nl',
			mailer,
			linkFor,
			now: options.now
		});
		expect(result).toEqual({ ok: true });
		return tokenIn(mails.at(-1));
	}

	/** An account that joined the organisation through a mailed invitation. */
	async function member(email: string, name: string, role: MembershipRole, twoFactorEnabled = true) {
		const who = await account(email, name, twoFactorEnabled);
		const token = await invite(email, role);
		expect(await acceptMemberInvitation(handle.db, { token, actor: who })).toMatchObject({ ok: true, role });
		return who;
	}

	async function membershipId(accountId: string, role: MembershipRole): Promise<string> {
		const row = await handle.db
			.selectFrom('membership')
			.select('id')
			.where('organisation_id', '=', organisationId)
			.where('account_id', '=', accountId)
			.where('role', '=', role)
			.executeTakeFirstOrThrow();
		return row.id;
	}

	/** A second organisation with its own admin, to check that admins reach only their own. */
	async function otherOrganisation() {
		const created = await createOrganisationWithAdmin(handle.db, auth, {
			organisation: { name: 'Praktijk Zuid', kind: 'practice' },
			admin: { name: 'Otto Other', email: 'otto@zuid.nl', password, locale: 'en' }
		});
		if (!created.ok) throw new Error(created.reason);
		return { organisationId: created.organisationId, admin: signedIn(created.accountId, 'otto@zuid.nl') };
	}

	describe('setup', () => {
		it('creates the organisation with a confirmed admin who can sign in', async () => {
			const row = await handle.db.selectFrom('account').selectAll().where('id', '=', ada.id).executeTakeFirstOrThrow();
			expect(row).toMatchObject({ email: 'ada@noord.nl', name: 'Ada Admin', locale: 'nl' });
			expect(Boolean(row.email_verified)).toBe(true);

			expect(await listOrganisationsOfAccount(handle.db, { actor: ada })).toEqual([
				{ id: organisationId, name: 'Buurtteam Noord', kind: 'welfare', roles: ['admin'] }
			]);
			const signIn = await auth.api.signInEmail({ body: { email: 'ada@noord.nl', password } });
			expect(signIn.user.id).toBe(ada.id);

			const view = await getOrganisationForAdmin(handle.db, { actor: ada, organisationId });
			expect(view.organisation).toEqual({ id: organisationId, name: 'Buurtteam Noord', kind: 'welfare' });
			expect(view.members).toEqual([
				expect.objectContaining({ accountId: ada.id, name: 'Ada Admin', email: 'ada@noord.nl', role: 'admin' })
			]);
			const log = await listOrganisationAuditEvents(handle.db, { actor: ada, organisationId });
			expect(log).toEqual([expect.objectContaining({ action: 'organisation.created', actorName: 'Ada Admin' })]);
			// No verification mail: the setup token proves the address is the operator's.
			expect(mails).toEqual([]);
		});

		it('sets up a funder (a municipality that receives reports)', async () => {
			const created = await createOrganisationWithAdmin(handle.db, auth, {
				organisation: { name: 'Gemeente Oost', kind: 'funder' },
				admin: { name: 'Gijs Gemeente', email: 'gijs@oost.nl', password, locale: 'nl' }
			});
			if (!created.ok) throw new Error(created.reason);
			expect(await listOrganisationsOfAccount(handle.db, { actor: signedIn(created.accountId, 'gijs@oost.nl') })).toEqual([
				{ id: created.organisationId, name: 'Gemeente Oost', kind: 'funder', roles: ['admin'] }
			]);
		});

		it('refuses an address that already has an account, and creates nothing', async () => {
			const again = await createOrganisationWithAdmin(handle.db, auth, {
				organisation: { name: 'Kaping BV', kind: 'practice' },
				admin: { name: 'Someone Else', email: 'ADA@noord.nl', password: 'een ander wachtwoord', locale: 'en' }
			});
			expect(again).toEqual({ ok: false, reason: 'email_taken' });
			const organisations = await handle.db.selectFrom('organisation').select('name').execute();
			expect(organisations.map((o) => o.name)).toEqual(['Buurtteam Noord']);
			const accounts = await handle.db.selectFrom('account').select(['name', 'email']).execute();
			expect(accounts).toEqual([{ name: 'Ada Admin', email: 'ada@noord.nl' }]);
			// The original password still works; the new one does not.
			await expect(auth.api.signInEmail({ body: { email: 'ada@noord.nl', password: 'een ander wachtwoord' } })).rejects.toThrow();
			expect((await auth.api.signInEmail({ body: { email: 'ada@noord.nl', password } })).user.id).toBe(ada.id);
		});
	});

	describe('invitations', () => {
		it('mails a link whose token finds the invitation', async () => {
			const token = await invite('Piet@Example.nl', 'professional');
			expect(mails).toHaveLength(1);
			const [mail] = mails;
			expect(mail).toMatchObject({ to: 'piet@example.nl', locale: 'nl' });
			expect(mail!.subject).toContain('Buurtteam Noord');
			expect(mail!.text).toContain(linkFor(token, 'nl'));
			expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);

			const found = await findMemberInvitation(handle.db, { token });
			expect(found).toMatchObject({
				organisationId,
				organisationName: 'Buurtteam Noord',
				email: 'piet@example.nl',
				role: 'professional'
			});
			// Only the hash is stored, never the token itself.
			const stored = await handle.db.selectFrom('organisation_invitation').selectAll().execute();
			expect(JSON.stringify(stored)).not.toContain(token);

			const view = await getOrganisationForAdmin(handle.db, { actor: ada, organisationId });
			expect(view.invitations).toEqual([expect.objectContaining({ id: found!.id, email: 'piet@example.nl', role: 'professional' })]);
			const log = await listOrganisationAuditEvents(handle.db, { actor: ada, organisationId });
			expect(log.map((e) => [e.action, e.object])).toContainEqual(['organisation.invitation_sent', 'professional']);
		});

		it('lets a newer invitation replace the older one', async () => {
			const older = await invite('piet@example.nl', 'professional');
			const newer = await invite('piet@example.nl', 'professional');
			expect(newer).not.toBe(older);
			expect(await findMemberInvitation(handle.db, { token: older })).toBeUndefined();
			expect(await findMemberInvitation(handle.db, { token: newer })).toMatchObject({ email: 'piet@example.nl' });
			const view = await getOrganisationForAdmin(handle.db, { actor: ada, organisationId });
			expect(view.invitations).toHaveLength(1);

			const piet = await account('piet@example.nl', 'Piet');
			expect(await acceptMemberInvitation(handle.db, { token: older, actor: piet })).toEqual({ ok: false, reason: 'invalid' });
			expect(await acceptMemberInvitation(handle.db, { token: newer, actor: piet })).toMatchObject({ ok: true });
		});

		it('keeps an invitation for another role next to it', async () => {
			const asProfessional = await invite('piet@example.nl', 'professional');
			const asAdmin = await invite('piet@example.nl', 'admin');
			expect(await findMemberInvitation(handle.db, { token: asProfessional })).toMatchObject({ role: 'professional' });
			expect(await findMemberInvitation(handle.db, { token: asAdmin })).toMatchObject({ role: 'admin' });
		});

		it('does not work once expired (after 7 days)', async () => {
			const sentAt = new Date('2026-03-01T09:00:00Z');
			const token = await invite('piet@example.nl', 'professional', { now: sentAt });
			const almost = new Date(sentAt.getTime() + 7 * day - 1);
			const expired = new Date(sentAt.getTime() + 7 * day);
			expect(await findMemberInvitation(handle.db, { token, now: almost })).toBeDefined();
			expect(await findMemberInvitation(handle.db, { token, now: expired })).toBeUndefined();

			const piet = await account('piet@example.nl', 'Piet');
			expect(await acceptMemberInvitation(handle.db, { token, actor: piet, now: expired })).toEqual({ ok: false, reason: 'invalid' });
			expect(await joinWithNewAccount(handle.db, auth, { token, name: 'Piet', password, locale: 'nl', now: expired })).toEqual({
				ok: false,
				reason: 'invalid'
			});
			expect((await getOrganisationForAdmin(handle.db, { actor: ada, organisationId, now: expired })).invitations).toEqual([]);
			expect(await handle.db.selectFrom('membership').select('id').where('account_id', '=', piet.id).execute()).toEqual([]);
		});

		it('can be revoked, after which the link no longer works', async () => {
			const token = await invite('piet@example.nl', 'professional');
			const invitation = await findMemberInvitation(handle.db, { token });
			expect(await revokeMemberInvitation(handle.db, { actor: ada, organisationId, invitationId: invitation!.id })).toBe(true);
			expect(await findMemberInvitation(handle.db, { token })).toBeUndefined();
			// Revoking twice finds nothing the second time.
			expect(await revokeMemberInvitation(handle.db, { actor: ada, organisationId, invitationId: invitation!.id })).toBe(false);
			const log = await listOrganisationAuditEvents(handle.db, { actor: ada, organisationId });
			expect(log.filter((e) => e.action === 'organisation.invitation_revoked')).toHaveLength(1);
		});

		it('rejects tokens that are malformed or unknown', async () => {
			await invite('piet@example.nl', 'professional');
			expect(await findMemberInvitation(handle.db, { token: '' })).toBeUndefined();
			expect(await findMemberInvitation(handle.db, { token: 'x'.repeat(43) })).toBeUndefined();
			expect(await findMemberInvitation(handle.db, { token: "' or 1=1 --" })).toBeUndefined();
		});

		it('says when the address already holds that role', async () => {
			const piet = await member('piet@example.nl', 'Piet', 'professional');
			const again = await inviteMember(handle.db, {
				actor: ada,
				organisationId,
				email: piet.email.toUpperCase(),
				role: 'professional',
				locale: 'nl',
				mailer,
				linkFor
			});
			expect(again).toEqual({ ok: false, reason: 'already_member' });
			expect(mails).toHaveLength(1);
		});
	});

	describe('only the organisation’s own admins manage it', () => {
		it('refuses an admin of another organisation', async () => {
			const other = await otherOrganisation();
			const token = await invite('piet@example.nl', 'professional');
			const invitation = await findMemberInvitation(handle.db, { token });
			const adaMembership = await membershipId(ada.id, 'admin');
			const invitationsBefore = mails.length;

			const intruder = other.admin;
			const noAccess = { status: 403, reason: 'no_access' };
			expect(
				await refusal(
					inviteMember(handle.db, { actor: intruder, organisationId, email: 'x@example.nl', role: 'admin', locale: 'en', mailer, linkFor })
				)
			).toEqual(noAccess);
			expect(
				await refusal(revokeMemberInvitation(handle.db, { actor: intruder, organisationId, invitationId: invitation!.id }))
			).toEqual(noAccess);
			expect(await refusal(removeMember(handle.db, { actor: intruder, organisationId, membershipId: adaMembership }))).toEqual(
				noAccess
			);
			expect(await refusal(getOrganisationForAdmin(handle.db, { actor: intruder, organisationId }))).toEqual(noAccess);
			expect(await refusal(listOrganisationAuditEvents(handle.db, { actor: intruder, organisationId }))).toEqual(noAccess);

			// Naming their own organisation does not reach ours either.
			expect(
				await revokeMemberInvitation(handle.db, {
					actor: intruder,
					organisationId: other.organisationId,
					invitationId: invitation!.id
				})
			).toBe(false);
			expect(
				await removeMember(handle.db, { actor: intruder, organisationId: other.organisationId, membershipId: adaMembership })
			).toEqual({ ok: false, reason: 'not_found' });

			expect(mails).toHaveLength(invitationsBefore);
			expect(await findMemberInvitation(handle.db, { token })).toBeDefined();
			expect(await membershipId(ada.id, 'admin')).toBe(adaMembership);
		});

		it('refuses a professional of the organisation', async () => {
			const piet = await member('piet@example.nl', 'Piet', 'professional');
			const token = await invite('kees@example.nl', 'professional');
			const invitation = await findMemberInvitation(handle.db, { token });
			const noAccess = { status: 403, reason: 'no_access' };
			expect(
				await refusal(
					inviteMember(handle.db, { actor: piet, organisationId, email: 'x@example.nl', role: 'admin', locale: 'nl', mailer, linkFor })
				)
			).toEqual(noAccess);
			expect(
				await refusal(revokeMemberInvitation(handle.db, { actor: piet, organisationId, invitationId: invitation!.id }))
			).toEqual(noAccess);
			expect(
				await refusal(removeMember(handle.db, { actor: piet, organisationId, membershipId: await membershipId(ada.id, 'admin') }))
			).toEqual(noAccess);
			expect(await findMemberInvitation(handle.db, { token })).toBeDefined();
		});

		it('refuses an admin without two-step sign-in, and anyone signed out', async () => {
			const adaWithoutTwoFactor = { ...ada, twoFactorEnabled: false };
			const token = await invite('piet@example.nl', 'professional');
			const invitation = await findMemberInvitation(handle.db, { token });
			const needsTwoFactor = { status: 403, reason: 'two_factor_required' };
			expect(
				await refusal(
					inviteMember(handle.db, {
						actor: adaWithoutTwoFactor,
						organisationId,
						email: 'x@example.nl',
						role: 'professional',
						locale: 'nl',
						mailer,
						linkFor
					})
				)
			).toEqual(needsTwoFactor);
			expect(
				await refusal(revokeMemberInvitation(handle.db, { actor: adaWithoutTwoFactor, organisationId, invitationId: invitation!.id }))
			).toEqual(needsTwoFactor);
			expect(
				await refusal(
					removeMember(handle.db, { actor: adaWithoutTwoFactor, organisationId, membershipId: await membershipId(ada.id, 'admin') })
				)
			).toEqual(needsTwoFactor);
			expect(await refusal(getOrganisationForAdmin(handle.db, { actor: adaWithoutTwoFactor, organisationId }))).toEqual(needsTwoFactor);

			expect(
				await refusal(
					inviteMember(handle.db, { actor: null, organisationId, email: 'x@example.nl', role: 'admin', locale: 'nl', mailer, linkFor })
				)
			).toEqual({ status: 401, reason: 'sign_in_required' });
			expect(mails).toHaveLength(1);
		});
	});

	describe('the invited person', () => {
		it('accepts with the account of the invited address (in any case)', async () => {
			const piet = await account('piet@example.nl', 'Piet Prof');
			const token = await invite('PIET@example.NL', 'professional');
			const result = await acceptMemberInvitation(handle.db, { token, actor: { ...piet, email: 'Piet@Example.nl' } });
			expect(result).toEqual({ ok: true, organisationId, role: 'professional' });
			expect(await listOrganisationsOfAccount(handle.db, { actor: piet })).toEqual([
				{ id: organisationId, name: 'Buurtteam Noord', kind: 'welfare', roles: ['professional'] }
			]);
			// The link is used up.
			expect(await findMemberInvitation(handle.db, { token })).toBeUndefined();
			expect(await acceptMemberInvitation(handle.db, { token, actor: piet })).toEqual({ ok: false, reason: 'invalid' });

			const view = await getOrganisationForAdmin(handle.db, { actor: ada, organisationId });
			expect(view.members.map((m) => [m.name, m.role])).toEqual([
				['Ada Admin', 'admin'],
				['Piet Prof', 'professional']
			]);
			expect(view.invitations).toEqual([]);
			const log = await listOrganisationAuditEvents(handle.db, { actor: ada, organisationId });
			expect(log).toContainEqual(
				expect.objectContaining({ action: 'organisation.member_joined', object: 'professional', actorName: 'Piet Prof' })
			);
		});

		it('gives an account both roles when invited to each', async () => {
			const piet = await member('piet@example.nl', 'Piet', 'professional');
			const token = await invite('piet@example.nl', 'admin');
			expect(await acceptMemberInvitation(handle.db, { token, actor: piet })).toMatchObject({ ok: true, role: 'admin' });
			const [organisation] = await listOrganisationsOfAccount(handle.db, { actor: piet });
			expect([...organisation!.roles].sort()).toEqual(['admin', 'professional']);
		});

		it('joins as a report reader, who is no admin and no professional; the mail names the role', async () => {
			const rita = await member('rita@example.nl', 'Rita Rapport', 'report_reader');
			expect(mails.at(-1)?.text).toContain('als lezer van de rapporten');
			expect(await listOrganisationsOfAccount(handle.db, { actor: rita })).toEqual([{ id: organisationId, name: 'Buurtteam Noord', kind: 'welfare', roles: ['report_reader'] }]);
			const view = await getOrganisationForAdmin(handle.db, { actor: ada, organisationId });
			expect(view.members).toContainEqual(expect.objectContaining({ accountId: rita.id, role: 'report_reader' }));
			// Ada stays the last admin: a report reader does not manage the organisation.
			expect(await removeMember(handle.db, { actor: ada, organisationId, membershipId: await membershipId(ada.id, 'admin') })).toEqual({ ok: false, reason: 'last_admin' });
			expect(await refusal(getOrganisationForAdmin(handle.db, { actor: rita, organisationId }))).toMatchObject({ status: 403 });
			expect(await removeMember(handle.db, { actor: ada, organisationId, membershipId: await membershipId(rita.id, 'report_reader') })).toEqual({ ok: true, removedSelf: false, role: 'report_reader' });
		});

		it('refuses an account with another address, and keeps the invitation for the right one', async () => {
			const token = await invite('piet@example.nl', 'professional');
			const kees = await account('kees@example.nl', 'Kees');
			expect(await acceptMemberInvitation(handle.db, { token, actor: kees })).toEqual({ ok: false, reason: 'other_address' });
			expect(await listOrganisationsOfAccount(handle.db, { actor: kees })).toEqual([]);
			expect(await findMemberInvitation(handle.db, { token })).toBeDefined();
			expect(await refusal(acceptMemberInvitation(handle.db, { token, actor: null }))).toEqual({
				status: 401,
				reason: 'sign_in_required'
			});
		});

		it('joins with a new, confirmed account that signs in with its password', async () => {
			const token = await invite('Nina@Example.nl', 'professional');
			const joined = await joinWithNewAccount(handle.db, auth, {
				token,
				name: 'Nina Nieuw',
				password: 'mijn eigen wachtwoord',
				locale: 'en'
			});
			expect(joined).toEqual({ ok: true, email: 'nina@example.nl', organisationId, role: 'professional' });

			const row = await handle.db.selectFrom('account').selectAll().where('email', '=', 'nina@example.nl').executeTakeFirstOrThrow();
			expect(row).toMatchObject({ name: 'Nina Nieuw', locale: 'en' });
			expect(Boolean(row.email_verified)).toBe(true);
			const signIn = await auth.api.signInEmail({ body: { email: 'nina@example.nl', password: 'mijn eigen wachtwoord' } });
			expect(signIn.user.id).toBe(row.id);
			expect(signIn.token).toBeTruthy();
			await expect(auth.api.signInEmail({ body: { email: 'nina@example.nl', password: 'verkeerd wachtwoord' } })).rejects.toThrow();

			const nina = signedIn(row.id, row.email);
			expect(await listOrganisationsOfAccount(handle.db, { actor: nina })).toEqual([
				expect.objectContaining({ id: organisationId, roles: ['professional'] })
			]);
			// The link is used up.
			expect(await joinWithNewAccount(handle.db, auth, { token, name: 'X', password, locale: 'nl' })).toEqual({
				ok: false,
				reason: 'invalid'
			});
		});

		it('does not join with a new account for an address that already has one', async () => {
			const piet = await account('piet@example.nl', 'Piet');
			const token = await invite('piet@example.nl', 'professional');
			expect(await joinWithNewAccount(handle.db, auth, { token, name: 'Overname', password: 'een ander wachtwoord', locale: 'nl' })).toEqual({
				ok: false,
				reason: 'email_taken'
			});
			expect(await listOrganisationsOfAccount(handle.db, { actor: piet })).toEqual([]);
			const row = await handle.db.selectFrom('account').select('name').where('id', '=', piet.id).executeTakeFirstOrThrow();
			expect(row.name).toBe('Piet');
			// The rightful owner can still use the link.
			expect(await acceptMemberInvitation(handle.db, { token, actor: piet })).toMatchObject({ ok: true });
		});
	});

	describe('removing members', () => {
		it('never removes the last admin', async () => {
			const adaMembership = await membershipId(ada.id, 'admin');
			expect(await removeMember(handle.db, { actor: ada, organisationId, membershipId: adaMembership })).toEqual({
				ok: false,
				reason: 'last_admin'
			});
			expect(await membershipId(ada.id, 'admin')).toBe(adaMembership);

			// With a second admin, the first may go; then the second is the last.
			const bram = await member('bram@example.nl', 'Bram', 'admin');
			expect(await removeMember(handle.db, { actor: bram, organisationId, membershipId: adaMembership })).toEqual({ ok: true, removedSelf: false, role: 'admin' });
			expect(await listOrganisationsOfAccount(handle.db, { actor: ada })).toEqual([]);
			expect(
				await removeMember(handle.db, { actor: bram, organisationId, membershipId: await membershipId(bram.id, 'admin') })
			).toEqual({ ok: false, reason: 'last_admin' });
			expect(await removeMember(handle.db, { actor: bram, organisationId, membershipId: 'no-such-membership' })).toEqual({
				ok: false,
				reason: 'not_found'
			});
		});

		it('keeps one admin when two admins remove each other at the same moment', async () => {
			// Repeated, because a race shows only sometimes.
			for (let round = 0; round < 8; round += 1) {
				const first = await account(`eerste${round}@example.nl`, 'Eerste');
				const second = await account(`tweede${round}@example.nl`, 'Tweede');
				for (const admin of [first, second]) {
					const token = await invite(admin.email, 'admin');
					await acceptMemberInvitation(handle.db, { token, actor: admin });
				}
				await removeMember(handle.db, { actor: ada, organisationId, membershipId: await membershipId(ada.id, 'admin') });
				const [firstMembership, secondMembership] = [await membershipId(first.id, 'admin'), await membershipId(second.id, 'admin')];
				await Promise.allSettled([
					removeMember(handle.db, { actor: first, organisationId, membershipId: secondMembership }),
					removeMember(handle.db, { actor: second, organisationId, membershipId: firstMembership })
				]);
				const admins = await handle.db
					.selectFrom('membership')
					.select('account_id')
					.where('organisation_id', '=', organisationId)
					.where('role', '=', 'admin')
					.execute();
				expect(admins, `round ${round}`).toHaveLength(1);
				ada = signedIn(admins[0]!.account_id, admins[0]!.account_id === first.id ? first.email : second.email);
			}
		});

		it('ends a removed professional’s consents in that organisation at once, and audits it', async () => {
			const piet = await member('piet@example.nl', 'Piet Prof', 'professional');
			const anna = await account('anna@example.nl', 'Anna', false);
			const code = (await createClientInvitation(handle.db, { actor: piet, locale: 'nl', mailer, linkFor })).code;
			expect(await acceptClientInvitation(handle.db, { actor: anna, code, scopes: ['measurements'], personName: 'Anna' })).toMatchObject({
				ok: true
			});
			// An open client invitation of Piet's goes with him.
			const open = await createClientInvitation(handle.db, { actor: piet, locale: 'nl', mailer, linkFor });

			// Piet also works elsewhere; consent given to him there is not ours to end.
			const other = await otherOrganisation();
			const elsewhere = await createVerifiedAccount(auth, { email: 'els@example.nl', password, name: 'Els', locale: 'nl' });
			if (!elsewhere.ok) throw new Error(elsewhere.reason);
			const els = signedIn(elsewhere.accountId, 'els@example.nl', false);
			await inviteMember(handle.db, {
				actor: other.admin,
				organisationId: other.organisationId,
				email: piet.email,
				role: 'professional',
				locale: 'en',
				mailer,
				linkFor
			});
			expect(await acceptMemberInvitation(handle.db, { token: tokenIn(mails.at(-1)), actor: piet })).toMatchObject({ ok: true });
			const elsCode = (
				await createClientInvitation(handle.db, { actor: piet, organisationId: other.organisationId, locale: 'nl', mailer, linkFor })
			).code;
			await acceptClientInvitation(handle.db, { actor: els, code: elsCode, scopes: ['programme'], personName: 'Els' });

			expect(await requireClientAccess(handle.db, piet, { personId: anna.id })).toMatchObject({ personId: anna.id, organisationId });

			const removedAt = new Date('2026-05-04T10:00:00Z');
			const result = await removeMember(handle.db, {
				actor: ada,
				organisationId,
				membershipId: await membershipId(piet.id, 'professional'),
				now: removedAt
			});
			expect(result).toEqual({ ok: true, removedSelf: false, role: 'professional' });

			expect(await refusal(requireClientAccess(handle.db, piet, { personId: anna.id }))).toEqual({ status: 403, reason: 'no_access' });
			const [grant] = await listConsentGrantsForPerson(handle.db, { actor: anna });
			expect(grant).toMatchObject({ endedAt: removedAt.toISOString(), endReason: 'professional_left' });
			expect(await handle.db.selectFrom('client_invitation').select('id').where('id', '=', open.id).execute()).toEqual([]);

			// The grant in the other organisation stays.
			expect(await requireClientAccess(handle.db, piet, { personId: els.id })).toMatchObject({
				organisationId: other.organisationId
			});

			const log = await listOrganisationAuditEvents(handle.db, { actor: ada, organisationId });
			expect(log).toContainEqual(
				expect.objectContaining({
					action: 'organisation.member_removed',
					object: 'professional',
					actorName: 'Ada Admin',
					organisationName: 'Buurtteam Noord'
				})
			);
			const removal = await handle.db
				.selectFrom('audit_event')
				.selectAll()
				.where('action', '=', 'organisation.member_removed')
				.executeTakeFirstOrThrow();
			expect(removal).toMatchObject({ actor_id: ada.id, subject_id: piet.id, organisation_id: organisationId });
			// The other organisation's log does not show it.
			const otherLog = await listOrganisationAuditEvents(handle.db, { actor: other.admin, organisationId: other.organisationId });
			expect(otherLog.map((e) => e.action)).not.toContain('organisation.member_removed');
		});
	});
});
