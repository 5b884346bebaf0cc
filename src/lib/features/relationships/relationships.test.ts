import { describe, expect, it } from 'vitest';
import {
	contactBrings,
	contactCircles,
	contactKinds,
	contactRhythms,
	contactState,
	contactStatus,
	daysBetween,
	dueSoonWindowDays,
	lastContactDay,
	nextContactDue,
	rhythmDays
} from './relationships';

describe('vocabularies', () => {
	it('are the lists brug offers, in order', () => {
		expect(contactCircles).toEqual(['intimate', 'friends', 'community']);
		expect(contactBrings).toEqual(['support', 'fun', 'practical_help', 'deep_talks', 'shared_activity', 'advice', 'feeling_at_home']);
		expect(contactRhythms).toEqual(['weekly', 'every_two_weeks', 'monthly', 'every_three_months', 'no_goal']);
		expect(contactKinds).toEqual(['message', 'call', 'meeting', 'chat_in_passing', 'online']);
	});
	it('gives every rhythm its number of days', () => {
		expect(rhythmDays).toEqual({ weekly: 7, every_two_weeks: 14, monthly: 30, every_three_months: 91, no_goal: null });
	});
});

describe('daysBetween and lastContactDay', () => {
	it('counts whole local days, also across daylight saving time and leap days', () => {
		expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2); // clocks go forward on 29 March 2026
		expect(daysBetween('2026-10-24', '2026-10-26')).toBe(2); // and back on 25 October
		expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
		expect(daysBetween('2026-03-10', '2026-03-03')).toBe(-7);
		expect(daysBetween('2026-03-10', '2026-03-10')).toBe(0);
	});
	it('finds the most recent day, whatever the order', () => {
		expect(lastContactDay(['2026-03-02', '2026-03-20', '2025-12-31'])).toBe('2026-03-20');
		expect(lastContactDay([])).toBeNull();
	});
});

describe('nextContactDue', () => {
	it('counts from the last real contact plus the rhythm', () => {
		const addedDay = '2026-01-05';
		expect(nextContactDue({ lastContactDay: '2026-03-02', rhythm: 'weekly', addedDay })).toBe('2026-03-09');
		expect(nextContactDue({ lastContactDay: '2026-03-02', rhythm: 'every_two_weeks', addedDay })).toBe('2026-03-16');
		expect(nextContactDue({ lastContactDay: '2026-03-02', rhythm: 'monthly', addedDay })).toBe('2026-04-01');
		expect(nextContactDue({ lastContactDay: '2026-03-02', rhythm: 'every_three_months', addedDay })).toBe('2026-06-01');
	});
	it('without any contact yet, counts from the day the person was added', () => {
		expect(nextContactDue({ lastContactDay: null, rhythm: 'weekly', addedDay: '2026-03-02' })).toBe('2026-03-09');
		expect(nextContactDue({ lastContactDay: null, rhythm: 'monthly', addedDay: '2026-01-31' })).toBe('2026-03-02');
	});
	it('is not a fixed schedule: a late contact starts the rhythm again from that contact', () => {
		// Added on Sunday 1 March, weekly. A fixed schedule would say 8, 15, 22 March; after a contact on 20 March the
		// next one is due a week after it, on 27 March, not on 22 March.
		expect(nextContactDue({ lastContactDay: '2026-03-20', rhythm: 'weekly', addedDay: '2026-03-01' })).toBe('2026-03-27');
	});
	it('is not a fixed schedule: an early contact does not keep the old due day', () => {
		expect(nextContactDue({ lastContactDay: '2026-03-03', rhythm: 'weekly', addedDay: '2026-03-01' })).toBe('2026-03-10');
	});
	it('counts from a contact before the person was added, too: it was real', () => {
		expect(nextContactDue({ lastContactDay: '2026-02-20', rhythm: 'every_two_weeks', addedDay: '2026-03-01' })).toBe('2026-03-06');
	});
	it('crosses daylight saving time, the year and leap days by calendar days', () => {
		expect(nextContactDue({ lastContactDay: '2026-03-26', rhythm: 'weekly', addedDay: '2026-01-01' })).toBe('2026-04-02');
		expect(nextContactDue({ lastContactDay: '2026-12-28', rhythm: 'weekly', addedDay: '2026-01-01' })).toBe('2027-01-04');
		expect(nextContactDue({ lastContactDay: '2028-02-25', rhythm: 'weekly', addedDay: '2028-01-01' })).toBe('2028-03-03');
	});
	it('is null without a goal', () => {
		expect(nextContactDue({ lastContactDay: '2026-03-02', rhythm: 'no_goal', addedDay: '2026-01-05' })).toBeNull();
		expect(nextContactDue({ lastContactDay: null, rhythm: 'no_goal', addedDay: '2026-01-05' })).toBeNull();
	});
});

