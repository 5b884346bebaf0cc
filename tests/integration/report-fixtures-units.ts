/**
 * The people behind an outcome report, written straight into the tables (report-fixtures.ts uses it): accounts,
 * consent grants with the names they chose, programme enrolments with DJG-11 pre/post/follow-up, a group with its
 * sessions held, attendance and the before/after measurements its first and last session asked for, and the
 * `report_consent` choices. One insert per table, so many people take little time. Every measurement row is scored by
 * brug's own `scoreInstrument`, so answers, subscales, total and band agree.
 */
import type { Kysely } from 'kysely';
import type { DatabaseHandle } from '$lib/server/db/client';
import type { Database } from '$lib/server/db/schema';
import { encrypt, encryptedColumns } from '$lib/server/crypto';
import { instruments, scoreInstrument, type Answers } from '$lib/features/instruments/instruments';
import { scoringVersion } from '$lib/features/measurements/measurements';
import { defaultProgrammeId } from '$lib/features/programme/programme-values';
import { latestProgrammeVersion } from '$lib/features/programme/programme.content';
import { addDays, localInstant } from '$lib/time';

const djg11 = instruments['djg-11'];
/** DJG-11 items per subscale; an emotional item is lonely with "yes", a social item with "no". */
const emotionalItems = [2, 3, 5, 6, 9, 10];
const socialItems = [1, 4, 7, 8, 11];

/** DJG-11 answers with the first `emotional` emotional and `social` social items answered lonely. */
export function djgAnswers(emotional: number, social: number): Answers {
	const answers: Answers = {};
	emotionalItems.forEach((item, i) => (answers[item] = i < emotional ? 'yes' : 'no'));
	socialItems.forEach((item, i) => (answers[item] = i < social ? 'no' : 'yes'));
	return answers;
}

/** Subscale scores of person `i` at a moment: varied, lonelier before than after, never all equal. */
export function scoresOf(i: number, moment: 'pre' | 'post' | 'follow_up'): { emotional: number; social: number } {
	const emotional = 2 + (i % 5);
	const social = 1 + (i % 4);
	if (moment === 'pre') return { emotional, social };
	const drop = { emotional: i % 3, social: (i + 1) % 2 };
	const back = moment === 'follow_up' ? i % 2 : 0;
	return { emotional: Math.max(0, emotional - drop.emotional + back), social: Math.max(0, social - drop.social) };
}

/** Everything personal the fixture wrote: a report must show none of it. */
export interface PersonalTraces {
	names: string[];
	/** The names people chose for their professional or group (in consent grants, encrypted at rest). */
	chosenNames: string[];
	emails: string[];
	/** Account, grant, enrolment, participant, measurement and request ids. */
	ids: string[];
}

export interface Guide {
	id: string;
	name: string;
}

export interface UnitOptions {
	organisationId: string;
	/** Starts the programme enrolments; people share with them. */
	professional: Guide;
	/** Leads the group. */
	leader: Guide;
	/** Programme units of consenting people with a before and an after measurement. */
	completePairs: number;
	/** How many of those also have a follow-up (default: all). */
	followUps?: number;
	/**
	 * Programme units of consenting people measured only before, who stopped: non-response (default 10, so that the
	 * funnel's steps and gaps are all 0 or at least 10 and show).
	 */
	beforeOnly?: number;
	/** Group units of consenting people with a before and an after measurement (default 10). */
	groupPairs?: number;
	/** Makes names and e-mails unique when one database holds several organisations' people. */
	tag: string;
	/** The day the courses start (a Monday); default 2026-01-05. */
	startDay?: string;
}

export interface SeededUnits {
	traces: PersonalTraces;
	groupId: string;
	/** People with an open `report_consent` who started: the most units any report of the organisation counts. */
	counted: number;
}

type Moment = 'pre' | 'post' | 'follow_up';
interface Person {
	id: string;
	name: string;
	chosenName: string;
	email: string;
	/** What counts: an open choice, none, or one withdrawn. */
	consent: 'open' | 'none' | 'withdrawn';
	moments: Moment[];
}

