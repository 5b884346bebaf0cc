import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getInstrument, instruments, type Answers } from '$lib/features/instruments/instruments';
import {
	deleteMeasurementByToken,
	findMeasurementByToken,
	saveAnonymousMeasurement
} from '$lib/features/measurements/measurements.server';
import { hashResultToken } from '$lib/features/measurements/measurements';
import type { DatabaseHandle } from '$lib/server/db/client';
import { testDatabases } from './databases';

const djg11 = instruments['djg-11'];
// Severely lonely: all emotional items lonely, social items 1, 4, 7 lonely → 6 + 3 = 9.
const answers: Answers = { 1: 'no', 2: 'yes', 3: 'yes', 4: 'more_or_less', 5: 'yes', 6: 'more_or_less', 7: 'no', 8: 'yes', 9: 'yes', 10: 'yes', 11: 'yes' };

describe.each(testDatabases())('anonymous measurements on $name', (target) => {
	let handle: DatabaseHandle;
	beforeEach(async () => {
		handle = await target.open();
	});
	afterEach(() => handle.close());

	it('saves a result behind a token and finds it again', async () => {
		const takenAt = new Date('2026-11-21T10:00:00.000Z');
		const { token, measurement } = await saveAnonymousMeasurement(handle.db, { instrument: djg11, answers, now: takenAt });
		expect(token).toMatch(/^[A-Za-z0-9_-]{22}$/);
		expect(measurement.score).toMatchObject({ total: 9, band: 'severely_lonely', subscales: { emotional: 6, social: 3 } });

		const found = await findMeasurementByToken(handle.db, { token, instrumentFor: getInstrument });
		expect(found?.score.total).toBe(9);
		expect(found?.answers).toEqual(answers);
		expect(found?.takenAt.toISOString()).toBe(takenAt.toISOString());
	});

	it('stores the scores and the token hash, never the token itself or anything about the person', async () => {
		const { token } = await saveAnonymousMeasurement(handle.db, { instrument: djg11, answers });
		const rows = await handle.db.selectFrom('measurement').selectAll().execute();
		expect(rows).toHaveLength(1);
		const row = rows[0]!;
		expect(row).toMatchObject({
			instrument_id: 'djg-11',
			instrument_version: djg11.version,
			scoring_version: 1,
			total: 9,
			emotional: 6,
			social: 3,
			band: 'severely_lonely',
			account_id: null,
			access_token_hash: hashResultToken(token)
		});
		expect(JSON.stringify(row)).not.toContain(token);
		expect(Object.keys(row).sort()).toEqual(
			['access_token_hash', 'account_id', 'answers', 'band', 'emotional', 'id', 'instrument_id', 'instrument_version', 'scoring_version', 'social', 'taken_at', 'total'].sort()
		);
	});

	it('does not find a result for a wrong or malformed token', async () => {
		await saveAnonymousMeasurement(handle.db, { instrument: djg11, answers });
		expect(await findMeasurementByToken(handle.db, { token: 'AAAAAAAAAAAAAAAAAAAAAA', instrumentFor: getInstrument })).toBeUndefined();
		expect(await findMeasurementByToken(handle.db, { token: "x' or 1=1 --", instrumentFor: getInstrument })).toBeUndefined();
	});

	it('deletes a result for good', async () => {
		const { token } = await saveAnonymousMeasurement(handle.db, { instrument: djg11, answers });
		const other = await saveAnonymousMeasurement(handle.db, { instrument: djg11, answers });
		expect(await deleteMeasurementByToken(handle.db, { token })).toBe(true);
		expect(await findMeasurementByToken(handle.db, { token, instrumentFor: getInstrument })).toBeUndefined();
		expect(await deleteMeasurementByToken(handle.db, { token })).toBe(false);
		// Only that one result is gone.
		expect(await findMeasurementByToken(handle.db, { token: other.token, instrumentFor: getInstrument })).toBeDefined();
		const count = await handle.db.selectFrom('measurement').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
		expect(Number(count.n)).toBe(1);
	});

	it('gives each result its own token', async () => {
		const tokens = new Set<string>();
		for (let i = 0; i < 20; i++) tokens.add((await saveAnonymousMeasurement(handle.db, { instrument: djg11, answers })).token);
		expect(tokens.size).toBe(20);
	});
});