describe('dueSoonWindowDays', () => {
	it('is a quarter of the rhythm, rounded down, at least 2 and at most 14', () => {
		expect(dueSoonWindowDays('weekly')).toBe(2); // 7 / 4 = 1.75, raised to 2
		expect(dueSoonWindowDays('every_two_weeks')).toBe(3); // 14 / 4 = 3.5
		expect(dueSoonWindowDays('monthly')).toBe(7); // 30 / 4 = 7.5
		expect(dueSoonWindowDays('every_three_months')).toBe(14); // 91 / 4 = 22.75, capped at 14
		expect(dueSoonWindowDays('no_goal')).toBe(0);
	});
});

describe('contactStatus', () => {
	// For each rhythm: the last day before the window, the first day of it, the due day itself, the day after.
	const boundaries = [
		{ rhythm: 'weekly', due: '2026-03-09', before: '2026-03-06', first: '2026-03-07', after: '2026-03-10' },
		{ rhythm: 'every_two_weeks', due: '2026-03-16', before: '2026-03-12', first: '2026-03-13', after: '2026-03-17' },
		{ rhythm: 'monthly', due: '2026-04-01', before: '2026-03-24', first: '2026-03-25', after: '2026-04-02' },
		{ rhythm: 'every_three_months', due: '2026-06-01', before: '2026-05-17', first: '2026-05-18', after: '2026-06-02' }
	] as const;

	it.each(boundaries)('$rhythm, due $due: on track, due soon from $first, overdue from $after', ({ rhythm, due, before, first, after }) => {
		expect(contactStatus({ today: before, due, rhythm })).toBe('on_track');
		expect(contactStatus({ today: first, due, rhythm })).toBe('due_soon');
		expect(contactStatus({ today: due, due, rhythm })).toBe('due_soon');
		expect(contactStatus({ today: after, due, rhythm })).toBe('overdue');
	});

	it('is on track right after a contact, and overdue long after the due day', () => {
		expect(contactStatus({ today: '2026-03-02', due: '2026-03-09', rhythm: 'weekly' })).toBe('on_track');
		expect(contactStatus({ today: '2027-03-02', due: '2026-03-09', rhythm: 'weekly' })).toBe('overdue');
	});

	it('is no_goal without a rhythm or a due day', () => {
		expect(contactStatus({ today: '2026-03-10', due: null, rhythm: 'no_goal' })).toBe('no_goal');
		expect(contactStatus({ today: '2026-03-10', due: '2026-03-01', rhythm: 'no_goal' })).toBe('no_goal');
		expect(contactStatus({ today: '2026-03-10', due: null, rhythm: 'weekly' })).toBe('no_goal');
	});
});

describe('contactState', () => {
	it('combines the last contact, the due day and the status', () => {
		expect(
			contactState({ rhythm: 'weekly', addedDay: '2026-02-01', contactDays: ['2026-03-02', '2026-02-20'], today: '2026-03-07' })
		).toEqual({ lastContactDay: '2026-03-02', due: '2026-03-09', status: 'due_soon' });
	});
	it('runs from the day the person was added when there is no contact yet', () => {
		expect(contactState({ rhythm: 'monthly', addedDay: '2026-03-01', contactDays: [], today: '2026-03-10' })).toEqual({
			lastContactDay: null,
			due: '2026-03-31',
			status: 'on_track'
		});
	});
	it('leaves out days after today: they did not happen yet', () => {
		expect(
			contactState({ rhythm: 'weekly', addedDay: '2026-02-01', contactDays: ['2026-03-01', '2026-03-20'], today: '2026-03-10' })
		).toEqual({ lastContactDay: '2026-03-01', due: '2026-03-08', status: 'overdue' });
	});
	it('has no due day without a goal', () => {
		expect(contactState({ rhythm: 'no_goal', addedDay: '2026-02-01', contactDays: ['2026-03-01'], today: '2026-03-10' })).toEqual({
			lastContactDay: '2026-03-01',
			due: null,
			status: 'no_goal'
		});
	});
});
