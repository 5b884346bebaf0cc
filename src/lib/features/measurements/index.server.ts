/**
 * The measurements feature's face: a person's own results (the loneliness scales; the pattern check is the patterns
 * feature's), read by professionals under the `measurements` scope.
 */
import { personDataFeature } from '$lib/kernel/person-data';
import { lastInstantDayPerPerson } from '$lib/kernel/last-day.server';
import { getInstrument, type InstrumentId, type LonelinessBand } from '$lib/features/instruments/instruments';
import { listMeasurementsForAccount } from './measurements.server';


/** One measurement as lists of clients need it: scores only, never the answers. */
export interface MeasurementFact {
	instrument: InstrumentId;
	/** ISO 8601 instant (UTC), as stored. */
	takenAt: string;
	/** Null when answers are missing and no total was given. */
	total: number | null;
	band: LonelinessBand | null;
}

const scales: InstrumentId[] = ['djg-11', 'djg-6', 'ucla-3'];

export const measurementsData = personDataFeature({
	name: 'measurements',
	scope: 'measurements',
	tables: ['measurement'],
	async exportPart(db, { account }) {
		const measurements = await listMeasurementsForAccount(db, { accountId: account.id, instrumentFor: getInstrument });
		return {
			measurements: measurements.map((m) => ({
				instrument: m.score.instrument,
				instrumentVersion: m.score.version,
				takenAt: m.takenAt.toISOString(),
				answers: Object.fromEntries(Object.entries(m.answers)) as Record<string, string | undefined>,
				total: m.score.total,
				subscales: m.score.subscales,
				band: m.score.band
			}))
		};
	},
	async deleteFor(trx, { accountId }) {
		// Anonymous results have no account and stay reachable by their own link; the account's own go.
		await trx.deleteFrom('measurement').where('account_id', '=', accountId).execute();
	},
	lastActiveDays: (db, personIds) => lastInstantDayPerPerson(db, 'measurement', personIds),
	async readForClients(db, { personIds }) {
		const byPerson = new Map<string, MeasurementFact[]>();
		if (personIds.length === 0) return byPerson;
		const rows = await db
			.selectFrom('measurement')
			.select(['account_id', 'instrument_id', 'taken_at', 'total', 'band'])
			.where('account_id', 'in', [...personIds])
			.where('instrument_id', 'in', scales)
			.execute();
		for (const row of rows) {
			const list = byPerson.get(row.account_id!) ?? [];
			list.push({ instrument: row.instrument_id as InstrumentId, takenAt: row.taken_at, total: row.total, band: row.band as LonelinessBand | null });
			byPerson.set(row.account_id!, list);
		}
		return byPerson;
	}
});
