/**
 * Self-sufficiency ratings: a professional's observed rating of a client's 13 domains, made in conversation. It
 * belongs to the organisation and the client: the professional needs an active grant from the client (any scope),
 * and sees the ratings of their own organisation. Notes are encrypted at rest.
 * - `rateSelfSufficiency`: stores one rating; throws `RepeatedSaveError` (nothing stored) when the organisation saved
 *   the same rating of the client less than a minute before (a second click).
 * - `listRatings`: the client's ratings in the professional's organisation, newest first, with who rated.
 * - `ratingsAboutPerson`: all ratings about a person, for their own data export.
 */
import type { Kysely } from 'kysely';
import type { Database } from '$lib/server/db';
import type { SelfSufficiencyRatingTable } from '$lib/server/db/schema';
import { decryptOptional, encryptOptional, encryptedColumns } from '$lib/server/crypto';
import type { SignedInAccount } from '$lib/server/auth/account';
import { withClientAccess } from '$lib/kernel/policy.server';
import { recordClientRead } from '$lib/kernel/audit.server';
import { RepeatedSaveError, queueSavesFor, repeatWindowStart } from '$lib/kernel/repeat-guard.server';
import { sameRating, selfSufficiencyDomains, selfSufficiencyLevels, strengthSources, type SelfSufficiencyRating } from './domains';

export interface StoredRating {
	id: string;
	ratedAt: string;
	professionalName: string | null;
	domains: SelfSufficiencyRating;
}

const { ratingNotes } = encryptedColumns;

function parseObject(text: string | null): Record<string, unknown> {
	if (!text) return {};
	try {
		const value: unknown = JSON.parse(text);
		return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
	} catch {
		return {};
	}
}

function openRating(row: SelfSufficiencyRatingTable & { professional_name?: string | null }): StoredRating {
	const levels = parseObject(row.levels);
	const notes = parseObject(decryptOptional(row.notes, ratingNotes.context(row.id)));
	const domains: SelfSufficiencyRating = {};
	for (const domain of selfSufficiencyDomains) {
		const stored = levels[domain] as { level?: unknown; source?: unknown } | undefined;
		const note = typeof notes[domain] === 'string' ? (notes[domain] as string) : null;
		const level = selfSufficiencyLevels.find((l) => l === stored?.level) ?? null;
		const source = strengthSources.find((s) => s === stored?.source) ?? null;
		if (level !== null || note !== null) domains[domain] = { level, source, note };
	}
	return { id: row.id, ratedAt: row.rated_at, professionalName: row.professional_name ?? null, domains };
}

export async function rateSelfSufficiency(
	db: Kysely<Database>,
	options: { actor: SignedInAccount | null; personId: string; rating: SelfSufficiencyRating; now?: Date }
): Promise<StoredRating> {
	// Queued behind a consent change of the person, like every read and write about them.
	return withClientAccess(db, options.actor, { personId: options.personId }, (trx, grant) => insertRating(trx, grant, options));
}

async function insertRating(
	db: Kysely<Database>,
	grant: { organisationId: string; personId: string },
	options: { actor: SignedInAccount | null; rating: SelfSufficiencyRating; now?: Date }
): Promise<StoredRating> {
	const now = options.now ?? new Date();
	// The check and the insert in one queue per client: two quick clicks store one rating.
	await queueSavesFor(db, `self_sufficiency_rating:${grant.organisationId}:${grant.personId}`);
	const recent = await db
		.selectFrom('self_sufficiency_rating')
		.selectAll()
		.where('person_id', '=', grant.personId)
		.where('organisation_id', '=', grant.organisationId)
		.where('rated_at', '>=', repeatWindowStart(now))
		.where('rated_at', '<=', now.toISOString())
		.execute();
	if (recent.some((row) => sameRating(openRating(row).domains, options.rating))) throw new RepeatedSaveError();
	const id = crypto.randomUUID();
	const levels: Record<string, { level: number | null; source: string | null }> = {};
	const notes: Record<string, string> = {};
	for (const [domain, rated] of Object.entries(options.rating)) {
		if (!rated) continue;
		levels[domain] = { level: rated.level, source: rated.source };
		if (rated.note) notes[domain] = rated.note;
	}
	const row: SelfSufficiencyRatingTable = {
		id,
		organisation_id: grant.organisationId,
		person_id: grant.personId,
		professional_id: options.actor!.id,
		levels: JSON.stringify(levels),
		notes: encryptOptional(Object.keys(notes).length > 0 ? JSON.stringify(notes) : null, ratingNotes.context(id)),
		rated_at: now.toISOString()
	};
	await db.insertInto('self_sufficiency_rating').values(row).execute();
	// With who rated, as the list shows it (the actor's own name: no read of anything about the client).
	const rater = await db.selectFrom('account').select('name').where('id', '=', options.actor!.id).executeTakeFirst();
	return openRating({ ...row, professional_name: rater?.name ?? null });
}

/** The organisation's ratings of the client, newest first; an audited read (the notes are about the client). */
export async function listRatings(
	db: Kysely<Database>,
	options: { actor: SignedInAccount | null; personId: string; now?: Date }
): Promise<StoredRating[]> {
	return withClientAccess(db, options.actor, { personId: options.personId }, async (trx, grant, actor) => {
		const ratings = await ratingRows(trx, grant.personId, grant.organisationId);
		await recordClientRead(trx, { actor, grant, action: 'client.ratings.read', object: 'list', now: options.now });
		return ratings;
	});
}

export async function ratingsAboutPerson(db: Kysely<Database>, options: { personId: string }): Promise<StoredRating[]> {
	return ratingRows(db, options.personId, null);
}

async function ratingRows(db: Kysely<Database>, personId: string, organisationId: string | null): Promise<StoredRating[]> {
	let query = db
		.selectFrom('self_sufficiency_rating')
		.leftJoin('account as professional', 'professional.id', 'self_sufficiency_rating.professional_id')
		.selectAll('self_sufficiency_rating')
		.select('professional.name as professional_name')
		.where('self_sufficiency_rating.person_id', '=', personId);
	if (organisationId !== null) query = query.where('self_sufficiency_rating.organisation_id', '=', organisationId);
	const rows = await query.orderBy('self_sufficiency_rating.rated_at', 'desc').orderBy('self_sufficiency_rating.id').limit(200).execute();
	return rows.map(openRating);
}
