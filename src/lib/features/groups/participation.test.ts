import { describe, expect, it } from 'vitest';
import { canExcuse, checkInOpen, nextSession, ownStatusShown, wasThere } from './participation';
import { checkInSchema, joinGroupSchema } from './participation.schema';

describe('what a person may do with a session', () => {
	const today = '2026-03-10';
	it('lets them send an afmelding for a planned session today or later, never for one gone by or cancelled', () => {
		expect(canExcuse({ day: '2026-03-10', status: 'planned' }, today)).toBe(true);
		expect(canExcuse({ day: '2026-03-17', status: 'planned' }, today)).toBe(true);
		expect(canExcuse({ day: '2026-03-09', status: 'planned' }, today)).toBe(false);
		expect(canExcuse({ day: '2026-03-17', status: 'cancelled' }, today)).toBe(false);
		expect(canExcuse({ day: '2026-03-10', status: 'held' }, today)).toBe(false);
	});

	it('opens the check-in after the session for 14 days, and never for a cancelled one', () => {
		expect(checkInOpen({ day: '2026-03-10', status: 'held' }, today)).toBe(true);
		expect(checkInOpen({ day: '2026-03-10', status: 'planned' }, today)).toBe(false);
		expect(checkInOpen({ day: '2026-03-09', status: 'planned' }, today)).toBe(true);
		expect(checkInOpen({ day: '2026-02-24', status: 'held' }, today)).toBe(true);
		expect(checkInOpen({ day: '2026-02-23', status: 'held' }, today)).toBe(false);
		expect(checkInOpen({ day: '2026-03-09', status: 'cancelled' }, today)).toBe(false);
		expect(checkInOpen({ day: '2026-03-11', status: 'held' }, today)).toBe(false);
	});

	it('finds the next planned session by day and time', () => {
		const sessions = [
			{ id: 'a', day: '2026-03-03', startsAt: '14:00', status: 'held' as const },
			{ id: 'b', day: '2026-03-17', startsAt: '14:00', status: 'planned' as const },
			{ id: 'c', day: '2026-03-10', startsAt: '14:00', status: 'cancelled' as const },
			{ id: 'd', day: '2026-03-10', startsAt: '19:00', status: 'planned' as const }
		];
		expect(nextSession(sessions, today)?.id).toBe('d');
		expect(nextSession(sessions, '2026-03-18')).toBeNull();
	});

	it('shows the person an afmelding and being there, never an absence', () => {
		expect(ownStatusShown('excused')).toBe('excused');
		expect(ownStatusShown('late')).toBe('attended');
		expect(ownStatusShown('absent')).toBeNull();
		expect(ownStatusShown('stopped')).toBeNull();
		expect(ownStatusShown('expected')).toBeNull();
	});

	it('asks "hoe was het?" only of someone who was, or may have been, there', () => {
		expect([undefined, 'expected', 'present', 'late'].every((status) => wasThere(status as never))).toBe(true);
		expect(['excused', 'absent', 'stopped'].some((status) => wasThere(status as never))).toBe(false);
	});
});

describe('the person-side schemas', () => {
	it('takes a printed code typed with spaces and lower case, and never ticks sharing by default', () => {
		const parsed = joinGroupSchema.parse({ code: ' k7qm 4txp ', personName: ' Anna ' });
		expect(parsed).toEqual({ code: 'K7QM4TXP', personName: 'Anna', shareCheckIns: false, reminders: 'day_before' });
		expect(joinGroupSchema.parse({ code: 'K7QM-4TXP', personName: 'A', shareCheckIns: 'yes', reminders: 'none' }).shareCheckIns).toBe(true);
	});

	it('refuses bad input with the vocabulary ids', () => {
		const result = joinGroupSchema.safeParse({ code: 'nope', personName: 'x'.repeat(81), shareCheckIns: 'maybe', reminders: 'weekly' });
		expect(result.success).toBe(false);
		const ids = Object.fromEntries(result.error!.issues.map((issue) => [issue.path[0], issue.message]));
		expect(ids).toEqual({ code: 'code_invalid', personName: 'name_too_long', shareCheckIns: 'share_invalid', reminders: 'choice_invalid' });
		expect(joinGroupSchema.safeParse({ code: 'K7QM4TXP', personName: '  ' }).error?.issues[0]?.message).toBe('name_missing');
	});

	it('wants all three check-in items from 1 to 5 and a line of at most 280', () => {
		expect(checkInSchema.parse({ welcome: '5', enjoyed: '4', come_again: '3', line: '  ' })).toEqual({ welcome: 5, enjoyed: 4, come_again: 3, line: null });
		for (const bad of [{ welcome: '0' }, { welcome: '6' }, { welcome: '2.5' }, { welcome: undefined }, { welcome: '' }]) {
			const result = checkInSchema.safeParse({ enjoyed: '3', come_again: '3', ...bad });
			expect(result.error?.issues[0]?.message, JSON.stringify(bad)).toBe('rating_invalid');
		}
		expect(checkInSchema.safeParse({ welcome: 1, enjoyed: 1, come_again: 1, line: 'x'.repeat(281) }).error?.issues[0]?.message).toBe('text_too_long');
	});
});
