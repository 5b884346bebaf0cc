/**
 * The outcome-report bench's data (scripts/bench-reports.js): years of DJG-11 measurements of people in several
 * organisations, in brug's own table shapes (src/lib/server/db/schema.ts), written straight into the database in
 * batches of whole groups. Every person has exactly five DJG-11 measurements; which of them a report can pair depends
 * on the person's course:
 *   - 40% the programme alone: an enrolment with `pre`, `post` and `follow_up` (`programme_measurement`), plus an
 *     intake and a later measurement that no report uses;
 *   - 40% a group that follows the programme: the measurement requests of the group's first and last session
 *     (`group_session_id`, `last_measurement_id`) and an enrolment with `group_id` and its own pre/post/follow-up;
 *   - 20% a group alone: first and last session's measurements and three others.
 * About a quarter never measure after, two in five have no follow-up; 85% agreed that their results count
 * (`report_consent`, a few after withdrawing once), 5% withdrew, 10% never chose. Groups of 12 meet eight times, weekly,
 * with attendance (present, late, excused, absent; some stop halfway). Start days lie between 100 and 1,200 days ago.
 *   reportSeed(options)          a generator of batches: Array<[table, rows]>, foreign keys first
 *   openWriter(target)           writes batches (SQLite: prepared statements; PostgreSQL: json_populate_recordset)
 */
import { randomUUID } from 'node:crypto';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { localDay } from './common.js';
import { djg11Answers, djg11Band, random } from './djg11.js';

/** @typedef {string | number | boolean | null} Cell */
/** @typedef {Array<[table: string, rows: Record<string, Cell>[]]>} Batch */
/** @typedef {{ kind: 'sqlite', file: string } | { kind: 'postgres', url: string }} Target */

const dayMs = 24 * 60 * 60 * 1000;
const groupSize = 12;
const sessionsPerGroup = 8;
const completeAfter = 6;
/** Tables in insertion order (foreign keys first). */
export const seedTables = [
	'account', 'group_training', 'group_session', 'consent_grant', 'group_participant', 'group_attendance', 'measurement',
	'measurement_request', 'programme_enrolment', 'programme_measurement', 'report_consent'
];

/**
 * @param {{ people: number, organisations: Array<{ id: string, share: number, starterId: string }>, runId: string, postgres: boolean, now: Date, encrypt: (text: string, context: string) => string, batchPeople?: number }} options
 * @returns {Generator<Batch>}
 */
