/**
 * Measurement requests between a professional and a client. The professional needs an active grant with the
 * `measurements` scope; the client sees a due request as a task, fills it in signed in, and the result lands in their
 * own history first (they see it before anyone else).
 * - `requestMeasurement` (professional): once or repeating, from a start day.
 * - `listRequestsForClient` (professional): their own requests for one client, open ones first, then the 50 newest
 *   ended ones; with consent to the team also colleagues' open ones (shown, never cancelled by another). An audited
 *   read (`client.requests.read`), page and API alike: the list shows when the client filled something in.
 * - `cancelMeasurementRequest` (professional): one of their own open requests.
 * - `endMeasurementRequests`: ends the open requests that consent no longer covers (withdrawn, the scope or the team
 *   taken away, the professional gone from the organisation), by the one rule of access (`clientGrants`).
 * - `listMeasurementTasks` (person): requests due today or earlier that their consent still covers (a request a group
 *   session made: while they are in that group).
 * - `getMeasurementTask` (person): one of them.
 * - `completeMeasurementTask` (person): saves the measurement and moves the request on (a repeat comes back after
 *   its rhythm, a single one ends).
 */
import type { Kysely } from 'kysely';
import type { Database } from '$lib/server/db';
import type { MeasurementRequestTable } from '$lib/server/db/schema';
import type { SignedInAccount } from '$lib/server/auth/account';
import { requireClientAccess, requireSignedIn, withClientAccess } from '$lib/kernel/policy.server';
import { clientGrants } from '$lib/kernel/client-access.server';
import { recordClientRead } from '$lib/kernel/audit.server';
import { getInstrument, type Answers } from '$lib/features/instruments/instruments';
import { saveMeasurementForAccount, type StoredMeasurement } from '$lib/features/measurements/measurements.server';
import { localDay } from '$lib/time';
import { isDue, nextDueDay, type MeasurementRequestInput } from './requests';

export interface MeasurementRequest {
	id: string;
	personId: string;
	professionalId: string | null;
	organisationId: string;
	instrument: string;
	repeatWeeks: number | null;
	dueDay: string;
	endedAt: string | null;
	endReason: string | null;
	lastMeasurementId: string | null;
	createdAt: string;
}

function openRequest(row: MeasurementRequestTable): MeasurementRequest {
	return {
		id: row.id,
		personId: row.person_id,
		professionalId: row.professional_id,
		organisationId: row.organisation_id,
		instrument: row.instrument_id,
		repeatWeeks: row.repeat_weeks,
		dueDay: row.due_day,
		endedAt: row.ended_at,
		endReason: row.end_reason,
		lastMeasurementId: row.last_measurement_id,
		createdAt: row.created_at
	};
}

export async function requestMeasurement(
	db: Kysely<Database>,
	options: { actor: SignedInAccount | null; personId: string; input: MeasurementRequestInput; now?: Date }
): Promise<MeasurementRequest> {
	// Queued behind a consent change of the person: a request is never made under consent that is just ending.
	return withClientAccess(db, options.actor, { personId: options.personId, scope: 'measurements' }, async (trx, grant) => {
		const row: MeasurementRequestTable = {
			id: crypto.randomUUID(),
			organisation_id: grant.organisationId,
			professional_id: options.actor!.id,
			person_id: grant.personId,
			instrument_id: options.input.instrument,
			repeat_weeks: options.input.repeatWeeks,
			due_day: options.input.startDay,
			ended_at: null,
			end_reason: null,
			last_measurement_id: null,
			created_at: (options.now ?? new Date()).toISOString(),
			group_session_id: null
		};
		await trx.insertInto('measurement_request').values(row).execute();
		return openRequest(row);
	});
}

/**
 * The professional's own requests for one client (`own`, which they can cancel), and, when the client shares with the
 * whole team, colleagues' open ones that consent still covers (`colleagues`, shown so nobody asks for the same scale
 * twice; never cancelled by someone else).
 */
export async function listRequestsForClient(
	db: Kysely<Database>,
	options: { actor: SignedInAccount | null; personId: string; now?: Date }
): Promise<{ own: MeasurementRequest[]; colleagues: (MeasurementRequest & { professionalName: string })[] }> {
	return withClientAccess(db, options.actor, { personId: options.personId, scope: 'measurements' }, async (trx, grant, actor) => {
		// The list tells when the client filled something in, so it is a read of their data like any other.
		await recordClientRead(trx, { actor, grant, action: 'client.requests.read', object: 'measurements', now: options.now });
		return requestsOf(trx, grant, actor.id);
	});
}

