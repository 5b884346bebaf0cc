import { describe, expect, it } from 'vitest';
import { planDay } from './plan-day';

describe('the day a step is planned for', () => {
	it('reads today and tomorrow, also over a month end', () => {
		expect(planDay('today', '2027-01-09', '2026-12-31')).toBe('2026-12-31');
		expect(planDay('tomorrow', '', '2026-12-31')).toBe('2027-01-01');
	});

	it('takes the picked day, or what was posted, for the schema to judge', () => {
		expect(planDay('day', '2027-01-09', '2026-12-31')).toBe('2027-01-09');
		expect(planDay(undefined, '2027-01-09', '2026-12-31')).toBe('2027-01-09');
		expect(planDay('day', undefined, '2026-12-31')).toBe('');
	});
});
