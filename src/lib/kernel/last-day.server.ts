/**
 * "The last day each person did something here", the one query shape behind the features' `lastActiveDays`.
 * - `lastDayPerPerson(db, table, personIds)`: the latest local `day` per account in a table of days.
 * - `lastInstantDayPerPerson(db, table, personIds)`: the local day of the latest `taken_at` per account.
 * - `latestPerPerson(...maps)`: the latest day per person over several of these.
 */
import type { Kysely } from 'kysely';
import type { Database } from '$lib/server/db';
import { localDay } from '$lib/time';

type DayTable = 'journal_entry' | 'thought_record' | 'kind_moment' | 'exercise_done' | 'contact_moment';
type InstantTable = 'measurement' | 'health_web';

export async function lastDayPerPerson(db: Kysely<Database>, table: DayTable, personIds: readonly string[]): Promise<Map<string, string>> {
	const rows = await db
		.selectFrom(table)
		.select(['account_id', (eb) => eb.fn.max('day').as('last')])
		.where('account_id', 'in', [...personIds])
		.groupBy('account_id')
		.execute();
	return new Map(rows.flatMap((row) => (row.last ? [[row.account_id, String(row.last)] as const] : [])));
}

export async function lastInstantDayPerPerson(
	db: Kysely<Database>,
	table: InstantTable,
	personIds: readonly string[]
): Promise<Map<string, string>> {
	const rows = await db
		.selectFrom(table)
		.select(['account_id', (eb) => eb.fn.max('taken_at').as('last')])
		.where('account_id', 'in', [...personIds])
		.groupBy('account_id')
		.execute();
	// An instant becomes the local day it falls on.
	return new Map(rows.flatMap((row) => (row.account_id && row.last ? [[row.account_id, localDay(new Date(String(row.last)))] as const] : [])));
}

export function latestPerPerson(...maps: readonly Map<string, string>[]): Map<string, string> {
	const latest = new Map<string, string>();
	for (const days of maps) for (const [personId, day] of days) if (day > (latest.get(personId) ?? '')) latest.set(personId, day);
	return latest;
}