async function requestsOf(
	db: Kysely<Database>,
	grant: { personId: string; organisationId: string; sharedWithTeam: boolean },
	actorId: string
): Promise<{ own: MeasurementRequest[]; colleagues: (MeasurementRequest & { professionalName: string })[] }> {
	const rows = await db
		.selectFrom('measurement_request')
		.selectAll()
		.where('person_id', '=', grant.personId)
		.where('organisation_id', '=', grant.organisationId)
		.where('professional_id', '=', actorId)
		.orderBy((eb) => eb.case().when('ended_at', 'is', null).then(0).else(1).end())
		.orderBy('due_day')
		.orderBy('created_at', 'desc')
		.limit(50)
		.execute();
	if (!grant.sharedWithTeam) return { own: rows.map(openRequest), colleagues: [] };
	const open = await openRequestRows(db, { personId: grant.personId, organisationId: grant.organisationId });
	const { covered } = await sortByCover(db, open.filter((row) => row.professional_id !== actorId));
	return { own: rows.map(openRequest), colleagues: covered.map((row) => ({ ...openRequest(row), professionalName: row.professional_name ?? '' })) };
}

/** Ends an open request of one of the professional's clients; false when there is none with that id. */
export async function cancelMeasurementRequest(
	db: Kysely<Database>,
	options: { actor: SignedInAccount | null; personId: string; id: string; now?: Date }
): Promise<boolean> {
	const grant = await requireClientAccess(db, options.actor, { personId: options.personId, scope: 'measurements' });
	const result = await db
		.updateTable('measurement_request')
		.set({ ended_at: (options.now ?? new Date()).toISOString(), end_reason: 'cancelled' })
		.where('id', '=', options.id)
		.where('person_id', '=', grant.personId)
		.where('organisation_id', '=', grant.organisationId)
		.where('professional_id', '=', options.actor!.id)
		.where('ended_at', 'is', null)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) > 0;
}

type OpenRequestRow = MeasurementRequestTable & { professional_name: string | null };

/** The open requests of one person (or of everyone) in one organisation (or all of them), each with who asked. */
async function openRequestRows(
	db: Kysely<Database>,
	where: { personId?: string; organisationId?: string; professionalId?: string }
): Promise<OpenRequestRow[]> {
	let query = db
		.selectFrom('measurement_request')
		.leftJoin('account as professional', 'professional.id', 'measurement_request.professional_id')
		.selectAll('measurement_request')
		.select('professional.name as professional_name')
		.where('measurement_request.ended_at', 'is', null);
	if (where.personId) query = query.where('measurement_request.person_id', '=', where.personId);
	if (where.organisationId) query = query.where('measurement_request.organisation_id', '=', where.organisationId);
	if (where.professionalId) query = query.where('measurement_request.professional_id', '=', where.professionalId);
	return query.orderBy('measurement_request.due_day').execute();
}

/**
 * Splits open requests into those the client's consent still covers and those it no longer does: a request stands
 * while the professional who made it may still read the client's measurements in that organisation (`clientGrants`,
 * the one rule of access).
 */
async function sortByCover(db: Kysely<Database>, rows: OpenRequestRow[]): Promise<{ covered: OpenRequestRow[]; uncovered: OpenRequestRow[] }> {
	const byAsker = new Map<string, OpenRequestRow[]>();
	const coveredIds = await coveredByGroups(db, rows);
	for (const row of rows) {
		if (row.professional_id === null || row.group_session_id !== null) continue;
		const key = `${row.professional_id} ${row.organisation_id}`;
		byAsker.set(key, [...(byAsker.get(key) ?? []), row]);
	}
	for (const group of byAsker.values()) {
		const { professional_id: professionalId, organisation_id: organisationId } = group[0]!;
		const personIds = [...new Set(group.map((row) => row.person_id))];
		const reachable = await clientGrants(db, { professionalId: professionalId!, personIds, organisationId, scope: 'measurements' });
		for (const row of group) if (reachable.has(row.person_id)) coveredIds.add(row.id);
	}
	return { covered: rows.filter((row) => coveredIds.has(row.id)), uncovered: rows.filter((row) => !coveredIds.has(row.id)) };
}

/**
 * A request a group session made is covered while the person is in that group: the participation is current and its
 * grant has not ended (read from the tables, not from the groups feature, which builds on this one). It does not
 * depend on the leader who asked, nor on the measurements scope.
 */
