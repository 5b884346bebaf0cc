import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Auth } from '$lib/server/auth/auth';
import type { DatabaseHandle } from '$lib/server/db/client';
import type { Database } from '$lib/server/db/schema';
import type { MailLocale, OutgoingMail } from '$lib/server/mail/mailer';
import { createVerifiedAccount, currentAccount } from '$lib/features/accounts/accounts.server';
import type { SignedInAccount } from '$lib/server/auth/account';
import { deleteAccount, describeAccountForDeletion, exportPersonalData } from '$lib/composers/personal-data/personal-data.server';
import { addRelation } from '$lib/features/relationships/relations.server';
import { listAuditEventsAboutPerson } from '$lib/features/audit/audit.server';
import { listClientsForProfessional, openClientRecord } from '$lib/composers/client-record/clients.server';
import { createClientInvitation, findClientInvitation, listConsentGrantsForPerson } from '$lib/features/consent/consent.server';
import { acceptClientInvitation, changeConsentScopes } from '$lib/composers/consent-changes.server';
import { instruments } from '$lib/features/instruments/instruments';
import { claimMeasurement, listMeasurementsForAccount, saveAnonymousMeasurement } from '$lib/features/measurements/measurements.server';
import { getInstrument } from '$lib/features/instruments/instruments';
import { createOrganisationWithAdmin, findMemberInvitation, getOrganisationForAdmin, inviteMember, joinWithNewAccount } from '$lib/features/organisations/organisations.server';
import { testAuth, type SentLink } from './auth-fixture';
import { testDatabases } from './databases';
import { tablesInDatabase as scanTables, tracesOf as scanTraces } from './table-scan';
import { refusal } from './refusal';

const password = 'lang genoeg wachtwoord';
const djg11 = instruments['djg-11'];
const answers = Object.fromEntries(djg11.items.map((item) => [item.number, 'more_or_less']));
const everyTable: (keyof Database)[] = [
	'measurement',
	'account',
	'auth_session',
	'auth_credential',
	'auth_verification',
	'auth_two_factor',
	'organisation',
	'membership',
	'organisation_invitation',
	'client_invitation',
	'consent_grant',
	'audit_event',
	'api_token'
];

