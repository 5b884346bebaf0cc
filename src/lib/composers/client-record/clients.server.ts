/**
 * A professional's clients: the people who chose to share with them. Reads check consent and are audited.
 * - `listClientsForProfessional`: everyone the professional may read (`clientGrants`), one row per person, with the
 *   organisation and scopes that count for them (as on the client page), by name.
 * - `openClientRecord`: one client's shared data, only the consented scopes (measurements, toolkit activity, the
 *   health web, the relationship summary, and for a group's leader the group's part: attendance, shared check-ins,
 *   notes, audited as `client.group.read` per group);
 *   every read is written to the audit log in the same transaction, so the person sees it under "wie heeft mijn gegevens bekeken".
 * - `exportClientMeasurements`: the measurement history for a CSV or FHIR export, audited the same way, with the
 *   name the person chose (never their address) and the organisation the access comes through.
 * - `readClientSummary`, `readClientHealthWebs`: one part of the record on its own (the professional API), audited
 *   the same way; neither marks "bespreek dit" entries as read, as opening the whole record does.
 * - `openConversationFacts`: only what the conversation view shows (the newest web and loneliness result).
 * - `clientMeasurement(measurement)`: a stored measurement as the professional sees it (scores, no answers).
 */
import type { Kysely } from 'kysely';
import type { Database } from '$lib/server/db';
import type { SignedInAccount } from '$lib/server/auth/account';
import { requireMembership, withClientAccess } from '$lib/kernel/policy.server';
import { clientGrants } from '$lib/kernel/client-access.server';
import { recordClientRead, recordClientReads } from '$lib/kernel/audit.server';
import { readGroupTimeline, type GroupTimeline } from '$lib/features/groups/participant-facts.server';
import type { ConsentScope } from '$lib/kernel/consent-scopes';
import { readSharedEntries, sharedEntriesScope, type SharedEntries } from '$lib/features/journal/shared-entries.server';
import { getInstrument } from '$lib/features/instruments/instruments';
import { listMeasurementsForAccount, type StoredMeasurement } from '$lib/features/measurements/measurements.server';
import { readRelationshipSummary } from '$lib/features/relationships/relations.server';
import type { ActivitySummary } from './activity-summary';
import { readActivitySummary } from './activity-summary.server';
import type { RelationshipSummary } from '$lib/features/relationships/relationship-summary';
import { localDay } from '$lib/time';
import { readHealthWebs, type SavedHealthWeb } from '$lib/features/health-web/health-webs.server';

export interface ClientSummary {
	grantId: string;
	personId: string;
	/** The name the person chose for this professional, or their e-mail address. */
	name: string;
	organisationName: string;
	scopes: ConsentScope[];
	since: string;
}

export async function listClientsForProfessional(
	db: Kysely<Database>,
	options: { actor: SignedInAccount | null }
): Promise<ClientSummary[]> {
	await requireMembership(db, options.actor, { role: 'professional' });
	const grants = [...(await clientGrants(db, { professionalId: options.actor!.id, withGroups: true })).values()];
	const organisationIds = [...new Set(grants.map((g) => g.organisationId))];
	const organisations =
		organisationIds.length === 0
			? new Map<string, string>()
			: new Map(
					(await db.selectFrom('organisation').select(['id', 'name']).where('id', 'in', organisationIds).execute()).map((o) => [o.id, o.name])
				);
	return grants
		.map((grant) => ({
			grantId: grant.id,
			personId: grant.personId,
			name: grant.personName,
			organisationName: organisations.get(grant.organisationId) ?? '',
			scopes: grant.scopes,
			since: grant.grantedAt
		}))
		.sort((a, b) => a.name.localeCompare(b.name) || a.personId.localeCompare(b.personId));
}

export interface ClientMeasurement {
	id: string;
	instrument: string;
	takenAt: string;
	total: number | null;
	max: number | null;
	band: string | null;
	emotional: number | null;
	social: number | null;
}

export function clientMeasurement(m: StoredMeasurement): ClientMeasurement {
	return {
		id: m.id,
		instrument: m.score.instrument,
		takenAt: m.takenAt.toISOString(),
		total: m.score.total,
		max: getInstrument(m.score.instrument)?.totalRange.max ?? null,
		band: m.score.band,
		emotional: m.score.subscales?.emotional ?? null,
		social: m.score.subscales?.social ?? null
	};
}

