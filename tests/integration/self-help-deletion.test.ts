/**
 * The self-help toolkit and a person's rights: everything they wrote is in their data export, decrypted; deleting
 * the account removes it so that no table of the database (as the database itself lists them) keeps the account
 * id, the e-mail address or any of the texts. Another person's rows stay.
 */
import { sql } from 'kysely';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Auth } from '$lib/server/auth/auth';
import type { DatabaseHandle } from '$lib/server/db/client';
import type { MailLocale, OutgoingMail } from '$lib/server/mail/mailer';
import { createVerifiedAccount } from '$lib/features/accounts/accounts.server';
import type { SignedInAccount } from '$lib/server/auth/account';
import { deleteAccount, exportPersonalData } from '$lib/composers/personal-data/personal-data.server';
import { openClientRecord } from '$lib/composers/client-record/clients.server';
import { createClientInvitation } from '$lib/features/consent/consent.server';
import { acceptClientInvitation } from '$lib/composers/consent-changes.server';
import { logExerciseDone } from '$lib/features/exercises/exercise-log.server';
import { createJournalEntry, listJournalEntries } from '$lib/features/journal/journal.server';
import { noteKindMoment } from '$lib/features/journal/kind-moments.server';
import { setDiscuss } from '$lib/features/journal/shared-entries.server';
import { createThoughtRecord } from '$lib/features/journal/thought-records.server';
import { patternCheck, strongestPatterns, scorePatternCheck, type PatternAnswers } from '$lib/features/patterns/pattern-check';
import { listPatternChecks, savePatternCheck } from '$lib/features/patterns/pattern-checks.server';
import { acceptMemberInvitation, createOrganisationWithAdmin, inviteMember } from '$lib/features/organisations/organisations.server';
import { listStepPlans, markStepDone, planStep } from '$lib/features/small-steps/step-plans.server';
import { testAuth } from './auth-fixture';
import { testDatabases } from './databases';
import { tablesInDatabase as scanTables, tracesOf as scanTraces } from './table-scan';

// A data key of this file's own, from the environment, so no key file is read or written (see crypto/keyring.js).
vi.hoisted(() => {
	vi.stubEnv('BRUG_DATA_KEY', Buffer.from(globalThis.crypto.getRandomValues(new Uint8Array(32))).toString('base64'));
	vi.stubEnv('BRUG_DATA_DIR', `${process.env.TMPDIR ?? '/tmp'}/brug-self-help-deletion-no-key-file-${Date.now()}`);
});
afterAll(() => vi.unstubAllEnvs());

const password = 'lang genoeg wachtwoord';
const selfHelpTables = ['journal_entry', 'thought_record', 'kind_moment', 'step_plan', 'exercise_done', 'measurement'];

/** Anna's texts: distinctive, so a hit anywhere cannot be a coincidence. */
const texts = {
	journalBody: 'Sinds de verhuizing naar Heerenveen eet ik elke avond alleen.',
	journalWentWell: 'Buurman Teunis bracht rabarber uit zijn tuin.',
	thoughtSituation: 'Schoolplein bij het ophalen van kleinzoon Ravi.',
	thoughtThought: 'De andere opa’s vinden mij een indringer.',
	thoughtFactsFor: 'Niemand knikte terug bij het hek.',
	thoughtFactsAgainst: 'Een moeder vroeg hoe oud Ravi is.',
	thoughtAlternative: 'Iedereen was gehaast door de regenbui.',
	thoughtSmallAction: 'Morgen zelf als eerste goedemorgen zeggen bij het hek.',
	kindMoment: 'De apothekersassistente onthield mijn naam: Wilhelmina.',
	stepNote: 'Bij de bibliotheek kreeg ik een kop thee van vrijwilliger Sjoerd.'
};
const benText = 'Ben schrijft over zijn duiventil in Appelscha.';

const patternAnswers: PatternAnswers = Object.fromEntries(
	patternCheck.statements.map((s) => [s.number, s.mechanism === 'waiting' || s.mechanism === 'fear_of_vulnerability' ? 'strongly_agree' : 'disagree'])
);

