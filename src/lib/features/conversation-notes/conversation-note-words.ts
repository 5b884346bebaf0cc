/** The words for the conversation-note form's errors, in the page's language (or the one asked for). */
import { m } from '$lib/paraglide/messages';
import type { Locale } from '$lib/paraglide/runtime';
import type { NoteFieldError } from './conversation-notes.schema';
import { noteBodyMaxLength, noteSummaryMaxLength } from './conversation-note-limits';

export function noteErrorText(id: NoteFieldError | (string & {}) | undefined, locale?: Locale): string | undefined {
	const options = locale ? { locale } : {};
	switch (id as NoteFieldError | undefined) {
		case undefined:
			return undefined;
		case 'day_invalid':
			return m.error_day_invalid({}, options);
		case 'day_in_future':
			return m.notes_error_day_in_future({}, options);
		case 'note_missing':
			return m.notes_error_note_missing({}, options);
		case 'note_too_long':
			return m.error_note_too_long({ max: noteBodyMaxLength }, options);
		case 'summary_too_long':
			return m.error_note_too_long({ max: noteSummaryMaxLength }, options);
		case 'summary_missing_for_share':
			return m.notes_error_summary_missing_for_share({}, options);
		case 'share_invalid':
			return m.notes_error_share_invalid({}, options);
		default:
			return m.error_field_generic({}, options);
	}
}
