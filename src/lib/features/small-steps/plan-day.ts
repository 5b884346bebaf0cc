/**
 * The day a step is planned for, from a few clear choices on its card: today, tomorrow, or a day the person picks.
 * Anything else gives back what was posted as the day, for the schema to judge.
 */
import { addDays } from '$lib/time';

export const planDayChoices = ['today', 'tomorrow', 'day'] as const;
export type PlanDayChoice = (typeof planDayChoices)[number];

export function planDay(choice: string | undefined, day: string | undefined, today: string): string {
	if (choice === 'today') return today;
	if (choice === 'tomorrow') return addDays(today, 1);
	return day ?? '';
}
