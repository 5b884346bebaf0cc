/**
 * Direct inserts for the outcome-report integration tests: a unit's rows (enrolment or participation, measurements,
 * report consent), groups with held sessions, report definitions and shares. Only the counting is under test, so the
 * feature functions that make these rows in real life are skipped.
 */
import type { Kysely } from 'kysely';
import type { Database } from '$lib/server/db';
import type { DatabaseHandle } from '$lib/server/db/client';
import type { SignedInAccount } from '$lib/server/auth/account';

const at = '2025-01-01T09:00:00.000Z';
export type Scores = readonly [emotional: number, social: number];

/** Direct inserts of the rows a unit is made of; `idPrefix` keeps the ids of two seeders in one database apart. */
export function seeder(handle: Pick<DatabaseHandle, 'db' | 'kind'>, idPrefix = '') {
	const db = handle.db as Kysely<Database>;
	let next = 0;
	const id = (prefix: string) => `${idPrefix}${prefix}-${++next}`;
	const account = async (name = id('person')) => {
		const row = { id: name, email: `${name}@example.nl`, name, locale: 'nl', image: null, two_factor_enabled: 1, email_verified: 1, created_at: at, updated_at: at };
		await db
			.insertInto('account')
			.values(handle.kind === 'postgres' ? { ...row, email_verified: true, two_factor_enabled: true, created_at: new Date(at), updated_at: new Date(at) } : row)
			.execute();
		return name;
	};
	const measurement = async (person: string, [emotional, social]: Scores) => {
		const measurementId = id('m');
		await db
			.insertInto('measurement')
			.values({ id: measurementId, instrument_id: 'djg-11', instrument_version: '1', scoring_version: 1, answers: '{}', total: emotional + social, emotional, social, band: null, taken_at: at, account_id: person, access_token_hash: null })
			.execute();
		return measurementId;
	};
	return {
		db,
		account,
		async organisation(name: string, kind: 'welfare' | 'funder' = 'welfare') {
			const organisationId = id('org');
			await db.insertInto('organisation').values({ id: organisationId, name, kind, created_at: at }).execute();
			return organisationId;
		},
		async member(organisationId: string, role: 'admin' | 'report_reader' | 'professional'): Promise<SignedInAccount> {
			const accountId = await account(id(role));
			await db.insertInto('membership').values({ id: id('ms'), organisation_id: organisationId, account_id: accountId, role, created_at: at }).execute();
			return { id: accountId, email: `${accountId}@example.nl`, locale: 'nl', twoFactorEnabled: true };
		},
		async consent(person: string, organisationId: string, on = true) {
			await db.insertInto('report_consent').values({ id: id('rc'), person_id: person, organisation_id: organisationId, granted_at: at, ended_at: on ? null : at }).execute();
		},
		async withdraw(person: string, organisationId: string) {
			await db.updateTable('report_consent').set({ ended_at: at }).where('person_id', '=', person).where('organisation_id', '=', organisationId).execute();
		},
		/** A programme enrolment with its measurements; `consent` adds the person's open report consent. */
		async programmeUnit(
			organisationId: string,
			unit: { startDay?: string; completed?: boolean; pre?: Scores; post?: Scores; followUp?: Scores; groupId?: string; person?: string; consent?: boolean }
		) {
			const person = unit.person ?? (await account());
			if (unit.consent ?? true) await this.consent(person, organisationId);
			const enrolmentId = id('enrol');
			await db
				.insertInto('programme_enrolment')
				.values({
					id: enrolmentId, account_id: person, programme_id: 'eight-weeks', programme_version: 1, created_day: '2025-01-01',
					start_day: unit.startDay ?? '2025-02-03', started_by: 'person', starter_id: null, organisation_id: organisationId, welcome: null,
					state: (unit.completed ?? true) ? 'completed' : 'active', paused_since: null, paused_days: 0, ended_at: null,
					reminder_choice: 'none', reminders_stopped_at: null, created_at: at, group_id: unit.groupId ?? null
				})
				.execute();
			for (const [moment, scores] of [['pre', unit.pre], ['post', unit.post], ['follow_up', unit.followUp]] as const) {
				if (scores) await db.insertInto('programme_measurement').values({ enrolment_id: enrolmentId, moment, measurement_id: await measurement(person, scores) }).execute();
			}
			return person;
		},
		/** A group with `sessions` weekly sessions, all held. */
		async group(organisationId: string, sessions = 4, completeAfter = 3) {
			const groupId = id('group');
			await db
				.insertInto('group_training')
				.values({ id: groupId, organisation_id: organisationId, name: groupId, programme_id: null, programme_version: null, capacity: 20, complete_after: completeAfter, created_by: null, created_at: at, archived_at: null })
				.execute();
			const sessionIds: string[] = [];
			for (let i = 0; i < sessions; i++) {
				const sessionId = id('session');
				sessionIds.push(sessionId);
				await db
					.insertInto('group_session')
					.values({ id: sessionId, group_id: groupId, day: `2025-03-0${i + 1}`, starts_at: '10:00', ends_at: '11:00', place: 'Buurthuis', video_url: null, status: 'held', is_return: 0, held_at: at, updated_at: at })
					.execute();
			}
			return { groupId, sessionIds, organisationId };
		},
		/** A participant who attended `attended` sessions and filled in the first and last sessions' measurements. */
		async groupUnit(group: { groupId: string; sessionIds: string[]; organisationId: string }, unit: { joinedAt?: string; attended?: number; before?: Scores; after?: Scores; person?: string; consent?: boolean }) {
			const person = unit.person ?? (await account());
			if (unit.consent ?? true) await this.consent(person, group.organisationId);
			const participantId = id('participant');
			await db
				.insertInto('group_participant')
				.values({ id: participantId, group_id: group.groupId, account_id: person, grant_id: id('grant'), joined_at: unit.joinedAt ?? '2025-02-20T10:00:00.000Z', left_at: null, share_checkins: 0, reminders: 'none' })
				.execute();
			for (const [i, sessionId] of group.sessionIds.entries()) {
				const status = i < (unit.attended ?? group.sessionIds.length) ? 'present' : 'absent';
				await db.insertInto('group_attendance').values({ session_id: sessionId, participant_id: participantId, status, excused_by_person: 0, recorded_by: null, recorded_at: at }).execute();
			}
			const ask = async (sessionId: string, scores: Scores | undefined) => {
				await db
					.insertInto('measurement_request')
					.values({ id: id('mr'), organisation_id: group.organisationId, professional_id: null, person_id: person, instrument_id: 'djg-11', repeat_weeks: null, due_day: '2025-03-01', ended_at: null, end_reason: null, last_measurement_id: scores ? await measurement(person, scores) : null, created_at: at, group_session_id: sessionId })
					.execute();
			};
			await ask(group.sessionIds[0]!, unit.before);
			await ask(group.sessionIds.at(-1)!, unit.after);
			return person;
		},
		async report(organisationId: string, definition: Partial<{ kind: 'programme' | 'groups' | 'period'; groupIds: string[]; from: string; to: string }>) {
			const reportId = id('report');
			await db
				.insertInto('outcome_report')
				.values({
					id: reportId, organisation_id: organisationId, title: 'Rapport', kind: definition.kind ?? 'programme', programme_id: (definition.kind ?? 'programme') === 'programme' ? 'eight-weeks' : null,
					group_ids: JSON.stringify(definition.groupIds ?? []), period_from: definition.from ?? null, period_to: definition.to ?? null, scale_sd: 3, reliability: 0.88, created_by: null, created_at: at, updated_at: at
				})
				.execute();
			return reportId;
		},
		async share(reportId: string, funderId: string) {
			await db.insertInto('outcome_report_share').values({ report_id: reportId, funder_id: funderId, shared_by: null, shared_at: at }).execute();
		}
	};
}
