/**
 * The form-error vocabulary every form shares. Schemas put message ids (not texts) in their issues, and the page turns
 * them into words in its own language (`form-error-words.ts`).
 * - `FieldError`: every message id; `FieldErrors`: field → first message id.
 * - `fieldErrors(error)`: that map from a failed Zod parse; unknown messages become `generic`.
 * - `passwordMinLength`, `passwordMaxLength`: the limits the password texts name.
 */
import type { z } from 'zod';

const fieldErrorIds = [
	'email_invalid',
	'password_too_short',
	'password_too_long',
	'password_guessable',
	'passwords_differ',
	'token_missing',
	'name_missing',
	'name_too_long',
	'organisation_name_missing',
	'organisation_kind_invalid',
	'role_invalid',
	'setup_token_wrong',
	'code_invalid',
	'scopes_missing',
	'audience_invalid',
	'professional_left',
	'label_missing',
	'email_taken',
	'password_wrong',
	'mood_missing',
	'text_missing',
	'text_too_long',
	'belief_invalid',
	'step_unknown',
	'day_invalid',
	'rating_invalid',
	'email_has_account',
	// The relationship map (relationships.schema.ts).
	'nickname_too_long',
	'circle_invalid',
	'brings_invalid',
	'rhythm_invalid',
	'note_too_long',
	'kind_invalid',
	'day_in_future',
	'day_in_past',
	'feeling_invalid',
	'time_invalid',
	'place_too_long',
	'outcome_invalid',
	// Measurement requests (measurement-requests/requests.ts).
	'instrument_invalid',
	'repeat_invalid',
	// The programme (features/programme/programme-input.schema.ts).
	'week_invalid',
	'choice_invalid',
	'share_invalid',
	'steps_too_many',
	// Group trainings (features/groups/group.schema.ts).
	'capacity_invalid',
	'complete_after_invalid',
	'complete_after_too_high',
	'leaders_invalid',
	'sessions_invalid',
	'end_before_start',
	'video_url_invalid',
	'place_or_video_missing',
	'return_day_too_early',
	// Outcome reports (features/reports/report.schema.ts, filters.ts).
	'report_title_missing',
	'report_title_too_long',
	'report_kind_invalid',
	'report_programme_invalid',
	'report_groups_invalid',
	'report_quarter_invalid',
	'report_quarter_order',
	'report_period_required',
	'report_scale_sd_invalid',
	'report_reliability_invalid',
	'report_funder_invalid',
	'report_setting_invalid',
	'generic'
] as const;

/** Message ids for form fields, shared by every form (the page turns them into text in its own language). */
export type FieldError = (typeof fieldErrorIds)[number];

const knownErrors: ReadonlySet<string> = new Set<string>(fieldErrorIds);

function isFieldError(value: string): value is FieldError {
	return knownErrors.has(value);
}

export const passwordMinLength = 10;
export const passwordMaxLength = 128;

export type FieldErrors = Partial<Record<string, FieldError>>;

/** Field → first message id, from a failed parse. */
export function fieldErrors(error: z.ZodError): FieldErrors {
	const errors: FieldErrors = {};
	for (const issue of error.issues) {
		const field = String(issue.path[0] ?? 'form');
		// Only our own message ids reach the page; anything else (a library default) gets the generic one.
		errors[field] ??= isFieldError(issue.message) ? issue.message : 'generic';
	}
	return errors;
}
