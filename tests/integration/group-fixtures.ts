/**
 * Group trainings for integration tests, made with brug's own use-cases, so every fixture is a state the app can
 * reach: a group with a weekly series (`createGroup`) and a code (`createGroupCode`), a place (`joinGroup` with that
 * code), leaving (`withdrawConsent`), attendance (`recordAttendance`, or `excuseMe` for the person's own afmelding)
 * and a leader's note (`saveGroupNote`). Rows are written only where no use-case makes the state; each says why.
 *
 *   const groups = groupFixtures(handle);
 *   const group = await groups.group(noord, [piet], { days: ['2026-03-02', '2026-03-09'] });
 *   const anna = await groups.join(annaAccount, group, { name: 'Anna', shareCheckIns: true });
 *   await groups.attend(group.sessionIds[0]!, anna, 'present', { by: piet });
 *
 * `groupWorld(handle)` is a ready organisation with two leaders, a colleague who leads nothing, and a group of eight.
 */
import type { SignedInAccount } from '$lib/server/auth/account';
import type { AttendanceStatus } from '$lib/server/db/schema';
import type { DatabaseHandle } from '$lib/server/db/client';
import { encrypt, encryptedColumns } from '$lib/server/crypto';
import { addDays, localInstant } from '$lib/time';
import { withdrawConsent } from '$lib/composers/consent-changes.server';
import { createGroupCode } from '$lib/features/groups/codes.server';
import { createGroup } from '$lib/features/groups/group.server';
import { newGroupSchema } from '$lib/features/groups/group.schema';
import { groupLimits, type GroupReminderChoice } from '$lib/features/groups/group-values';
import { recordAttendance, saveGroupNote } from '$lib/features/groups/leading.server';
import { excuseMe, joinGroup } from '$lib/features/groups/participation.server';
import { joinGroupSchema } from '$lib/features/groups/participation.schema';
import { defaultProgrammeId } from '$lib/features/programme/programme-values';
import { professionalFixtures, type TestOrganisation } from './professional-fixtures';

export interface TestGroup {
	id: string;
	organisationId: string;
	/** Regular sessions in day order; the return meeting, if any, is apart. */
	sessionIds: string[];
	returnSessionId: string | null;
	/** An open invitation code ("K7QM-4TXP"), made by the first leader. */
	code: string;
	leaders: SignedInAccount[];
}

export interface TestParticipant {
	id: string;
	grantId: string;
	groupId: string;
	person: SignedInAccount;
}

export interface GroupOptions {
	/** Weekly days: `createGroup` plans a weekly series. */
	days: string[];
	returnDay?: string;
	name?: string;
	programme?: boolean;
	capacity?: number;
	completeAfter?: number;
	startsAt?: string;
	endsAt?: string;
	place?: string;
	/** Who makes the group (a professional or admin of the organisation); the first leader by default. */
	by?: SignedInAccount;
	now?: Date;
}

/** When people join unless a test says otherwise: before the first session of most tests' groups. */
const joinedAt = new Date('2026-02-20T09:00:00.000Z');

