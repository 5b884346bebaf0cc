/**
 * Reading the audit log (writing it is the kernel's `audit.server.ts`).
 * - `listAuditEventsAboutPerson`: what others did with a person's data, newest first, for that person only; pages
 *   continue from `auditCursor(lastEventOfPage)`.
 * - `listAccessVisits`: the same, as visits (`./visits`), a page of whole visits at a time; reading it records
 *   nothing, so looking at one's own access log never adds to it.
 * - `listOrganisationAuditEvents`: what admins and professionals did in an organisation (admins only).
 */
import type { Kysely } from 'kysely';
import type { Database } from '$lib/server/db';
import type { SignedInAccount } from '$lib/server/auth/account';
import { requireOrganisationAdmin } from '$lib/kernel/policy.server';
import { olderThan, pageCursor } from '$lib/server/db/cursor';
import { groupVisits, type Visit } from './visits';

export interface AuditEventView {
	id: string;
	at: string;
	action: string;
	object: string | null;
	/** The professional's name, or null when their account no longer exists. */
	actorName: string | null;
	organisationName: string | null;
	/** For a read of a group's data: the group's name (null once the group is gone). */
	groupName: string | null;
}

function eventsWithNames(db: Kysely<Database>) {
	return db
		.selectFrom('audit_event')
		.leftJoin('account as actor', 'actor.id', 'audit_event.actor_id')
		.leftJoin('organisation', 'organisation.id', 'audit_event.organisation_id')
		// A group read names the group by its id; the person sees the group's name.
		.leftJoin('group_training', (join) => join.onRef('group_training.id', '=', 'audit_event.object').on('audit_event.action', '=', 'client.group.read'))
		.select([
			'audit_event.id',
			'audit_event.at',
			'audit_event.action',
			'audit_event.object',
			'actor.name as actorName',
			'organisation.name as organisationName',
			'group_training.name as groupName'
		]);
}

/** A page ends at an event; the next page starts below it (events can share a millisecond). */
export function auditCursor(event: Pick<AuditEventView, 'at' | 'id'>): string {
	return pageCursor(event.at, event.id);
}

/** An event of the access log, with who read (to tell one reader's visit from another's). */
export interface AccessLogEvent extends AuditEventView {
	actorId: string | null;
}

/** Events by others about the person (their own consent decisions are on the sharing page). */
export async function listAuditEventsAboutPerson(
	db: Kysely<Database>,
	options: { account: SignedInAccount; limit?: number; before?: string }
): Promise<AuditEventView[]> {
	return (await eventsAboutPerson(db, options)).map(({ actorId: _actorId, ...event }) => event);
}

async function eventsAboutPerson(
	db: Kysely<Database>,
	options: { account: SignedInAccount; limit?: number; before?: string }
): Promise<AccessLogEvent[]> {
	let query = eventsWithNames(db)
		.select('audit_event.actor_id as actorId')
		.where('audit_event.subject_id', '=', options.account.id)
		.where((eb) => eb.or([eb('audit_event.actor_id', 'is', null), eb('audit_event.actor_id', '!=', options.account.id)]));
	const older = olderThan(options.before, { at: 'audit_event.at', id: 'audit_event.id' });
	if (older) query = query.where(older);
	return query
		.orderBy('audit_event.at', 'desc')
		.orderBy('audit_event.id', 'desc')
		.limit(options.limit ?? 50)
		.execute();
}

/** Rows read at a time while a page of visits is put together; one visit may hold many. */
const visitBatch = 500;
/** A page reads at most this many rows: a longer visit is shown in parts, continued on the next page. */
const visitPageMaxRows = 5000;

/**
 * One page of the person's access log as visits, newest first: `limit` whole visits (a visit is only cut when it is
 * longer than the rows a page reads), and `next`, the `before` of the following page, or null at the end.
 */
export async function listAccessVisits(
	db: Kysely<Database>,
	options: { account: SignedInAccount; limit?: number; before?: string }
): Promise<{ visits: Visit<AccessLogEvent>[]; next: string | null }> {
	const limit = options.limit ?? 20;
	const fetched: AccessLogEvent[] = [];
	let cursor = options.before;
	let exhausted = false;
	for (;;) {
		const rows = await eventsAboutPerson(db, { account: options.account, limit: visitBatch, before: cursor });
		fetched.push(...rows);
		if (rows.length < visitBatch) {
			exhausted = true;
			break;
		}
		cursor = auditCursor(rows.at(-1)!);
		// The newest `limit` visits are whole once a visit after them has begun.
		if (groupVisits(fetched).length > limit || fetched.length >= visitPageMaxRows) break;
	}
	const visits = groupVisits(fetched).slice(0, limit);
	const shownRows = visits.reduce((sum, visit) => sum + visit.events.length, 0);
	const more = !exhausted || shownRows < fetched.length;
	const last = visits.at(-1)?.events.at(-1);
	return { visits, next: more && last ? auditCursor(last) : null };
}

export async function listOrganisationAuditEvents(
	db: Kysely<Database>,
	options: { actor: SignedInAccount | null; organisationId: string; limit?: number }
): Promise<AuditEventView[]> {
	await requireOrganisationAdmin(db, options.actor, options.organisationId);
	return eventsWithNames(db)
		.where('audit_event.organisation_id', '=', options.organisationId)
		.where('audit_event.action', 'like', 'organisation.%')
		.orderBy('audit_event.at', 'desc')
		.orderBy('audit_event.id', 'desc')
		.limit(options.limit ?? 50)
		.execute();
}
