import { acceptClientInvitation, changeConsentScopes, removeMember, withdrawConsent } from '$lib/composers/consent-changes.server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Auth } from '$lib/server/auth/auth';
import type { DatabaseHandle } from '$lib/server/db/client';
import type { MailLocale, OutgoingMail } from '$lib/server/mail/mailer';
import { createVerifiedAccount } from '$lib/features/accounts/accounts.server';
import type { SignedInAccount } from '$lib/server/auth/account';
import { requireClientAccess } from '$lib/kernel/policy.server';
import { listAuditEventsAboutPerson } from '$lib/features/audit/audit.server';
import { listClientsForProfessional, openClientRecord } from '$lib/composers/client-record/clients.server';
import type { ConsentScope } from '$lib/kernel/consent-scopes';
import { createClientInvitation, findClientInvitation, listClientInvitations, listConsentGrantsForPerson, revokeClientInvitation } from '$lib/features/consent/consent.server';
import { instruments } from '$lib/features/instruments/instruments';
import { claimMeasurement, saveAnonymousMeasurement } from '$lib/features/measurements/measurements.server';
import { acceptMemberInvitation, createOrganisationWithAdmin, inviteMember } from '$lib/features/organisations/organisations.server';
import { testAuth } from './auth-fixture';
import { testDatabases } from './databases';
import { refusal } from './refusal';

const password = 'lang genoeg wachtwoord';
const day = 24 * 60 * 60 * 1000;
const djg11 = instruments['djg-11'];
const answers = Object.fromEntries(djg11.items.map((item) => [item.number, 'more_or_less']));

const noAccess = { status: 403, reason: 'no_access' };

