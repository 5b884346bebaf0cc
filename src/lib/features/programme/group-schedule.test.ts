import { describe, expect, it } from 'vitest';
import { groupWeekDays } from './group-schedule';
import { currentWeek, isWeekUnlocked, weekUnlockDay, type ProgrammeClock } from './schedule';

const session = (day: string, isReturn = false) => ({ day, startsAt: '10:00', isReturn });
const eight = ['2026-03-02', '2026-03-09', '2026-03-16', '2026-03-23', '2026-03-30', '2026-04-06', '2026-04-13', '2026-04-20'].map((d) => session(d));

describe('groupWeekDays', () => {
	it('week 0 on joining, week N on session N, the follow-up on the return meeting', () => {
		expect(groupWeekDays({ joinedDay: '2026-02-20', sessions: [...eight, session('2026-07-13', true)] })).toEqual([
			'2026-02-20',
			...eight.map((s) => s.day),
			'2026-07-13'
		]);
	});

	it('orders sessions by day, so a moved session moves its week', () => {
		const moved = eight.map((s, i) => (i === 2 ? session('2026-03-25') : s));
		expect(groupWeekDays({ joinedDay: '2026-02-20', sessions: moved })[3]).toBe('2026-03-23');
		expect(groupWeekDays({ joinedDay: '2026-02-20', sessions: moved })[4]).toBe('2026-03-25');
	});

	it('without enough sessions each week opens 7 days later; without a return meeting the follow-up 84 days after week 8', () => {
		const days = groupWeekDays({ joinedDay: '2026-02-20', sessions: eight.slice(0, 6) });
		expect(days.slice(6)).toEqual(['2026-04-06', '2026-04-13', '2026-04-20', '2026-07-13']);
	});
});

describe('a clock with group days', () => {
	const groupDays = groupWeekDays({ joinedDay: '2026-02-20', sessions: [...eight, session('2026-07-13', true)] });
	// Never started alone and paused since long ago: the group's dates decide all the same.
	const clock: ProgrammeClock = { startDay: null, pausedSince: '2026-03-01', pausedDays: 0, groupDays };

	it('opens week N on the day of session N, not a day earlier', () => {
		expect(isWeekUnlocked(clock, 0, '2026-02-20')).toBe(true);
		expect(isWeekUnlocked(clock, 1, '2026-03-01')).toBe(false);
		expect(isWeekUnlocked(clock, 1, '2026-03-02')).toBe(true);
		expect(isWeekUnlocked(clock, 9, '2026-07-12')).toBe(false);
		expect(isWeekUnlocked(clock, 9, '2026-07-13')).toBe(true);
		expect(currentWeek(clock, '2026-03-17')).toBe(3);
		expect(currentWeek(clock, '2026-02-25')).toBe(0);
		expect(weekUnlockDay(clock, 5, '2026-03-17')).toBe('2026-03-30');
	});

	it('a "bespreek eerst" week still waits for the conversation', () => {
		expect(isWeekUnlocked(clock, 2, '2026-03-20', { discussFirst: true, discussed: false })).toBe(false);
		expect(isWeekUnlocked(clock, 2, '2026-03-20', { discussFirst: true, discussed: true })).toBe(true);
	});
});
