/**
 * A professional's caseload: every client who shares with them, with what the signals need, gathered in a few
 * queries for the whole caseload (fast with 200 clients), then sorted, filtered and paged by the pure rules in
 * caseload-list.ts. Only what each client shares is read: measurements with `measurements`, activity with
 * `programme`, health webs with `health_web`; "bespreek dit" items with any grant (see decision 010). Each client
 * shown on the page gets a `client.caseload.read` audit event, in the same transaction as the reads.
 * - `openCaseload({ actor, today, filter, page })`: one page of the caseload, and the counts for the pager.
 */
import type { Kysely } from 'kysely';
import type { Database } from '$lib/server/db';
import type { SignedInAccount } from '$lib/server/auth/account';
import { chooseGrants } from '$lib/kernel/policy';
import { reachesActor, reachingGrant, requireMembership } from '$lib/kernel/policy.server';
import { parseScopes, type ConsentScope } from '$lib/kernel/consent-scopes';
import type { HealthWebScores } from '$lib/features/health-web/health-web';
import { storedScores } from '$lib/features/health-web/health-webs.server';
import type { InstrumentId, LonelinessBand } from '$lib/features/instruments/instruments';
import { localDay } from '$lib/time';
import { caseloadRow, compareCaseloadRows, matchesCaseloadFilter, type CaseloadFilter, type CaseloadRow } from './caseload-list';
import type { CaseloadFacts, MeasurementFact } from './signals';

export const caseloadPageSize = 50;

export interface CaseloadEntry extends CaseloadRow {
	scopes: ConsentScope[];
	since: string;
	/** Open questionnaire requests of this professional for the client. */
	openRequests: number;
}

export interface CaseloadPage {
	entries: CaseloadEntry[];
	/** Clients after filtering, and in the whole caseload. */
	matching: number;
	total: number;
	page: number;
	pages: number;
}

type Trx = Kysely<Database>;

async function measurementsOf(db: Trx, personIds: string[]): Promise<Map<string, MeasurementFact[]>> {
	const byPerson = new Map<string, MeasurementFact[]>();
	if (personIds.length === 0) return byPerson;
	const rows = await db
		.selectFrom('measurement')
		.select(['account_id', 'instrument_id', 'taken_at', 'total', 'band'])
		.where('account_id', 'in', personIds)
		.where('instrument_id', 'in', ['djg-11', 'djg-6', 'ucla-3'])
		.execute();
	for (const row of rows) {
		const list = byPerson.get(row.account_id!) ?? [];
		list.push({ instrument: row.instrument_id as InstrumentId, takenAt: row.taken_at, total: row.total, band: row.band as LonelinessBand | null });
		byPerson.set(row.account_id!, list);
	}
	return byPerson;
}

/**
 * The last local day each person did anything in brug that they share: the toolkit (the `programme` scope, which
 * the caller requires), and measurements, health webs and contacts only with those scopes too. The client page's
 * activity summary uses it as well.
 */
export async function lastActivityOf(db: Trx, people: readonly { personId: string; scopes: readonly ConsentScope[] }[]): Promise<Map<string, string>> {
	const last = new Map<string, string>();
	const note = (personId: string | null, day: string | null) => {
		if (personId && day && day > (last.get(personId) ?? '')) last.set(personId, day);
	};
	const all = people.map((p) => p.personId);
	const sharing = (scope: ConsentScope) => people.filter((p) => p.scopes.includes(scope)).map((p) => p.personId);
	const lastDay = (table: 'journal_entry' | 'thought_record' | 'kind_moment' | 'exercise_done' | 'contact_moment', ids: string[]) =>
		ids.length === 0
			? Promise.resolve([])
			: db.selectFrom(table).select(['account_id', (eb) => eb.fn.max('day').as('last')]).where('account_id', 'in', ids).groupBy('account_id').execute();
	const lastInstant = (table: 'measurement' | 'health_web', ids: string[]) =>
		ids.length === 0
			? Promise.resolve([])
			: db.selectFrom(table).select(['account_id', (eb) => eb.fn.max('taken_at').as('last')]).where('account_id', 'in', ids).groupBy('account_id').execute();
	const [days, instants, steps] = await Promise.all([
		Promise.all([
			...(['journal_entry', 'thought_record', 'kind_moment', 'exercise_done'] as const).map((table) => lastDay(table, all)),
			lastDay('contact_moment', sharing('relationship_summary'))
		]),
		Promise.all([lastInstant('measurement', sharing('measurements')), lastInstant('health_web', sharing('health_web'))]),
		all.length === 0
			? Promise.resolve([])
			: db.selectFrom('step_plan').select(['account_id', (eb) => eb.fn.max('done_at').as('last')]).where('account_id', 'in', all).groupBy('account_id').execute()
	]);
	for (const rows of days) for (const row of rows) note(row.account_id, row.last === null ? null : String(row.last));
	// Instants become the local day they fall on.
	for (const row of [...instants.flat(), ...steps]) note(row.account_id, row.last ? localDay(new Date(String(row.last))) : null);
	return last;
}

async function websOf(db: Trx, personIds: string[]): Promise<Map<string, HealthWebScores[]>> {
	const byPerson = new Map<string, HealthWebScores[]>();
	if (personIds.length === 0) return byPerson;
	const rows = await db.selectFrom('health_web').select(['account_id', 'scores']).where('account_id', 'in', personIds).orderBy('taken_at', 'desc').execute();
	for (const row of rows) {
		const list = byPerson.get(row.account_id) ?? [];
		if (list.length >= 2) continue;
		list.push(storedScores(row.scores));
		byPerson.set(row.account_id, list);
	}
	return byPerson;
}

