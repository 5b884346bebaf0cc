import { describe, expect, it } from 'vitest';
import { clientTimeline, filterKinds, filterTimeline, noteExcerptLength, parseTimelineFilter, type TimelineSession } from './timeline';

const session = (id: string, day: string, extra: Partial<TimelineSession> = {}): TimelineSession => ({
	id,
	day,
	status: 'held',
	isReturn: false,
	attendance: null,
	excusedByPerson: false,
	checkIn: null,
	note: null,
	...extra
});

describe('clientTimeline', () => {
	it('merges measurements, health webs and the group into one list, newest day first, in a fixed order on one day', () => {
		const timeline = clientTimeline({
			today: '2026-03-20',
			measurements: [{ id: 'm1', instrument: 'djg-11', takenAt: '2026-03-09T09:00:00.000Z', total: 7, max: 11, band: 'severely_lonely' }],
			healthWebs: [{ id: 'w1', takenAt: '2026-03-02T09:00:00.000Z' }],
			groups: [
				{
					groupId: 'g1',
					groupName: 'Samen op maandag',
					sessions: [
						session('s1', '2026-03-02', { attendance: 'present' }),
						session('s2', '2026-03-09', {
							attendance: 'late',
							checkIn: { welcome: 4, enjoyed: 5, comeAgain: 5, line: 'Fijn.', createdAt: '2026-03-09T15:00:00.000Z' },
							note: { body: 'Kwam wat later.', createdAt: '2026-03-09T12:00:00.000Z' }
						}),
						session('s3', '2026-03-16', { status: 'cancelled' }),
						session('s4', '2026-03-23', { status: 'planned' })
					]
				}
			]
		});
		expect(timeline.map((e) => [e.day, e.kind])).toEqual([
			['2026-03-16', 'group_session'],
			['2026-03-09', 'group_session'],
			['2026-03-09', 'group_check_in'],
			['2026-03-09', 'group_note'],
			['2026-03-09', 'measurement'],
			['2026-03-02', 'group_session'],
			['2026-03-02', 'health_web']
		]);
		expect(timeline[0]).toMatchObject({ cancelled: true, attendance: null });
		expect(timeline[2]).toEqual({ kind: 'group_check_in', key: 'c-s2', day: '2026-03-09', groupName: 'Samen op maandag', welcome: 4, enjoyed: 5, comeAgain: 5, line: 'Fijn.' });
	});

	it('is empty with nothing shared', () => {
		expect(clientTimeline({ today: '2026-03-20' })).toEqual([]);
	});
});

describe('clientTimeline with what a guide reads', () => {
	const timeline = clientTimeline({
		today: '2026-03-20',
		measurements: [{ id: 'm1', instrument: 'djg-11', takenAt: '2026-03-09T09:00:00.000Z', total: 7, max: 11, band: 'severely_lonely' }],
		healthWebs: [{ id: 'w1', takenAt: '2026-03-02T09:00:00.000Z' }],
		ratings: [{ id: 'r1', ratedAt: '2026-03-09T14:00:00.000Z', professionalName: 'Piet Prof', domains: { finances: {}, housing: {} } }],
		notes: [
			{ id: 't1', day: '2026-03-10', authorName: null, body: `Over de buren.\n\n${'Lang verhaal. '.repeat(20)}`, sharedAt: '2026-03-10T12:00:00.000Z' }
		],
		programme: {
			id: 'e1',
			weeks: [
				{ week: 0, opened: true, opensOn: '2026-03-01', exerciseDone: true, stepDone: false, checkedIn: true },
				{ week: 1, opened: false, opensOn: '2026-03-08', exerciseDone: false, stepDone: false, checkedIn: false },
				{ week: 2, opened: true, opensOn: '2026-03-22', exerciseDone: false, stepDone: false, checkedIn: false }
			]
		}
	});

	it('adds ratings, notes and opened programme weeks, newest day first; weeks not opened or still to come are left out', () => {
		expect(timeline.map((e) => [e.day, e.kind])).toEqual([
			['2026-03-10', 'conversation_note'],
			['2026-03-09', 'measurement'],
			['2026-03-09', 'rating'],
			['2026-03-02', 'health_web'],
			['2026-03-01', 'programme_week']
		]);
		expect(timeline[2]).toEqual({ kind: 'rating', key: 'r-r1', day: '2026-03-09', by: 'Piet Prof', domains: 2 });
		expect(timeline[4]).toMatchObject({ week: 0, exerciseDone: true, stepDone: false, checkedIn: true });
	});

	it('shows a note as one short line, and whether its summary was shared', () => {
		const note = timeline[0]!;
		if (note.kind !== 'conversation_note') throw new Error(note.kind);
		expect(note.excerpt.startsWith('Over de buren. Lang verhaal.')).toBe(true);
		expect(note.excerpt).not.toContain('\n');
		expect(note.excerpt).toHaveLength(noteExcerptLength);
		expect(note.excerpt.endsWith('…')).toBe(true);
		expect(note.summaryShared).toBe(true);
	});

	it('filters by kind; no filter shows all; the group filter holds sessions, check-ins and notes', () => {
		expect(filterTimeline(timeline, ['notitie', 'uitslag']).map((e) => e.kind)).toEqual(['conversation_note', 'measurement']);
		expect(filterTimeline(timeline, [])).toEqual(timeline);
		expect(filterTimeline(timeline, ['groep'])).toEqual([]);
		expect([...filterKinds(['groep'])]).toEqual(['group_session', 'group_check_in', 'group_note']);
	});

	it('reads the filter from the query, passing over what it does not know', () => {
		expect(parseTimelineFilter(['notitie', 'onzin', 'uitslag', 'notitie'])).toEqual(['uitslag', 'notitie']);
		expect(parseTimelineFilter([])).toEqual([]);
	});
});