describe.each(testDatabases())('account deletion on $name', (target) => {
	let handle: DatabaseHandle;
	let auth: Auth;
	let links: SentLink[];
	let mails: OutgoingMail[];
	const mailer = {
		send: async (mail: OutgoingMail) => {
			mails.push(mail);
			return { delivered: 'outbox' as const, messageId: `test-${mails.length}` };
		}
	};
	const linkFor = (token: string, locale: MailLocale) => `https://brug.test/${locale}/link?token=${token}`;

	beforeEach(async () => {
		handle = await target.open();
		links = [];
		mails = [];
		auth = testAuth(handle, links);
	});
	afterEach(() => handle.close());

	const tablesInDatabase = () => scanTables(handle);
	const tracesOf = (...needles: string[]) => scanTraces(handle, ...needles);

	function signedIn(id: string, email: string, twoFactorEnabled: boolean): SignedInAccount {
		return { id, email, locale: 'nl', twoFactorEnabled };
	}

	async function person(email: string, name: string): Promise<SignedInAccount> {
		const created = await createVerifiedAccount(auth, { email, password, name, locale: 'nl' });
		if (!created.ok) throw new Error(created.reason);
		return signedIn(created.accountId, email, false);
	}

	async function measurementOf(account: SignedInAccount, takenAt: string, overrides: Record<number, string> = {}) {
		const saved = await saveAnonymousMeasurement(handle.db, { instrument: djg11, answers: { ...answers, ...overrides }, now: new Date(takenAt) });
		expect(await claimMeasurement(handle.db, { token: saved.token, accountId: account.id })).toBe(true);
	}

	async function connect(professional: SignedInAccount, client: SignedInAccount, scopes: ('measurements' | 'programme')[], personName: string, now: Date) {
		const { code } = await createClientInvitation(handle.db, { actor: professional, locale: 'nl', mailer, linkFor, now });
		const result = await acceptClientInvitation(handle.db, { actor: client, code, scopes, personName, now });
		if (!result.ok) throw new Error(result.reason);
		return result.grantId;
	}

	async function insertApiToken(account: SignedInAccount, label: string) {
		await handle.db
			.insertInto('api_token')
			.values({
				id: crypto.randomUUID(),
				account_id: account.id,
				label,
				token_hash: crypto.randomUUID().replaceAll('-', ''),
				created_at: '2026-03-10T12:00:00.000Z',
				last_used_at: '2026-03-12T07:30:00.000Z',
				expires_at: '2027-03-10T12:00:00.000Z'
			})
			.execute();
	}

	/**
	 * Anna (a person) shares with Piet (a professional at Buurtteam Noord), who read her record; an invitation of
	 * Piet's and one to join the organisation wait in her mailbox; she has a session, an API token and an open
	 * password-reset link. Ben, another client of Piet's, and Ada, the admin, must survive every deletion.
	 */
	async function richState() {
		const organisation = await createOrganisationWithAdmin(handle.db, auth, {
			organisation: { name: 'Buurtteam Noord', kind: 'welfare' },
			admin: { name: 'Ada Admin', email: 'ada@noord.nl', password, locale: 'nl' }
		});
		if (!organisation.ok) throw new Error(organisation.reason);
		const organisationId = organisation.organisationId;
		const ada = signedIn(organisation.accountId, 'ada@noord.nl', true);

		await inviteMember(handle.db, { actor: ada, organisationId, email: 'piet@noord.nl', role: 'professional', locale: 'nl', mailer, linkFor });
		const token = new URL(mails.at(-1)!.text.match(/https:\/\/\S+/)![0]).searchParams.get('token')!;
		const joined = await joinWithNewAccount(handle.db, auth, { token, name: 'Piet Prof', password, locale: 'nl' });
		if (!joined.ok) throw new Error(joined.reason);
		const pietRow = await handle.db.selectFrom('account').select('id').where('email', '=', 'piet@noord.nl').executeTakeFirstOrThrow();
		const piet = signedIn(pietRow.id, 'piet@noord.nl', true);

		const anna = await person('anna@example.nl', 'Anna Jansen');
		const ben = await person('ben@example.nl', 'Ben Bakker');
		await measurementOf(anna, '2026-02-01T08:00:00Z');
		await measurementOf(ben, '2026-02-02T08:00:00Z', { 1: 'yes' });

		const annaFirstGrant = await connect(piet, anna, ['programme'], 'Anna J.', new Date('2026-03-01T09:00:00Z'));
		const changed = await changeConsentScopes(handle.db, {
			actor: anna,
			grantId: annaFirstGrant,
			scopes: ['measurements', 'programme'],
			now: new Date('2026-03-02T09:00:00Z')
		});
		if (!changed.ok) throw new Error(changed.reason);
		await connect(piet, ben, ['measurements'], 'Ben', new Date('2026-03-03T09:00:00Z'));
		await openClientRecord(handle.db, { actor: piet, personId: anna.id, now: new Date('2026-03-04T10:00:00Z') });
		await openClientRecord(handle.db, { actor: piet, personId: ben.id, now: new Date('2026-03-04T11:00:00Z') });

		// Waiting for Anna: a new code from Piet, mailed to her; an invitation to join the organisation.
		const annaCode = (await createClientInvitation(handle.db, { actor: piet, email: 'Anna@Example.nl', locale: 'nl', mailer, linkFor })).code;
		await inviteMember(handle.db, { actor: ada, organisationId, email: 'anna@example.nl', role: 'professional', locale: 'nl', mailer, linkFor });
		const annaMemberToken = new URL(mails.at(-1)!.text.match(/https:\/\/\S+/)![0]).searchParams.get('token')!;
		// Waiting for others, which must stay.
		const benCode = (await createClientInvitation(handle.db, { actor: piet, email: 'ben@example.nl', locale: 'nl', mailer, linkFor })).code;
		await inviteMember(handle.db, { actor: ada, organisationId, email: 'kees@noord.nl', role: 'admin', locale: 'nl', mailer, linkFor });
		const keesToken = new URL(mails.at(-1)!.text.match(/https:\/\/\S+/)![0]).searchParams.get('token')!;

		await insertApiToken(anna, 'Mijn telefoon');
		await insertApiToken(piet, 'Rapportage');
		await insertApiToken(ben, 'Bens laptop');

		const response = await auth.api.signInEmail({ body: { email: 'anna@example.nl', password }, asResponse: true });
		const annaHeaders = new Headers({ cookie: response.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ') });
		expect(await currentAccount(auth, { headers: annaHeaders })).toMatchObject({ id: anna.id });
		await auth.api.requestPasswordReset({ body: { email: 'anna@example.nl' } });
		expect(links.filter((l) => l.kind === 'reset')).toHaveLength(1);

		return { organisationId, ada, piet, anna, ben, annaHeaders, annaCode, annaMemberToken, benCode, keesToken };
	}

	it('scans every table the database has', async () => {
		const tables = await tablesInDatabase();
		expect(tables).toEqual(expect.arrayContaining(everyTable));
		// The scanner finds a value it is told to look for, wherever it is.
		const { anna } = await richState();
		expect(await tracesOf(anna.id)).toEqual(
			expect.arrayContaining([
				'account.id',
				'api_token.account_id',
				'audit_event.actor_id',
				'audit_event.subject_id',
				'auth_credential.account_id',
				'auth_session.account_id',
				'auth_verification.value',
				'consent_grant.person_id',
				'measurement.account_id'
			])
		);
		expect(await tracesOf('ANNA@example.nl')).toEqual(
			expect.arrayContaining(['account.email', 'client_invitation.email', 'organisation_invitation.email'])
		);
	});

	it('exports memberships, consents, the access log and API tokens', async () => {
		const { anna, piet, ben } = await richState();
		const data = await exportPersonalData(handle.db, { account: anna });
		expect(data.account).toMatchObject({ email: 'anna@example.nl', emailVerified: true });
		expect(data.measurements).toEqual([expect.objectContaining({ instrument: 'djg-11', total: 11, takenAt: '2026-02-01T08:00:00.000Z' })]);
		expect(data.sessions).toHaveLength(1);
		expect(data.memberships).toEqual([]);
		expect(data.consents).toEqual([
			{
				professional: 'Piet Prof',
				organisation: 'Buurtteam Noord',
				nameForProfessional: 'Anna J.',
				audience: 'professional',
				scopes: ['measurements', 'programme'],
				grantedAt: '2026-03-02T09:00:00.000Z',
				endedAt: null,
				endReason: null
			},
			{
				professional: 'Piet Prof',
				organisation: 'Buurtteam Noord',
				nameForProfessional: 'Anna J.',
				audience: 'professional',
				scopes: ['programme'],
				grantedAt: '2026-03-01T09:00:00.000Z',
				endedAt: '2026-03-02T09:00:00.000Z',
				endReason: 'changed'
			}
		]);
		// What others did, not her own consent decisions.
		const byActionThenObject = (a: { action: string; object: string | null }, b: { action: string; object: string | null }) =>
			a.action.localeCompare(b.action) || (a.object ?? '').localeCompare(b.object ?? '');
		expect([...data.accessLog].sort(byActionThenObject)).toEqual([
			{ at: '2026-03-04T10:00:00.000Z', action: 'client.record.read', object: 'measurements,programme', by: 'Piet Prof', organisation: 'Buurtteam Noord' },
			{ at: '2026-03-04T10:00:00.000Z', action: 'client.scope.read', object: 'measurements', by: 'Piet Prof', organisation: 'Buurtteam Noord' },
			{ at: '2026-03-04T10:00:00.000Z', action: 'client.scope.read', object: 'programme', by: 'Piet Prof', organisation: 'Buurtteam Noord' }
		]);
		expect(data.apiTokens).toEqual([
			{ label: 'Mijn telefoon', createdAt: '2026-03-10T12:00:00.000Z', lastUsedAt: '2026-03-12T07:30:00.000Z', expiresAt: '2027-03-10T12:00:00.000Z' }
		]);
		const text = JSON.stringify(data);
		expect(text).not.toContain('ben@example.nl');
		expect(text).not.toContain(ben.id);
		expect(text).not.toContain('Bens laptop');
		expect(text).not.toContain('"Ben"');

		const professional = await exportPersonalData(handle.db, { account: piet });
		expect(professional.memberships).toEqual([{ organisation: 'Buurtteam Noord', role: 'professional', since: expect.any(String) }]);
		expect(professional.consents).toEqual([]);
		expect(professional.accessLog).toEqual([]);
		expect(professional.apiTokens).toEqual([expect.objectContaining({ label: 'Rapportage' })]);
		// A professional's export holds no client data.
		expect(JSON.stringify(professional)).not.toContain('anna@example.nl');
		expect(JSON.stringify(professional)).not.toContain('Anna J.');

		// The people on Anna's map are named by number in the confirmation.
		for (const nickname of ['Els', 'Bram']) {
			await addRelation(handle.db, { actor: anna, input: { nickname, circle: 'friends', brings: [], rhythm: 'no_goal', note: null } });
		}
		expect(await describeAccountForDeletion(handle.db, { account: anna })).toMatchObject({ kinds: { relation: 2 }, measurements: 1, patternChecks: 0, sessions: 1, consents: 1, memberships: 0, clients: 0, people: 2, programme: false, lastAdminOf: [] });
		expect(await describeAccountForDeletion(handle.db, { account: piet })).toEqual({ kinds: { api_token: 1 }, measurements: 0, patternChecks: 0, sessions: 0, consents: 0, memberships: 1, clients: 2, people: 0, programme: false, lastAdminOf: [] });
	});

	it('deletes a person so that no table keeps their id or address, and leaves others intact', async () => {
		const { organisationId, ada, piet, anna, ben, annaHeaders, annaCode, annaMemberToken, benCode, keesToken } = await richState();
		const aboutAnna = await handle.db.selectFrom('audit_event').select(['id', 'action', 'actor_id']).where('subject_id', '=', anna.id).execute();
		const readsOfAnna = aboutAnna.filter((e) => e.action.startsWith('client.'));
		// Her record, her measurements, her toolkit activity (programme).
		expect(readsOfAnna).toHaveLength(3);

		await deleteAccount(handle.db, { account: anna });

		expect(await tracesOf(anna.id, anna.email)).toEqual([]);
		expect(await currentAccount(auth, { headers: annaHeaders })).toBeNull();
		expect(await findClientInvitation(handle.db, { code: annaCode })).toBeUndefined();
		expect(await findMemberInvitation(handle.db, { token: annaMemberToken })).toBeUndefined();

		// What happened stays in the log, without the link to her.
		const kept = await handle.db
			.selectFrom('audit_event')
			.selectAll()
			.where('id', 'in', aboutAnna.map((e) => e.id))
			.execute();
		expect(kept).toHaveLength(aboutAnna.length);
		expect(kept.every((e) => e.subject_id === null)).toBe(true);
		expect(kept.filter((e) => e.action.startsWith('client.')).every((e) => e.actor_id === piet.id)).toBe(true);
		expect((await refusal(openClientRecord(handle.db, { actor: piet, personId: anna.id }))).status).toBe(403);

		// Ben, Piet, Ada and the organisation are untouched.
		expect(await listMeasurementsForAccount(handle.db, { accountId: ben.id, instrumentFor: getInstrument })).toHaveLength(1);
		expect(await listClientsForProfessional(handle.db, { actor: piet })).toEqual([
			expect.objectContaining({ personId: ben.id, name: 'Ben', scopes: ['measurements'] })
		]);
		expect((await openClientRecord(handle.db, { actor: piet, personId: ben.id })).measurements).toHaveLength(1);
		expect(await listAuditEventsAboutPerson(handle.db, { account: ben })).toHaveLength(4);
		expect(await findClientInvitation(handle.db, { code: benCode })).toMatchObject({ professionalId: piet.id });
		expect(await findMemberInvitation(handle.db, { token: keesToken })).toMatchObject({ email: 'kees@noord.nl' });
		const organisation = await getOrganisationForAdmin(handle.db, { actor: ada, organisationId });
		expect(organisation.members.map((m) => m.email)).toEqual(['ada@noord.nl', 'piet@noord.nl']);
		const tokens = await handle.db.selectFrom('api_token').select('label').orderBy('label').execute();
		expect(tokens.map((t) => t.label)).toEqual(['Bens laptop', 'Rapportage']);
		expect(await tracesOf(ben.email)).toEqual(expect.arrayContaining(['account.email', 'client_invitation.email']));
	});

	it('deletes a professional too, ending their grants and keeping the log without them', async () => {
		const { organisationId, ada, piet, anna, ben, benCode } = await richState();
		const byPiet = await handle.db.selectFrom('audit_event').select('id').where('actor_id', '=', piet.id).execute();
		expect(byPiet.length).toBeGreaterThan(0);

		await deleteAccount(handle.db, { account: piet });

		expect(await tracesOf(piet.id, piet.email)).toEqual([]);
		const kept = await handle.db.selectFrom('audit_event').selectAll().where('id', 'in', byPiet.map((e) => e.id)).execute();
		expect(kept).toHaveLength(byPiet.length);
		expect(kept.every((e) => e.actor_id === null)).toBe(true);

		// Ben still sees that his record was read, now by someone who no longer exists.
		const benSees = await listAuditEventsAboutPerson(handle.db, { account: ben });
		expect(benSees.map((e) => [e.action, e.actorName, e.organisationName]).sort()).toEqual([
			['client.record.read', null, 'Buurtteam Noord'],
			['client.scope.read', null, 'Buurtteam Noord']
		]);
		// Nobody holds consent for a professional who is gone: Ben's consent ended, and stays in his history without
		// Piet's name; his invitations no longer work.
		expect(await listConsentGrantsForPerson(handle.db, { actor: ben })).toEqual([
			expect.objectContaining({ professionalName: null, organisationName: 'Buurtteam Noord', endReason: 'professional_left', professionalActive: false })
		]);
		expect(await handle.db.selectFrom('consent_grant').select('id').where('ended_at', 'is', null).where('person_id', '=', ben.id).execute()).toEqual([]);
		expect(await findClientInvitation(handle.db, { code: benCode })).toBeUndefined();

		// The people and the organisation stay.
		expect(await listMeasurementsForAccount(handle.db, { accountId: anna.id, instrumentFor: getInstrument })).toHaveLength(1);
		expect(await listMeasurementsForAccount(handle.db, { accountId: ben.id, instrumentFor: getInstrument })).toHaveLength(1);
		const organisation = await getOrganisationForAdmin(handle.db, { actor: ada, organisationId });
		expect(organisation.members.map((m) => m.email)).toEqual(['ada@noord.nl']);
		expect(organisation.invitations.map((i) => i.email).sort()).toEqual(['anna@example.nl', 'kees@noord.nl']);
		const tokens = await handle.db.selectFrom('api_token').select('label').orderBy('label').execute();
		expect(tokens.map((t) => t.label)).toEqual(['Bens laptop', 'Mijn telefoon']);
	});

	it('leaves no trace of either once both are deleted', async () => {
		const { ada, piet, anna, ben } = await richState();
		await deleteAccount(handle.db, { account: anna });
		await deleteAccount(handle.db, { account: piet });
		expect(await tracesOf(anna.id, anna.email, piet.id, piet.email)).toEqual([]);
		const accounts = await handle.db.selectFrom('account').select('email').orderBy('email').execute();
		expect(accounts.map((a) => a.email)).toEqual([ada.email, ben.email]);
		// Every event survives; none points to either of them.
		const events = await handle.db.selectFrom('audit_event').selectAll().execute();
		expect(events.some((e) => e.action === 'client.record.read' && e.subject_id === null)).toBe(true);
		expect(events.some((e) => e.action === 'client.record.read' && e.subject_id === ben.id)).toBe(true);
	});

	it('refuses to delete the only admin of an organisation, and names the organisation', async () => {
		const created = await createOrganisationWithAdmin(handle.db, auth, {
			organisation: { name: 'Buurthuis Zuid', kind: 'welfare' },
			admin: { name: 'Ada', email: 'ada@example.nl', password: 'lang genoeg wachtwoord', locale: 'nl' }
		});
		if (!created.ok) throw new Error('no organisation');
		const ada: SignedInAccount = { id: created.accountId, email: 'ada@example.nl', locale: 'nl', twoFactorEnabled: true };
		expect((await describeAccountForDeletion(handle.db, { account: ada })).lastAdminOf).toEqual(['Buurthuis Zuid']);
		expect(await deleteAccount(handle.db, { account: ada })).toEqual({ ok: false, reason: 'last_admin', organisations: ['Buurthuis Zuid'] });
		expect(await handle.db.selectFrom('account').select('id').where('id', '=', ada.id).execute()).toHaveLength(1);
	});
});