export interface ClientRecord {
	personId: string;
	name: string;
	scopes: ConsentScope[];
	since: string;
	/** Colleagues in the organisation see this client too (the person consented to the team). */
	sharedWithTeam: boolean;
	/** Present only when the person shares their measurements. */
	measurements?: ClientMeasurement[];
	/** Entries the person marked "bespreek dit"; each read is audited. */
	shared: SharedEntries;
	/** Counts per circle and contacts per week, never names; present only with the relationship_summary scope. */
	relationships?: RelationshipSummary;
	/** Toolkit use per week and the last active day, counts only; present only with the programme scope. */
	activity?: ActivitySummary;
	/** Every health web, newest first (the timeline lists them, the page compares the newest two); only with the health_web scope. */
	healthWebs?: SavedHealthWeb[];
	/** The reader guides the person (a grant not for a group): notes, ratings and the conversation are theirs to open. */
	guides: boolean;
	/** The groups the reader leads that the person is in: sessions, attendance, shared check-ins, the leaders' notes. */
	groups?: GroupTimeline[];
}

export async function openClientRecord(
	db: Kysely<Database>,
	options: { actor: SignedInAccount | null; personId: string; now?: Date }
): Promise<ClientRecord> {
	// Checked inside the transaction that reads and audits, so a withdrawal is never overtaken by a read.
	return withClientAccess(db, options.actor, { personId: options.personId, withGroups: true }, async (trx, grant, actor) => {
		const audit = (action: 'client.record.read' | 'client.scope.read', object?: ConsentScope) =>
			recordClientRead(trx, { actor, grant, action, object: object ?? grant.scopes.join(','), now: options.now });
		await audit('client.record.read');
		const shared: SharedEntries = grant.scopes.includes(sharedEntriesScope)
			? await readSharedEntries(trx, { reader: actor, personId: grant.personId, organisationId: grant.organisationId, now: options.now })
			: { journal: [], thoughts: [] };
		const record: ClientRecord = {
			personId: grant.personId,
			name: grant.personName,
			scopes: grant.scopes,
			since: grant.grantedAt,
			sharedWithTeam: grant.sharedWithTeam,
			shared,
			guides: grant.guides
		};
		if (grant.scopes.includes('measurements')) {
			await audit('client.scope.read', 'measurements');
			const measurements = await listMeasurementsForAccount(trx, { accountId: grant.personId, instrumentFor: getInstrument });
			record.measurements = measurements.map(clientMeasurement);
		}
		if (grant.scopes.includes('health_web')) {
			await audit('client.scope.read', 'health_web');
			record.healthWebs = await readHealthWebs(trx, { personId: grant.personId });
		}
		if (grant.scopes.includes('programme')) {
			await audit('client.scope.read', 'programme');
			record.activity = await readActivitySummary(trx, { personId: grant.personId, scopes: grant.scopes, today: localDay(options.now) });
		}
		if (grant.scopes.includes('group') && grant.groupIds.length > 0) {
			// One event per group: the person sees which group's leader looked.
			await recordClientReads(trx, grant.groupIds.map((groupId) => ({ actor, grant, action: 'client.group.read' as const, object: groupId, now: options.now })));
			record.groups = await readGroupTimeline(trx, { readerId: actor.id, personId: grant.personId, groupIds: grant.groupIds, today: localDay(options.now) });
		}
		if (grant.scopes.includes('relationship_summary')) {
			await audit('client.scope.read', 'relationship_summary');
			record.relationships = await readRelationshipSummary(trx, { personId: grant.personId, today: localDay(options.now) });
		}
		return record;
	});
}

/**
 * A client's measurement history for an export (CSV or FHIR): needs the measurements scope, and is audited as a read
 * of it (object `measurements`), in the same transaction, like every other read.
 */
