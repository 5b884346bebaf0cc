import { describe, expect, it } from 'vitest';
import { addDays, isLocalDay, localDay } from './time';

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