async function coveredByGroups(db: Kysely<Database>, rows: readonly OpenRequestRow[]): Promise<Set<string>> {
	const groupRows = rows.filter((row) => row.group_session_id !== null);
	if (groupRows.length === 0) return new Set();
	const current = await db
		.selectFrom('group_session')
		.innerJoin('group_participant', 'group_participant.group_id', 'group_session.group_id')
		.innerJoin('consent_grant', 'consent_grant.id', 'group_participant.grant_id')
		.select(['group_session.id as session_id', 'group_participant.account_id'])
		.where('group_session.id', 'in', [...new Set(groupRows.map((row) => row.group_session_id!))])
		.where('group_participant.account_id', 'in', [...new Set(groupRows.map((row) => row.person_id))])
		.where('group_participant.left_at', 'is', null)
		.where('consent_grant.ended_at', 'is', null)
		.execute();
	const inGroup = new Set(current.map((row) => `${row.session_id} ${row.account_id}`));
	return new Set(groupRows.filter((row) => inGroup.has(`${row.group_session_id} ${row.person_id}`)).map((row) => row.id));
}

/**
 * Called inside the transaction that ends or narrows consent, or removes a professional from an organisation: ends
 * every open request there that nothing covers any more, for good, so it never comes back on a new grant.
 */
export async function endMeasurementRequests(
	db: Kysely<Database>,
	options: {
		personId?: string;
		organisationId: string;
		/** Only this professional's requests (they left the organisation): nothing else lost its cover. */
		professionalId?: string;
		reason: 'consent_withdrawn' | 'consent_changed' | 'professional_left';
		now: string;
	}
): Promise<void> {
	const { uncovered } = await sortByCover(db, await openRequestRows(db, options));
	if (uncovered.length === 0) return;
	await db
		.updateTable('measurement_request')
		.set({ ended_at: options.now, end_reason: options.reason })
		.where('id', 'in', uncovered.map((row) => row.id))
		.where('ended_at', 'is', null)
		.execute();
}

/** The person's open requests that their consent still covers (a request it does not cover is never a task). */
async function openRequestsOf(db: Kysely<Database>, personId: string): Promise<(MeasurementRequest & { professionalName: string })[]> {
	const { covered } = await sortByCover(db, await openRequestRows(db, { personId }));
	return covered.map((row) => ({ ...openRequest(row), professionalName: row.professional_name ?? '' }));
}

export async function listMeasurementTasks(
	db: Kysely<Database>,
	options: { actor: SignedInAccount | null; today?: string }
): Promise<(MeasurementRequest & { professionalName: string })[]> {
	const account = requireSignedIn(options.actor);
	const today = options.today ?? localDay();
	return (await openRequestsOf(db, account.id)).filter((request) => isDue(request, today));
}

export async function getMeasurementTask(
	db: Kysely<Database>,
	options: { actor: SignedInAccount | null; id: string; today?: string }
): Promise<(MeasurementRequest & { professionalName: string }) | undefined> {
	return (await listMeasurementTasks(db, options)).find((task) => task.id === options.id);
}

export type CompleteOutcome = { ok: true; measurement: StoredMeasurement } | { ok: false; reason: 'not_found' | 'incomplete' };

/**
 * Saves the answers as the person's own measurement and moves the request on. Scores are computed again here. The
 * update only matches the request as it was read (same due day, still open), so a double submit saves once.
 */
export async function completeMeasurementTask(
	db: Kysely<Database>,
	options: { actor: SignedInAccount | null; id: string; answers: Answers; now?: Date }
): Promise<CompleteOutcome> {
	const account = requireSignedIn(options.actor);
	const now = options.now ?? new Date();
	const task = await getMeasurementTask(db, { actor: account, id: options.id, today: localDay(now) });
	const instrument = task && getInstrument(task.instrument);
	if (!task || !instrument) return { ok: false, reason: 'not_found' };
	if (instrument.items.some((item) => options.answers[item.number] === undefined)) return { ok: false, reason: 'incomplete' };
	return db.transaction().execute(async (trx) => {
		const next = nextDueDay({ repeatWeeks: task.repeatWeeks, filledDay: localDay(now) });
		const moved = await trx
			.updateTable('measurement_request')
			.set(next === null ? { ended_at: now.toISOString(), end_reason: 'done' } : { due_day: next })
			.where('id', '=', task.id)
			.where('due_day', '=', task.dueDay)
			.where('ended_at', 'is', null)
			.executeTakeFirst();
		if (Number(moved.numUpdatedRows) === 0) return { ok: false, reason: 'not_found' } as const;
		const measurement = await saveMeasurementForAccount(trx, { accountId: account.id, instrument, answers: options.answers, now });
		await trx.updateTable('measurement_request').set({ last_measurement_id: measurement.id }).where('id', '=', task.id).execute();
		return { ok: true, measurement } as const;
	});
}
