/**
 * A person in a group training: their own side only. They see the group's name, its leaders and its sessions, and
 * their own afmeldingen and check-ins; never another member, a count of members or a signal about themselves.
 * - `previewGroup(db, { actor, code })`: what a code leads to, before joining (the caller limits tries).
 * - `joinGroup(db, { actor, input })`: joins with a consent grant for the group's leaders; refuses full, gone, twice.
 * - `myGroups(db, { actor, today })`: the groups the person is in now, with the next session and a check-in due.
 * - `myGroup(db, { actor, groupId, today })`: one of them, with every session and the person's own part in it.
 * - `excuseMe`, `takeBackExcuse`: "ik kan er niet bij zijn" for a planned session, and taking it back.
 * - `saveCheckIn`: the three answers and a line after a session, once.
 * - `changeParticipation`: share check-ins with the leaders or not, reminders or not.
 * - `groupGrantsOf(db, { actor })`: the person's group grants with the group's name and leaders.
 * Leaving is withdrawing the group grant (the composers' `withdrawConsent`), so access ends as with any consent.
 */
import { followGroupProgramme } from '$lib/features/programme/group-link.server';
import { PostgresAdapter, type Kysely } from 'kysely';
import type { Database } from '$lib/server/db';
import type { SignedInAccount } from '$lib/server/auth/account';
import { encrypt, encryptedColumns } from '$lib/server/crypto';
import { requireSignedIn } from '$lib/kernel/policy.server';
import { recordAuditEvent } from '$lib/kernel/audit.server';
import { lockPersonForConsent } from '$lib/kernel/consent-lock.server';
import type { ConsentScope } from '$lib/kernel/consent-scopes';
import { localDay } from '$lib/time';
import { countsInReports, setReportConsent } from '$lib/features/report-consent/index.server';
import { findGroupByCode } from './codes.server';
import { canExcuse, checkInOpen, wasThere } from './participation';
import { currentCount, currentPlaces, leadersOf, sessionColumns, sessionsOf, type GroupSessionView } from './my-groups.server';
import type { ChangeParticipationInput, CheckInInput, JoinGroupInput } from './participation.schema';

type Db = Kysely<Database>;
type Outcome<Reason extends string> = { ok: true } | { ok: false; reason: Reason };

export { groupGrantsOf, myGroup, myGroups, type GroupSessionView, type MyGroup, type MyGroupSummary, type MySession } from './my-groups.server';

export interface GroupPreview {
	id: string;
	name: string;
	organisationName: string;
	leaders: string[];
	sessions: GroupSessionView[];
	followsProgramme: boolean;
	full: boolean;
	alreadyIn: boolean;
	/** The person already counts in the organisation's figures (their own earlier choice). */
	countsInReports: boolean;
}

/** What a code leads to; undefined for a code that is unknown, expired, revoked or of a group that ended. */
export async function previewGroup(db: Db, options: { actor: SignedInAccount | null; code: string; now?: Date }): Promise<GroupPreview | undefined> {
	const account = requireSignedIn(options.actor);
	const group = await findGroupByCode(db, options);
	if (!group) return undefined;
	const [organisation, leaders, sessions, count, mine, counts] = await Promise.all([
		db.selectFrom('organisation').select('name').where('id', '=', group.organisation_id).executeTakeFirstOrThrow(),
		leadersOf(db, [group.id]),
		sessionsOf(db, [group.id]),
		currentCount(db, group.id),
		currentPlaces(db, account.id).where('group_training.id', '=', group.id).executeTakeFirst(),
		countsInReports(db, account.id, group.organisation_id)
	]);
	return {
		id: group.id,
		name: group.name,
		organisationName: organisation.name,
		leaders: leaders.get(group.id) ?? [],
		sessions: sessions.get(group.id) ?? [],
		followsProgramme: group.programme_id !== null,
		full: count >= group.capacity,
		alreadyIn: mine !== undefined,
		countsInReports: counts
	};
}

