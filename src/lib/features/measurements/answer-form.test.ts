import { describe, expect, it } from 'vitest';
import { instruments } from '$lib/features/instruments/instruments';
import { answerFieldName, readAnswersFromForm } from './answer-form';

const djg11 = instruments['djg-11'];

function form(entries: Record<string, string>): FormData {
	const data = new FormData();
	for (const [k, v] of Object.entries(entries)) data.set(k, v);
	return data;
}

describe('readAnswersFromForm', () => {
	it('reads a complete form', () => {
		const entries = Object.fromEntries(djg11.items.map((item) => [answerFieldName(item.number), 'no']));
		const read = readAnswersFromForm(djg11, form(entries));
		expect(read.missing).toEqual([]);
		expect(read.invalid).toEqual([]);
		expect(Object.keys(read.answers)).toHaveLength(11);
		expect(read.answers[3]).toBe('no');
	});
	it('lists unanswered items in presentation order and keeps the given answers', () => {
		const read = readAnswersFromForm(djg11, form({ q1: 'yes', q5: 'more_or_less' }));
		expect(read.answers).toEqual({ 1: 'yes', 5: 'more_or_less' });
		expect(read.missing).toEqual([2, 3, 4, 6, 7, 8, 9, 10, 11]);
	});
	it('treats an unknown option as invalid, not as an answer', () => {
		const read = readAnswersFromForm(djg11, form({ q1: 'maybe', q2: '' }));
		expect(read.invalid).toEqual([1]);
		expect(read.missing).toContain(2);
		expect(read.answers[1]).toBeUndefined();
	});
	it('ignores fields that are not items', () => {
		const read = readAnswersFromForm(djg11, form({ q99: 'yes', other: 'x' }));
		expect(Object.keys(read.answers)).toHaveLength(0);
		expect(read.missing).toHaveLength(11);
	});
});
