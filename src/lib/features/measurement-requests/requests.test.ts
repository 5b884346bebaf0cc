import { describe, expect, it } from 'vitest';
import { isCovered, isDue, measurementRequestSchema, nextDueDay, repeatChoices, type CoveringGrant } from './requests';

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

describe('isCovered', () => {
	const staff = new Set(['gerda', 'lotte']);
	const own = (scopes: string[]): CoveringGrant => ({ professionalId: 'gerda', audience: 'professional', scopes });
	const team = (scopes: string[]): CoveringGrant => ({ professionalId: 'lotte', audience: 'organisation', scopes });

	it('stands on a grant to the professional who asked, with the measurements scope', () => {
		expect(isCovered({ professionalId: 'gerda' }, [own(['measurements'])], staff)).toBe(true);
		expect(isCovered({ professionalId: 'gerda' }, [own(['health_web'])], staff)).toBe(false);
		expect(isCovered({ professionalId: 'gerda' }, [], staff)).toBe(false);
	});

	it('stands on a grant to the whole organisation, whoever it came through', () => {
		expect(isCovered({ professionalId: 'gerda' }, [team(['measurements'])], staff)).toBe(true);
		expect(isCovered({ professionalId: 'gerda' }, [team(['programme'])], staff)).toBe(false);
	});

	it('does not stand on a colleague\'s own grant', () => {
		const colleagues: CoveringGrant = { professionalId: 'lotte', audience: 'professional', scopes: ['measurements'] };
		expect(isCovered({ professionalId: 'gerda' }, [colleagues], staff)).toBe(false);
	});

	it('ends with the professional: gone from the organisation, or their account deleted', () => {
		expect(isCovered({ professionalId: 'gerda' }, [team(['measurements'])], new Set(['lotte']))).toBe(false);
		expect(isCovered({ professionalId: null }, [team(['measurements'])], staff)).toBe(false);
	});
});