export function* reportSeed(options) {
	const { people, organisations, runId, postgres, now, encrypt } = options;
	const batchPeople = options.batchPeople ?? 2_400;
	const rng = random(18);
	const pick = (/** @type {number} */ n) => Math.floor(rng() * n);
	const at = (/** @type {number} */ daysAgo, /** @type {number} */ hour = 12) => new Date(now.getTime() - daysAgo * dayMs + (hour - 12) * 3_600_000).toISOString();
	const day = (/** @type {number} */ daysAgo) => localDay(-daysAgo, now);
	const bool = (/** @type {boolean} */ value) => (postgres ? value : value ? 1 : 0);
	// Which organisation a person belongs to: by the organisations' shares, in blocks of whole groups.
	const cumulative = organisations.map((_, i) => organisations.slice(0, i + 1).reduce((sum, o) => sum + o.share, 0));
	const organisationAt = (/** @type {number} */ fraction) => organisations[cumulative.findIndex((c) => fraction < c)] ?? organisations.at(-1);

	for (let from = 0; from < people; from += batchPeople) {
		/** @type {Record<string, Record<string, Cell>[]>} */
		const tables = Object.fromEntries(seedTables.map((table) => [table, []]));
		const push = (/** @type {string} */ table, /** @type {Record<string, Cell>} */ row) => tables[table]?.push(row);
		/** @param {number} total @param {string} personId @param {number} daysAgo */
		const measure = (total, personId, daysAgo) => {
			const { answers, emotional, social } = djg11Answers(total, rng);
			const id = randomUUID();
			push('measurement', {
				id, instrument_id: 'djg-11', instrument_version: '1999', scoring_version: 1, answers: JSON.stringify(answers), total, emotional, social,
				band: djg11Band(total), taken_at: at(daysAgo, 8 + pick(12)), account_id: personId, access_token_hash: null
			});
			return id;
		};
		/** A course's scores: a start most often moderately lonely, after it a little lower on average. */
		const course = () => {
			const start = rng();
			const before = start < 0.2 ? pick(3) : start < 0.75 ? 3 + pick(6) : start < 0.93 ? 9 + pick(2) : 11;
			const after = Math.min(11, Math.max(0, before + [-4, -3, -2, -2, -1, -1, 0, 0, 1, 2][pick(10)]));
			const later = Math.min(11, Math.max(0, after + [-1, 0, 0, 1][pick(4)]));
			return { before, after, later };
		};
		const to = Math.min(people, from + batchPeople);
		for (let g = from; g < to; g += groupSize) {
			const members = Math.min(groupSize, to - g);
			const organisation = organisationAt(g / people);
			if (!organisation) throw new Error('no organisations to seed');
			const kind = rng();
			const startAgo = 100 + pick(1_100);
			/** The block's course: 0 programme alone, 1 a group following the programme, 2 a group alone. */
			const shape = kind < 0.4 ? 0 : kind < 0.8 ? 1 : 2;
			/** @type {{ id: string, ago: number }[]} */
			let sessions = [];
			let groupId = null;
			if (shape > 0) {
				groupId = randomUUID();
				push('group_training', {
					id: groupId, organisation_id: organisation.id, name: `Samen verder ${g / groupSize + 1}`, programme_id: shape === 1 ? 'eight-weeks' : null,
					programme_version: shape === 1 ? 1 : null, capacity: groupSize, complete_after: completeAfter, created_by: organisation.starterId,
					created_at: at(startAgo + 30), archived_at: null
				});
				sessions = Array.from({ length: sessionsPerGroup }, (_, s) => ({ id: randomUUID(), ago: startAgo - 7 * s }));
				for (const session of sessions) {
					push('group_session', {
						id: session.id, group_id: groupId, day: day(session.ago), starts_at: '10:00', ends_at: '12:00', place: 'Buurthuis De Brug', video_url: null,
						status: 'held', is_return: 0, held_at: at(session.ago, 12), updated_at: at(session.ago, 12)
					});
				}
			}
			for (let m = 0; m < members; m += 1) {
				const i = g + m;
				const personId = randomUUID();
				const joined = at(startAgo + 40);
				push('account', {
					id: personId, name: `Deelnemer ${i + 1}`, email: `bench-reports-${i + 1}-${runId}@example.nl`, email_verified: bool(true), image: null,
					locale: 'nl', two_factor_enabled: bool(false), created_at: joined, updated_at: joined
				});
				const scores = course();
				const measuredAfter = rng() < 0.75;
				const followedUp = measuredAfter && rng() < 0.6 && startAgo > 160;
				const dropsOut = rng() < 0.15;
				let spare = 5;
				/** @param {number} total @param {number} ago */
				const linked = (total, ago) => {
					spare -= 1;
					return measure(total, personId, ago);
				};
				if (groupId) {
					const grantId = randomUUID();
					const participantId = randomUUID();
					push('consent_grant', {
						id: grantId, person_id: personId, professional_id: null, organisation_id: organisation.id, group_id: groupId, audience: 'group',
						scopes: JSON.stringify(['group']), person_name: encrypt('', `consent_grant.person_name:${grantId}`), granted_at: at(startAgo + 10),
						ended_at: null, end_reason: null, previous_grant_id: null
					});
					push('group_participant', {
						id: participantId, group_id: groupId, account_id: personId, grant_id: grantId, joined_at: at(startAgo + 10), left_at: null,
						share_checkins: m % 2, reminders: 'day_before'
					});
					sessions.forEach((session, s) => {
						const r = rng();
						const status = dropsOut && s >= 4 ? 'absent' : r < 0.8 ? 'present' : r < 0.85 ? 'late' : r < 0.93 ? 'excused' : 'absent';
						push('group_attendance', {
							session_id: session.id, participant_id: participantId, status, excused_by_person: status === 'excused' ? 1 : 0,
							recorded_by: organisation.starterId, recorded_at: at(session.ago, 13)
						});
					});
					const first = /** @type {{ id: string, ago: number }} */ (sessions[0]);
					const last = /** @type {{ id: string, ago: number }} */ (sessions.at(-1));
					const requests = [
						{ session: first, measured: linked(scores.before, first.ago) },
						{ session: last, measured: measuredAfter && !dropsOut ? linked(scores.after, last.ago) : null }
					];
					for (const { session, measured } of requests) {
						push('measurement_request', {
							id: randomUUID(), organisation_id: organisation.id, professional_id: null, person_id: personId, instrument_id: 'djg-11', repeat_weeks: null,
							due_day: day(session.ago), ended_at: at(session.ago - 14), end_reason: measured ? 'done' : 'expired', last_measurement_id: measured,
							created_at: at(session.ago + 7), group_session_id: session.id
						});
					}
				}
				if (shape < 2) {
					const enrolmentId = randomUUID();
					const completed = measuredAfter && !dropsOut;
					push('programme_enrolment', {
						id: enrolmentId, account_id: personId, programme_id: 'eight-weeks', programme_version: 1, created_day: day(startAgo + 3),
						start_day: i % 25 === 7 ? null : day(startAgo), started_by: 'professional', starter_id: organisation.starterId, organisation_id: organisation.id,
						welcome: null, state: completed ? 'completed' : 'stopped', paused_since: null, paused_days: 0, ended_at: at(startAgo - 60),
						reminder_choice: 'week_start', reminders_stopped_at: null, created_at: at(startAgo + 3), group_id: groupId
					});
					const moments = [
						['pre', scores.before, startAgo],
						...(completed ? [['post', scores.after, startAgo - 56]] : []),
						...(completed && followedUp ? [['follow_up', scores.later, startAgo - 150]] : [])
					];
					for (const [moment, total, ago] of moments) {
						push('programme_measurement', { enrolment_id: enrolmentId, moment, measurement_id: linked(Number(total), Number(ago)) });
					}
				}
				// The rest of the five: an intake before the course and measurements after it that no report pairs.
				for (let k = 0; spare > 0; k += 1, spare -= 1) measure(scores.later, personId, k === 0 ? startAgo + 20 : Math.max(1, startAgo - 200 - 30 * k));

				const choice = rng();
				if (choice < 0.9) {
					const withdrew = choice < 0.05 || (choice > 0.85 && choice < 0.9);
					push('report_consent', {
						id: randomUUID(), person_id: personId, organisation_id: organisation.id, granted_at: at(startAgo + 10),
						ended_at: withdrew ? at(Math.max(1, startAgo - 90)) : null
					});
					if (choice < 0.05) {
						push('report_consent', { id: randomUUID(), person_id: personId, organisation_id: organisation.id, granted_at: at(Math.max(1, startAgo - 95)), ended_at: null });
					}
				}
			}
		}
		yield seedTables.map((table) => [table, tables[table] ?? []]);
	}
}

