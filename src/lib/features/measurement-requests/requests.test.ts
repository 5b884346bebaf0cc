import { describe, expect, it } from 'vitest';
import { isDue, measurementRequestSchema, nextDueDay, repeatChoices } from './requests';

const today = '2026-03-10';
const schema = measurementRequestSchema(today);
const problems = (input: unknown) => {
	const result = schema.safeParse(input);
	return result.success ? [] : result.error.issues.map((issue) => [String(issue.path[0]), issue.message]);
};

describe('nextDueDay', () => {
	it('counts from the day it was filled in, not from the day it was due', () => {
		expect(nextDueDay({ repeatWeeks: 4, filledDay: '2026-03-10' })).toBe('2026-04-07');
		// Filled in late: the next one is four weeks after that, not a few days later.
		expect(nextDueDay({ repeatWeeks: 4, filledDay: '2026-04-20' })).toBe('2026-05-18');
	});
	it('ends a request made once', () => {
		expect(nextDueDay({ repeatWeeks: null, filledDay: today })).toBeNull();
	});
	it('works across the change to summer time and the year', () => {
		expect(nextDueDay({ repeatWeeks: 2, filledDay: '2026-03-25' })).toBe('2026-04-08');
		expect(nextDueDay({ repeatWeeks: 12, filledDay: '2026-11-20' })).toBe('2027-02-12');
	});
});

describe('isDue', () => {
	it('from the due day on, while the request is open', () => {
		expect(isDue({ dueDay: today, endedAt: null }, today)).toBe(true);
		expect(isDue({ dueDay: '2026-03-01', endedAt: null }, today)).toBe(true);
		expect(isDue({ dueDay: '2026-03-11', endedAt: null }, today)).toBe(false);
		expect(isDue({ dueDay: '2026-03-01', endedAt: '2026-03-05T10:00:00.000Z' }, today)).toBe(false);
	});
});

describe('measurementRequestSchema', () => {
	it('asks now and once unless told otherwise', () => {
		expect(schema.parse({ instrument: 'djg-11' })).toEqual({ instrument: 'djg-11', startDay: today, repeatWeeks: null });
		expect(schema.parse({ instrument: 'ucla-3', startDay: '', repeatWeeks: '' })).toEqual({ instrument: 'ucla-3', startDay: today, repeatWeeks: null });
	});
	it('takes a later start and a repeat from the list, numbers from form strings', () => {
		expect(schema.parse({ instrument: 'djg-6', startDay: '2026-03-17', repeatWeeks: '4' })).toEqual({ instrument: 'djg-6', startDay: '2026-03-17', repeatWeeks: 4 });
		for (const weeks of repeatChoices) expect(schema.parse({ instrument: 'djg-11', repeatWeeks: weeks }).repeatWeeks).toBe(weeks);
	});
	it('refuses an unknown scale, a start in the past or no date, and a repeat not on the list', () => {
		expect(problems({ instrument: 'phq-9' })).toEqual([['instrument', 'instrument_invalid']]);
		expect(problems({ instrument: 'djg-11', startDay: '2026-03-09' })).toEqual([['startDay', 'day_in_past']]);
		expect(problems({ instrument: 'djg-11', startDay: '2026-02-30' })).toEqual([['startDay', 'day_invalid']]);
		for (const repeatWeeks of [3, 0, -4, 'vaak', 4.5, true]) {
			expect(problems({ instrument: 'djg-11', repeatWeeks }), String(repeatWeeks)).toEqual([['repeatWeeks', 'repeat_invalid']]);
		}
	});
});
