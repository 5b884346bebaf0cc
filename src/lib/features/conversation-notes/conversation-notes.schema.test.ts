import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { z } from 'zod';
import fs from 'node:fs';
import { noteErrorText } from './conversation-note-words';
import {
	conversationNoteSchema as schema,
	noteBodyMaxLength,
	noteFieldErrorIds,
	noteFieldErrors,
	noteFormInput,
	noteFormValues,
	noteSummaryMaxLength
} from './conversation-notes.schema';

/** Every issue of a failed parse as "path:message". */
function problems(result: z.ZodSafeParseResult<unknown>): string[] {
	expect(result.success).toBe(false);
	return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}:${issue.message}`);
}

// 20 March 2026, 23:30 in Amsterdam (22:30 UTC): still the 20th there, whatever the machine's own zone says.
const now = new Date('2026-03-20T22:30:00Z');
beforeEach(() => {
	vi.useFakeTimers({ toFake: ['Date'] });
	vi.setSystemTime(now);
});
afterEach(() => vi.useRealTimers());

describe('conversationNoteSchema', () => {
	it('takes a note from the form’s strings: trimmed, an empty summary is null, an unticked box is no share', () => {
		expect(schema.parse({ day: '2026-03-19', body: '  Praatte over de buurt.  ', summary: '   ', share: undefined })).toEqual({
			day: '2026-03-19',
			body: 'Praatte over de buurt.',
			summary: null,
			share: false
		});
		expect(schema.parse({ day: '2026-03-20', body: 'Notitie', summary: ' Dinsdag naar de breiclub. ', share: 'on' })).toEqual({
			day: '2026-03-20',
			body: 'Notitie',
			summary: 'Dinsdag naar de breiclub.',
			share: true
		});
	});

	it('takes JSON as the API sends it: booleans, null for no summary', () => {
		expect(schema.parse({ day: '2026-01-02', body: 'x', summary: null, share: false })).toEqual({ day: '2026-01-02', body: 'x', summary: null, share: false });
		expect(schema.parse({ day: '2026-01-02', body: 'x', summary: 'y', share: true }).share).toBe(true);
		expect(schema.parse({ day: '2026-01-02', body: 'x', summary: 'y', share: 'false' }).share).toBe(false);
	});

	it('takes today (in Amsterdam) when no day is given', () => {
		expect(schema.parse({ body: 'x' }).day).toBe('2026-03-20');
		expect(schema.parse({ day: '', body: 'x' }).day).toBe('2026-03-20');
	});

	it('refuses a day after today in Amsterdam, and a day that is no day', () => {
		expect(schema.safeParse({ day: '2026-03-20', body: 'x' }).success).toBe(true);
		expect(problems(schema.safeParse({ day: '2026-03-21', body: 'x' }))).toEqual(['day:day_in_future']);
		expect(problems(schema.safeParse({ day: '2099-01-01', body: 'x' }))).toEqual(['day:day_in_future']);
		for (const day of ['2026-02-30', '20-03-2026', 'gisteren', '2026-3-1', 20260320]) {
			expect(problems(schema.safeParse({ day, body: 'x' })), String(day)).toEqual(['day:day_invalid']);
		}
	});

	it('needs a note of 1 to 4000 characters after trimming', () => {
		expect(problems(schema.safeParse({ day: '2026-03-20' }))).toEqual(['body:note_missing']);
		expect(problems(schema.safeParse({ day: '2026-03-20', body: ' \n ' }))).toEqual(['body:note_missing']);
		expect(schema.parse({ body: ` ${'x'.repeat(noteBodyMaxLength)} ` }).body).toHaveLength(4000);
		expect(problems(schema.safeParse({ body: 'x'.repeat(noteBodyMaxLength + 1) }))).toEqual(['body:note_too_long']);
		expect(problems(schema.safeParse({ body: 42 }))).toEqual(['body:note_missing']);
	});

	it('takes a summary of at most 1000 characters after trimming', () => {
		expect(schema.parse({ body: 'x', summary: ` ${'s'.repeat(noteSummaryMaxLength)} ` }).summary).toHaveLength(1000);
		expect(problems(schema.safeParse({ body: 'x', summary: 's'.repeat(noteSummaryMaxLength + 1) }))).toEqual(['summary:summary_too_long']);
	});

	it('refuses sharing without a summary, also beside other errors', () => {
		expect(problems(schema.safeParse({ body: 'x', share: 'on' }))).toEqual(['summary:summary_missing_for_share']);
		expect(problems(schema.safeParse({ body: 'x', summary: '  ', share: true }))).toEqual(['summary:summary_missing_for_share']);
		expect(schema.safeParse({ body: 'x', summary: 'Tot dinsdag', share: true }).success).toBe(true);
		expect(problems(schema.safeParse({ body: '', share: 'on' }))).toEqual(['body:note_missing', 'summary:summary_missing_for_share']);
	});

	it('refuses a share that is neither a box nor a boolean', () => {
		expect(problems(schema.safeParse({ body: 'x', summary: 'y', share: 'misschien' }))).toEqual(['share:share_invalid']);
		expect(problems(schema.safeParse({ body: 'x', summary: 'y', share: 3 }))).toEqual(['share:share_invalid']);
	});

	it('gives only its own message ids, whatever comes in', () => {
		const anything = fc.oneof(
			fc.string({ maxLength: 5 }),
			fc.constantFrom('2026-03-20', '2026-03-21', '2026-02-30', 'on', 'true', '', ' '),
			fc.integer(),
			fc.boolean(),
			fc.constant(null),
			fc.constant(undefined)
		);
		fc.assert(
			fc.property(fc.record({ day: anything, body: anything, summary: anything, share: anything }, { requiredKeys: [] }), (input) => {
				const result = schema.safeParse(input);
				if (result.success) {
					expect(result.data.body.length).toBeGreaterThan(0);
					expect(result.data.day <= '2026-03-20').toBe(true);
					if (result.data.share) expect(result.data.summary).not.toBeNull();
					return;
				}
				for (const issue of result.error.issues) expect(noteFieldErrorIds).toContain(issue.message);
			})
		);
		expect(problems(schema.safeParse('een notitie'))).toEqual([':note_missing']);
	});
});

describe('the note form', () => {
	it('reads a posted form as the schema’s input, and gives what was sent back beside the first error per field', () => {
		const form = new FormData();
		form.set('day', '2026-03-22');
		form.set('body', '');
		form.set('summary', 'Voor Anna');
		form.set('share', 'on');
		form.set('csrf', 'x');
		expect(noteFormInput(form)).toEqual({ day: '2026-03-22', body: '', summary: 'Voor Anna', share: 'on' });
		const result = schema.safeParse(noteFormInput(form));
		expect(result.success).toBe(false);
		if (!result.success) expect(noteFieldErrors(result.error)).toEqual({ day: 'day_in_future', body: 'note_missing' });
		expect(noteFormValues(form)).toEqual({ day: '2026-03-22', body: '', summary: 'Voor Anna', share: true });
		form.delete('share');
		expect(noteFormValues(form).share).toBe(false);
		const unticked = new FormData();
		unticked.set('body', 'x');
		expect(schema.parse(noteFormInput(unticked))).toEqual({ day: '2026-03-20', body: 'x', summary: null, share: false });
	});
});

describe('noteErrorText', () => {
	it('has words for every message id in Dutch and in English, and they differ', () => {
		for (const id of noteFieldErrorIds) {
			const dutch = noteErrorText(id, 'nl');
			const english = noteErrorText(id, 'en');
			expect(dutch, id).toMatch(/\S/);
			expect(english, id).toMatch(/\S/);
			expect(dutch, id).not.toBe(english);
			expect(dutch, id).not.toBe(noteErrorText('no_such_id', 'nl'));
		}
		expect(noteErrorText('note_too_long', 'nl')).toContain('4000');
		expect(noteErrorText('summary_too_long', 'en')).toContain('1000');
		expect(noteErrorText(undefined, 'nl')).toBeUndefined();
	});

	it('has its own keys in both catalogues', () => {
		const catalogue = (locale: string) => JSON.parse(fs.readFileSync(new URL(`../../../../messages/${locale}.json`, import.meta.url), 'utf8')) as Record<string, string>;
		const [nl, en] = [catalogue('nl'), catalogue('en')];
		const keys = Object.keys(nl).filter((key) => key.startsWith('notes_') || key.startsWith('summaries_'));
		expect(keys.length).toBeGreaterThan(10);
		for (const key of keys) expect(en[key], key).toMatch(/\S/);
	});
});
