/**
 * The self-help toolkit's use-cases on a real database: journal, thought checks, kind moments, small steps, the
 * exercise log and saved pattern checks. Each writes and reads back; a person never reaches another person's rows;
 * free text is stored only as ciphertext (on SQLite not even in the file bytes); a crisis signal in any field is
 * reported and the entry is still saved.
 */
import { listConsentGrantsForPerson } from '$lib/features/consent/consent.server';
import { normaliseClientCode } from '$lib/features/consent/consent';
import { rateSelfSufficiency } from '$lib/features/self-sufficiency/ratings.server';
import { addConversationNote, listSharedSummaries } from '$lib/features/conversation-notes/conversation-notes.server';
import { professionalFixtures } from './professional-fixtures';
import { groupFixtures } from './group-fixtures';
import { sendProgrammeMessage, startProgrammeForClient } from '$lib/features/programme/guidance.server';
import { myCheckIn, openWeek, programmeView, saveCheckIn } from '$lib/features/programme/progress.server';
import { getPlan, savePlan } from '$lib/features/programme/plan.server';
import { addRelation, listRelations } from '$lib/features/relationships/relations.server';
import { listPlannedMoments, planMoment } from '$lib/features/relationships/planned-moments.server';
import fs from 'node:fs';
import { pageCursor } from '$lib/server/db/cursor';
import { sql, type Kysely } from 'kysely';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Auth } from '$lib/server/auth/auth';
import { decryptText, encryptedColumns, keyIdOf, loadKeyring, type EncryptedColumn } from '$lib/server/crypto';
import type { DatabaseHandle } from '$lib/server/db/client';
import type { Database } from '$lib/server/db/schema';
import { createVerifiedAccount } from '$lib/features/accounts/accounts.server';
import type { SignedInAccount } from '$lib/server/auth/account';
import { getStep } from '$lib/features/exercises/exercises.content';
import { lastDoneByExercise, logExerciseDone } from '$lib/features/exercises/exercise-log.server';
import {
	createJournalEntry,
	deleteJournalEntry,
	getJournalEntry,
	listJournalEntries,
	listMoodPoints,
	updateJournalEntry
} from '$lib/features/journal/journal.server';
import { deleteKindMoment, listKindMoments, noteKindMoment } from '$lib/features/journal/kind-moments.server';
import {
	journalEntrySchema,
	kindMomentSchema,
	stepDoneSchema,
	thoughtRecordSchema,
	type JournalEntryInput,
	type ThoughtRecordInput
} from '$lib/features/journal/self-help.schema';
import { setDiscuss } from '$lib/features/journal/shared-entries.server';
import { createThoughtRecord, deleteThoughtRecord, listThoughtRecords } from '$lib/features/journal/thought-records.server';
import { minimumAnswered, patternCheck, scorePatternCheck, type PatternAnswers } from '$lib/features/patterns/pattern-check';
import { listPatternChecks, savePatternCheck } from '$lib/features/patterns/pattern-checks.server';
import { decodePendingCheck, encodePendingCheck } from '$lib/features/patterns/pending-check';
import { deleteStepPlan, listStepPlans, markStepDone, planStep } from '$lib/features/small-steps/step-plans.server';
import { testAuth } from './auth-fixture';
import { testDatabases } from './databases';
import { refusal } from './refusal';

// A data key of this file's own, from the environment, so no key file is read or written (see crypto/keyring.js).
const dataKey = vi.hoisted(() => {
	const key = Buffer.from(globalThis.crypto.getRandomValues(new Uint8Array(32))).toString('base64');
	vi.stubEnv('BRUG_DATA_KEY', key);
	vi.stubEnv('BRUG_DATA_DIR', `${process.env.TMPDIR ?? '/tmp'}/brug-self-help-no-key-file-${Date.now()}`);
	return key;
});
afterAll(() => vi.unstubAllEnvs());
const keyring = loadKeyring({ dataDir: '/nonexistent-brug-data-dir', dataKey });
const keyId = keyIdOf(Buffer.from(dataKey, 'base64'));

const password = 'lang genoeg wachtwoord';
const selfHelpTables = ['journal_entry', 'thought_record', 'kind_moment', 'step_plan', 'exercise_done', 'measurement'] as const;
const stepA = 'ask-for-a-tip';
const stepB = 'ask-how-it-went';
const stepC = 'activity-at-the-library';

/** Answers for the first `count` statements, all the same option. */
function patternAnswers(count: number, option: PatternAnswers[number] = 'agree'): PatternAnswers {
	return Object.fromEntries(patternCheck.statements.slice(0, count).map((s) => [s.number, option]));
}

/** The bytes SQLite keeps on disk for this database: the main file after a checkpoint, and any WAL left. */
async function sqliteFileBytes(db: Kysely<Database>): Promise<Buffer> {
	await sql`pragma wal_checkpoint(TRUNCATE)`.execute(db);
	const { rows } = await sql<{ name: string; file: string }>`pragma database_list`.execute(db);
	const file = rows.find((row) => row.name === 'main')?.file;
	if (!file) throw new Error('The SQLite database has no file on disk.');
	const parts = [fs.readFileSync(file)];
	if (fs.existsSync(`${file}-wal`)) parts.push(fs.readFileSync(`${file}-wal`));
	return Buffer.concat(parts);
}