describe.each(testDatabases())('consent on $name', (target) => {
	let handle: DatabaseHandle;
	let auth: Auth;
	let mails: OutgoingMail[];
	const mailer = {
		send: async (mail: OutgoingMail) => {
			mails.push(mail);
			return { delivered: 'outbox' as const, messageId: `test-${mails.length}` };
		}
	};
	const linkFor = (token: string, locale: MailLocale) => `https://brug.test/${locale}/connect?code=${token}`;

	let organisationId: string;
	/** Admin of "Buurtteam Noord". */
	let ada: SignedInAccount;
	/** Professional at Buurtteam Noord. */
	let piet: SignedInAccount;
	/** A person with one measurement (DJG-11, total 11). */
	let anna: SignedInAccount;
	/** Another person. */
	let ben: SignedInAccount;

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
		ada = signedIn(created.accountId, 'ada@noord.nl', true);
		piet = await professional('piet@noord.nl', 'Piet Prof');
		anna = await account('anna@example.nl', 'Anna', false);
		ben = await account('ben@example.nl', 'Ben', false);
		const saved = await saveAnonymousMeasurement(handle.db, {
			instrument: djg11,
			answers,
			now: new Date('2026-02-01T08:00:00Z')
		});
		await claimMeasurement(handle.db, { token: saved.token, accountId: anna.id });
		mails = [];
	});
	afterEach(() => handle.close());

	function signedIn(id: string, email: string, twoFactorEnabled: boolean): SignedInAccount {
		return { id, email, locale: 'nl', twoFactorEnabled };
	}

	async function account(email: string, name: string, twoFactorEnabled: boolean): Promise<SignedInAccount> {
		const created = await createVerifiedAccount(auth, { email, password, name, locale: 'nl' });
		if (!created.ok) throw new Error(created.reason);
		return signedIn(created.accountId, email, twoFactorEnabled);
	}

	/** A professional who joined Buurtteam Noord through Ada's invitation. */
	async function professional(email: string, name: string): Promise<SignedInAccount> {
		const who = await account(email, name, true);
		await inviteMember(handle.db, { actor: ada, organisationId, email, role: 'professional', locale: 'nl', mailer, linkFor });
		const token = new URL(mails.at(-1)!.text.match(/https:\/\/\S+/)![0]).searchParams.get('code')!;
		expect(await acceptMemberInvitation(handle.db, { token, actor: who })).toMatchObject({ ok: true });
		return who;
	}

	async function invitationCode(by: SignedInAccount = piet, now?: Date): Promise<string> {
		return (await createClientInvitation(handle.db, { actor: by, locale: 'nl', mailer, linkFor, now })).code;
	}

	/** The person connects to Piet with these scopes; returns the grant id. */
	async function connect(person: SignedInAccount, scopes: ConsentScope[], personName = ''): Promise<string> {
		const result = await acceptClientInvitation(handle.db, { actor: person, code: await invitationCode(), scopes, personName });
		if (!result.ok) throw new Error(result.reason);
		return result.grantId;
	}

	async function auditRows(subjectId: string) {
		return handle.db.selectFrom('audit_event').selectAll().where('subject_id', '=', subjectId).orderBy('at').execute();
	}

	async function grantRows(personId: string) {
		return handle.db.selectFrom('consent_grant').selectAll().where('person_id', '=', personId).orderBy('granted_at').execute();
	}

	describe('connecting', () => {
		it('mails a code that the person finds and accepts with chosen scopes', async () => {
			const invitation = await createClientInvitation(handle.db, {
				actor: piet,
				email: 'Anna@Example.nl',
				locale: 'nl',
				mailer,
				linkFor,
				now: new Date('2026-03-01T09:00:00Z')
			});
			expect(invitation).toMatchObject({ organisationId, expiresAt: '2026-03-15T09:00:00.000Z' });
			expect(invitation.code).toMatch(/^[346789ABCDEFGHJKMNPQRTUVWXY]{8}$/);
			expect(mails).toHaveLength(1);
			const [mail] = mails;
			expect(mail!.to).toBe('anna@example.nl');
			expect(mail!.subject).toContain('Piet Prof');
			expect(mail!.text).toContain(`${invitation.code.slice(0, 4)}-${invitation.code.slice(4)}`);
			expect(mail!.text).toContain('Buurtteam Noord');
			expect(mail!.text).toContain(linkFor(invitation.code, 'nl'));
			expect(await listClientInvitations(handle.db, { actor: piet, now: new Date('2026-03-02T09:00:00Z') })).toEqual([
				expect.objectContaining({ id: invitation.id, email: 'anna@example.nl', organisationName: 'Buurtteam Noord' })
			]);

			// Typed from paper: lower case, with the dash and spaces.
			const typed = ` ${invitation.code.slice(0, 4).toLowerCase()} - ${invitation.code.slice(4)} `;
			const now = new Date('2026-03-02T09:00:00Z');
			expect(await findClientInvitation(handle.db, { code: typed, now })).toEqual({
				id: invitation.id,
				professionalId: piet.id,
				professionalName: 'Piet Prof',
				organisationId,
				organisationName: 'Buurtteam Noord'
			});
			const accepted = await acceptClientInvitation(handle.db, {
				actor: anna,
				code: typed,
				scopes: ['programme', 'measurements', 'measurements'],
				personName: '  Anna J.  ',
				now
			});
			expect(accepted).toMatchObject({ ok: true });

			expect(await listConsentGrantsForPerson(handle.db, { actor: anna })).toEqual([
				{
					id: accepted.ok ? accepted.grantId : '',
					professionalName: 'Piet Prof',
					organisationName: 'Buurtteam Noord',
					personName: 'Anna J.',
					scopes: ['measurements', 'programme'],
					// Only Piet: colleagues are never let in unless the person chooses the organisation.
					audience: 'professional',
					professionalActive: true,
					grantedAt: now.toISOString(),
					endedAt: null,
					endReason: null
				}
			]);
			expect(await listClientsForProfessional(handle.db, { actor: piet })).toEqual([
				{
					grantId: expect.any(String),
					personId: anna.id,
					name: 'Anna J.',
					organisationName: 'Buurtteam Noord',
					scopes: ['measurements', 'programme'],
					since: now.toISOString()
				}
			]);
			expect(await listClientInvitations(handle.db, { actor: piet, now })).toEqual([]);
		});

		it('names a person by e-mail address when they chose no name', async () => {
			await connect(anna, ['programme'], '   ');
			expect(await listClientsForProfessional(handle.db, { actor: piet })).toEqual([
				expect.objectContaining({ personId: anna.id, name: 'anna@example.nl' })
			]);
			expect((await openClientRecord(handle.db, { actor: piet, personId: anna.id })).name).toBe('anna@example.nl');
		});

		it('lets a code be used only once', async () => {
			const code = await invitationCode();
			expect(await acceptClientInvitation(handle.db, { actor: anna, code, scopes: ['programme'], personName: 'Anna' })).toMatchObject({
				ok: true
			});
			expect(await findClientInvitation(handle.db, { code })).toBeUndefined();
			expect(await acceptClientInvitation(handle.db, { actor: ben, code, scopes: ['measurements'], personName: 'Ben' })).toEqual({
				ok: false,
				reason: 'invalid'
			});
			expect(await grantRows(ben.id)).toEqual([]);
			expect(await refusal(requireClientAccess(handle.db, piet, { personId: ben.id }))).toEqual(noAccess);
		});

		it('lets a code be used only once, even by people accepting it at the same moment', async () => {
			// Repeated, because a race shows only sometimes.
			for (let round = 0; round < 3; round += 1) {
				const people = [
					await account(`a${round}@example.nl`, 'A', false),
					await account(`b${round}@example.nl`, 'B', false),
					await account(`c${round}@example.nl`, 'C', false)
				];
				const code = await invitationCode();
				const results = await Promise.all(
					people.map((actor) => acceptClientInvitation(handle.db, { actor, code, scopes: ['measurements'], personName: '' }))
				);
				expect(results.filter((r) => r.ok), `round ${round}`).toHaveLength(1);
				expect(results.filter((r) => !r.ok)).toEqual([
					{ ok: false, reason: 'invalid' },
					{ ok: false, reason: 'invalid' }
				]);
				const grants = await handle.db
					.selectFrom('consent_grant')
					.select('person_id')
					.where('person_id', 'in', people.map((p) => p.id))
					.execute();
				expect(grants, `round ${round}`).toHaveLength(1);
			}
		});

		it('lets a code expire after 14 days', async () => {
			const createdAt = new Date('2026-03-01T09:00:00Z');
			const code = await invitationCode(piet, createdAt);
			const lastMoment = new Date(createdAt.getTime() + 14 * day - 1);
			const expired = new Date(createdAt.getTime() + 14 * day);
			expect(await findClientInvitation(handle.db, { code, now: lastMoment })).toMatchObject({ professionalId: piet.id });
			expect(await findClientInvitation(handle.db, { code, now: expired })).toBeUndefined();
			expect(await acceptClientInvitation(handle.db, { actor: anna, code, scopes: ['measurements'], personName: '', now: expired })).toEqual({
				ok: false,
				reason: 'invalid'
			});
			expect(await listClientInvitations(handle.db, { actor: piet, now: expired })).toEqual([]);
			expect(await grantRows(anna.id)).toEqual([]);
		});

		it('does not let professionals accept their own invitation', async () => {
			const code = await invitationCode();
			expect(await acceptClientInvitation(handle.db, { actor: piet, code, scopes: ['measurements'], personName: '' })).toEqual({
				ok: false,
				reason: 'own_invitation'
			});
			expect(await grantRows(piet.id)).toEqual([]);
			// The code still works for the person it was meant for.
			expect(await acceptClientInvitation(handle.db, { actor: anna, code, scopes: ['measurements'], personName: '' })).toMatchObject({
				ok: true
			});
		});

		it('rejects codes that are malformed, unknown or revoked', async () => {
			expect(await findClientInvitation(handle.db, { code: '' })).toBeUndefined();
			expect(await findClientInvitation(handle.db, { code: 'OOOO-0000' })).toBeUndefined();
			expect(await findClientInvitation(handle.db, { code: '3333-3333' })).toBeUndefined();
			const invitation = await createClientInvitation(handle.db, { actor: piet, locale: 'nl', mailer, linkFor });
			expect(mails).toEqual([]);
			// Another professional cannot revoke Piet's invitation.
			const kees = await professional('kees@noord.nl', 'Kees');
			expect(await revokeClientInvitation(handle.db, { actor: kees, invitationId: invitation.id })).toBe(false);
			expect(await revokeClientInvitation(handle.db, { actor: piet, invitationId: invitation.id })).toBe(true);
			expect(await findClientInvitation(handle.db, { code: invitation.code })).toBeUndefined();
			expect(
				await acceptClientInvitation(handle.db, { actor: anna, code: invitation.code, scopes: ['measurements'], personName: '' })
			).toEqual({ ok: false, reason: 'invalid' });
		});

		it('lets only professionals with two-step sign-in invite', async () => {
			expect(await refusal(createClientInvitation(handle.db, { actor: anna, locale: 'nl', mailer, linkFor }))).toEqual(noAccess);
			expect(await refusal(createClientInvitation(handle.db, { actor: ada, locale: 'nl', mailer, linkFor }))).toEqual(noAccess);
			expect(
				await refusal(createClientInvitation(handle.db, { actor: { ...piet, twoFactorEnabled: false }, locale: 'nl', mailer, linkFor }))
			).toEqual({ status: 403, reason: 'two_factor_required' });
			expect(await handle.db.selectFrom('client_invitation').select('id').execute()).toEqual([]);
		});
	});

	describe('reading a client’s record', () => {
		it('shows measurements only when shared, and audits every read for the person to see', async () => {
			await connect(anna, ['measurements'], 'Anna');
			const readAt = new Date('2026-04-01T10:00:00Z');
			const record = await openClientRecord(handle.db, { actor: piet, personId: anna.id, now: readAt });
			expect(record).toMatchObject({ personId: anna.id, name: 'Anna', scopes: ['measurements'] });
			expect(record.measurements).toEqual([
				expect.objectContaining({ instrument: 'djg-11', total: 11, max: 11, takenAt: '2026-02-01T08:00:00.000Z' })
			]);

			const seen = await listAuditEventsAboutPerson(handle.db, { account: anna });
			expect(seen.map((e) => [e.action, e.object, e.actorName, e.organisationName, e.at]).sort()).toEqual([
				['client.record.read', 'measurements', 'Piet Prof', 'Buurtteam Noord', readAt.toISOString()],
				['client.scope.read', 'measurements', 'Piet Prof', 'Buurtteam Noord', readAt.toISOString()]
			]);
			// Her own decision (consent.granted) is on the sharing page, not in "who looked at my data".
			expect((await auditRows(anna.id)).map((e) => e.action).sort()).toEqual([
				'client.record.read',
				'client.scope.read',
				'consent.granted'
			]);
			expect(await listAuditEventsAboutPerson(handle.db, { account: ben })).toEqual([]);

			// Every read is written, not only the first.
			await openClientRecord(handle.db, { actor: piet, personId: anna.id });
			expect(await listAuditEventsAboutPerson(handle.db, { account: anna })).toHaveLength(4);

			expect(await requireClientAccess(handle.db, piet, { personId: anna.id, scope: 'measurements' })).toMatchObject({
				personId: anna.id
			});
			expect(await refusal(requireClientAccess(handle.db, piet, { personId: anna.id, scope: 'health_web' }))).toEqual(noAccess);
		});

		it('leaves measurements out when they were not shared', async () => {
			await connect(anna, ['programme', 'relationship_summary'], 'Anna');
			const record = await openClientRecord(handle.db, { actor: piet, personId: anna.id });
			expect(record.scopes).toEqual(['programme', 'relationship_summary']);
			expect(record.measurements).toBeUndefined();
			expect(JSON.stringify(record)).not.toContain('djg-11');
			const seen = await listAuditEventsAboutPerson(handle.db, { account: anna });
			// The relationship summary is shared: counts only (Anna has nobody on her map yet), and that read is audited too.
			expect(record.relationships?.people).toEqual({ intimate: 0, friends: 0, community: 0 });
			expect(seen.map((e) => [e.action, e.object]).sort()).toEqual([
				['client.record.read', 'programme,relationship_summary'],
				['client.scope.read', 'programme'],
				['client.scope.read', 'relationship_summary']
			]);
			// The programme scope: toolkit activity as counts (none of the toolkit used yet).
			expect(record.activity?.totals).toEqual({ exercise: 0, journal: 0, thought: 0, kind_moment: 0, small_step: 0 });
			expect(await refusal(requireClientAccess(handle.db, piet, { personId: anna.id, scope: 'measurements' }))).toEqual(noAccess);
			expect(await refusal(requireClientAccess(handle.db, piet, { personId: anna.id, scope: 'health_web' }))).toEqual(noAccess);
		});

		it('refuses everyone without their own active grant, and audits nothing for them', async () => {
			await connect(anna, ['measurements', 'health_web'], 'Anna');
			const kees = await professional('kees@noord.nl', 'Kees Collega');
			const refused: [string, SignedInAccount][] = [
				['an unlinked professional of the same organisation', kees],
				['another person', ben],
				['the person themselves', anna],
				['the organisation’s admin', ada]
			];
			for (const [who, actor] of refused) {
				expect(await refusal(openClientRecord(handle.db, { actor, personId: anna.id })), who).toEqual(noAccess);
				expect(await refusal(requireClientAccess(handle.db, actor, { personId: anna.id })), who).toEqual(noAccess);
			}
			expect(await refusal(openClientRecord(handle.db, { actor: null, personId: anna.id }))).toEqual({
				status: 401,
				reason: 'sign_in_required'
			});
			expect(await refusal(openClientRecord(handle.db, { actor: { ...piet, twoFactorEnabled: false }, personId: anna.id }))).toEqual({
				status: 403,
				reason: 'two_factor_required'
			});
			expect(await listAuditEventsAboutPerson(handle.db, { account: anna })).toEqual([]);
			// Piet himself can read, and only Anna's record: Ben never connected.
			expect(await openClientRecord(handle.db, { actor: piet, personId: anna.id })).toMatchObject({ personId: anna.id });
			expect(await refusal(openClientRecord(handle.db, { actor: piet, personId: ben.id }))).toEqual(noAccess);
		});
	});

	describe('the person changes their mind', () => {
		it('keeps history when scopes change', async () => {
			const first = await connect(anna, ['programme'], 'Anna');
			const changedAt = new Date(Date.now() + 60_000);
			const changed = await changeConsentScopes(handle.db, {
				actor: anna,
				grantId: first,
				scopes: ['measurements', 'programme'],
				now: changedAt
			});
			expect(changed).toMatchObject({ ok: true });
			const second = changed.ok ? changed.grantId : '';
			expect(second).not.toBe(first);

			const rows = await grantRows(anna.id);
			expect(rows).toHaveLength(2);
			expect(rows[0]).toMatchObject({
				id: first,
				scopes: JSON.stringify(['programme']),
				ended_at: changedAt.toISOString(),
				end_reason: 'changed',
				previous_grant_id: null
			});
			expect(rows[1]).toMatchObject({
				id: second,
				scopes: JSON.stringify(['measurements', 'programme']),
				granted_at: changedAt.toISOString(),
				ended_at: null,
				end_reason: null,
				previous_grant_id: first,
				professional_id: piet.id,
				organisation_id: organisationId
			});
			// The name is stored encrypted for each grant's own row, and reads back from both.
			expect(rows.map((row) => row.person_name)).not.toContain('Anna');
			const history = await listConsentGrantsForPerson(handle.db, { actor: anna });
			expect(history.map((g) => [g.id, g.endReason, g.personName])).toEqual([
				[second, null, 'Anna'],
				[first, 'changed', 'Anna']
			]);

			const record = await openClientRecord(handle.db, { actor: piet, personId: anna.id });
			expect(record.measurements).toHaveLength(1);
			expect(await listClientsForProfessional(handle.db, { actor: piet })).toHaveLength(1);
			// The ended grant cannot be changed or withdrawn any more.
			expect(await changeConsentScopes(handle.db, { actor: anna, grantId: first, scopes: [] })).toEqual({
				ok: false,
				reason: 'not_found'
			});
			expect(await withdrawConsent(handle.db, { actor: anna, grantId: first })).toBe(false);
		});

		it('narrowing scopes takes measurements away at once', async () => {
			const grantId = await connect(anna, ['measurements', 'programme'], 'Anna');
			expect((await openClientRecord(handle.db, { actor: piet, personId: anna.id })).measurements).toHaveLength(1);
			await changeConsentScopes(handle.db, { actor: anna, grantId, scopes: ['programme'] });
			expect((await openClientRecord(handle.db, { actor: piet, personId: anna.id })).measurements).toBeUndefined();
			expect(await refusal(requireClientAccess(handle.db, piet, { personId: anna.id, scope: 'measurements' }))).toEqual(noAccess);
		});

		it('ends access at once when consent is withdrawn', async () => {
			const grantId = await connect(anna, ['measurements'], 'Anna');
			await openClientRecord(handle.db, { actor: piet, personId: anna.id });
			const withdrawnAt = new Date(Date.now() + 60_000);
			expect(await withdrawConsent(handle.db, { actor: anna, grantId, now: withdrawnAt })).toBe(true);

			expect(await refusal(openClientRecord(handle.db, { actor: piet, personId: anna.id }))).toEqual(noAccess);
			expect(await listClientsForProfessional(handle.db, { actor: piet })).toEqual([]);
			const [grant] = await listConsentGrantsForPerson(handle.db, { actor: anna });
			expect(grant).toMatchObject({ id: grantId, endedAt: withdrawnAt.toISOString(), endReason: 'withdrawn' });
			// The refused read left no trace as a read; the withdrawal itself is recorded.
			const actions = (await auditRows(anna.id)).map((e) => e.action);
			expect(actions.filter((a) => a === 'client.record.read')).toHaveLength(1);
			expect(actions).toContain('consent.withdrawn');
			expect(await withdrawConsent(handle.db, { actor: anna, grantId })).toBe(false);
		});

		it('leaves no grant active when a withdrawal and a change happen at the same moment', async () => {
			for (let round = 0; round < 3; round += 1) {
				const grantId = await connect(anna, ['measurements'], 'Anna');
				const [withdrawn, changed] = await Promise.all([
					withdrawConsent(handle.db, { actor: anna, grantId }),
					changeConsentScopes(handle.db, { actor: anna, grantId, scopes: ['measurements', 'health_web'] })
				]);
				const active = (await listConsentGrantsForPerson(handle.db, { actor: anna })).filter((g) => g.endedAt === null);
				// Whichever came first wins; the other finds no active grant. Never both.
				expect(withdrawn && changed.ok, `round ${round}`).toBe(false);
				expect(active, `round ${round}`).toHaveLength(withdrawn ? 0 : 1);
				for (const grant of active) await withdrawConsent(handle.db, { actor: anna, grantId: grant.id });
			}
		});

		it('shows the current grant first in the history, even when a change ends and starts grants in one millisecond', async () => {
			const now = new Date();
			const accepted = await acceptClientInvitation(handle.db, { actor: anna, code: await invitationCode(piet, now), scopes: ['measurements'], personName: '', now });
			if (!accepted.ok) throw new Error('not connected');
			const changed = await changeConsentScopes(handle.db, { actor: anna, grantId: accepted.grantId, scopes: ['programme'], now });
			if (!changed.ok) throw new Error('not changed');
			const history = await listConsentGrantsForPerson(handle.db, { actor: anna });
			expect(history.map((g) => [g.id, g.endReason])).toEqual([
				[changed.grantId, null],
				[accepted.grantId, 'changed']
			]);
		});

		it('cannot touch someone else’s grant', async () => {
			const grantId = await connect(anna, ['measurements'], 'Anna');
			expect(await withdrawConsent(handle.db, { actor: ben, grantId })).toBe(false);
			expect(await withdrawConsent(handle.db, { actor: piet, grantId })).toBe(false);
			expect(await changeConsentScopes(handle.db, { actor: ben, grantId, scopes: [] })).toEqual({ ok: false, reason: 'not_found' });
			expect(await listConsentGrantsForPerson(handle.db, { actor: ben })).toEqual([]);
			expect(await refusal(withdrawConsent(handle.db, { actor: null, grantId }))).toEqual({ status: 401, reason: 'sign_in_required' });

			const rows = await grantRows(anna.id);
			expect(rows).toEqual([expect.objectContaining({ id: grantId, ended_at: null, scopes: JSON.stringify(['measurements']) })]);
			expect((await openClientRecord(handle.db, { actor: piet, personId: anna.id })).measurements).toHaveLength(1);
		});

		it('replaces the current grant when connecting again with the same professional', async () => {
			const first = await connect(anna, ['programme'], 'Anna');
			const second = await connect(anna, ['measurements'], 'Anna');
			const rows = await grantRows(anna.id);
			expect(rows.filter((r) => r.ended_at === null).map((r) => r.id)).toEqual([second]);
			expect(rows.find((r) => r.id === first)).toMatchObject({ end_reason: 'changed' });
			expect(rows.find((r) => r.id === second)).toMatchObject({ previous_grant_id: first });
			expect(await listClientsForProfessional(handle.db, { actor: piet })).toEqual([
				expect.objectContaining({ personId: anna.id, scopes: ['measurements'] })
			]);
		});
	});

	describe('the professional’s side', () => {
		it('loses access when removed from the organisation', async () => {
			await connect(anna, ['measurements'], 'Anna');
			const open = await invitationCode();
			expect(await openClientRecord(handle.db, { actor: piet, personId: anna.id })).toMatchObject({ personId: anna.id });
			const membership = await handle.db
				.selectFrom('membership')
				.select('id')
				.where('account_id', '=', piet.id)
				.where('organisation_id', '=', organisationId)
				.executeTakeFirstOrThrow();
			expect(await removeMember(handle.db, { actor: ada, organisationId, membershipId: membership.id })).toEqual({ ok: true, removedSelf: false, role: 'professional' });

			expect(await refusal(openClientRecord(handle.db, { actor: piet, personId: anna.id }))).toEqual(noAccess);
			expect(await refusal(listClientsForProfessional(handle.db, { actor: piet }))).toEqual(noAccess);
			expect(await findClientInvitation(handle.db, { code: open })).toBeUndefined();
			expect(await acceptClientInvitation(handle.db, { actor: ben, code: open, scopes: ['measurements'], personName: '' })).toEqual({
				ok: false,
				reason: 'invalid'
			});
			const [grant] = await listConsentGrantsForPerson(handle.db, { actor: anna });
			expect(grant).toMatchObject({ endReason: 'professional_left' });
		});

		it('lists only people with an active grant', async () => {
			const carla = await account('carla@example.nl', 'Carla', false);
			const annaGrant = await connect(anna, ['measurements'], 'Anna');
			await connect(ben, ['programme'], 'Ben');
			const carlaGrant = await connect(carla, ['programme'], 'Carla');
			await changeConsentScopes(handle.db, { actor: carla, grantId: carlaGrant, scopes: ['health_web'] });
			await withdrawConsent(handle.db, { actor: anna, grantId: annaGrant });

			const clients = await listClientsForProfessional(handle.db, { actor: piet });
			expect(clients.map((c) => [c.name, c.scopes])).toEqual([
				['Ben', ['programme']],
				['Carla', ['health_web']]
			]);
			// Another professional sees none of them.
			const kees = await professional('kees@noord.nl', 'Kees');
			expect(await listClientsForProfessional(handle.db, { actor: kees })).toEqual([]);
			expect(await refusal(listClientsForProfessional(handle.db, { actor: ada }))).toEqual(noAccess);
		});
	});
});