describe.each(testDatabases())('self-help data and account deletion on $name', (target) => {
	let handle: DatabaseHandle;
	let auth: Auth;
	let mails: OutgoingMail[];
	const mailer = {
		send: async (mail: OutgoingMail) => {
			mails.push(mail);
			return { delivered: 'outbox' as const, messageId: `test-${mails.length}` };
		}
	};
	const linkFor = (token: string, locale: MailLocale) => `https://brug.test/${locale}/link?code=${token}`;

	let anna: SignedInAccount;
	let ben: SignedInAccount;
	let piet: SignedInAccount;
	let ids: { journal: string; thought: string; kindMoment: string; plan: string; check: string };

	beforeEach(async () => {
		handle = await target.open();
		mails = [];
		auth = testAuth(handle);
		anna = await account('anna@example.nl', 'Anna Jansen');
		ben = await account('ben@example.nl', 'Ben Bakker');
		piet = await professionalLinkedTo(anna);
		ids = await writeEverything(anna);
		await createJournalEntry(handle.db, { actor: ben, input: { mood: 4, body: benText, wentWell: null } });
		await logExerciseDone(handle.db, { actor: ben, exerciseId: 'breathing' });
		const bensCheck = await savePatternCheck(handle.db, { actor: ben, answers: patternAnswers });
		expect(bensCheck.ok).toBe(true);
	});
	afterEach(() => handle.close());

	async function account(email: string, name: string): Promise<SignedInAccount> {
		const created = await createVerifiedAccount(auth, { email, password, name, locale: 'nl' });
		if (!created.ok) throw new Error(created.reason);
		return { id: created.accountId, email, locale: 'nl', twoFactorEnabled: false };
	}

	/** Piet, a professional with two-step sign-in at Buurtteam Noord, to whom the person gives consent. */
	async function professionalLinkedTo(person: SignedInAccount): Promise<SignedInAccount> {
		const created = await createOrganisationWithAdmin(handle.db, auth, {
			organisation: { name: 'Buurtteam Noord', kind: 'welfare' },
			admin: { name: 'Ada Admin', email: 'ada@noord.nl', password, locale: 'nl' }
		});
		if (!created.ok) throw new Error(created.reason);
		const ada: SignedInAccount = { id: created.accountId, email: 'ada@noord.nl', locale: 'nl', twoFactorEnabled: true };
		const who = { ...(await account('piet@noord.nl', 'Piet Prof')), twoFactorEnabled: true };
		await inviteMember(handle.db, { actor: ada, organisationId: created.organisationId, email: who.email, role: 'professional', locale: 'nl', mailer, linkFor });
		const token = new URL(mails.at(-1)!.text.match(/https:\/\/\S+/)![0]).searchParams.get('code')!;
		expect(await acceptMemberInvitation(handle.db, { token, actor: who })).toMatchObject({ ok: true });
		const { code } = await createClientInvitation(handle.db, { actor: who, locale: 'nl', mailer, linkFor });
		const accepted = await acceptClientInvitation(handle.db, { actor: person, code, scopes: ['measurements', 'programme'], personName: 'Anna J.' });
		if (!accepted.ok) throw new Error(accepted.reason);
		return who;
	}

	/** A row in every self-help table, a saved pattern check, and marked entries the professional has read. */
	async function writeEverything(person: SignedInAccount) {
		const at = new Date('2026-03-10T09:00:00Z');
		const journal = await createJournalEntry(handle.db, { actor: person, input: { mood: 2, body: texts.journalBody, wentWell: texts.journalWentWell }, now: at });
		const thought = await createThoughtRecord(handle.db, {
			actor: person,
			input: {
				situation: texts.thoughtSituation,
				thought: texts.thoughtThought,
				beliefBefore: 85,
				factsFor: texts.thoughtFactsFor,
				factsAgainst: texts.thoughtFactsAgainst,
				alternative: texts.thoughtAlternative,
				beliefAfter: 35,
				smallAction: texts.thoughtSmallAction
			},
			now: at
		});
		const kindMoment = await noteKindMoment(handle.db, { actor: person, input: { body: texts.kindMoment }, now: at });
		const plan = await planStep(handle.db, { actor: person, input: { stepId: 'activity-at-the-library', plannedDay: '2026-03-12' }, now: at });
		if (!plan.ok) throw new Error(plan.reason);
		await markStepDone(handle.db, { actor: person, id: plan.id, input: { howItWent: 4, note: texts.stepNote }, now: new Date('2026-03-12T15:00:00Z') });
		await logExerciseDone(handle.db, { actor: person, exerciseId: 'journal', now: at });
		await logExerciseDone(handle.db, { actor: person, exerciseId: 'thought-check', now: new Date('2026-03-11T09:00:00Z') });
		const check = await savePatternCheck(handle.db, { actor: person, answers: patternAnswers, now: new Date('2026-03-01T12:00:00Z') });
		if (!check.ok) throw new Error(check.reason);
		await setDiscuss(handle.db, { actor: person, kind: 'journal', id: journal.id, discuss: true });
		await setDiscuss(handle.db, { actor: person, kind: 'thought', id: thought.id, discuss: true });
		const record = await openClientRecord(handle.db, { actor: piet, personId: person.id, now: new Date('2026-03-13T10:00:00Z') });
		expect(record.shared.journal).toHaveLength(1);
		return { journal: journal.id, thought: thought.id, kindMoment: kindMoment.id, plan: plan.id, check: check.id };
	}

	const tablesInDatabase = () => scanTables(handle);
	const tracesOf = (...needles: string[]) => scanTraces(handle, ...needles);

	async function rowsOf(accountId: string): Promise<Record<string, number>> {
		const counts: Record<string, number> = {};
		for (const table of selfHelpTables) {
			const { rows } = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(table)} where account_id = ${accountId}`.execute(handle.db);
			counts[table] = Number(rows[0]?.n);
		}
		return counts;
	}

	it('the scanner sees the self-help tables and finds the account in each of them', async () => {
		expect(await tablesInDatabase()).toEqual(expect.arrayContaining(selfHelpTables));
		expect(await tracesOf(anna.id)).toEqual(expect.arrayContaining(selfHelpTables.map((t) => `${t}.account_id`)));
		expect(await rowsOf(anna.id)).toEqual({ journal_entry: 1, thought_record: 1, kind_moment: 1, step_plan: 1, exercise_done: 2, measurement: 1 });
		// Encrypted at rest: the texts are nowhere, not even before deletion.
		expect(await tracesOf(...Object.values(texts), benText)).toEqual([]);
	});

	it('the export holds every self-help row, decrypted, and nothing of anyone else', async () => {
		const data = await exportPersonalData(handle.db, { account: anna });
		expect(data.journal).toEqual([
			{
				id: ids.journal,
				day: '2026-03-10',
				mood: 2,
				body: texts.journalBody,
				wentWell: texts.journalWentWell,
				discuss: true,
				createdAt: '2026-03-10T09:00:00.000Z',
				updatedAt: '2026-03-10T09:00:00.000Z'
			}
		]);
		expect(data.thoughtChecks).toEqual([
			{
				id: ids.thought,
				day: '2026-03-10',
				situation: texts.thoughtSituation,
				thought: texts.thoughtThought,
				beliefBefore: 85,
				factsFor: texts.thoughtFactsFor,
				factsAgainst: texts.thoughtFactsAgainst,
				alternative: texts.thoughtAlternative,
				beliefAfter: 35,
				smallAction: texts.thoughtSmallAction,
				discuss: true,
				createdAt: '2026-03-10T09:00:00.000Z'
			}
		]);
		expect(data.kindMoments).toEqual([{ id: ids.kindMoment, day: '2026-03-10', body: texts.kindMoment, createdAt: '2026-03-10T09:00:00.000Z' }]);
		expect(data.stepPlans).toEqual([
			{ id: ids.plan, stepId: 'activity-at-the-library', plannedDay: '2026-03-12', doneAt: '2026-03-12T15:00:00.000Z', howItWent: 4, note: texts.stepNote }
		]);
		expect(data.exercisesDone).toEqual([
			{ exercise: 'journal', day: '2026-03-10' },
			{ exercise: 'thought-check', day: '2026-03-11' }
		]);
		const strongest = strongestPatterns(scorePatternCheck(patternAnswers)).map((p) => p.mechanism);
		expect([...strongest].sort()).toEqual(['fear_of_vulnerability', 'waiting']);
		expect(data.patternChecks).toEqual([
			{ takenAt: '2026-03-01T12:00:00.000Z', answers: Object.fromEntries(Object.entries(patternAnswers)), strongest }
		]);
		// A saved pattern check is not an instrument measurement.
		expect(data.measurements).toEqual([]);
		// The professional's reads of her marked entries are in her access log.
		expect(data.accessLog.filter((e) => e.action === 'client.shared_entry.read').map((e) => e.object).sort()).toEqual([ids.journal, ids.thought].sort());

		const text = JSON.stringify(data);
		expect(text).not.toContain(benText);
		expect(text).not.toContain(ben.id);

		const bens = await exportPersonalData(handle.db, { account: ben });
		expect(bens.journal.map((e) => e.body)).toEqual([benText]);
		expect(bens.patternChecks).toHaveLength(1);
		for (const written of Object.values(texts)) expect(JSON.stringify(bens)).not.toContain(written);
		// A professional's export holds none of a client's writing.
		const piets = JSON.stringify(await exportPersonalData(handle.db, { account: piet }));
		for (const written of Object.values(texts)) expect(piets).not.toContain(written);
	});

	it('deleteAccount removes every self-help row, leaving no id, address or text anywhere; Ben’s rows stay', async () => {
		const bensBefore = await rowsOf(ben.id);
		expect(await deleteAccount(handle.db, { account: anna })).toEqual({ ok: true });

		expect(await tracesOf(anna.id, anna.email, ...Object.values(texts))).toEqual([]);
		expect(await rowsOf(anna.id)).toEqual({ journal_entry: 0, thought_record: 0, kind_moment: 0, step_plan: 0, exercise_done: 0, measurement: 0 });
		for (const [table, id] of [
			['journal_entry', ids.journal],
			['thought_record', ids.thought],
			['kind_moment', ids.kindMoment],
			['step_plan', ids.plan],
			['measurement', ids.check]
		] as const) {
			const { rows } = await sql`select id from ${sql.table(table)} where id = ${id}`.execute(handle.db);
			expect(rows, table).toEqual([]);
		}

		expect(await rowsOf(ben.id)).toEqual(bensBefore);
		expect((await listJournalEntries(handle.db, { actor: ben })).map((e) => e.body)).toEqual([benText]);
		expect(await listPatternChecks(handle.db, { actor: ben })).toHaveLength(1);
		// The use-cases find nothing for the account that is gone.
		expect(await listStepPlans(handle.db, { actor: anna })).toEqual([]);
	});
});
