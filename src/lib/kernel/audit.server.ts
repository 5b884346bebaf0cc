/**
 * Writing the audit log: append-only, in the same transaction as the read or change it records. Every audit write in
 * brug goes through here.
 * - `recordAuditEvent`: one event (who, about whom, what, when).
 * - `recordClientRead`, `recordClientReads`: a professional's read of a client's data (one, or a list of them), named
 *   in the client's access log.
 */
import type { Kysely } from 'kysely';
import type { Database } from '$lib/server/db';
import type { SignedInAccount } from '$lib/server/auth/account';
import type { AuditAction } from './audit-actions';

export interface AuditEventInput {
	actorId: string | null;
	organisationId?: string | null;
	subjectId?: string | null;
	action: AuditAction;
	object?: string | null;
	now?: Date;
}

export async function recordAuditEvent(db: Kysely<Database>, event: AuditEventInput): Promise<void> {
	await db
		.insertInto('audit_event')
		.values({
			id: crypto.randomUUID(),
			at: (event.now ?? new Date()).toISOString(),
			actor_id: event.actorId,
			organisation_id: event.organisationId ?? null,
			subject_id: event.subjectId ?? null,
			action: event.action,
			object: event.object ?? null
		})
		.execute();
}

/** A professional's read of a client's data, named in the client's access log (object: what was read). */
export function recordClientRead(
	db: Kysely<Database>,
	read: { actor: SignedInAccount; grant: { organisationId: string; personId: string }; action: AuditAction; object: string; now?: Date }
): Promise<void> {
	return recordAuditEvent(db, {
		actorId: read.actor.id,
		organisationId: read.grant.organisationId,
		subjectId: read.grant.personId,
		action: read.action,
		object: read.object,
		now: read.now
	});
}

/** Many reads at once (a list of clients), one event each, in one statement. */
export async function recordClientReads(
	db: Kysely<Database>,
	reads: readonly { actor: SignedInAccount; grant: { organisationId: string; personId: string }; action: AuditAction; object: string; now?: Date }[]
): Promise<void> {
	if (reads.length === 0) return;
	await db
		.insertInto('audit_event')
		.values(
			reads.map((read) => ({
				id: crypto.randomUUID(),
				at: (read.now ?? new Date()).toISOString(),
				actor_id: read.actor.id,
				organisation_id: read.grant.organisationId,
				subject_id: read.grant.personId,
				action: read.action,
				object: read.object
			}))
		)
		.execute();
}
