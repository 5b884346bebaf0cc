/**
 * Measurements: one completed instrument, stored only when the person chooses so.
 * - `saveAnonymousMeasurement`: scores answers again on the server and stores them with a new 128-bit token.
 * - `saveMeasurementForAccount`: a signed-in person's own measurement, straight into their history.
 * - `findMeasurementByToken`: the stored result behind a personal link, or undefined.
 * - `deleteMeasurementByToken`: removes it for good; true when something was deleted.
 * - `claimMeasurement`: moves a saved anonymous result into the signed-in person's account (the link stops working).
 * - `listMeasurementsForAccount`: a person's own results, newest first; `getMeasurementForAccount`: one of them.
 */
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '$lib/server/db';
import {
	scoreInstrument,
	type Answers,
	type InstrumentDefinition,
	type InstrumentScore
} from '$lib/features/instruments/instruments';
import { hashResultToken, isWellFormedResultToken, scoringVersion } from './measurements';

export interface StoredMeasurement {
	id: string;
	score: InstrumentScore;
	answers: Answers;
	takenAt: Date;
}

/** Scores the answers again and stores them, owned by an account or reachable only by a token's hash. */
async function insertMeasurement(
	db: Kysely<Database>,
	options: { instrument: InstrumentDefinition; answers: Answers; now?: Date; owner: { accountId: string } | { tokenHash: string } }
): Promise<StoredMeasurement> {
	const score = scoreInstrument(options.instrument, options.answers);
	const takenAt = options.now ?? new Date();
	const id = crypto.randomUUID();
	await db
		.insertInto('measurement')
		.values({
			id,
			instrument_id: score.instrument,
			instrument_version: score.version,
			scoring_version: scoringVersion,
			answers: JSON.stringify(options.answers),
			total: score.total,
			emotional: score.subscales?.emotional ?? null,
			social: score.subscales?.social ?? null,
			band: score.band,
			taken_at: takenAt.toISOString(),
			account_id: 'accountId' in options.owner ? options.owner.accountId : null,
			access_token_hash: 'tokenHash' in options.owner ? options.owner.tokenHash : null
		})
		.execute();
	return { id, score, answers: options.answers, takenAt };
}

export async function saveAnonymousMeasurement(
	db: Kysely<Database>,
	options: { instrument: InstrumentDefinition; answers: Answers; now?: Date }
): Promise<{ token: string; measurement: StoredMeasurement }> {
	const token = createResultToken();
	return { token, measurement: await insertMeasurement(db, { ...options, owner: { tokenHash: hashResultToken(token) } }) };
}

/** A measurement a signed-in person fills in for themselves (e.g. asked by their professional): in their history. */
export async function saveMeasurementForAccount(
	db: Kysely<Database>,
	options: { accountId: string; instrument: InstrumentDefinition; answers: Answers; now?: Date }
): Promise<StoredMeasurement> {
	return insertMeasurement(db, { ...options, owner: { accountId: options.accountId } });
}

export async function findMeasurementByToken(
	db: Kysely<Database>,
	options: { token: string; instrumentFor: (id: string) => InstrumentDefinition | undefined }
): Promise<StoredMeasurement | undefined> {
	if (!isWellFormedResultToken(options.token)) return undefined;
	const row = await db
		.selectFrom('measurement')
		.selectAll()
		.where('access_token_hash', '=', hashResultToken(options.token))
		.executeTakeFirst();
	if (!row) return undefined;
	const instrument = options.instrumentFor(row.instrument_id);
	if (!instrument) return undefined;
	return fromRow(row, instrument);
}

function fromRow(row: { id: string; answers: string; taken_at: string }, instrument: InstrumentDefinition): StoredMeasurement {
	const answers = JSON.parse(row.answers) as Answers;
	// Recomputed from the answers, so an improved explanation applies to old results too.
	return { id: row.id, score: scoreInstrument(instrument, answers), answers, takenAt: new Date(row.taken_at) };
}

/** One of a person's own measurements, or undefined for an id that is not theirs. */
export async function getMeasurementForAccount(
	db: Kysely<Database>,
	options: { accountId: string; id: string; instrumentFor: (id: string) => InstrumentDefinition | undefined }
): Promise<StoredMeasurement | undefined> {
	const row = await db
		.selectFrom('measurement')
		.select(['id', 'instrument_id', 'answers', 'taken_at'])
		.where('id', '=', options.id)
		.where('account_id', '=', options.accountId)
		.executeTakeFirst();
	const instrument = row && options.instrumentFor(row.instrument_id);
	return row && instrument ? fromRow(row, instrument) : undefined;
}

export async function deleteMeasurementByToken(db: Kysely<Database>, options: { token: string }): Promise<boolean> {
	if (!isWellFormedResultToken(options.token)) return false;
	const result = await db
		.deleteFrom('measurement')
		.where('access_token_hash', '=', hashResultToken(options.token))
		.executeTakeFirst();
	return Number(result.numDeletedRows) > 0;
}

/** An unguessable 128-bit token (base64url, 22 characters) for a personal result link. */
function createResultToken(): string {
	return randomBytes(16).toString('base64url');
}

/**
 * The person behind `accountId` takes over the anonymous result behind `token`. The token hash is removed, so the
 * old link no longer shows it: from now on it is in the person's account only. False when there is nothing to claim.
 */
export async function claimMeasurement(
	db: Kysely<Database>,
	options: { token: string; accountId: string }
): Promise<boolean> {
	if (!isWellFormedResultToken(options.token)) return false;
	const result = await db
		.updateTable('measurement')
		.set({ account_id: options.accountId, access_token_hash: null })
		.where('access_token_hash', '=', hashResultToken(options.token))
		.where('account_id', 'is', null)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) > 0;
}

export async function listMeasurementsForAccount(
	db: Kysely<Database>,
	options: {
		accountId: string;
		instrumentFor: (id: string) => InstrumentDefinition | undefined;
		/** Only these instruments, and only the newest `limit`: a page reads no more than it shows. */
		instruments?: readonly string[];
		limit?: number;
	}
): Promise<StoredMeasurement[]> {
	let query = db
		.selectFrom('measurement')
		.select(['id', 'instrument_id', 'answers', 'taken_at'])
		.where('account_id', '=', options.accountId)
		.orderBy('taken_at', 'desc');
	if (options.instruments) query = query.where('instrument_id', 'in', [...options.instruments]);
	if (options.limit !== undefined) query = query.limit(options.limit);
	const rows = await query.execute();
	return rows.flatMap((row) => {
		const instrument = options.instrumentFor(row.instrument_id);
		return instrument ? [fromRow(row, instrument)] : [];
	});
}
