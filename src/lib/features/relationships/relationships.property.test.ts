/**
 * Properties of the relationship rules: the due day follows the last real contact, a newer contact never brings it
 * forward, the status only moves on_track → due_soon → overdue as days pass, and the balance insights stay within
 * their limits whatever the map looks like.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '$lib/time';
import { balanceInsights, maxInsights, type ContactFacts, type RelationFacts } from './insights';
import {
	contactCircles,
	contactKinds,
	contactRhythms,
	contactState,
	contactStatus,
	daysBetween,
	dueSoonWindowDays,
	nextContactDue,
	rhythmDays,
	type ContactStatus
} from './relationships';

const dayOffset = fc.integer({ min: -800, max: 800 });
const base = '2026-06-15';
const day = dayOffset.map((n) => addDays(base, n));
const rhythm = fc.constantFrom(...contactRhythms);
const withGoal = fc.constantFrom(...contactRhythms.filter((r) => r !== 'no_goal'));
const statusRank: Record<Exclude<ContactStatus, 'no_goal'>, number> = { on_track: 0, due_soon: 1, overdue: 2 };

describe('nextContactDue', () => {
	it('is exactly the rhythm after the last contact (or the added day), so never before the last contact', () => {
		fc.assert(
			fc.property(fc.option(day), withGoal, day, (last, r, added) => {
				const due = nextContactDue({ lastContactDay: last, rhythm: r, addedDay: added })!;
				expect(daysBetween(last ?? added, due)).toBe(rhythmDays[r]);
				if (last !== null) expect(due > last).toBe(true);
			})
		);
	});

	it('never moves earlier when a contact is logged (a day from before the person was added aside), and ignores days after today', () => {
		fc.assert(
			fc.property(fc.array(day, { maxLength: 8 }), day, rhythm, day, fc.integer({ min: -30, max: 400 }), (days, added, r, extra, todayAfter) => {
				const today = addDays(extra, todayAfter);
				const before = contactState({ rhythm: r, addedDay: added, contactDays: days, today });
				const after = contactState({ rhythm: r, addedDay: added, contactDays: [...days, extra], today });
				if (extra > today) {
					expect(after).toEqual(before);
				} else if (before.due === null) {
					expect(after.due).toBeNull();
				} else if (before.lastContactDay !== null || extra >= added) {
					expect(after.due! >= before.due).toBe(true);
					expect(after.lastContactDay! >= extra).toBe(true);
				}
			})
		);
	});

	it('gives no due day, and no_goal, without a rhythm', () => {
		fc.assert(
			fc.property(fc.option(day), day, day, (last, added, today) => {
				const due = nextContactDue({ lastContactDay: last, rhythm: 'no_goal', addedDay: added });
				expect(due).toBeNull();
				expect(contactStatus({ today, due, rhythm: 'no_goal' })).toBe('no_goal');
			})
		);
	});
});

describe('contactStatus', () => {
	it('only moves forward as days pass: on_track → due_soon → overdue, never back', () => {
		fc.assert(
			fc.property(day, withGoal, dayOffset, fc.nat({ max: 200 }), (due, r, a, step) => {
				const earlier = addDays(due, a);
				const later = addDays(earlier, step);
				const first = contactStatus({ today: earlier, due, rhythm: r });
				const second = contactStatus({ today: later, due, rhythm: r });
				expect(first).not.toBe('no_goal');
				expect(statusRank[second as keyof typeof statusRank]).toBeGreaterThanOrEqual(statusRank[first as keyof typeof statusRank]);
			})
		);
	});

	it('is due_soon on exactly window + 1 days: the window before the due day, and the due day itself', () => {
		fc.assert(
			fc.property(day, withGoal, (due, r) => {
				const window = dueSoonWindowDays(r);
				const soon = [];
				for (let n = -120; n <= 5; n++) if (contactStatus({ today: addDays(due, n), due, rhythm: r }) === 'due_soon') soon.push(n);
				expect(soon).toEqual(Array.from({ length: window + 1 }, (_, i) => i - window));
				expect(window).toBeGreaterThanOrEqual(2);
				expect(window).toBeLessThanOrEqual(14);
				expect(window).toBeLessThan(rhythmDays[r]!);
			}),
			{ numRuns: 40 }
		);
	});

	it('right after a contact, a rhythm is always on track', () => {
		fc.assert(
			fc.property(day, withGoal, day, (last, r, added) => {
				const state = contactState({ rhythm: r, addedDay: added, contactDays: [last], today: last });
				expect(state.status).toBe('on_track');
			})
		);
	});
});

// ---------------------------------------------------------------------------------------------------------------
// Balance insights on random maps.

const today = '2026-06-15';
const relationsArb = fc
	.uniqueArray(
		fc.record({
			id: fc.stringMatching(/^r[0-9a-z]{1,6}$/),
			circle: fc.constantFrom(...contactCircles),
			brings: fc.array(fc.constantFrom('support', 'fun', 'practical_help', 'deep_talks', 'shared_activity', 'advice', 'feeling_at_home', 'unknown'), { maxLength: 4 }),
			rhythm,
			addedDay: fc.integer({ min: -400, max: 0 }).map((n) => addDays(today, n))
		}),
		{ selector: (r) => r.id, maxLength: 30 }
	)
	.map((list): RelationFacts[] => list);

const mapArb = relationsArb.chain((relations) =>
	fc.tuple(
		fc.constant(relations),
		fc.array(
			fc.record({
				relationId: fc.oneof(
					relations.length > 0 ? fc.constantFrom(...relations.map((r) => r.id)) : fc.constant('nobody'),
					fc.constant('stranger')
				),
				day: fc.integer({ min: -400, max: 5 }).map((n) => addDays(today, n)),
				kind: fc.constantFrom(...contactKinds),
				feeling: fc.integer({ min: 1, max: 5 })
			}),
			{ maxLength: 40 }
		).map((list): ContactFacts[] => list)
	)
);

describe('balanceInsights', () => {
	it('never gives more than five, at most one thin_circle per circle, and only known relation ids', () => {
		fc.assert(
			fc.property(mapArb, ([relations, contacts]) => {
				const insights = balanceInsights({ relations, contacts, today });
				expect(insights.length).toBeLessThanOrEqual(maxInsights);
				const thin = insights.flatMap((i) => (i.kind === 'thin_circle' ? [i.circle] : []));
				expect(new Set(thin).size).toBe(thin.length);
				const ids = new Set(relations.map((r) => r.id));
				for (const insight of insights) if ('relationId' in insight) expect(ids.has(insight.relationId)).toBe(true);
			}),
			{ numRuns: 300 }
		);
	});

	it('keeps a place for what went well whenever something did', () => {
		fc.assert(
			fc.property(mapArb, ([relations, contacts]) => {
				const ids = new Set(relations.map((r) => r.id));
				const anyGood = contacts.some((c) => ids.has(c.relationId) && c.feeling >= 4 && c.day <= today && daysBetween(c.day, today) < 14);
				const insights = balanceInsights({ relations, contacts, today });
				expect(insights.some((i) => i.kind === 'went_well')).toBe(anyGood);
			}),
			{ numRuns: 300 }
		);
	});

	it('does not depend on the order of the input', () => {
		fc.assert(
			fc.property(
				mapArb.chain(([relations, contacts]) =>
					fc.tuple(fc.constant(relations), fc.constant(contacts), fc.shuffledSubarray(relations, { minLength: relations.length }), fc.shuffledSubarray(contacts, { minLength: contacts.length }))
				),
				([relations, contacts, shuffledRelations, shuffledContacts]) => {
					expect(balanceInsights({ relations: shuffledRelations, contacts: shuffledContacts, today })).toEqual(
						balanceInsights({ relations, contacts, today })
					);
				}
			),
			{ numRuns: 200 }
		);
	});

	it('gives ids and data only: no text, and nothing that adds up to a score', () => {
		fc.assert(
			fc.property(mapArb, ([relations, contacts]) => {
				for (const insight of balanceInsights({ relations, contacts, today })) {
					expect(['long_silence', 'thin_circle', 'single_source', 'went_well']).toContain(insight.kind);
					expect(Object.keys(insight)).not.toContain('score');
				}
			}),
			{ numRuns: 100 }
		);
	});
});