export function groupFixtures(handle: DatabaseHandle) {
	const db = handle.db;

	async function group(organisation: { id: string }, leaders: SignedInAccount[], options: GroupOptions): Promise<TestGroup> {
		const [firstDay, ...rest] = options.days;
		if (!firstDay || rest.some((day, week) => day !== addDays(firstDay, 7 * (week + 1)))) {
			throw new Error(`A group's sessions are a weekly series: ${options.days.join(', ')}`);
		}
		const count = options.days.length;
		const now = options.now ?? new Date();
		const input = newGroupSchema.parse({
			name: options.name ?? 'Samen op dinsdag',
			leaderIds: leaders.map((leader) => leader.id),
			programme: options.programme ? defaultProgrammeId : 'none',
			capacity: options.capacity ?? groupLimits.defaultCapacity,
			// Complete-after can be no more than the sessions there are; tests of short groups do not look at it.
			completeAfter: Math.min(options.completeAfter ?? groupLimits.defaultCompleteAfter, count),
			firstDay,
			count,
			startsAt: options.startsAt ?? '14:00',
			endsAt: options.endsAt ?? '16:00',
			place: options.place ?? 'Buurthuis De Brug, zaal 2',
			returnDay: options.returnDay
		});
		const created = await createGroup(db, { actor: options.by ?? leaders[0]!, organisationId: organisation.id, input, now });
		if (!created.ok) throw new Error(JSON.stringify(created.errors));
		const sessions = await db.selectFrom('group_session').select(['id', 'is_return']).where('group_id', '=', created.groupId).orderBy('day').execute();
		const { code } = await createGroupCode(db, { actor: leaders[0]!, groupId: created.groupId, now });
		return {
			id: created.groupId,
			organisationId: organisation.id,
			sessionIds: sessions.filter((s) => Number(s.is_return) === 0).map((s) => s.id),
			returnSessionId: sessions.find((s) => Number(s.is_return) === 1)?.id ?? null,
			code,
			leaders
		};
	}

	/** Joins with the group's code, as the join page does: the group grant and the place, one transaction. */
	async function join(
		person: SignedInAccount,
		target: TestGroup,
		options: { name?: string; shareCheckIns?: boolean; reminders?: GroupReminderChoice; at?: Date } = {}
	): Promise<TestParticipant> {
		const input = joinGroupSchema.parse({ code: target.code, personName: options.name ?? person.email, shareCheckIns: options.shareCheckIns ?? false, reminders: options.reminders });
		const joined = await joinGroup(db, { actor: person, input, now: options.at ?? joinedAt });
		if (!joined.ok) throw new Error(`${person.email} could not join: ${joined.reason}`);
		const place = await db
			.selectFrom('group_participant')
			.select(['id', 'grant_id'])
			.where('group_id', '=', target.id)
			.where('account_id', '=', person.id)
			.where('left_at', 'is', null)
			.executeTakeFirstOrThrow();
		return { id: place.id, grantId: place.grant_id, groupId: target.id, person };
	}

	/** Leaves as the person does on their group page: the group grant is withdrawn, the place ends with it. */
	async function leave(participant: TestParticipant, at: Date): Promise<void> {
		if (!(await withdrawConsent(db, { actor: participant.person, grantId: participant.grantId, now: at }))) throw new Error('The grant was not current');
	}

	/** A leader's status in one tap, or with `byPerson` the person's own "ik kan er niet bij zijn" (on the session's day). */
	async function attend(sessionId: string, participant: TestParticipant, status: AttendanceStatus, options: { by?: SignedInAccount; byPerson?: boolean }): Promise<void> {
		const session = await db.selectFrom('group_session').select('day').where('id', '=', sessionId).executeTakeFirstOrThrow();
		const now = localInstant(session.day, '12:00');
		const where = { groupId: participant.groupId, sessionId, now };
		if (options.byPerson) {
			if (status !== 'excused') throw new Error('A person can only excuse themselves');
			const excused = await excuseMe(db, { actor: participant.person, ...where });
			if (!excused.ok) throw new Error(`Not excused: ${excused.reason}`);
			return;
		}
		if (!options.by) throw new Error('Attendance is recorded by a leader or by the person');
		const saved = await recordAttendance(db, { actor: options.by, ...where, participantId: participant.id, status });
		if (saved !== 'saved') throw new Error(`Attendance not recorded: ${saved}`);
	}

	/**
	 * A check-in, written as a row: the signal tests need a low check-in after a session the person missed, which
	 * `saveCheckIn` refuses (only who was there answers), and a chosen moment for the activity days.
	 */
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

	/** A leader's note about a participant at a session; its row id. */
	async function note(sessionId: string, participant: TestParticipant, author: SignedInAccount, body: string): Promise<string> {
		const saved = await saveGroupNote(db, { actor: author, groupId: participant.groupId, sessionId, participantId: participant.id, body, now: new Date('2026-03-01T14:00:00.000Z') });
		if (saved !== 'saved') throw new Error(`Note not saved: ${saved}`);
		const row = await db.selectFrom('group_note').select('id').where('session_id', '=', sessionId).where('participant_id', '=', participant.id).executeTakeFirstOrThrow();
		return row.id;
	}

	/**
	 * Marks a session held, written as a row: `markSessionHeld` also asks for the measurements, and the measurement
	 * tests ask themselves to see that asking once is enough.
	 */
	async function held(sessionId: string, at = '2026-03-02T11:30:00.000Z'): Promise<void> {
		await db.updateTable('group_session').set({ status: 'held', held_at: at, updated_at: at }).where('id', '=', sessionId).execute();
	}

	return { group, join, leave, attend, checkIn, note, held };
}

export type GroupFixtures = ReturnType<typeof groupFixtures>;

export const groupNow = new Date('2026-03-01T09:00:00Z');

export interface GroupWorld {
	groups: GroupFixtures;
	noord: TestOrganisation;
	/** Leads the group. */
	lotte: SignedInAccount;
	/** Leads it too. */
	lars: SignedInAccount;
	/** A professional of the organisation who leads nothing (and made the group). */
	piet: SignedInAccount;
	/** A professional of another organisation. */
	karel: SignedInAccount;
	group: TestGroup;
	sessionIds: string[];
	person(email: string, name: string): Promise<SignedInAccount>;
	/** A new person who joins at `groupNow` under `name`. */
	join(email: string, name: string, options?: { share?: boolean }): Promise<TestParticipant>;
}

/** An organisation with two leaders and a group of eight weekly sessions from 2 March 2026, made at `groupNow`. */
export async function groupWorld(handle: DatabaseHandle): Promise<GroupWorld> {
	const fixtures = professionalFixtures(handle);
	const groups = groupFixtures(handle);
	const noord = await fixtures.organisation('Buurtteam Noord', { email: 'ada@noord.nl', name: 'Ada Admin' });
	const zuid = await fixtures.organisation('Wijkteam Zuid', { email: 'zora@zuid.nl', name: 'Zora Admin' });
	const lotte = await fixtures.professional(noord, 'lotte@noord.nl', 'Lotte Leider');
	const lars = await fixtures.professional(noord, 'lars@noord.nl', 'Lars Leider');
	const piet = await fixtures.professional(noord, 'piet@noord.nl', 'Piet Prof');
	const karel = await fixtures.professional(zuid, 'karel@zuid.nl', 'Karel Zuid');
	const days = Array.from({ length: 8 }, (_, week) => addDays('2026-03-02', 7 * week));
	const group = await groups.group(noord, [lotte, lars], {
		name: 'Samen sterker',
		days,
		startsAt: '10:00',
		endsAt: '11:30',
		place: 'Buurthuis De Brug',
		by: piet,
		now: groupNow
	});
	return {
		groups,
		noord,
		lotte,
		lars,
		piet,
		karel,
		group,
		sessionIds: group.sessionIds,
		person: (email, name) => fixtures.person(email, name),
		join: async (email, name, options) => groups.join(await fixtures.person(email, name), group, { name, shareCheckIns: options?.share, at: groupNow })
	};
}