export async function seedReportUnits(handle: DatabaseHandle, options: UnitOptions): Promise<SeededUnits> {
	const { db } = handle;
	const start = options.startDay ?? '2026-01-05';
	const followUps = options.followUps ?? options.completePairs;
	const traces: PersonalTraces = { names: [options.professional.name, options.leader.name], chosenNames: [], emails: [], ids: [] };
	let serial = 0;
	const person = (consent: Person['consent'], moments: Moment[]): Person => {
		serial += 1;
		const n = String(serial).padStart(2, '0');
		const p = {
			id: crypto.randomUUID(),
			name: `Deelnemer ${options.tag} Zeldzaamnaam ${n}`,
			chosenName: `Bijnaam ${options.tag}${n}`,
			email: `deelnemer-${options.tag.toLowerCase()}-${n}@example.nl`,
			consent,
			moments
		};
		traces.names.push(p.name);
		traces.chosenNames.push(p.chosenName);
		traces.emails.push(p.email);
		traces.ids.push(p.id);
		return p;
	};
	const pair = (i: number): Moment[] => (i < followUps ? ['pre', 'post', 'follow_up'] : ['pre', 'post']);
	const programme = [
		...Array.from({ length: options.completePairs }, (_, i) => person('open', pair(i))),
		// Non-response: started and measured before, never after.
		...Array.from({ length: options.beforeOnly ?? 10 }, () => person('open', ['pre'])),
		// Never agreed, or agreed and withdrew: they must not count.
		person('none', ['pre', 'post']),
		person('none', ['pre', 'post']),
		person('withdrawn', ['pre', 'post', 'follow_up'])
	];
	const group = [...Array.from({ length: options.groupPairs ?? 10 }, () => person('open', ['pre', 'post'])), person('open', ['pre']), person('none', ['pre', 'post'])];
	const everyone = [...programme, ...group];

	await insertAccounts(handle, everyone, localInstant(addDays(start, -30), '09:00'));
	const at = (day: string) => localInstant(day, '10:00').toISOString();
	await db
		.insertInto('report_consent')
		.values(
			everyone
				.filter((p) => p.consent !== 'none')
				.map((p) => ({ id: crypto.randomUUID(), person_id: p.id, organisation_id: options.organisationId, granted_at: at(addDays(start, -1)), ended_at: p.consent === 'withdrawn' ? at(addDays(start, 60)) : null }))
		)
		.execute();

	const measurements: Database['measurement'][] = [];
	const measure = (p: Person, i: number, moment: Moment, day: string): string => {
		const scores = scoresOf(i, moment);
		const answers = djgAnswers(scores.emotional, scores.social);
		const score = scoreInstrument(djg11, answers);
		const id = crypto.randomUUID();
		measurements.push({
			id,
			instrument_id: score.instrument,
			instrument_version: score.version,
			scoring_version: scoringVersion,
			answers: JSON.stringify(answers),
			total: score.total,
			emotional: score.subscales?.emotional ?? null,
			social: score.subscales?.social ?? null,
			band: score.band,
			taken_at: at(day),
			account_id: p.id,
			access_token_hash: null
		});
		traces.ids.push(id);
		return id;
	};
	const dayOf: Record<Moment, string> = { pre: start, post: addDays(start, 56), follow_up: addDays(start, 140) };

	// Programme units: each person shares with the professional, who started their enrolment.
	const grants = everyone.map((p) => ({ person: p, id: crypto.randomUUID(), group: group.includes(p) }));
	const enrolments = programme.map((p) => ({ person: p, id: crypto.randomUUID() }));
	const programmeMeasurements = enrolments.flatMap((e, i) => e.person.moments.map((moment) => ({ enrolment_id: e.id, moment, measurement_id: measure(e.person, i, moment, dayOf[moment]) })));
	traces.ids.push(...grants.map((g) => g.id), ...enrolments.map((e) => e.id));

	const groupId = crypto.randomUUID();
	const sessionDays = Array.from({ length: 8 }, (_, week) => addDays(start, week * 7));
	const sessions = sessionDays.map((day) => ({ id: crypto.randomUUID(), day }));
	const participants = group.map((p) => ({ person: p, id: crypto.randomUUID(), grantId: grants.find((g) => g.person === p)!.id }));
	traces.ids.push(...participants.map((p) => p.id));
	const requests = participants.flatMap((participant, i) =>
		participant.person.moments.map((moment) => {
			const session = moment === 'pre' ? sessions[0]! : sessions.at(-1)!;
			const id = crypto.randomUUID();
			traces.ids.push(id);
			return {
				id,
				organisation_id: options.organisationId,
				professional_id: options.leader.id,
				person_id: participant.person.id,
				instrument_id: 'djg-11',
				repeat_weeks: null,
				due_day: session.day,
				ended_at: at(session.day),
				end_reason: 'done',
				last_measurement_id: measure(participant.person, 100 + i, moment, session.day),
				created_at: at(session.day),
				group_session_id: session.id
			};
		})
	);

	await db.insertInto('measurement').values(measurements).execute();
	await db
		.insertInto('consent_grant')
		.values(
			grants.map((g) => ({
				id: g.id,
				person_id: g.person.id,
				professional_id: g.group ? null : options.professional.id,
				organisation_id: options.organisationId,
				group_id: g.group ? groupId : null,
				scopes: JSON.stringify(g.group ? ['group'] : ['measurements', 'programme']),
				audience: g.group ? 'group' : 'professional',
				person_name: encrypt(g.person.chosenName, encryptedColumns.consentPersonName.context(g.id)),
				granted_at: at(addDays(start, -2)),
				ended_at: null,
				end_reason: null,
				previous_grant_id: null
			}))
		)
		.execute();
	await insertProgramme(db, { options, start, enrolments, at });
	await db.insertInto('programme_measurement').values(programmeMeasurements).execute();

	await db
		.insertInto('group_training')
		.values({ id: groupId, organisation_id: options.organisationId, name: `Groep ${options.tag}`, programme_id: null, programme_version: null, capacity: 20, complete_after: 6, created_by: options.leader.id, created_at: at(addDays(start, -14)), archived_at: null })
		.execute();
	await db.insertInto('group_leader').values({ group_id: groupId, account_id: options.leader.id }).execute();
	await db
		.insertInto('group_session')
		.values(sessions.map((s) => ({ id: s.id, group_id: groupId, day: s.day, starts_at: '14:00', ends_at: '16:00', place: 'Buurthuis', video_url: null, status: 'held', is_return: 0, held_at: at(s.day), updated_at: at(s.day) })))
		.execute();
	await db
		.insertInto('group_participant')
		.values(participants.map((p) => ({ id: p.id, group_id: groupId, account_id: p.person.id, grant_id: p.grantId, joined_at: at(addDays(start, -3)), left_at: null, share_checkins: 0, reminders: 'none' as const })))
		.execute();
	// Everyone comes to seven of the eight sessions, so everyone completes (complete_after 6).
	await db
		.insertInto('group_attendance')
		.values(participants.flatMap((p, i) => sessions.map((s, week) => ({ session_id: s.id, participant_id: p.id, status: week === i % 8 ? ('absent' as const) : ('present' as const), excused_by_person: 0, recorded_by: options.leader.id, recorded_at: at(s.day) }))))
		.execute();
	await db.insertInto('measurement_request').values(requests).execute();

	return { traces, groupId, counted: everyone.filter((p) => p.consent === 'open').length };
}

