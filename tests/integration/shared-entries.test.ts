/**
 * "Bespreek dit": a person marks one journal entry and one thought check for a professional they are linked with.
 * Only the marked entries reach the professional, only while marked and while consent lasts, and every read of
 * each one is written to the audit log the person sees.
 */
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Auth } from '$lib/server/auth/auth';
import type { DatabaseHandle } from '$lib/server/db/client';
import type { MailLocale, OutgoingMail } from '$lib/server/mail/mailer';
import { createVerifiedAccount } from '$lib/features/accounts/accounts.server';
import type { SignedInAccount } from '$lib/server/auth/account';
import { listAuditEventsAboutPerson } from '$lib/features/audit/audit.server';
import { openClientRecord } from '$lib/composers/client-record/clients.server';
import type { ConsentScope } from '$lib/kernel/consent-scopes';
import { createClientInvitation } from '$lib/features/consent/consent.server';
import { acceptClientInvitation, withdrawConsent } from '$lib/composers/consent-changes.server';
import { createJournalEntry, updateJournalEntry } from '$lib/features/journal/journal.server';
import { setDiscuss } from '$lib/features/journal/shared-entries.server';
import { createThoughtRecord } from '$lib/features/journal/thought-records.server';
import { acceptMemberInvitation, createOrganisationWithAdmin, inviteMember } from '$lib/features/organisations/organisations.server';
import { testAuth } from './auth-fixture';
import { testDatabases } from './databases';
import { refusal } from './refusal';

// A data key of this file's own, from the environment, so no key file is read or written (see crypto/keyring.js).
vi.hoisted(() => {
	vi.stubEnv('BRUG_DATA_KEY', Buffer.from(globalThis.crypto.getRandomValues(new Uint8Array(32))).toString('base64'));
	vi.stubEnv('BRUG_DATA_DIR', `${process.env.TMPDIR ?? '/tmp'}/brug-shared-entries-no-key-file-${Date.now()}`);
});
afterAll(() => vi.unstubAllEnvs());

const password = 'lang genoeg wachtwoord';
const noAccess = { status: 403, reason: 'no_access' };