export async function exportClientMeasurements(
	db: Kysely<Database>,
	options: { actor: SignedInAccount | null; personId: string; now?: Date }
): Promise<{ personId: string; name: string; chosenName: string | null; organisationId: string; measurements: StoredMeasurement[] }> {
	return withClientAccess(db, options.actor, { personId: options.personId, scope: 'measurements' }, async (trx, grant, actor) => {
		await recordClientRead(trx, { actor, grant, action: 'client.scope.read', object: 'measurements', now: options.now });
		const measurements = await listMeasurementsForAccount(trx, { accountId: grant.personId, instrumentFor: getInstrument });
		// `personName` falls back to the address, which has no place in an exported file: only a chosen name goes out.
		const person = await trx.selectFrom('account').select('email').where('id', '=', grant.personId).executeTakeFirst();
		const chosenName = grant.personName !== person?.email ? grant.personName : null;
		return { personId: grant.personId, name: grant.personName, chosenName, organisationId: grant.organisationId, measurements };
	});
}

export interface ClientRecordSummary {
	personId: string;
	/** The name the person chose for this professional, or their e-mail address. */
	name: string;
	organisationId: string;
	organisationName: string;
	scopes: ConsentScope[];
	since: string;
}

/** Who the client is to the professional and what they share: audited as opening the record (object: the scopes). */
export async function readClientSummary(
	db: Kysely<Database>,
	options: { actor: SignedInAccount | null; personId: string; now?: Date }
): Promise<ClientRecordSummary> {
	return withClientAccess(db, options.actor, { personId: options.personId }, async (trx, grant, actor) => {
		const organisation = await trx.selectFrom('organisation').select('name').where('id', '=', grant.organisationId).executeTakeFirstOrThrow();
		await recordClientRead(trx, { actor, grant, action: 'client.record.read', object: grant.scopes.join(','), now: options.now });
		return {
			personId: grant.personId,
			name: grant.personName,
			organisationId: grant.organisationId,
			organisationName: organisation.name,
			scopes: grant.scopes,
			since: grant.grantedAt
		};
	});
}

/** All of a client's health webs, newest first: needs the health_web scope; audited as a read of it. */
export async function readClientHealthWebs(
	db: Kysely<Database>,
	options: { actor: SignedInAccount | null; personId: string; now?: Date }
): Promise<SavedHealthWeb[]> {
	return withClientAccess(db, options.actor, { personId: options.personId, scope: 'health_web' }, async (trx, grant, actor) => {
		await recordClientRead(trx, { actor, grant, action: 'client.scope.read', object: 'health_web', now: options.now });
		return readHealthWebs(trx, { personId: grant.personId });
	});
}

export interface ConversationFacts {
	personId: string;
	name: string;
	scopes: ConsentScope[];
	/** The newest health web; present only with the health_web scope. */
	web: SavedHealthWeb | null;
	/** The newest De Jong Gierveld result (11 or 6 items); present only with the measurements scope. */
	loneliness: ClientMeasurement | null;
}

/**
 * What the conversation view shows, and nothing more: the newest health web and the newest De Jong Gierveld result,
 * each read (and audited as a read of its scope) only when the client shares it. No "bespreek dit" entries, no
 * other results.
 */
export async function openConversationFacts(
	db: Kysely<Database>,
	options: { actor: SignedInAccount | null; personId: string; now?: Date }
): Promise<ConversationFacts> {
	return withClientAccess(db, options.actor, { personId: options.personId }, async (trx, grant, actor) => {
		const audit = (scope: ConsentScope) => recordClientRead(trx, { actor, grant, action: 'client.scope.read', object: scope, now: options.now });
		let web: SavedHealthWeb | null = null;
		let loneliness: ClientMeasurement | null = null;
		if (grant.scopes.includes('health_web')) {
			await audit('health_web');
			[web = null] = await readHealthWebs(trx, { personId: grant.personId, limit: 1 });
		}
		if (grant.scopes.includes('measurements')) {
			await audit('measurements');
			const [latest] = await listMeasurementsForAccount(trx, { accountId: grant.personId, instrumentFor: getInstrument, instruments: ['djg-11', 'djg-6'], limit: 1 });
			loneliness = latest ? clientMeasurement(latest) : null;
		}
		return { personId: grant.personId, name: grant.personName, scopes: grant.scopes, web, loneliness };
	});
}
