import { describe, expect, it } from 'vitest';
import { clientTimeline, type TimelineSession } from './timeline';

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
