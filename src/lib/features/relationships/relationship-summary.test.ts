import { describe, expect, it } from 'vitest';
import { addDays } from '$lib/time';
import { relationshipSummary, summaryWeeks } from './relationship-summary';

const today = '2026-06-15';

describe('relationshipSummary', () => {
	it('counts people per circle, also circles with nobody', () => {
		const summary = relationshipSummary({ circles: ['friends', 'friends', 'community'], contactDays: [], today });
		expect(summary.people).toEqual({ intimate: 0, friends: 2, community: 1 });
		expect(summary.contactsPerWeek).toBe(0);
	});
	it('counts contacts in four weeks of 7 days ending today, oldest first', () => {
		const summary = relationshipSummary({
			circles: [],
			contactDays: [today, addDays(today, -6), addDays(today, -7), addDays(today, -27), addDays(today, -28), addDays(today, 1)],
			today
		});
		expect(summary.weeks).toEqual([
			{ from: addDays(today, -27), to: addDays(today, -21), contacts: 1 },
			{ from: addDays(today, -20), to: addDays(today, -14), contacts: 0 },
			{ from: addDays(today, -13), to: addDays(today, -7), contacts: 1 },
			{ from: addDays(today, -6), to: today, contacts: 2 }
		]);
		// 4 contacts in the window (one before it, one after today), over 4 weeks.
		expect(summary.contactsPerWeek).toBe(1);
		expect(summary.weeks).toHaveLength(summaryWeeks);
	});
	it('rounds the mean per week to one decimal', () => {
		const days = [today, today, today, addDays(today, -10), addDays(today, -20)];
		expect(relationshipSummary({ circles: [], contactDays: days, today }).contactsPerWeek).toBe(1.3);
	});
	it('never holds anything but counts', () => {
		const summary = relationshipSummary({ circles: ['intimate'], contactDays: [today], today });
		expect(JSON.stringify(summary)).not.toMatch(/name|note|id/i);
	});
});