/** Marked "bespreek dit" entries this professional has not opened yet (no read of theirs in the audit log). */
async function unreadSharedOf(db: Trx, readerId: string, personIds: string[]): Promise<Map<string, number>> {
	const counts = new Map<string, number>();
	if (personIds.length === 0) return counts;
	for (const table of ['journal_entry', 'thought_record'] as const) {
		const rows = await db
			.selectFrom(table)
			.select(['account_id', (eb) => eb.fn.countAll<number>().as('n')])
			.where('account_id', 'in', personIds)
			.where('discuss', '=', 1)
			.where(({ not, exists, selectFrom }) =>
				not(
					exists(
						selectFrom('audit_event')
							.select('audit_event.id')
							.where('audit_event.actor_id', '=', readerId)
							.where('audit_event.action', '=', 'client.shared_entry.read')
							.whereRef('audit_event.object', '=', `${table}.id`)
					)
				)
			)
			.groupBy('account_id')
			.execute();
		for (const row of rows) counts.set(row.account_id, (counts.get(row.account_id) ?? 0) + Number(row.n));
	}
	return counts;
}

export async function openCaseload(
	db: Kysely<Database>,
	options: { actor: SignedInAccount | null; today?: string; filter?: CaseloadFilter; page?: number; now?: Date }
): Promise<CaseloadPage> {
	const memberships = await requireMembership(db, options.actor, { role: 'professional' });
	const actorId = options.actor!.id;
	const now = options.now ?? new Date();
	const today = options.today ?? localDay(now);
	return db.transaction().execute(async (trx) => {
		const grants = await trx
			.selectFrom('consent_grant')
			.innerJoin('account as person', 'person.id', 'consent_grant.person_id')
			.select([
				'consent_grant.person_id',
				'consent_grant.person_name',
				'person.email',
				'consent_grant.professional_id',
				'consent_grant.organisation_id',
				'consent_grant.scopes',
				'consent_grant.granted_at'
			])
			.where(reachesActor(actorId))
			.where('consent_grant.ended_at', 'is', null)
			.where('consent_grant.organisation_id', 'in', memberships.map((m) => m.organisationId))
			.orderBy('consent_grant.granted_at')
			.execute();
		// One row per person, with the grants the client page counts too (chooseGrants: one organisation).
		const grantsByPerson = new Map<string, typeof grants>();
		for (const grant of grants) grantsByPerson.set(grant.person_id, [...(grantsByPerson.get(grant.person_id) ?? []), grant]);
		const clients = [...grantsByPerson.values()].map((theirs) => {
			const chosen = chooseGrants(theirs.map(reachingGrant), actorId)!;
			const own = chosen.own.row;
			return {
				person_id: own.person_id,
				person_name: own.person_name || own.email,
				organisation_id: chosen.organisationId,
				scopes: chosen.scopes,
				granted_at: own.granted_at
			};
		});
		const sharing = (scope: ConsentScope) => clients.filter((c) => c.scopes.includes(scope)).map((c) => c.person_id);
		const everyone = clients.map((c) => c.person_id);
		const [measurements, activity, webs, unread, requests] = await Promise.all([
			measurementsOf(trx, sharing('measurements')),
			lastActivityOf(
				trx,
				clients.filter((c) => c.scopes.includes('programme')).map((c) => ({ personId: c.person_id, scopes: c.scopes }))
			),
			websOf(trx, sharing('health_web')),
			unreadSharedOf(trx, actorId, everyone),
			everyone.length === 0
				? Promise.resolve([])
				: trx
						.selectFrom('measurement_request')
						.select(['person_id', (eb) => eb.fn.countAll<number>().as('n')])
						.where('professional_id', '=', actorId)
						.where('ended_at', 'is', null)
						.where('person_id', 'in', everyone)
						.groupBy('person_id')
						.execute()
		]);
		const openRequests = new Map(requests.map((r) => [r.person_id, Number(r.n)]));
		const rows: CaseloadEntry[] = clients.map((client) => {
			const [latestWeb, previousWeb] = webs.get(client.person_id) ?? [];
			const facts: CaseloadFacts = {
				personId: client.person_id,
				name: client.person_name,
				measurements: measurements.get(client.person_id) ?? [],
				lastActivityDay: activity.get(client.person_id) ?? null,
				everActive: activity.has(client.person_id),
				latestWeb: latestWeb ?? null,
				previousWeb: previousWeb ?? null,
				unreadSharedCount: unread.get(client.person_id) ?? 0
			};
			return { ...caseloadRow(facts, today), scopes: client.scopes, since: client.granted_at, openRequests: openRequests.get(client.person_id) ?? 0 };
		});
		const matching = rows.filter((row) => matchesCaseloadFilter(row, options.filter ?? {})).sort(compareCaseloadRows);
		const pages = Math.max(1, Math.ceil(matching.length / caseloadPageSize));
		const page = Math.min(Math.max(1, Math.floor(options.page ?? 1)), pages);
		const entries = matching.slice((page - 1) * caseloadPageSize, page * caseloadPageSize);
		// What is on the page was read: one event per client, naming the scopes read (none: their name and signals).
		if (entries.length > 0) {
			await trx
				.insertInto('audit_event')
				.values(
					entries.map((entry) => ({
						id: crypto.randomUUID(),
						at: now.toISOString(),
						actor_id: actorId,
						organisation_id: clients.find((c) => c.person_id === entry.facts.personId)!.organisation_id,
						subject_id: entry.facts.personId,
						action: 'client.caseload.read',
						object: entry.scopes.filter((s) => s !== 'relationship_summary').join(',')
					}))
				)
				.execute();
		}
		return { entries, matching: matching.length, total: rows.length, page, pages };
	});
}
