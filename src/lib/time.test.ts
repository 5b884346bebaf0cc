import { describe, expect, it } from 'vitest';
import { addDays, isLocalDay, localDay, localInstant, localTime } from './time';

describe('local days', () => {
	it('uses Amsterdam time: just after midnight there is already the next day', () => {
		expect(localDay(new Date('2026-06-30T22:30:00Z'))).toBe('2026-07-01');
		expect(localDay(new Date('2026-12-31T22:59:00Z'))).toBe('2026-12-31');
		expect(localDay(new Date('2026-12-31T23:00:00Z'))).toBe('2027-01-01');
	});
	it('knows real dates only', () => {
		expect(isLocalDay('2026-02-28')).toBe(true);
		expect(isLocalDay('2028-02-29')).toBe(true);
		expect(isLocalDay('2026-02-29')).toBe(false);
		expect(isLocalDay('2026-13-01')).toBe(false);
		expect(isLocalDay('2026-1-01')).toBe(false);
		expect(isLocalDay('')).toBe(false);
	});
	it('adds days across months, years and clock changes', () => {
		expect(addDays('2026-03-28', 2)).toBe('2026-03-30');
		expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
		expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
	});
});

describe('local times', () => {
	it('turns a local day and time into the instant, winter and summer', () => {
		expect(localInstant('2026-01-15', '14:30').toISOString()).toBe('2026-01-15T13:30:00.000Z');
		expect(localInstant('2026-07-15', '14:30').toISOString()).toBe('2026-07-15T12:30:00.000Z');
		expect(localInstant('2026-07-15', '00:15').toISOString()).toBe('2026-07-14T22:15:00.000Z');
	});
	it('handles the nights the clocks change', () => {
		// 29 March 2026, 02:00 → 03:00: 02:30 does not exist and becomes 03:30 summer time.
		expect(localInstant('2026-03-29', '01:30').toISOString()).toBe('2026-03-29T00:30:00.000Z');
		expect(localInstant('2026-03-29', '03:30').toISOString()).toBe('2026-03-29T01:30:00.000Z');
		expect(localTime(localInstant('2026-03-29', '02:30'))).toBe('03:30');
		// 25 October 2026, 03:00 → 02:00: the hour after is plain winter time.
		expect(localInstant('2026-10-25', '04:00').toISOString()).toBe('2026-10-25T03:00:00.000Z');
		expect(localInstant('2026-10-24', '23:00').toISOString()).toBe('2026-10-24T21:00:00.000Z');
	});
	it('round-trips through localDay and localTime for every hour of a year', () => {
		for (let ms = Date.parse('2026-01-01T00:00:00Z'); ms < Date.parse('2027-01-01T00:00:00Z'); ms += 60 * 60_000) {
			const instant = new Date(ms);
			const back = localInstant(localDay(instant), localTime(instant));
			// The repeated hour in October maps to its first occurrence.
			expect(Math.abs(back.getTime() - ms) === 0 || Math.abs(back.getTime() - ms) === 3_600_000, instant.toISOString()).toBe(true);
		}
	});
	it('refuses what is no day or time', () => {
		expect(() => localInstant('2026-02-30', '10:00')).toThrow(RangeError);
		expect(() => localInstant('2026-02-03', '24:00')).toThrow(RangeError);
	});
});
