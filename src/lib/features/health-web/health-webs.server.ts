/**
 * A person's health webs: filled in by the person, kept in their account, and seen by a linked professional only
 * with the `health_web` scope (read through `openClientRecord`, which audits it).
 * - `saveHealthWeb`, `deleteHealthWeb`, `listHealthWebs` (own, newest first). `saveHealthWeb` throws
 *   `RepeatedSaveError` (nothing stored) when the person saved the same web less than a minute before.
 * - `storedScores(text)`: the stored scores, checked and clamped.
 * - `readHealthWebs`: the newest webs of a person, for `openClientRecord` (no actor: the caller checked consent).
 */
import type { Kysely } from 'kysely';
import type { Database } from '$lib/server/db';
import type { HealthWebTable } from '$lib/server/db/schema';
import type { SignedInAccount } from '$lib/server/auth/account';
import { requireSignedIn } from '$lib/kernel/policy.server';
import { RepeatedSaveError, queueSavesFor, repeatWindowStart } from '$lib/kernel/repeat-guard.server';
import { healthWebDimensions, healthWebScoreMax, healthWebScoreMin, sameWeb, type HealthWeb, type HealthWebDimension, type HealthWebScores } from './health-web';

export interface SavedHealthWeb extends HealthWeb {
	id: string;
	takenAt: string;
}

function parseJson(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		return null;
	}
}

function objectOrEmpty(value: unknown): Record<string, unknown> {
	return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/**
 * The `scores` column as six whole numbers 0–10, whatever it holds: a web is never drawn with a hole or a value out
 * of range. Also read by the caseload, which fetches only this column.
 */
export function storedScores(text: string): HealthWebScores {
	const stored = objectOrEmpty(parseJson(text));
	return Object.fromEntries(
		healthWebDimensions.map((dimension) => {
			const value = Number(stored[dimension]);
			return [dimension, Number.isInteger(value) ? Math.min(healthWebScoreMax, Math.max(healthWebScoreMin, value)) : healthWebScoreMin];
		})
	) as HealthWebScores;
}

/** Stored values are checked again on the way out. */
function openHealthWeb(row: HealthWebTable): SavedHealthWeb {
	const parsedMarks = parseJson(row.discuss);
	const marked: unknown[] = Array.isArray(parsedMarks) ? parsedMarks : [];
	const scores = storedScores(row.scores);
	const discuss = healthWebDimensions.filter((dimension) => marked.includes(dimension)) as HealthWebDimension[];
	return { id: row.id, takenAt: row.taken_at, scores, discuss };
}

export async function saveHealthWeb(
	db: Kysely<Database>,
	options: { actor: SignedInAccount | null; web: HealthWeb; now?: Date }
): Promise<SavedHealthWeb> {
	const account = requireSignedIn(options.actor);
	const now = options.now ?? new Date();
	return db.transaction().execute(async (trx) => {
		// The check and the insert in one queue per person: two quick clicks store one web.
		await queueSavesFor(trx, `health_web:${account.id}`);
		const recent = await trx
			.selectFrom('health_web')
			.selectAll()
			.where('account_id', '=', account.id)
			.where('taken_at', '>=', repeatWindowStart(now))
			.where('taken_at', '<=', now.toISOString())
			.execute();
		if (recent.some((row) => sameWeb(openHealthWeb(row), options.web))) throw new RepeatedSaveError();
		const row: HealthWebTable = {
			id: crypto.randomUUID(),
			account_id: account.id,
			scores: JSON.stringify(options.web.scores),
			discuss: JSON.stringify(options.web.discuss),
			taken_at: now.toISOString()
		};
		await trx.insertInto('health_web').values(row).execute();
		return openHealthWeb(row);
	});
}

export async function deleteHealthWeb(db: Kysely<Database>, options: { actor: SignedInAccount | null; id: string }): Promise<boolean> {
	const account = requireSignedIn(options.actor);
	const result = await db.deleteFrom('health_web').where('id', '=', options.id).where('account_id', '=', account.id).executeTakeFirst();
	return Number(result.numDeletedRows) > 0;
}

export async function listHealthWebs(db: Kysely<Database>, options: { actor: SignedInAccount | null; limit?: number }): Promise<SavedHealthWeb[]> {
	const account = requireSignedIn(options.actor);
	return readHealthWebs(db, { personId: account.id, limit: options.limit });
}

export async function readHealthWebs(db: Kysely<Database>, options: { personId: string; limit?: number }): Promise<SavedHealthWeb[]> {
	const rows = await db
		.selectFrom('health_web')
		.selectAll()
		.where('account_id', '=', options.personId)
		.orderBy('taken_at', 'desc')
		.orderBy('id')
		.limit(options.limit ?? 100)
		.execute();
	return rows.map(openHealthWeb);
}
