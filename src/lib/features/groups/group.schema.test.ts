import { describe, expect, it } from 'vitest';
import { fieldErrors } from '$lib/kernel/form-errors';
import { attendanceSchema, groupFormInput, groupNoteSchema, lastSeriesDay, newGroupSchema, sessionChangeSchema, sessionSeriesSchema } from './group.schema';

const errorsOf = (result: { success: boolean; error?: Parameters<typeof fieldErrors>[0] }) => (result.success ? {} : fieldErrors(result.error!));

const form = (fields: Record<string, string | string[]>) => {
	const data = new FormData();
	for (const [name, value] of Object.entries(fields)) for (const one of [value].flat()) data.append(name, one);
	return data;
};

const minimal = { name: ' Samen sterker ', leaderIds: 'lotte', firstDay: '2026-03-02', startsAt: '10:00', endsAt: '11:30', place: 'Buurthuis' };

describe('newGroupSchema', () => {
	it('fills the defaults: no programme, 12 places, complete after 6, 8 sessions, no return meeting', () => {
		expect(newGroupSchema.parse(groupFormInput(form(minimal)))).toEqual({
			name: 'Samen sterker',
			programme: 'none',
			capacity: 12,
			completeAfter: 6,
			leaderIds: ['lotte'],
			firstDay: '2026-03-02',
			count: 8,
			startsAt: '10:00',
			endsAt: '11:30',
			place: 'Buurthuis',
			videoUrl: null,
			returnDay: null
		});
	});

	it('takes two leaders once each, never none or three', () => {
		expect(newGroupSchema.parse({ ...minimal, leaderIds: ['a', 'b', 'a'] }).leaderIds).toEqual(['a', 'b']);
		expect(errorsOf(newGroupSchema.safeParse({ ...minimal, leaderIds: [] }))).toEqual({ leaderIds: 'leaders_invalid' });
		expect(errorsOf(newGroupSchema.safeParse(groupFormInput(form({ ...minimal, leaderIds: [] }))))).toEqual({ leaderIds: 'leaders_invalid' });
		expect(errorsOf(newGroupSchema.safeParse({ ...minimal, leaderIds: ['a', 'b', 'c'] }))).toEqual({ leaderIds: 'leaders_invalid' });
	});

	it('names each wrong field with its message id', () => {
		const wrong = { ...minimal, name: ' ', capacity: '1', count: '21', completeAfter: 'zes', startsAt: '25:00', firstDay: '2026-02-30', place: '', videoUrl: 'http://meet.example.nl' };
		expect(errorsOf(newGroupSchema.safeParse(wrong))).toEqual({
			name: 'name_missing',
			capacity: 'capacity_invalid',
			count: 'sessions_invalid',
			completeAfter: 'complete_after_invalid',
			startsAt: 'time_invalid',
			firstDay: 'day_invalid',
			videoUrl: 'video_url_invalid'
		});
	});

	it('wants the end after the start, a place or a link, complete-after within the sessions, and a return meeting after the last', () => {
		expect(errorsOf(newGroupSchema.safeParse({ ...minimal, endsAt: '10:00', place: '', count: '4', completeAfter: '5', returnDay: '2026-03-23' }))).toEqual({
			endsAt: 'end_before_start',
			place: 'place_or_video_missing',
			completeAfter: 'complete_after_too_high',
			returnDay: 'return_day_too_early'
		});
		expect(newGroupSchema.parse({ ...minimal, place: '', videoUrl: 'https://meet.example.nl/x', returnDay: '2026-06-01' })).toMatchObject({ place: null, videoUrl: 'https://meet.example.nl/x', returnDay: '2026-06-01' });
	});
});

describe('sessions, attendance and notes', () => {
	it('plans the last of a weekly series seven days apart', () => {
		expect(lastSeriesDay('2026-03-02', 8)).toBe('2026-04-20');
		expect(sessionSeriesSchema.parse({ firstDay: '2026-03-30', count: '1', startsAt: '19:00', endsAt: '20:00', place: 'Bieb' }).count).toBe(1);
	});

	it('checks a moved session like a new one', () => {
		expect(errorsOf(sessionChangeSchema.safeParse({ day: '', startsAt: '10:00', endsAt: '09:00', place: 'x'.repeat(121) }))).toEqual({
			day: 'day_invalid',
			endsAt: 'end_before_start',
			place: 'place_too_long'
		});
	});

	it('takes the six statuses and a note of at most 2000 characters', () => {
		expect(attendanceSchema.parse({ status: 'excused' })).toEqual({ status: 'excused' });
		expect(errorsOf(attendanceSchema.safeParse({ status: 'maybe' }))).toEqual({ status: 'choice_invalid' });
		expect(groupNoteSchema.parse({ body: '  Stil vandaag. ' })).toEqual({ body: 'Stil vandaag.' });
		expect(errorsOf(groupNoteSchema.safeParse({ body: 'x'.repeat(2001) }))).toEqual({ body: 'note_too_long' });
		expect(errorsOf(groupNoteSchema.safeParse({ body: ' ' }))).toEqual({ body: 'text_missing' });
	});
});