/** Joins with a grant of audience `group` for exactly this group; one transaction, so a place is never given twice. */
export async function joinGroup(
	db: Db,
	options: { actor: SignedInAccount | null; input: JoinGroupInput; now?: Date }
): Promise<{ ok: true; groupId: string } | { ok: false; reason: 'invalid' | 'full' | 'already_in' }> {
	const account = requireSignedIn(options.actor);
	const now = options.now ?? new Date();
	const group = await findGroupByCode(db, { code: options.input.code, now });
	if (!group) return { ok: false, reason: 'invalid' };
	const scopes: ConsentScope[] = group.programme_id ? ['group', 'programme'] : ['group'];
	return db.transaction().execute(async (trx) => {
		await lockPersonForConsent(trx, account.id, 'update');
		// Two people taking the last place at once queue on the group (SQLite runs one transaction at a time anyway).
		if (trx.getExecutor().adapter instanceof PostgresAdapter) {
			await trx.selectFrom('group_training').select('id').where('id', '=', group.id).forUpdate().execute();
		}
		const fresh = await trx.selectFrom('group_training').select(['capacity', 'archived_at']).where('id', '=', group.id).executeTakeFirst();
		if (!fresh || fresh.archived_at !== null) return { ok: false, reason: 'invalid' } as const;
		if (await currentPlaces(trx, account.id).where('group_training.id', '=', group.id).executeTakeFirst()) {
			return { ok: false, reason: 'already_in' } as const;
		}
		if ((await currentCount(trx, group.id)) >= fresh.capacity) return { ok: false, reason: 'full' } as const;
		// A place whose grant ended is a place left, also before anything else noted it: one current place per person.
		await trx
			.updateTable('group_participant')
			.set({ left_at: now.toISOString() })
			.where('group_id', '=', group.id)
			.where('account_id', '=', account.id)
			.where('left_at', 'is', null)
			.execute();
		const grantId = crypto.randomUUID();
		const at = now.toISOString();
		await trx
			.insertInto('consent_grant')
			.values({
				id: grantId,
				person_id: account.id,
				professional_id: null,
				organisation_id: group.organisation_id,
				group_id: group.id,
				scopes: JSON.stringify(scopes),
				audience: 'group',
				person_name: encrypt(options.input.personName, encryptedColumns.consentPersonName.context(grantId)),
				granted_at: at,
				ended_at: null,
				end_reason: null,
				previous_grant_id: null
			})
			.execute();
		// A place left earlier keeps its row (with left_at): joining again is a new place with a new grant.
		await trx
			.insertInto('group_participant')
			.values({
				id: crypto.randomUUID(),
				group_id: group.id,
				account_id: account.id,
				grant_id: grantId,
				joined_at: at,
				left_at: null,
				share_checkins: options.input.shareCheckIns ? 1 : 0,
				reminders: options.input.reminders
			})
			.execute();
		// A group that follows the programme opens its weeks on the group's days, for a new or a running enrolment.
		if (group.programme_id) await followGroupProgramme(trx, { personId: account.id, groupId: group.id, now });
		await recordAuditEvent(trx, { actorId: account.id, organisationId: group.organisation_id, subjectId: account.id, action: 'consent.granted', object: scopes.join(','), now });
		if (options.input.countInReports !== undefined) {
			await setReportConsent(trx, { personId: account.id, organisationId: group.organisation_id, on: options.input.countInReports, now });
		}
		return { ok: true, groupId: group.id } as const;
	});
}

/** The person's current place and one session of that group. */
async function placeAndSession(db: Db, accountId: string, groupId: string, sessionId: string) {
	const place = await currentPlaces(db, accountId).where('group_training.id', '=', groupId).executeTakeFirst();
	if (!place) return undefined;
	const session = await db.selectFrom('group_session').select([...sessionColumns]).where('id', '=', sessionId).where('group_id', '=', groupId).executeTakeFirst();
	return session ? { place, session } : undefined;
}