describe.each(testDatabases())('shared entries on $name', (target) => {
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
	/** Professional at Buurtteam Noord, with two-step sign-in, to whom Anna gives consent. */
	let piet: SignedInAccount;
	/** A colleague of Piet's without any client. */
	let kees: SignedInAccount;
	/** The person who writes and shares. */
	let anna: SignedInAccount;
	/** Another person, also Piet's client. */
	let ben: SignedInAccount;
	let grantId: string;
	/** Anna's writing: one of each kind marked "bespreek dit", one of each not. */
	let marked: { journal: string; thought: string };
	let unmarked: { journal: string; thought: string };

	const texts = {
		markedBody: 'Ik durf mijn broer niet te bellen na de ruzie.',
		markedWentWell: 'Wel een wandeling gemaakt.',
		unmarkedBody: 'Dit is alleen voor mij: over mijn moeder.',
		markedSituation: 'Koffiepauze op het werk',
		markedThought: 'Ze willen mij er niet bij',
		unmarkedSituation: 'Alleen voor mij: de buren'
	};

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
		ada = { id: created.accountId, email: 'ada@noord.nl', locale: 'nl', twoFactorEnabled: true };
		piet = await professional('piet@noord.nl', 'Piet Prof');
		kees = await professional('kees@noord.nl', 'Kees Collega');
		anna = await account('anna@example.nl', 'Anna', false);
		ben = await account('ben@example.nl', 'Ben', false);
		grantId = await connect(anna, ['programme'], 'Anna');

		const journal = async (body: string, wentWell: string | null, at: string) =>
			(await createJournalEntry(handle.db, { actor: anna, input: { mood: 2, body, wentWell }, now: new Date(at) })).id;
		const thought = async (situation: string, thoughtText: string, at: string) =>
			(
				await createThoughtRecord(handle.db, {
					actor: anna,
					input: { situation, thought: thoughtText, beliefBefore: 75, factsFor: null, factsAgainst: 'Ze vroegen of ik meeging', alternative: null, beliefAfter: 40, smallAction: null },
					now: new Date(at)
				})
			).id;
		marked = {
			journal: await journal(texts.markedBody, texts.markedWentWell, '2026-03-10T09:00:00Z'),
			thought: await thought(texts.markedSituation, texts.markedThought, '2026-03-10T10:00:00Z')
		};
		unmarked = {
			journal: await journal(texts.unmarkedBody, null, '2026-03-11T09:00:00Z'),
			thought: await thought(texts.unmarkedSituation, 'Niemand mag dit lezen', '2026-03-11T10:00:00Z')
		};
		expect(await setDiscuss(handle.db, { actor: anna, kind: 'journal', id: marked.journal, discuss: true })).toBe(true);
		expect(await setDiscuss(handle.db, { actor: anna, kind: 'thought', id: marked.thought, discuss: true })).toBe(true);
	});
	afterEach(() => handle.close());

	async function account(email: string, name: string, twoFactorEnabled: boolean): Promise<SignedInAccount> {
		const created = await createVerifiedAccount(auth, { email, password, name, locale: 'nl' });
		if (!created.ok) throw new Error(created.reason);
		return { id: created.accountId, email, locale: 'nl', twoFactorEnabled };
	}

	/** A professional with two-step sign-in who joined Buurtteam Noord through Ada's invitation. */
	async function professional(email: string, name: string): Promise<SignedInAccount> {
		const who = await account(email, name, true);
		await inviteMember(handle.db, { actor: ada, organisationId, email, role: 'professional', locale: 'nl', mailer, linkFor });
		const token = new URL(mails.at(-1)!.text.match(/https:\/\/\S+/)![0]).searchParams.get('code')!;
		expect(await acceptMemberInvitation(handle.db, { token, actor: who })).toMatchObject({ ok: true });
		return who;
	}

	/** The person connects to Piet with these scopes; returns the grant id. */
	async function connect(person: SignedInAccount, scopes: ConsentScope[], personName: string): Promise<string> {
		const { code } = await createClientInvitation(handle.db, { actor: piet, locale: 'nl', mailer, linkFor });
		const result = await acceptClientInvitation(handle.db, { actor: person, code, scopes, personName });
		if (!result.ok) throw new Error(result.reason);
		return result.grantId;
	}

	async function sharedEntryReads() {
		return handle.db
			.selectFrom('audit_event')
			.select(['actor_id', 'subject_id', 'organisation_id', 'object', 'at'])
			.where('action', '=', 'client.shared_entry.read')
			.orderBy('object')
			.execute();
	}

	it('a linked professional with the toolkit scope reads exactly the marked entries, decrypted', async () => {
		const readAt = new Date('2026-04-01T10:00:00Z');
		const record = await openClientRecord(handle.db, { actor: piet, personId: anna.id, now: readAt });
		expect(record.scopes).toEqual(['programme']);
		expect(record.shared).toEqual({
			journal: [
				{
					id: marked.journal,
					day: '2026-03-10',
					mood: 2,
					body: texts.markedBody,
					wentWell: texts.markedWentWell,
					discuss: true,
					createdAt: '2026-03-10T09:00:00.000Z',
					updatedAt: '2026-03-10T09:00:00.000Z'
				}
			],
			thoughts: [
				{
					id: marked.thought,
					day: '2026-03-10',
					situation: texts.markedSituation,
					thought: texts.markedThought,
					beliefBefore: 75,
					factsFor: null,
					factsAgainst: 'Ze vroegen of ik meeging',
					alternative: null,
					beliefAfter: 40,
					smallAction: null,
					discuss: true,
					createdAt: '2026-03-10T10:00:00.000Z'
				}
			]
		});
		const whole = JSON.stringify(record);
		for (const hidden of [unmarked.journal, unmarked.thought, texts.unmarkedBody, texts.unmarkedSituation, 'Niemand mag dit lezen']) {
			expect(whole).not.toContain(hidden);
		}

		// An edit after marking is what the professional reads next.
		await updateJournalEntry(handle.db, { actor: anna, id: marked.journal, input: { mood: 3, body: 'Toch gebeld. Het ging goed.', wentWell: null } });
		const again = await openClientRecord(handle.db, { actor: piet, personId: anna.id, now: readAt });
		expect(again.shared.journal).toEqual([expect.objectContaining({ id: marked.journal, mood: 3, body: 'Toch gebeld. Het ging goed.', wentWell: null })]);
	});

	it('writes one client.shared_entry.read event per entry and read, which the person sees', async () => {
		const readAt = new Date('2026-04-01T10:00:00Z');
		await openClientRecord(handle.db, { actor: piet, personId: anna.id, now: readAt });

		expect(await sharedEntryReads()).toEqual(
			[marked.journal, marked.thought].sort().map((object) => ({
				actor_id: piet.id,
				subject_id: anna.id,
				organisation_id: organisationId,
				object,
				at: readAt.toISOString()
			}))
		);
		const seen = await listAuditEventsAboutPerson(handle.db, { account: anna });
		expect(
			seen
				.filter((e) => e.action === 'client.shared_entry.read')
				.map((e) => [e.object, e.actorName, e.organisationName, e.at])
				.sort()
		).toEqual(
			[
				[marked.journal, 'Piet Prof', 'Buurtteam Noord', readAt.toISOString()],
				[marked.thought, 'Piet Prof', 'Buurtteam Noord', readAt.toISOString()]
			].sort()
		);
		// Anna shares her programme: the activity counts are a read of their own.
		expect(seen.map((e) => e.action).sort()).toEqual(['client.record.read', 'client.scope.read', 'client.shared_entry.read', 'client.shared_entry.read']);

		// Every read is written, not only the first.
		await openClientRecord(handle.db, { actor: piet, personId: anna.id });
		expect(await sharedEntryReads()).toHaveLength(4);
		// Nobody else sees these events.
		expect(await listAuditEventsAboutPerson(handle.db, { account: ben })).toEqual([]);
	});

	it('unmarking hides an entry at once, and its reads stop', async () => {
		expect(await setDiscuss(handle.db, { actor: anna, kind: 'journal', id: marked.journal, discuss: false })).toBe(true);
		let record = await openClientRecord(handle.db, { actor: piet, personId: anna.id });
		expect(record.shared.journal).toEqual([]);
		expect(record.shared.thoughts.map((t) => t.id)).toEqual([marked.thought]);
		expect((await sharedEntryReads()).map((e) => e.object)).toEqual([marked.thought]);

		expect(await setDiscuss(handle.db, { actor: anna, kind: 'thought', id: marked.thought, discuss: false })).toBe(true);
		record = await openClientRecord(handle.db, { actor: piet, personId: anna.id });
		expect(record.shared).toEqual({ journal: [], thoughts: [] });
		expect(JSON.stringify(record)).not.toContain(texts.markedBody);
		expect(JSON.stringify(record)).not.toContain(texts.markedThought);
		expect(await sharedEntryReads()).toHaveLength(1);

		// Marking again shares it again.
		await setDiscuss(handle.db, { actor: anna, kind: 'journal', id: marked.journal, discuss: true });
		expect((await openClientRecord(handle.db, { actor: piet, personId: anna.id })).shared.journal.map((e) => e.id)).toEqual([marked.journal]);
	});

	it('only the person can mark; nobody else’s marking reaches her record', async () => {
		for (const actor of [piet, ben, ada]) {
			expect(await setDiscuss(handle.db, { actor, kind: 'journal', id: unmarked.journal, discuss: true })).toBe(false);
			expect(await setDiscuss(handle.db, { actor, kind: 'thought', id: marked.thought, discuss: false })).toBe(false);
		}
		const record = await openClientRecord(handle.db, { actor: piet, personId: anna.id });
		expect(record.shared.journal.map((e) => e.id)).toEqual([marked.journal]);
		expect(record.shared.thoughts.map((t) => t.id)).toEqual([marked.thought]);

		// Ben, also Piet's client, shares nothing: his record holds none of Anna's entries.
		await connect(ben, ['measurements'], 'Ben');
		const bens = await openClientRecord(handle.db, { actor: piet, personId: ben.id });
		expect(bens.shared).toEqual({ journal: [], thoughts: [] });
		expect((await sharedEntryReads()).every((e) => e.subject_id === anna.id)).toBe(true);
	});

	it('an unlinked professional, the organisation’s admin and others get 403, and no event is written', async () => {
		const refused: [string, SignedInAccount][] = [
			['an unlinked professional of the same organisation', kees],
			['the organisation’s admin', ada],
			['another person', ben],
			['the person themselves', anna]
		];
		for (const [who, actor] of refused) {
			expect(await refusal(openClientRecord(handle.db, { actor, personId: anna.id })), who).toEqual(noAccess);
		}
		expect(await refusal(openClientRecord(handle.db, { actor: { ...piet, twoFactorEnabled: false }, personId: anna.id }))).toEqual({
			status: 403,
			reason: 'two_factor_required'
		});
		expect(await refusal(openClientRecord(handle.db, { actor: null, personId: anna.id }))).toEqual({ status: 401, reason: 'sign_in_required' });

		expect(await sharedEntryReads()).toEqual([]);
		expect(await listAuditEventsAboutPerson(handle.db, { account: anna })).toEqual([]);
	});

	it('after consent is withdrawn the professional gets 403, even for marked entries', async () => {
		await openClientRecord(handle.db, { actor: piet, personId: anna.id });
		expect(await sharedEntryReads()).toHaveLength(2);

		expect(await withdrawConsent(handle.db, { actor: anna, grantId })).toBe(true);
		expect(await refusal(openClientRecord(handle.db, { actor: piet, personId: anna.id }))).toEqual(noAccess);
		expect(await sharedEntryReads()).toHaveLength(2);
		// The entries stay marked (her choice), but nobody reads them.
		const rows = await handle.db.selectFrom('journal_entry').select(['id', 'discuss']).where('id', '=', marked.journal).execute();
		expect(rows).toEqual([{ id: marked.journal, discuss: 1 }]);
	});
});
