/**
 * What a linked professional may see of a person's relationship map (consent scope `relationship_summary`): how many
 * people are in each circle and how many contacts there were per week. No names, no notes, no single contact: the
 * people on the map never agreed to be seen. Pure; the caller passes `today`.
 * - `relationshipSummary({ circles, contactDays, today })`: counts per circle, contacts in each of the last
 *   `summaryWeeks` weeks (oldest first; a week is 7 days ending on `today`), and the mean per week.
 * - `summaryWeeks`: 4.
 */
import { addDays } from '$lib/time';
import { contactCircles, type ContactCircle } from './relationships';

export const summaryWeeks = 4;

export interface RelationshipSummary {
	people: Record<ContactCircle, number>;
	/** Oldest first; `from` and `to` are local days, both included. */
	weeks: { from: string; to: string; contacts: number }[];
	/** Mean contacts per week over those weeks, one decimal. */
	contactsPerWeek: number;
}

export function relationshipSummary(input: { circles: Iterable<ContactCircle>; contactDays: Iterable<string>; today: string }): RelationshipSummary {
	const people = Object.fromEntries(contactCircles.map((circle) => [circle, 0])) as Record<ContactCircle, number>;
	for (const circle of input.circles) people[circle] += 1;
	const weeks = Array.from({ length: summaryWeeks }, (_, i) => {
		const to = addDays(input.today, -7 * (summaryWeeks - 1 - i));
		return { from: addDays(to, -6), to, contacts: 0 };
	});
	for (const day of input.contactDays) {
		const week = weeks.find((w) => day >= w.from && day <= w.to);
		if (week) week.contacts += 1;
	}
	const total = weeks.reduce((sum, w) => sum + w.contacts, 0);
	return { people, weeks, contactsPerWeek: Math.round((total / summaryWeeks) * 10) / 10 };
}
