/**
 * Group trainings written as rows, for tests that need a group without its pages: a group with sessions and
 * leaders, a participant who joined exactly as the join does (a `group` grant for the group's leaders, the name
 * encrypted for the grant, a `group_participant` row with that grant), attendance, check-ins and notes.
 *
 *   const groups = groupFixtures(handle);
 *   const group = await groups.group(noord, [piet], { days: ['2026-03-02', '2026-03-09'] });
 *   const anna = await groups.join(person, group, { name: 'Anna', shareCheckIns: true });
 *   await groups.attend(group.sessionIds[0], anna, 'present');
 */
import type { SignedInAccount } from '$lib/server/auth/account';
import type { AttendanceStatus } from '$lib/server/db/schema';
import type { DatabaseHandle } from '$lib/server/db/client';
import { encrypt, encryptedColumns } from '$lib/server/crypto';
import { groupLimits } from '$lib/features/groups/group-values';
import { hashGroupCode } from '$lib/features/groups/codes.server';
import type { TestOrganisation } from './professional-fixtures';

export interface TestGroup {
	id: string;
	organisationId: string;
	/** Regular sessions in day order, then the return meeting if there is one. */
	sessionIds: string[];
	returnSessionId: string | null;
}

export interface TestParticipant {
	id: string;
	grantId: string;
	personId: string;
	groupId: string;
}

export function groupFixtures(handle: DatabaseHandle) {
	const db = handle.db;

	async function group(
		organisation: TestOrganisation,
		leaders: SignedInAccount[],
		options: { name?: string; days: string[]; returnDay?: string; programme?: boolean; completeAfter?: number; createdAt?: string }
	): Promise<TestGroup> {
		const id = crypto.randomUUID();
		const at = options.createdAt ?? '2026-02-01T09:00:00.000Z';
		await db
			.insertInto('group_training')
			.values({
				id,
				organisation_id: organisation.id,
				name: options.name ?? 'Samen op dinsdag',
				programme_id: options.programme ? 'eight-weeks' : null,
				programme_version: options.programme ? 1 : null,
				capacity: groupLimits.defaultCapacity,
				complete_after: options.completeAfter ?? groupLimits.defaultCompleteAfter,
				created_by: leaders[0]?.id ?? null,
				created_at: at,
				archived_at: null
			})
			.execute();
		if (leaders.length > 0) await db.insertInto('group_leader').values(leaders.map((l) => ({ group_id: id, account_id: l.id }))).execute();
		const session = (day: string, isReturn: boolean) => ({
			id: crypto.randomUUID(),
			group_id: id,
			day,
			starts_at: '10:00',
			ends_at: '11:30',
			place: 'Buurthuis De Linde',
			video_url: null,
			status: 'planned' as const,
			is_return: isReturn ? 1 : 0,
			held_at: null,
			updated_at: at
		});
		const rows = options.days.map((day) => session(day, false));
		const back = options.returnDay ? session(options.returnDay, true) : null;
		await db.insertInto('group_session').values([...rows, ...(back ? [back] : [])]).execute();
		return { id, organisationId: organisation.id, sessionIds: rows.map((r) => r.id), returnSessionId: back?.id ?? null };
	}

	async function join(
		person: SignedInAccount,
		target: TestGroup,
		options: { name?: string; shareCheckIns?: boolean; joinedAt?: string; programme?: boolean } = {}
	): Promise<TestParticipant> {
		const grantId = crypto.randomUUID();
		const at = options.joinedAt ?? '2026-02-20T09:00:00.000Z';
		await db
			.insertInto('consent_grant')
			.values({
				id: grantId,
				person_id: person.id,
				professional_id: null,
				organisation_id: target.organisationId,
				scopes: JSON.stringify(options.programme ? ['group', 'programme'] : ['group']),
				audience: 'group',
				person_name: encrypt(options.name ?? person.email, encryptedColumns.consentPersonName.context(grantId)),
				granted_at: at,
				ended_at: null,
				end_reason: null,
				previous_grant_id: null,
				group_id: target.id
			})
			.execute();
		const id = crypto.randomUUID();
		await db
			.insertInto('group_participant')
			.values({
				id,
				group_id: target.id,
				account_id: person.id,
				grant_id: grantId,
				joined_at: at,
				left_at: null,
				share_checkins: options.shareCheckIns ? 1 : 0,
				reminders: 'day_before'
			})
			.execute();
		return { id, grantId, personId: person.id, groupId: target.id };
	}

	async function attend(sessionId: string, participant: TestParticipant, status: AttendanceStatus, options: { byPerson?: boolean; by?: SignedInAccount } = {}) {
		await db
			.insertInto('group_attendance')
			.values({
				session_id: sessionId,
				participant_id: participant.id,
				status,
				excused_by_person: options.byPerson ? 1 : 0,
				recorded_by: options.byPerson ? participant.personId : (options.by?.id ?? null),
				recorded_at: '2026-03-01T12:00:00.000Z'
			})
			.execute();
	}

	async function checkIn(sessionId: string, participant: TestParticipant, answers: { welcome: number; enjoyed: number; comeAgain: number; line?: string; at?: string }) {
		const id = crypto.randomUUID();
		await db
			.insertInto('group_checkin')
			.values({
				session_id: sessionId,
				participant_id: participant.id,
				id,
				welcome: answers.welcome,
				enjoyed: answers.enjoyed,
				come_again: answers.comeAgain,
				line: answers.line ? encrypt(answers.line, encryptedColumns.groupCheckinLine.context(id)) : null,
				created_at: answers.at ?? '2026-03-01T13:00:00.000Z'
			})
			.execute();
		return id;
	}

	async function note(sessionId: string, participant: TestParticipant, author: SignedInAccount, body: string) {
		const id = crypto.randomUUID();
		const at = '2026-03-01T14:00:00.000Z';
		await db
			.insertInto('group_note')
			.values({ id, session_id: sessionId, participant_id: participant.id, author_id: author.id, body: encrypt(body, encryptedColumns.groupNoteBody.context(id)), created_at: at, updated_at: at })
			.execute();
		return id;
	}

	/** Marks a session held, as the leader's page does (the measurement requests are the caller's). */
	async function held(sessionId: string, at = '2026-03-02T11:30:00.000Z') {
		await db.updateTable('group_session').set({ status: 'held', held_at: at, updated_at: at }).where('id', '=', sessionId).execute();
	}

	/** An invitation code as a leader made it (hash to find it, encrypted to print it again). */
	async function code(target: TestGroup, text: string, by: SignedInAccount) {
		const id = crypto.randomUUID();
		await db
			.insertInto('group_code')
			.values({
				id,
				group_id: target.id,
				code_hash: hashGroupCode(text),
				code: encrypt(text, encryptedColumns.groupCode.context(id)),
				created_by: by.id,
				created_at: '2026-02-01T09:00:00.000Z',
				expires_at: '2026-04-01T09:00:00.000Z',
				revoked_at: null
			})
			.execute();
		return id;
	}

	return { group, join, attend, checkIn, note, held, code };
}