describe.each(testDatabases())('self-help on $name', (target) => {
	// Steps are planned from a fixed day, so the fixed planned days below are never in the past.
	const planningDay = new Date('2026-03-01T08:00:00Z');
	let handle: DatabaseHandle;
	let auth: Auth;
	/** A person; her account name is stored in plain text and serves as the control in the file scan. */
	let anna: SignedInAccount;
	/** Another person, who must never reach Anna's rows. */
	let ben: SignedInAccount;
	const annaName = 'Annabel Zonnebloem-Controlenaam';

	beforeEach(async () => {
		handle = await target.open();
		auth = testAuth(handle);
		anna = await account('anna@example.nl', annaName);
		ben = await account('ben@example.nl', 'Ben');
	});
	afterEach(() => handle.close());

	async function account(email: string, name: string): Promise<SignedInAccount> {
		const created = await createVerifiedAccount(auth, { email, password, name, locale: 'nl' });
		if (!created.ok) throw new Error(created.reason);
		return { id: created.accountId, email, locale: 'nl', twoFactorEnabled: false };
	}

	const journal = (input: Partial<Record<keyof JournalEntryInput, unknown>>) => journalEntrySchema.parse({ mood: 3, ...input });
	const thought = (input: Partial<Record<keyof ThoughtRecordInput, unknown>>) =>
		thoughtRecordSchema.parse({ situation: 'Op het werk', thought: 'Niemand ziet mij', beliefBefore: 70, ...input });

	/** Every row of the self-help tables (and saved checks), as stored, to prove a refused call changed nothing. */
	async function storedRows() {
		const all: Record<string, unknown[]> = {};
		for (const table of selfHelpTables) {
			all[table] = (await sql<Record<string, unknown>>`select * from ${sql.table(table)} order by id`.execute(handle.db)).rows;
		}
		return all;
	}

	describe('each use-case writes and reads back', () => {
		it('journal: create, get, list, update and delete; empty optional texts are stored as nothing', async () => {
			const at = new Date('2026-03-10T09:15:00Z');
			const created = await createJournalEntry(handle.db, {
				actor: anna,
				input: journal({ mood: '4', body: '  Met de buurvrouw koffie gedronken.  ', wentWell: 'Ik durfde te bellen.' }),
				now: at
			});
			expect(created).toEqual({ id: expect.any(String), crisis: false });
			const read = await getJournalEntry(handle.db, { actor: anna, id: created.id });
			expect(read).toEqual({
				id: created.id,
				day: '2026-03-10',
				mood: 4,
				body: 'Met de buurvrouw koffie gedronken.',
				wentWell: 'Ik durfde te bellen.',
				discuss: false,
				createdAt: at.toISOString(),
				updatedAt: at.toISOString()
			});

			const bare = await createJournalEntry(handle.db, { actor: anna, input: journal({ mood: 2, body: '', wentWell: '   ' }), now: new Date('2026-03-11T20:00:00Z') });
			const row = await handle.db.selectFrom('journal_entry').selectAll().where('id', '=', bare.id).executeTakeFirstOrThrow();
			expect(row).toMatchObject({ body: null, went_well: null, mood: 2, day: '2026-03-11', discuss: 0 });
			expect(await listJournalEntries(handle.db, { actor: anna })).toEqual([
				expect.objectContaining({ id: bare.id, body: null, wentWell: null }),
				read
			]);

			const later = new Date('2026-03-12T08:00:00Z');
			expect(
				await updateJournalEntry(handle.db, { actor: anna, id: created.id, input: journal({ mood: 5, body: 'Toch nog gewandeld.' }), now: later })
			).toEqual({ ok: true, crisis: false });
			expect(await getJournalEntry(handle.db, { actor: anna, id: created.id })).toEqual({
				...read,
				mood: 5,
				body: 'Toch nog gewandeld.',
				wentWell: null,
				updatedAt: later.toISOString()
			});

			expect(await deleteJournalEntry(handle.db, { actor: anna, id: created.id })).toBe(true);
			expect(await deleteJournalEntry(handle.db, { actor: anna, id: created.id })).toBe(false);
			expect(await getJournalEntry(handle.db, { actor: anna, id: created.id })).toBeUndefined();
			expect((await listJournalEntries(handle.db, { actor: anna })).map((e) => e.id)).toEqual([bare.id]);
			expect(await updateJournalEntry(handle.db, { actor: anna, id: created.id, input: journal({}) })).toEqual({ ok: false, crisis: false });
		});

		it('journal: pages newest first by `before`', async () => {
			const ids: string[] = [];
			for (let day = 1; day <= 5; day += 1) {
				ids.push((await createJournalEntry(handle.db, { actor: anna, input: journal({ body: `dag ${day}` }), now: new Date(`2026-03-0${day}T12:00:00Z`) })).id);
			}
			const first = await listJournalEntries(handle.db, { actor: anna, limit: 2 });
			expect(first.map((e) => e.body)).toEqual(['dag 5', 'dag 4']);
			const last = first.at(-1)!;
			const second = await listJournalEntries(handle.db, { actor: anna, limit: 2, before: pageCursor(last.createdAt, last.id) });
			expect(second.map((e) => e.body)).toEqual(['dag 3', 'dag 2']);
			const third = await listJournalEntries(handle.db, { actor: anna, limit: 2, before: second.at(-1)!.createdAt });
			expect(third.map((e) => e.body)).toEqual(['dag 1']);
		});

		it('journal: paging loses no entry when two were written in the same millisecond', async () => {
			const at = new Date('2026-03-05T12:00:00Z');
			for (const body of ['een', 'twee', 'drie']) {
				await createJournalEntry(handle.db, { actor: anna, input: journal({ body }), now: at });
			}
			const first = await listJournalEntries(handle.db, { actor: anna, limit: 2 });
			const last = first.at(-1)!;
			const second = await listJournalEntries(handle.db, { actor: anna, limit: 2, before: pageCursor(last.createdAt, last.id) });
			expect([...first, ...second].map((e) => e.body).sort()).toEqual(['drie', 'een', 'twee']);
		});

		it('thought checks: create, list newest first, delete', async () => {
			const input = thought({
				situation: 'Verjaardag van mijn zus',
				thought: 'Ze vinden me saai',
				beliefBefore: '80',
				factsFor: 'Niemand vroeg iets',
				factsAgainst: 'Mijn nicht bleef lang praten',
				alternative: 'Iedereen was druk',
				beliefAfter: '40',
				smallAction: 'Morgen mijn nicht een berichtje sturen'
			});
			const at = new Date('2026-03-10T18:00:00Z');
			const created = await createThoughtRecord(handle.db, { actor: anna, input, now: at });
			expect(created).toEqual({ id: expect.any(String), crisis: false });
			const minimal = await createThoughtRecord(handle.db, {
				actor: anna,
				input: thought({ factsFor: '', beliefAfter: '' }),
				now: new Date('2026-03-11T18:00:00Z')
			});
			expect(await listThoughtRecords(handle.db, { actor: anna })).toEqual([
				{
					id: minimal.id,
					day: '2026-03-11',
					situation: 'Op het werk',
					thought: 'Niemand ziet mij',
					beliefBefore: 70,
					factsFor: null,
					factsAgainst: null,
					alternative: null,
					beliefAfter: null,
					smallAction: null,
					discuss: false,
					createdAt: '2026-03-11T18:00:00.000Z'
				},
				{
					id: created.id,
					day: '2026-03-10',
					situation: 'Verjaardag van mijn zus',
					thought: 'Ze vinden me saai',
					beliefBefore: 80,
					factsFor: 'Niemand vroeg iets',
					factsAgainst: 'Mijn nicht bleef lang praten',
					alternative: 'Iedereen was druk',
					beliefAfter: 40,
					smallAction: 'Morgen mijn nicht een berichtje sturen',
					discuss: false,
					createdAt: at.toISOString()
				}
			]);
			expect(await deleteThoughtRecord(handle.db, { actor: anna, id: created.id })).toBe(true);
			expect(await deleteThoughtRecord(handle.db, { actor: anna, id: created.id })).toBe(false);
			expect((await listThoughtRecords(handle.db, { actor: anna })).map((t) => t.id)).toEqual([minimal.id]);
		});

		it('kind moments: note, list newest first, delete', async () => {
			const first = await noteKindMoment(handle.db, {
				actor: anna,
				input: kindMomentSchema.parse({ body: 'De bakker groette me bij naam.' }),
				now: new Date('2026-03-09T10:00:00Z')
			});
			const second = await noteKindMoment(handle.db, {
				actor: anna,
				input: kindMomentSchema.parse({ body: 'Iemand hield de deur voor me open.' }),
				now: new Date('2026-03-10T10:00:00Z')
			});
			expect(first.crisis).toBe(false);
			expect(await listKindMoments(handle.db, { actor: anna })).toEqual([
				{ id: second.id, day: '2026-03-10', body: 'Iemand hield de deur voor me open.', createdAt: '2026-03-10T10:00:00.000Z' },
				{ id: first.id, day: '2026-03-09', body: 'De bakker groette me bij naam.', createdAt: '2026-03-09T10:00:00.000Z' }
			]);
			expect(await listKindMoments(handle.db, { actor: anna, limit: 1 })).toHaveLength(1);
			expect(await deleteKindMoment(handle.db, { actor: anna, id: first.id })).toBe(true);
			expect(await deleteKindMoment(handle.db, { actor: anna, id: first.id })).toBe(false);
			expect((await listKindMoments(handle.db, { actor: anna })).map((k) => k.id)).toEqual([second.id]);
		});

		it('small steps: plan, mark done with how it went, list, delete', async () => {
			for (const id of [stepA, stepB, stepC]) expect(getStep('nl', id), id).toBeDefined();
			const planned = await planStep(handle.db, { actor: anna, input: { stepId: stepA, plannedDay: '2026-03-12' }, now: new Date('2026-03-10T08:00:00Z') });
			if (!planned.ok) throw new Error(planned.reason);
			expect(await listStepPlans(handle.db, { actor: anna })).toEqual([
				{ id: planned.id, stepId: stepA, plannedDay: '2026-03-12', doneAt: null, howItWent: null, note: null }
			]);

			const doneAt = new Date('2026-03-12T17:30:00Z');
			const done = await markStepDone(handle.db, {
				actor: anna,
				id: planned.id,
				input: stepDoneSchema.parse({ howItWent: '4', note: 'Spannend, maar hij gaf een goede tip.' }),
				now: doneAt
			});
			expect(done).toEqual({ ok: true, crisis: false });
			expect(await listStepPlans(handle.db, { actor: anna })).toEqual([
				{ id: planned.id, stepId: stepA, plannedDay: '2026-03-12', doneAt: doneAt.toISOString(), howItWent: 4, note: 'Spannend, maar hij gaf een goede tip.' }
			]);
			const row = await handle.db.selectFrom('step_plan').selectAll().where('id', '=', planned.id).executeTakeFirstOrThrow();
			expect(row).toMatchObject({ account_id: anna.id, step_id: stepA, how_it_went: 4, done_at: doneAt.toISOString() });

			// Done without a note: how it went is still kept.
			const other = await planStep(handle.db, { actor: anna, input: { stepId: stepB, plannedDay: '2026-03-13' }, now: planningDay });
			if (!other.ok) throw new Error(other.reason);
			expect(await markStepDone(handle.db, { actor: anna, id: other.id, input: stepDoneSchema.parse({ howItWent: 2, note: '' }) })).toEqual({ ok: true, crisis: false });
			expect((await listStepPlans(handle.db, { actor: anna })).find((p) => p.id === other.id)).toMatchObject({ howItWent: 2, note: null });

			expect(await deleteStepPlan(handle.db, { actor: anna, id: planned.id })).toBe(true);
			expect(await deleteStepPlan(handle.db, { actor: anna, id: planned.id })).toBe(false);
			expect(await markStepDone(handle.db, { actor: anna, id: planned.id, input: { howItWent: 3, note: null } })).toEqual({ ok: false, crisis: false });
			expect((await listStepPlans(handle.db, { actor: anna })).map((p) => p.id)).toEqual([other.id]);
		});

		it('small steps: open plans first by day, then done plans, the most recently done first', async () => {
			const plan = async (stepId: string, plannedDay: string) => {
				const planned = await planStep(handle.db, { actor: anna, input: { stepId, plannedDay }, now: planningDay });
				if (!planned.ok) throw new Error(planned.reason);
				return planned.id;
			};
			const openLater = await plan(stepA, '2026-03-20');
			const openSooner = await plan(stepB, '2026-03-15');
			const doneLongAgo = await plan(stepC, '2026-03-01');
			const doneRecently = await plan(stepA, '2026-03-05');
			await markStepDone(handle.db, { actor: anna, id: doneLongAgo, input: { howItWent: 3, note: null }, now: new Date('2026-03-02T10:00:00Z') });
			await markStepDone(handle.db, { actor: anna, id: doneRecently, input: { howItWent: 5, note: null }, now: new Date('2026-03-06T10:00:00Z') });
			expect((await listStepPlans(handle.db, { actor: anna })).map((p) => p.id)).toEqual([openSooner, openLater, doneRecently, doneLongAgo]);
		});

		it('planStep refuses an unknown step id and keeps nothing', async () => {
			for (const stepId of ['bestaat-niet', 'greet-by-name-2', '']) {
				expect(await planStep(handle.db, { actor: anna, input: { stepId, plannedDay: '2026-03-12' } })).toEqual({ ok: false, reason: 'step_unknown' });
			}
			expect(await handle.db.selectFrom('step_plan').select('id').execute()).toEqual([]);
			expect(await listStepPlans(handle.db, { actor: anna })).toEqual([]);
		});

		it('planStep plans from today on (as its doc says), and keeps nothing for a day gone by', async () => {
			const now = new Date('2026-03-10T22:30:00Z'); // 23:30 in Amsterdam: still the 10th there
			const today = await planStep(handle.db, { actor: anna, input: { stepId: stepA, plannedDay: '2026-03-10' }, now });
			expect(today.ok).toBe(true);
			const yesterday = await planStep(handle.db, { actor: anna, input: { stepId: stepA, plannedDay: '2026-03-09' }, now });
			expect(yesterday.ok).toBe(false);
			expect((await listStepPlans(handle.db, { actor: anna })).map((p) => p.plannedDay)).toEqual(['2026-03-10']);
		});

		it('logExerciseDone keeps one row per exercise per local day', async () => {
			// 23:30 and 00:30 in Amsterdam (UTC+1 in early March): two local days.
			await logExerciseDone(handle.db, { actor: anna, exerciseId: 'breathing', now: new Date('2026-03-10T07:00:00Z') });
			await logExerciseDone(handle.db, { actor: anna, exerciseId: 'breathing', now: new Date('2026-03-10T22:30:00Z') });
			await logExerciseDone(handle.db, { actor: anna, exerciseId: 'breathing', now: new Date('2026-03-10T23:30:00Z') });
			await logExerciseDone(handle.db, { actor: anna, exerciseId: 'journal', now: new Date('2026-03-10T12:00:00Z') });
			await logExerciseDone(handle.db, { actor: ben, exerciseId: 'breathing', now: new Date('2026-03-10T12:00:00Z') });

			const rows = await handle.db.selectFrom('exercise_done').select(['exercise_id', 'day']).where('account_id', '=', anna.id).orderBy('day').orderBy('exercise_id').execute();
			expect(rows).toEqual([
				{ exercise_id: 'breathing', day: '2026-03-10' },
				{ exercise_id: 'journal', day: '2026-03-10' },
				{ exercise_id: 'breathing', day: '2026-03-11' }
			]);
			expect(Object.fromEntries(await lastDoneByExercise(handle.db, { actor: anna }))).toEqual({ breathing: '2026-03-11', journal: '2026-03-10' });
			expect(Object.fromEntries(await lastDoneByExercise(handle.db, { actor: ben }))).toEqual({ breathing: '2026-03-10' });
		});

		it('logExerciseDone keeps one row even when the same exercise is logged several times at once', async () => {
			const now = new Date('2026-03-10T12:00:00Z');
			// Warm PostgreSQL's pool, so the calls run side by side as they do on a busy server.
			await Promise.all([1, 2, 3].map(() => sql`select 1`.execute(handle.db)));
			await Promise.all([1, 2, 3].map(() => logExerciseDone(handle.db, { actor: anna, exerciseId: 'kind-moments', now })));
			const rows = await handle.db.selectFrom('exercise_done').select('day').where('account_id', '=', anna.id).execute();
			expect(rows).toEqual([{ day: '2026-03-10' }]);
		});

		it('listMoodPoints returns only the window, in day order, and only the person’s own', async () => {
			const moods: [string, number][] = [
				['2026-03-01', 1],
				['2026-03-05', 2],
				['2026-03-10', 5],
				['2026-03-15', 4],
				['2026-03-20', 3]
			];
			for (const [day, mood] of [...moods].reverse()) {
				await createJournalEntry(handle.db, { actor: anna, input: journal({ mood }), now: new Date(`${day}T10:00:00Z`) });
			}
			await createJournalEntry(handle.db, { actor: ben, input: journal({ mood: 1 }), now: new Date('2026-03-10T10:00:00Z') });

			expect(await listMoodPoints(handle.db, { actor: anna, fromDay: '2026-03-05', toDay: '2026-03-15' })).toEqual([
				{ day: '2026-03-05', mood: 2 },
				{ day: '2026-03-10', mood: 5 },
				{ day: '2026-03-15', mood: 4 }
			]);
			expect(await listMoodPoints(handle.db, { actor: anna, fromDay: '2026-03-21', toDay: '2026-04-30' })).toEqual([]);
			expect(await listMoodPoints(handle.db, { actor: anna, fromDay: '2026-03-10', toDay: '2026-03-10' })).toEqual([{ day: '2026-03-10', mood: 5 }]);
			expect(await listMoodPoints(handle.db, { actor: ben, fromDay: '2026-03-01', toDay: '2026-03-31' })).toEqual([{ day: '2026-03-10', mood: 1 }]);
		});

		it('savePatternCheck refuses too few answers and keeps nothing', async () => {
			expect(await savePatternCheck(handle.db, { actor: anna, answers: patternAnswers(minimumAnswered - 1) })).toEqual({
				ok: false,
				reason: 'too_few_answers'
			});
			// A pending check from a cookie with every statement skipped, as the overview's "keep" action passes it on.
			const fromCookie = decodePendingCheck('0'.repeat(patternCheck.statements.length));
			expect(fromCookie).toEqual({});
			expect(await savePatternCheck(handle.db, { actor: anna, answers: fromCookie! })).toEqual({ ok: false, reason: 'too_few_answers' });
			expect(await handle.db.selectFrom('measurement').select('id').execute()).toEqual([]);
		});

		it('savePatternCheck keeps only answers; listPatternChecks recomputes the scores from them, newest first', async () => {
			const earlier = patternAnswers(minimumAnswered, 'strongly_agree');
			const later = { ...patternAnswers(patternCheck.statements.length, 'disagree'), 1: 'strongly_agree' } satisfies PatternAnswers;
			// Through the pending-check cookie, as a check done before signing in is kept.
			const first = await savePatternCheck(handle.db, { actor: anna, answers: decodePendingCheck(encodePendingCheck(earlier))!, now: new Date('2026-03-01T10:00:00Z') });
			const second = await savePatternCheck(handle.db, { actor: anna, answers: later, now: new Date('2026-03-08T10:00:00Z') });
			if (!first.ok || !second.ok) throw new Error('not saved');

			const rows = await handle.db.selectFrom('measurement').selectAll().orderBy('taken_at').execute();
			expect(rows).toEqual([
				expect.objectContaining({ id: first.id, instrument_id: patternCheck.id, account_id: anna.id, total: null, emotional: null, social: null, band: null, access_token_hash: null }),
				expect.objectContaining({ id: second.id, instrument_id: patternCheck.id, account_id: anna.id, total: null, emotional: null, social: null, band: null, access_token_hash: null })
			]);
			expect(JSON.parse(rows[0]!.answers)).toEqual(Object.fromEntries(Object.entries(earlier)));

			expect(await listPatternChecks(handle.db, { actor: anna })).toEqual([
				{ id: second.id, takenAt: '2026-03-08T10:00:00.000Z', answers: later, score: scorePatternCheck(later) },
				{ id: first.id, takenAt: '2026-03-01T10:00:00.000Z', answers: earlier, score: scorePatternCheck(earlier) }
			]);

			// Only the answers are kept: change them in the database and the scores follow.
			const changed = patternAnswers(patternCheck.statements.length, 'neutral');
			await handle.db.updateTable('measurement').set({ answers: JSON.stringify(changed) }).where('id', '=', first.id).execute();
			const [, recomputed] = await listPatternChecks(handle.db, { actor: anna });
			expect(recomputed).toEqual({ id: first.id, takenAt: '2026-03-01T10:00:00.000Z', answers: changed, score: scorePatternCheck(changed) });
			expect(recomputed!.score).not.toEqual(scorePatternCheck(earlier));
			expect(await listPatternChecks(handle.db, { actor: ben })).toEqual([]);
		});
	});

	describe('a person never reaches another person’s rows', () => {
		it('update, delete, get, setDiscuss and markStepDone on someone else’s id change nothing', async () => {
			const entry = await createJournalEntry(handle.db, { actor: anna, input: journal({ body: 'Van Anna' }) });
			const record = await createThoughtRecord(handle.db, { actor: anna, input: thought({}) });
			const moment = await noteKindMoment(handle.db, { actor: anna, input: { body: 'Van Anna, vriendelijk' } });
			const plan = await planStep(handle.db, { actor: anna, input: { stepId: stepA, plannedDay: '2026-03-12' }, now: planningDay });
			if (!plan.ok) throw new Error(plan.reason);
			await logExerciseDone(handle.db, { actor: anna, exerciseId: 'breathing' });
			const check = await savePatternCheck(handle.db, { actor: anna, answers: patternAnswers(minimumAnswered) });
			expect(check.ok).toBe(true);
			const before = await storedRows();

			expect(await updateJournalEntry(handle.db, { actor: ben, id: entry.id, input: journal({ mood: 1, body: 'Van Ben' }) })).toEqual({ ok: false, crisis: false });
			expect(await getJournalEntry(handle.db, { actor: ben, id: entry.id })).toBeUndefined();
			expect(await setDiscuss(handle.db, { actor: ben, kind: 'journal', id: entry.id, discuss: true })).toBe(false);
			expect(await setDiscuss(handle.db, { actor: ben, kind: 'thought', id: record.id, discuss: true })).toBe(false);
			// The kind names the table: an id of the other kind is not found either.
			expect(await setDiscuss(handle.db, { actor: anna, kind: 'thought', id: entry.id, discuss: true })).toBe(false);
			expect(await markStepDone(handle.db, { actor: ben, id: plan.id, input: { howItWent: 1, note: 'Van Ben' } })).toEqual({ ok: false, crisis: false });
			expect(await deleteJournalEntry(handle.db, { actor: ben, id: entry.id })).toBe(false);
			expect(await deleteThoughtRecord(handle.db, { actor: ben, id: record.id })).toBe(false);
			expect(await deleteKindMoment(handle.db, { actor: ben, id: moment.id })).toBe(false);
			expect(await deleteStepPlan(handle.db, { actor: ben, id: plan.id })).toBe(false);

			expect(await listJournalEntries(handle.db, { actor: ben })).toEqual([]);
			expect(await listThoughtRecords(handle.db, { actor: ben })).toEqual([]);
			expect(await listKindMoments(handle.db, { actor: ben })).toEqual([]);
			expect(await listStepPlans(handle.db, { actor: ben })).toEqual([]);
			expect(await listPatternChecks(handle.db, { actor: ben })).toEqual([]);
			expect((await lastDoneByExercise(handle.db, { actor: ben })).size).toBe(0);
			expect(await listMoodPoints(handle.db, { actor: ben, fromDay: '2000-01-01', toDay: '2100-01-01' })).toEqual([]);

			expect(await storedRows()).toEqual(before);
			expect((await getJournalEntry(handle.db, { actor: anna, id: entry.id }))?.body).toBe('Van Anna');
		});

		it('without an account every use-case answers 401 and writes nothing', async () => {
			const entry = await createJournalEntry(handle.db, { actor: anna, input: journal({ body: 'Van Anna' }) });
			const before = await storedRows();
			const signInRequired = { status: 401, reason: 'sign_in_required' };
			const calls: [string, () => Promise<unknown>][] = [
				['createJournalEntry', () => createJournalEntry(handle.db, { actor: null, input: journal({}) })],
				['updateJournalEntry', () => updateJournalEntry(handle.db, { actor: null, id: entry.id, input: journal({}) })],
				['deleteJournalEntry', () => deleteJournalEntry(handle.db, { actor: null, id: entry.id })],
				['getJournalEntry', () => getJournalEntry(handle.db, { actor: null, id: entry.id })],
				['listJournalEntries', () => listJournalEntries(handle.db, { actor: null })],
				['listMoodPoints', () => listMoodPoints(handle.db, { actor: null, fromDay: '2000-01-01', toDay: '2100-01-01' })],
				['setDiscuss', () => setDiscuss(handle.db, { actor: null, kind: 'journal', id: entry.id, discuss: true })],
				['createThoughtRecord', () => createThoughtRecord(handle.db, { actor: null, input: thought({}) })],
				['listThoughtRecords', () => listThoughtRecords(handle.db, { actor: null })],
				['noteKindMoment', () => noteKindMoment(handle.db, { actor: null, input: { body: 'x' } })],
				['listKindMoments', () => listKindMoments(handle.db, { actor: null })],
				['planStep', () => planStep(handle.db, { actor: null, input: { stepId: stepA, plannedDay: '2026-03-12' }, now: planningDay })],
				['listStepPlans', () => listStepPlans(handle.db, { actor: null })],
				['logExerciseDone', () => logExerciseDone(handle.db, { actor: null, exerciseId: 'breathing' })],
				['savePatternCheck', () => savePatternCheck(handle.db, { actor: null, answers: patternAnswers(minimumAnswered) })],
				['listPatternChecks', () => listPatternChecks(handle.db, { actor: null })]
			];
			for (const [name, call] of calls) expect(await refusal(call()), name).toEqual(signInRequired);
			expect(await storedRows()).toEqual(before);
		});
	});

	describe('free text is stored as ciphertext', () => {
		/** Distinctive, so a hit in the database cannot be a coincidence. */
		const texts = {
			journalBody: 'Zondagmiddag alleen aan de keukentafel bij Joop zijn oude stoel.',
			journalWentWell: 'De merel zong weer in de perenboom achter het schuurtje.',
			thoughtSituation: 'Verjaardagsfeest van tante Greetje in Zwolle.',
			thoughtThought: 'Iedereen vindt mij een saaie zeurpiet.',
			thoughtFactsFor: 'Neef Bartholomeus draaide zich om.',
			thoughtFactsAgainst: 'Tante Greetje vroeg naar mijn moestuin.',
			thoughtAlternative: 'Bartholomeus zocht zijn jas, niets met mij.',
			thoughtSmallAction: 'Greetje een kaartje met tulpen sturen.',
			kindMomentBody: 'De buschauffeur wachtte geduldig tot ik zat.',
			stepPlanNote: 'De bibliothecaresse gaf me een folder over de leesclub.',
			relationNickname: 'Wilhelmina',
			relationNote: 'Houdt van volkstuinieren bij de Vlietlanden.',
			plannedMomentPlace: 'Theehuis Rhijnauwen',
			plannedMomentNote: 'Vragen naar haar kleinzoon Evert-Jan.',
			ratingNotes: 'Schulden bij de woningcorporatie Eigen Haard.',
			conversationNoteBody: 'Zorgen over broer Cornelis in het verpleeghuis Vreedenhoff.',
			conversationNoteSummary: 'Samen afgesproken: dinsdag naar de breiclub in buurthuis De Klinker.',
			consentPersonName: 'Annechien van Zuylen-Drost',
			programmeWelcome: 'Welkom Annechien, ik ben er op donderdag in De Rietkraag.',
			programmeWentWell: 'De postbode Wubbo maakte een grapje.',
			programmeTried: 'Drie keer diep ademen bij de Amstelkade.',
			programmeTakeAway: 'Een kaartje naar nicht Frederieke.',
			programmePlanEarlySigns: 'Ik laat de gordijnen van de Zonnehof dicht.',
			programmePlanWhatHelps: 'Fietsen naar de molen De Adriaan.',
			programmePlanWhomToContact: 'Buurman Sjoerd van nummer zeventien.',
			programmeMessageBody: 'Mooi dat je de stap naar zeilvereniging Aeolus zette.',
			/** Set to the group's own code once it is made. */
			groupCode: '',
			groupCheckinLine: 'Naast mevrouw Hendrika zitten deed me goed.',
			groupNoteBody: 'Vertelde over de duiventil van haar vader Gerbrand.'
		} satisfies Record<keyof typeof encryptedColumns, string>;

		async function writeEverything() {
			const entry = await createJournalEntry(handle.db, { actor: anna, input: journal({ body: texts.journalBody, wentWell: texts.journalWentWell }) });
			const record = await createThoughtRecord(handle.db, {
				actor: anna,
				input: thought({
					situation: texts.thoughtSituation,
					thought: texts.thoughtThought,
					factsFor: texts.thoughtFactsFor,
					factsAgainst: texts.thoughtFactsAgainst,
					alternative: texts.thoughtAlternative,
					beliefAfter: 30,
					smallAction: texts.thoughtSmallAction
				})
			});
			const moment = await noteKindMoment(handle.db, { actor: anna, input: { body: texts.kindMomentBody } });
			const plan = await planStep(handle.db, { actor: anna, input: { stepId: stepC, plannedDay: '2026-03-12' }, now: planningDay });
			if (!plan.ok) throw new Error(plan.reason);
			await markStepDone(handle.db, { actor: anna, id: plan.id, input: { howItWent: 5, note: texts.stepPlanNote } });
			const relation = await addRelation(handle.db, {
				actor: anna,
				input: { nickname: texts.relationNickname, circle: 'friends', brings: [], rhythm: 'monthly', note: texts.relationNote }
			});
			const planned = await planMoment(handle.db, {
				actor: anna,
				relationId: relation.id,
				input: { kind: 'meeting', day: '2099-03-12', time: '10:00', place: texts.plannedMomentPlace, note: texts.plannedMomentNote }
			});
			if (!planned.ok) throw new Error('not planned');
			// A professional's rating of Anna, with a note on one domain (all notes are one encrypted JSON object).
			const fixtures = professionalFixtures(handle);
			const organisation = await fixtures.organisation('Buurtteam Crypto', { email: 'ada@crypto.nl', name: 'Ada' });
			const piet = await fixtures.professional(organisation, 'piet@crypto.nl', 'Piet');
			const grantId = await fixtures.connect(anna, piet, ['programme'], { personName: texts.consentPersonName });
			const rating = await rateSelfSufficiency(handle.db, { actor: piet, personId: anna.id, rating: { finances: { level: 2, source: 'network', note: texts.ratingNotes } } });
			// A conversation note about Anna, its summary shared with her.
			const note = await addConversationNote(handle.db, {
				actor: piet,
				personId: anna.id,
				input: { day: '2026-03-10', body: texts.conversationNoteBody, summary: texts.conversationNoteSummary, share: true }
			});
			// Anna's programme, started by Piet with a welcome; her check-in, her plan and Piet's message.
			const enrolment = await startProgrammeForClient(handle.db, { actor: piet, personId: anna.id, input: { welcome: texts.programmeWelcome } });
			if (!enrolment.ok) throw new Error(enrolment.reason);
			await openWeek(handle.db, { actor: anna, week: 0 });
			const checkIn = { wentWell: texts.programmeWentWell, tried: texts.programmeTried, takeAway: texts.programmeTakeAway, share: true };
			expect(await saveCheckIn(handle.db, { actor: anna, week: 0, input: checkIn })).toEqual({ ok: true });
			const nextTime = { earlySigns: texts.programmePlanEarlySigns, whatHelps: texts.programmePlanWhatHelps, whomToContact: texts.programmePlanWhomToContact, restartSteps: [] };
			expect(await savePlan(handle.db, { actor: anna, input: nextTime })).toEqual({ ok: true });
			const message = await sendProgrammeMessage(handle.db, { actor: piet, personId: anna.id, input: { body: texts.programmeMessageBody } });
			if (!message.ok) throw new Error(message.reason);
			// Anna in Piet's group: an invitation code, her check-in line and Piet's note about her.
			const groups = groupFixtures(handle);
			const group = await groups.group(organisation, [piet], { days: ['2026-03-02'] });
			// The group's invitation code is random (createGroupCode): it is the text to look for.
			texts.groupCode = normaliseClientCode(group.code)!;
			const codeId = (await handle.db.selectFrom('group_code').select('id').where('group_id', '=', group.id).executeTakeFirstOrThrow()).id;
			const participant = await groups.join(anna, group, { name: texts.consentPersonName });
			const checkInId = await groups.checkIn(group.sessionIds[0]!, participant, { welcome: 4, enjoyed: 4, comeAgain: 5, line: texts.groupCheckinLine });
			const groupNoteId = await groups.note(group.sessionIds[0]!, participant, piet, texts.groupNoteBody);
			const rowId = async (table: 'programme_week' | 'programme_plan') => (await handle.db.selectFrom(table).select('id').executeTakeFirstOrThrow()).id;
			return {
				programme_enrolment: enrolment.id,
				programme_week: await rowId('programme_week'),
				programme_plan: await rowId('programme_plan'),
				programme_message: message.id,
				conversation_note: note.id,
				consent_grant: grantId,
				self_sufficiency_rating: rating.id,
				journal_entry: entry.id,
				thought_record: record.id,
				kind_moment: moment.id,
				step_plan: plan.id,
				relation: relation.id,
				planned_moment: planned.id,
				group_code: codeId,
				group_checkin: checkInId,
				group_note: groupNoteId
			} as Record<string, string>;
		}

		it('every encrypted column holds a ciphertext for its own row, and no column holds the text', async () => {
			const ids = await writeEverything();
			for (const [name, column] of Object.entries(encryptedColumns) as [keyof typeof texts, EncryptedColumn][]) {
				const { rows } = await sql<{ id: string; value: string | null }>`select ${sql.ref(column.idColumn)} as id, ${sql.ref(column.column)} as value from ${sql.table(column.table)}`.execute(handle.db);
				// One row per column, but Anna's name for the group is a second grant: every row is a ciphertext.
				expect(rows.length, name).toBe(name === 'consentPersonName' ? 2 : 1);
				for (const other of rows) expect(other.value, name).toMatch(new RegExp(`^v1\\.${keyId}\\.`));
				const row = rows.find((r) => r.id === ids[column.table]);
				expect(row, name).toBeDefined();
				const plain = decryptText(keyring, row!.value!, column.context(row!.id));
				expect(name === 'ratingNotes' ? (JSON.parse(plain) as Record<string, string>).finances : plain, name).toBe(texts[name]);
				// Bound to its place: the same value does not decrypt as another column of the row.
				expect(() => decryptText(keyring, row!.value!, `${column.table}.other:${row!.id}`), name).toThrow();
			}

			// No column of any table holds any of the texts, or a telling part of one.
			const needles = [...Object.values(texts), 'Joop', 'Greetje', 'Bartholomeus', 'merel', 'bibliothecaresse', 'Vlietlanden', 'Rhijnauwen', 'Evert-Jan', 'Eigen Haard', 'Cornelis', 'Vreedenhoff', 'breiclub', 'De Klinker', 'Zuylen', 'Rietkraag', 'Wubbo', 'Amstelkade', 'Frederieke', 'Zonnehof', 'De Adriaan', 'Sjoerd', 'Aeolus', 'Hendrika', 'duiventil', 'Gerbrand'].map((t) => t.toLowerCase());
			const { rows: tables } =
				handle.kind === 'sqlite'
					? await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(handle.db)
					: await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(handle.db);
			expect(tables.map((t) => t.name)).toEqual(expect.arrayContaining([...selfHelpTables]));
			for (const { name } of tables) {
				const { rows } = await sql<Record<string, unknown>>`select * from ${sql.table(name)}`.execute(handle.db);
				for (const row of rows) {
					for (const [column, value] of Object.entries(row)) {
						const text = typeof value === 'string' ? value.toLowerCase() : JSON.stringify(value ?? '').toLowerCase();
						expect(needles.filter((n) => text.includes(n)), `${name}.${column}`).toEqual([]);
					}
				}
			}

			// And the use-cases read them back.
			expect((await listJournalEntries(handle.db, { actor: anna }))[0]).toMatchObject({ body: texts.journalBody, wentWell: texts.journalWentWell });
			expect((await listThoughtRecords(handle.db, { actor: anna }))[0]).toMatchObject({ situation: texts.thoughtSituation, smallAction: texts.thoughtSmallAction });
			expect((await listKindMoments(handle.db, { actor: anna }))[0]).toMatchObject({ body: texts.kindMomentBody });
			expect((await listStepPlans(handle.db, { actor: anna }))[0]).toMatchObject({ note: texts.stepPlanNote });
			expect((await listRelations(handle.db, { actor: anna }))[0]).toMatchObject({ nickname: texts.relationNickname, note: texts.relationNote });
			expect((await listPlannedMoments(handle.db, { actor: anna }))[0]).toMatchObject({ place: texts.plannedMomentPlace, note: texts.plannedMomentNote });
			expect((await listSharedSummaries(handle.db, { actor: anna }))[0]).toMatchObject({ summary: texts.conversationNoteSummary });
			expect((await listConsentGrantsForPerson(handle.db, { actor: anna }))[0]).toMatchObject({ personName: texts.consentPersonName });
			const programme = await programmeView(handle.db, { actor: anna });
			expect(programme).toMatchObject({ welcome: texts.programmeWelcome, messages: [expect.objectContaining({ body: texts.programmeMessageBody })] });
			expect(await myCheckIn(handle.db, { actor: anna, enrolmentId: programme!.id, week: 0 })).toMatchObject({ wentWell: texts.programmeWentWell, takeAway: texts.programmeTakeAway });
			expect(await getPlan(handle.db, { actor: anna })).toMatchObject({ whatHelps: texts.programmePlanWhatHelps, whomToContact: texts.programmePlanWhomToContact });
		});

		// Only SQLite keeps the database in one file to read; PostgreSQL gets the column check above.
		if (target.name === 'sqlite') it('on SQLite the texts are not in the database file bytes after a checkpoint', async () => {
			await writeEverything();
			// Updated and deleted rows must leave no plaintext behind either.
			const extra = await createJournalEntry(handle.db, { actor: anna, input: journal({ body: 'Eerste versie over Joop en de merel.' }) });
			await updateJournalEntry(handle.db, { actor: anna, id: extra.id, input: journal({ body: 'Tweede versie over Greetje.' }) });
			await deleteJournalEntry(handle.db, { actor: anna, id: extra.id });

			const bytes = await sqliteFileBytes(handle.db);
			// The control proves the scan sees stored text at all.
			expect(bytes.includes(Buffer.from(annaName, 'utf8'))).toBe(true);
			expect(bytes.includes(Buffer.from(stepC, 'utf8'))).toBe(true);
			for (const text of [...Object.values(texts), 'Eerste versie over Joop', 'Tweede versie over Greetje', 'Bartholomeus', 'bibliothecaresse']) {
				expect(bytes.includes(Buffer.from(text, 'utf8')), text).toBe(false);
				expect(bytes.includes(Buffer.from(text, 'utf16le')), text).toBe(false);
			}
		});
	});

	describe('crisis signals', () => {
		const signal = 'Ik zie het niet meer zitten.';
		const englishSignal = 'Some nights I want to die.';
		const calm = 'Ik ben doodmoe, maar de wandeling deed me goed.';

		it('a crisis sentence in any journal field gives crisis true, and the entry is saved as written', async () => {
			for (const [field, text] of [
				['body', signal],
				['wentWell', englishSignal]
			] as const) {
				const created = await createJournalEntry(handle.db, { actor: anna, input: journal({ [field]: text }) });
				expect(created.crisis, field).toBe(true);
				expect((await getJournalEntry(handle.db, { actor: anna, id: created.id }))?.[field], field).toBe(text);
			}
			const calmEntry = await createJournalEntry(handle.db, { actor: anna, input: journal({ body: calm, wentWell: calm }) });
			expect(calmEntry.crisis).toBe(false);
			const updated = await updateJournalEntry(handle.db, { actor: anna, id: calmEntry.id, input: journal({ body: calm, wentWell: 'I just want to end it all.' }) });
			expect(updated).toEqual({ ok: true, crisis: true });
			expect((await getJournalEntry(handle.db, { actor: anna, id: calmEntry.id }))?.wentWell).toBe('I just want to end it all.');
			expect(await listJournalEntries(handle.db, { actor: anna })).toHaveLength(3);
		});

		it('a crisis sentence in any thought-check field gives crisis true, and the record is saved as written', async () => {
			const fields = ['situation', 'thought', 'factsFor', 'factsAgainst', 'alternative', 'smallAction'] as const;
			for (const field of fields) {
				const created = await createThoughtRecord(handle.db, { actor: anna, input: thought({ [field]: `Eerlijk gezegd: ${signal}` }) });
				expect(created.crisis, field).toBe(true);
				const saved = (await listThoughtRecords(handle.db, { actor: anna })).find((r) => r.id === created.id);
				expect(saved?.[field], field).toBe(`Eerlijk gezegd: ${signal}`);
			}
			const calmRecord = await createThoughtRecord(handle.db, {
				actor: anna,
				input: thought({ situation: calm, thought: calm, factsFor: calm, factsAgainst: calm, alternative: calm, smallAction: calm })
			});
			expect(calmRecord.crisis).toBe(false);
			expect(await listThoughtRecords(handle.db, { actor: anna })).toHaveLength(fields.length + 1);
		});

		it('in a kind moment or a step’s note too', async () => {
			const moment = await noteKindMoment(handle.db, { actor: anna, input: { body: `Fijn gesprek, al denk ik soms aan zelfmoord.` } });
			expect(moment.crisis).toBe(true);
			expect((await listKindMoments(handle.db, { actor: anna }))[0]?.body).toBe('Fijn gesprek, al denk ik soms aan zelfmoord.');
			expect((await noteKindMoment(handle.db, { actor: anna, input: { body: calm } })).crisis).toBe(false);

			const plan = await planStep(handle.db, { actor: anna, input: { stepId: stepB, plannedDay: '2026-03-12' }, now: planningDay });
			if (!plan.ok) throw new Error(plan.reason);
			expect(await markStepDone(handle.db, { actor: anna, id: plan.id, input: { howItWent: 1, note: englishSignal } })).toEqual({ ok: true, crisis: true });
			expect((await listStepPlans(handle.db, { actor: anna }))[0]).toMatchObject({ howItWent: 1, note: englishSignal });
			expect(await markStepDone(handle.db, { actor: anna, id: plan.id, input: { howItWent: 3, note: calm } })).toEqual({ ok: true, crisis: false });
		});
	});
});