async function insertAccounts(handle: DatabaseHandle, people: Person[], created: Date): Promise<void> {
	const rows = people.map((p) => ({ id: p.id, name: p.name, email: p.email, image: null, locale: 'nl', two_factor_enabled: null }));
	// Columns better-auth writes: native dates and booleans on PostgreSQL, text and 0/1 on SQLite.
	const values =
		handle.kind === 'postgres'
			? rows.map((row) => ({ ...row, email_verified: true, created_at: created, updated_at: created }))
			: rows.map((row) => ({ ...row, email_verified: 1, created_at: created.toISOString(), updated_at: created.toISOString() }));
	await handle.db.insertInto('account').values(values).execute();
}

async function insertProgramme(
	db: Kysely<Database>,
	input: { options: UnitOptions; start: string; enrolments: { person: Person; id: string }[]; at: (day: string) => string }
): Promise<void> {
	const { options, start, at } = input;
	const version = latestProgrammeVersion(defaultProgrammeId);
	if (version === undefined) throw new Error('no programme content');
	await db
		.insertInto('programme_enrolment')
		.values(
			input.enrolments.map((e) => {
				const completed = e.person.moments.includes('post');
				return {
					id: e.id,
					account_id: e.person.id,
					programme_id: defaultProgrammeId,
					programme_version: version,
					created_day: addDays(start, -1),
					start_day: start,
					started_by: 'professional',
					starter_id: options.professional.id,
					organisation_id: options.organisationId,
					welcome: null,
					state: completed ? 'completed' : 'stopped',
					paused_since: null,
					paused_days: 0,
					ended_at: at(addDays(start, completed ? 56 : 21)),
					reminder_choice: 'none',
					reminders_stopped_at: null,
					created_at: at(addDays(start, -1)),
					group_id: null
				};
			})
		)
		.execute();
}
