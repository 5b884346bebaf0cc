import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Recurring } from './recurring';

describe('Recurring', () => {
	beforeEach(() => {
		vi.useFakeTimers();
		vi.setSystemTime(new Date('2026-12-07T10:59:59.000Z'));
	});
	afterEach(() => vi.useRealTimers());

	it('enqueues the current period on start and each next one at its boundary, keyed by the period', async () => {
		const calls: { key: string; payload: unknown; runAt?: Date }[] = [];
		const recurring = new Recurring(
			async (_kind, key, payload, options) => {
				calls.push({ key, payload, runAt: options.runAt });
				return true;
			},
			() => {}
		);
		const hour = 60 * 60 * 1000;
		recurring.add('tick', hour);
		expect(calls).toEqual([]);
		recurring.start();
		await vi.advanceTimersByTimeAsync(1000);
		await vi.advanceTimersByTimeAsync(hour);
		recurring.stop();
		await vi.advanceTimersByTimeAsync(3 * hour);

		const index = Math.floor(Date.parse('2026-12-07T10:00:00Z') / hour);
		expect(calls).toEqual([
			{ key: `period:${index}`, payload: { periodStart: '2026-12-07T10:00:00.000Z' }, runAt: new Date('2026-12-07T10:00:00Z') },
			{ key: `period:${index + 1}`, payload: { periodStart: '2026-12-07T11:00:00.000Z' }, runAt: new Date('2026-12-07T11:00:00Z') },
			{ key: `period:${index + 2}`, payload: { periodStart: '2026-12-07T12:00:00.000Z' }, runAt: new Date('2026-12-07T12:00:00Z') }
		]);
	});

	it('reports a failed enqueue and keeps going, and refuses a period that is not positive', async () => {
		const failures: string[] = [];
		const recurring = new Recurring(
			async () => {
				throw new Error('database down');
			},
			(kind) => failures.push(kind)
		);
		expect(() => recurring.add('tick', 0)).toThrow(/positive/);
		recurring.add('tick', 1000);
		recurring.start();
		await vi.advanceTimersByTimeAsync(2500);
		recurring.stop();
		expect(failures).toEqual(['tick', 'tick', 'tick']);
	});
});