/**
 * Opens the database for writing batches, each in its own transaction.
 * @param {Target} target
 * @returns {Promise<{ write: (batch: Batch) => Promise<void>, sql: (text: string) => Promise<void>, close: () => Promise<void> }>}
 */
export async function openWriter(target) {
	if (target.kind === 'sqlite') {
		const database = new SQLite(target.file);
		database.pragma('journal_mode = WAL');
		database.pragma('foreign_keys = ON');
		/** @type {Map<string, import('better-sqlite3').Statement>} */
		const statements = new Map();
		const writeAll = database.transaction((/** @type {Batch} */ batch) => {
			for (const [table, rows] of batch) {
				const [first] = rows;
				if (!first) continue;
				const columns = Object.keys(first);
				const key = `${table}:${columns.join(',')}`;
				let insert = statements.get(key);
				if (!insert) {
					insert = database.prepare(`insert into ${table} (${columns.join(', ')}) values (${columns.map(() => '?').join(', ')})`);
					statements.set(key, insert);
				}
				for (const row of rows) insert.run(...columns.map((c) => row[c] ?? null));
			}
		});
		return {
			write: async (batch) => writeAll(batch),
			sql: async (text) => void database.exec(text),
			close: async () => void database.close()
		};
	}
	const client = new pg.Client({ connectionString: target.url });
	await client.connect();
	return {
		async write(batch) {
			await client.query('begin');
			try {
				for (const [table, rows] of batch) {
					const [first] = rows;
					if (!first) continue;
					const columns = Object.keys(first).join(', ');
					// One parameter per table: the rows as JSON, typed by the table's own row type.
					await client.query(`insert into ${table} (${columns}) select ${columns} from json_populate_recordset(null::${table}, $1)`, [JSON.stringify(rows)]);
				}
				await client.query('commit');
			} catch (error) {
				await client.query('rollback').catch(() => undefined);
				throw error;
			}
		},
		sql: async (text) => void (await client.query(text)),
		close: () => client.end()
	};
}
