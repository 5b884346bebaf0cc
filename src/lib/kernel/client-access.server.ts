/**
 * The one rule that decides whether a professional may read a person's data, set-based: which of these people, for
 * this scope, and under which grants. A page asks it for one person, the caseload for 200, questionnaire requests
 * for the professional who made them (immich's access repository works the same way).
 * - `clientGrants(db, { professionalId, personIds?, scope?, organisationId? })`: person id → the grants that count.
 * - `reachesActor(actorId)`: "to the actor, to the whole organisation, or to a group the actor leads; never their own
 *   record", as a Kysely condition on consent_grant.
 * A group grant (audience `group`, from joining a group training) is narrower than a guidance grant: it counts only
 *   for a scope it carries, or when the caller asks for every client the actor reaches (`withGroups`: the caseload
 *   and the client page), never for what needs no scope (notes, ratings): a leader is not the person's professional.
 * The professional's own sign-in (role, two-step) is checked by the caller (`requireMembership`); here only current
 * memberships with the professional role count, so someone who left an organisation reaches nobody there.
 */
import type { ExpressionBuilder, Kysely } from 'kysely';
import type { Database } from '$lib/server/db';
import { decrypt, encryptedColumns } from '$lib/server/crypto';
import { parseScopes, type ConsentScope } from './consent-scopes';
import { chooseGrants } from './policy';

export interface ClientGrant {
	/** The grant that names the professional, else the newest one (a team grant). */
	id: string;
	personId: string;
	organisationId: string;
	/** The name the person chose for the professional, or their e-mail address. */
	personName: string;
	/** What the grants in that organisation allow together. */
	scopes: ConsentScope[];
	grantedAt: string;
	/** The person lets the whole organisation in (a team): colleagues see the same. */
	sharedWithTeam: boolean;
	/** A grant that is not for a group counts: the actor guides the person (notes, ratings). */
	guides: boolean;
	/** The groups the actor leads and the person is in through a grant that counts. */
	groupIds: string[];
}

/** A grant lets the actor in when it names them, or names nobody in particular but their whole organisation. */
export function reachesActor(actorId: string) {
	return (eb: ExpressionBuilder<Database, 'consent_grant'>) =>
		eb.and([
			eb.or([
				eb.and([eb('consent_grant.professional_id', '=', actorId), eb('consent_grant.audience', '=', 'professional')]),
				eb('consent_grant.audience', '=', 'organisation'),
				eb.and([
					eb('consent_grant.audience', '=', 'group'),
					eb.exists(
						eb
							.selectFrom('group_leader')
							.select('group_leader.account_id')
							.whereRef('group_leader.group_id', '=', 'consent_grant.group_id')
							.where('group_leader.account_id', '=', actorId)
					)
				])
			]),
			// A professional who is also a client of their own team is never their own professional (notes about them).
			eb('consent_grant.person_id', '!=', actorId)
		]);
}

/**
 * The people among `personIds` (everyone, when not given) whose active consent lets the professional in, with the
 * grants that count (`chooseGrants`: one organisation, scopes added up), and only those whose grants include `scope`
 * when one is given. `organisationId` narrows it to grants in that organisation (a request made there).
 */
export async function clientGrants(
	db: Kysely<Database>,
	options: { professionalId: string; personIds?: readonly string[]; scope?: ConsentScope; organisationId?: string; withGroups?: boolean }
): Promise<Map<string, ClientGrant>> {
	const found = new Map<string, ClientGrant>();
	if (options.personIds && options.personIds.length === 0) return found;
	let query = db
		.selectFrom('consent_grant')
		.innerJoin('account as person', 'person.id', 'consent_grant.person_id')
		.innerJoin('membership', (join) =>
			join
				.onRef('membership.organisation_id', '=', 'consent_grant.organisation_id')
				.on('membership.account_id', '=', options.professionalId)
				.on('membership.role', '=', 'professional')
		)
		.select([
			'consent_grant.id',
			'consent_grant.person_id',
			'consent_grant.person_name',
			'person.email',
			'consent_grant.professional_id',
			'consent_grant.organisation_id',
			'consent_grant.audience',
			'consent_grant.scopes',
			'consent_grant.granted_at',
			'consent_grant.group_id'
		])
		.where(reachesActor(options.professionalId))
		.where('consent_grant.ended_at', 'is', null);
	if (options.personIds) query = query.where('consent_grant.person_id', 'in', [...options.personIds]);
	if (options.organisationId) query = query.where('consent_grant.organisation_id', '=', options.organisationId);
	const rows = await query.orderBy('consent_grant.granted_at').execute();
	const byPerson = new Map<string, typeof rows>();
	for (const row of rows) byPerson.set(row.person_id, [...(byPerson.get(row.person_id) ?? []), row]);
	for (const [personId, all] of byPerson) {
		// A group grant counts for what it carries, or where every reach is asked for; never for what needs no scope.
		const theirs = all.filter(
			(row) => row.audience !== 'group' || options.withGroups || (options.scope !== undefined && scopesOf(row).includes(options.scope))
		);
		const chosen = chooseGrants(
			theirs.map((row) => ({
				professionalId: row.professional_id,
				organisationId: row.organisation_id,
				grantedAt: row.granted_at,
				scopes: scopesOf(row),
				row
			})),
			options.professionalId
		);
		if (!chosen || (options.scope && !chosen.scopes.includes(options.scope))) continue;
		const own = chosen.own.row;
		found.set(personId, {
			id: own.id,
			personId,
			organisationId: chosen.organisationId,
			// A person may leave the name empty: pages then name them by their address, never by nothing.
			personName: decrypt(own.person_name, encryptedColumns.consentPersonName.context(own.id)) || own.email,
			scopes: chosen.scopes,
			grantedAt: own.granted_at,
			sharedWithTeam: chosen.grants.some((grant) => grant.row.audience === 'organisation'),
			guides: chosen.grants.some((grant) => grant.row.audience !== 'group'),
			groupIds: chosen.grants.flatMap((grant) => (grant.row.audience === 'group' && grant.row.group_id ? [grant.row.group_id] : []))
		});
	}
	return found;
}

function scopesOf(row: { scopes: string }): ConsentScope[] {
	return parseScopes(JSON.parse(row.scopes) as unknown[]);
}
