/**
 * A professional's caseload: every client who shares with them, with what the signals need, gathered in a few
 * queries for the whole caseload (fast with 200 clients), then sorted, filtered and paged by the pure rules in
 * caseload-list.ts. Only what each client shares is read: measurements with `measurements`, activity and the
 * programme's drop-out facts with `programme`, health webs with `health_web`, "bespreek dit" items with the
 * toolkit's scope: every feature's set-based `readForClients` for the people who share its scope, and
 * `lastActiveDays` for the last active day. Each client shown on the page gets a `client.caseload.read` audit event,
 * and one `client.group.read` per group of the reader they are in (attendance and signals), in the same transaction
 * as the reads. A leader reaches a participant only through the group grant: the group part, nothing else.
 * - `openCaseload({ actor, today, filter, sort, page })`: one page of the caseload, the counts for the pager, and how
 *   many clients have each signal.
 * The signal counts are no read of a client: they name nobody, and come from the same reads that sorting and
 * filtering already need for the whole caseload. So, as with sorting and filtering, only the clients shown get an
 * event; a click on a count shows (and so audits) the clients it counted.
 */
import type { Kysely } from 'kysely';
import type { Database } from '$lib/server/db';
import type { SignedInAccount } from '$lib/server/auth/account';
import { requireMembership } from '$lib/kernel/policy.server';
import { clientGrants } from '$lib/kernel/client-access.server';
import { recordClientReads } from '$lib/kernel/audit.server';
import type { ConsentScope } from '$lib/kernel/consent-scopes';
import { localDay } from '$lib/time';
import { personDataFeatures, type ClientFactsByFeature } from '$lib/composers/person-data-features';
import { lastActiveDays } from '$lib/composers/last-active.server';
import { caseloadRow, matchesCaseloadFilter, type CaseloadFilter } from './caseload-list';
import { countSignals, defaultSort, sortCaseloadRows, type CaseloadSort, type SortableRow } from './caseload-triage';
import type { CaseloadFacts, CaseloadSignalId } from './signals';

export const caseloadPageSize = 50;

export interface CaseloadEntry extends SortableRow {
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
	sort: CaseloadSort;
	/**
	 * Per signal, how many clients have it among those that pass the filter's name and band (not its signal, so
	 * each count is what a click on it finds).
	 */
	counts: Record<CaseloadSignalId, number>;
}

/**
 * Every feature's set-based read for the clients who share its scope, gathered per person and keyed by the
 * feature's name.
 */
async function clientFacts(
	db: Kysely<Database>,
	options: { readerId: string; today: string; clients: readonly { personId: string; scopes: readonly ConsentScope[] }[] }
): Promise<Map<string, ClientFactsByFeature>> {
	const facts = new Map<string, Record<string, unknown>>(options.clients.map((c) => [c.personId, {}]));
	await Promise.all(
		personDataFeatures.map(async (feature) => {
			const { scope } = feature;
			// A feature without a scope is never read for a professional.
			if (scope === null || !feature.readForClients) return;
			const personIds = options.clients.filter((c) => c.scopes.includes(scope)).map((c) => c.personId);
			if (personIds.length === 0) return;
			const found = await feature.readForClients(db, { readerId: options.readerId, personIds, today: options.today });
			for (const [personId, value] of found) facts.get(personId)![feature.name] = value;
		})
	);
	return facts as Map<string, ClientFactsByFeature>;
}

export async function openCaseload(
	db: Kysely<Database>,
	options: { actor: SignedInAccount | null; today?: string; filter?: CaseloadFilter; sort?: CaseloadSort; page?: number; now?: Date }
): Promise<CaseloadPage> {
	await requireMembership(db, options.actor, { role: 'professional' });
	const actorId = options.actor!.id;
	const now = options.now ?? new Date();
	const today = options.today ?? localDay(now);
	return db.transaction().execute(async (trx) => {
		const grants = await clientGrants(trx, { professionalId: actorId, withGroups: true });
		const clients = [...grants.values()];
		const everyone = clients.map((c) => c.personId);
		const [facts, activity, requests] = await Promise.all([
			clientFacts(trx, { readerId: actorId, today, clients }),
			lastActiveDays(trx, clients.filter((c) => c.scopes.includes('programme'))),
			everyone.length === 0
				? Promise.resolve([])
				: trx
						.selectFrom('measurement_request')
						.select(['person_id', (eb) => eb.fn.countAll<number>().as('n')])
						.where('professional_id', '=', actorId)
						.where('ended_at', 'is', null)
						// A group's request is the person's own task: whether they filled it in is not the leader's to see.
						.where('group_session_id', 'is', null)
						.where('person_id', 'in', everyone)
						.groupBy('person_id')
						.execute()
		]);
		const openRequests = new Map(requests.map((r) => [r.person_id, Number(r.n)]));
		const rows: CaseloadEntry[] = clients.map((client) => {
			const theirs = facts.get(client.personId) ?? {};
			const [latestWeb, previousWeb] = theirs['health-web'] ?? [];
			const caseloadFacts: CaseloadFacts = {
				personId: client.personId,
				name: client.personName,
				measurements: theirs.measurements ?? [],
				lastActivityDay: activity.get(client.personId) ?? null,
				everActive: activity.has(client.personId),
				latestWeb: latestWeb ?? null,
				previousWeb: previousWeb ?? null,
				unreadSharedCount: theirs.journal?.unreadShared ?? 0,
				programme: theirs.programme ?? null,
				groups: theirs.groups ?? null
			};
			return {
				...caseloadRow(caseloadFacts, today),
				activityShared: client.scopes.includes('programme'),
				scopes: client.scopes,
				since: client.grantedAt,
				openRequests: openRequests.get(client.personId) ?? 0
			};
		});
		const { signal, ...nameAndBand } = options.filter ?? {};
		const candidates = rows.filter((row) => matchesCaseloadFilter(row, nameAndBand));
		const sort = options.sort ?? defaultSort;
		const matching = sortCaseloadRows(
			candidates.filter((row) => matchesCaseloadFilter(row, { signal })),
			sort
		);
		const pages = Math.max(1, Math.ceil(matching.length / caseloadPageSize));
		const page = Math.min(Math.max(1, Math.floor(options.page ?? 1)), pages);
		const entries = matching.slice((page - 1) * caseloadPageSize, page * caseloadPageSize);
		// What is on the page was read: one event per client, naming the scopes read (none: their name and signals).
		await recordClientReads(
			trx,
			entries.flatMap((entry) => {
				const grant = grants.get(entry.facts.personId)!;
				return [
					{ actor: options.actor!, grant, action: 'client.caseload.read' as const, object: entry.scopes.filter((s) => s !== 'relationship_summary').join(','), now },
					// Attendance and signals of a group are a read of that group's data: one event per group shown.
					...(entry.facts.groups ?? []).map((group) => ({ actor: options.actor!, grant, action: 'client.group.read' as const, object: group.groupId, now }))
				];
			})
		);
		return { entries, matching: matching.length, total: rows.length, page, pages, sort, counts: countSignals(candidates) };
	});
}