/** "Ik kan er niet bij zijn": the same answer when sent twice; a status the leader set stays. */
export async function excuseMe(
	db: Db,
	options: { actor: SignedInAccount | null; groupId: string; sessionId: string; now?: Date }
): Promise<Outcome<'not_found' | 'too_late' | 'recorded'>> {
	const account = requireSignedIn(options.actor);
	const now = options.now ?? new Date();
	const found = await placeAndSession(db, account.id, options.groupId, options.sessionId);
	if (!found) return { ok: false, reason: 'not_found' };
	if (!canExcuse(found.session, localDay(now))) return { ok: false, reason: 'too_late' };
	await db
		.insertInto('group_attendance')
		.values({ session_id: options.sessionId, participant_id: found.place.participantId, status: 'excused', excused_by_person: 1, recorded_by: account.id, recorded_at: now.toISOString() })
		.onConflict((conflict) => conflict.columns(['session_id', 'participant_id']).doNothing())
		.execute();
	const row = await db
		.selectFrom('group_attendance')
		.select('status')
		.where('session_id', '=', options.sessionId)
		.where('participant_id', '=', found.place.participantId)
		.executeTakeFirstOrThrow();
	return row.status === 'excused' ? { ok: true } : { ok: false, reason: 'recorded' };
}

/** Takes the person's own afmelding back while the session is still planned; a leader's choice is not theirs to undo. */
export async function takeBackExcuse(
	db: Db,
	options: { actor: SignedInAccount | null; groupId: string; sessionId: string; now?: Date }
): Promise<Outcome<'not_found' | 'too_late'>> {
	const account = requireSignedIn(options.actor);
	const found = await placeAndSession(db, account.id, options.groupId, options.sessionId);
	if (!found) return { ok: false, reason: 'not_found' };
	if (!canExcuse(found.session, localDay(options.now ?? new Date()))) return { ok: false, reason: 'too_late' };
	await db
		.deleteFrom('group_attendance')
		.where('session_id', '=', options.sessionId)
		.where('participant_id', '=', found.place.participantId)
		.where('status', '=', 'excused')
		.where('excused_by_person', '=', 1)
		.execute();
	return { ok: true };
}

export async function saveCheckIn(
	db: Db,
	options: { actor: SignedInAccount | null; groupId: string; sessionId: string; input: CheckInInput; now?: Date }
): Promise<Outcome<'not_found' | 'not_open' | 'already'>> {
	const account = requireSignedIn(options.actor);
	const now = options.now ?? new Date();
	const found = await placeAndSession(db, account.id, options.groupId, options.sessionId);
	if (!found) return { ok: false, reason: 'not_found' };
	if (found.session.day < localDay(new Date(found.place.joinedAt)) || !checkInOpen(found.session, localDay(now))) return { ok: false, reason: 'not_open' };
	const recorded = await db
		.selectFrom('group_attendance')
		.select('status')
		.where('session_id', '=', options.sessionId)
		.where('participant_id', '=', found.place.participantId)
		.executeTakeFirst();
	if (!wasThere(recorded?.status)) return { ok: false, reason: 'not_open' };
	const id = crypto.randomUUID();
	const { welcome, enjoyed, come_again, line } = options.input;
	const saved = await db
		.insertInto('group_checkin')
		.values({
			session_id: options.sessionId,
			participant_id: found.place.participantId,
			id,
			welcome,
			enjoyed,
			come_again,
			line: line === null ? null : encrypt(line, encryptedColumns.groupCheckinLine.context(id)),
			created_at: now.toISOString()
		})
		.onConflict((conflict) => conflict.columns(['session_id', 'participant_id']).doNothing())
		.returning('id')
		.executeTakeFirst();
	return saved ? { ok: true } : { ok: false, reason: 'already' };
}

export async function changeParticipation(
	db: Db,
	options: { actor: SignedInAccount | null; groupId: string; input: ChangeParticipationInput }
): Promise<Outcome<'not_found'>> {
	const account = requireSignedIn(options.actor);
	const place = await currentPlaces(db, account.id).where('group_training.id', '=', options.groupId).executeTakeFirst();
	if (!place) return { ok: false, reason: 'not_found' };
	await db
		.updateTable('group_participant')
		.set({ share_checkins: options.input.shareCheckIns ? 1 : 0, reminders: options.input.reminders })
		.where('id', '=', place.participantId)
		.execute();
	return { ok: true };
}
