/** The words for form errors, in the page's language. */
import { m } from '$lib/paraglide/messages';
import { passwordMaxLength, passwordMinLength, type FieldError } from './form-errors';

/** The limits a feature's texts name ("at most 60 characters"), given by the feature that sets them. */
export type FieldLimits = Partial<Record<FieldError, number>>;

/** A text that names a limit, or the generic one when the form did not say what the limit is. */
function withLimit(limits: FieldLimits, code: FieldError, text: (limit: { max: number }) => string): string {
	const max = limits[code];
	return max === undefined ? m.error_field_generic() : text({ max });
}

export function fieldErrorText(code: FieldError | undefined, limits: FieldLimits = {}): string | undefined {
	switch (code) {
		case undefined:
			return undefined;
		case 'email_invalid':
			return m.error_email_invalid();
		case 'password_too_short':
			return m.error_password_too_short({ min: passwordMinLength });
		case 'password_too_long':
			return m.error_password_too_long({ max: passwordMaxLength });
		case 'password_guessable':
			return m.error_password_guessable();
		case 'passwords_differ':
			return m.error_passwords_differ();
		case 'token_missing':
			return m.error_token_missing();
		case 'name_missing':
			return m.error_name_missing();
		case 'name_too_long':
			return m.error_name_too_long();
		case 'organisation_name_missing':
			return m.error_organisation_name_missing();
		case 'organisation_kind_invalid':
			return m.error_organisation_kind_invalid();
		case 'role_invalid':
			return m.error_role_invalid();
		case 'setup_token_wrong':
			return m.error_setup_token_wrong();
		case 'code_invalid':
			return m.error_code_invalid();
		case 'scopes_missing':
			return m.error_scopes_missing();
		case 'audience_invalid':
			return m.error_audience_invalid();
		case 'professional_left':
			return m.error_professional_left();
		case 'label_missing':
			return m.error_label_missing();
		case 'email_taken':
			return m.error_email_taken();
		case 'password_wrong':
			return m.two_factor_wrong_password();
		case 'email_has_account':
			return m.error_email_has_account();
		case 'mood_missing':
			return m.error_mood_missing();
		case 'text_missing':
			return m.error_text_missing();
		case 'text_too_long':
			return m.error_text_too_long();
		case 'belief_invalid':
			return m.error_belief_invalid();
		case 'step_unknown':
			return m.error_step_unknown();
		case 'day_invalid':
			return m.error_day_invalid();
		case 'rating_invalid':
			return m.error_rating_invalid();
		case 'nickname_too_long':
			return withLimit(limits, code, m.error_nickname_too_long);
		case 'circle_invalid':
			return m.error_circle_invalid();
		case 'brings_invalid':
			return m.error_brings_invalid();
		case 'rhythm_invalid':
			return m.error_rhythm_invalid();
		case 'note_too_long':
			return withLimit(limits, code, m.error_note_too_long);
		case 'kind_invalid':
			return m.error_kind_invalid();
		case 'day_in_future':
			return m.error_day_in_future();
		case 'day_in_past':
			return m.error_day_in_past();
		case 'feeling_invalid':
			return m.error_feeling_invalid();
		case 'time_invalid':
			return m.error_time_invalid();
		case 'place_too_long':
			return withLimit(limits, code, m.error_place_too_long);
		case 'outcome_invalid':
			return m.error_outcome_invalid();
		case 'instrument_invalid':
			return m.error_instrument_invalid();
		case 'repeat_invalid':
			return m.error_repeat_invalid();
		case 'week_invalid':
			return m.error_week_invalid();
		case 'choice_invalid':
			return m.error_choice_invalid();
		case 'share_invalid':
			return m.error_share_invalid();
		case 'steps_too_many':
			return m.error_steps_too_many();
		case 'capacity_invalid':
			return m.group_error_capacity();
		case 'complete_after_invalid':
			return m.group_error_complete_after();
		case 'complete_after_too_high':
			return m.group_error_complete_after_too_high();
		case 'leaders_invalid':
			return m.group_error_leaders();
		case 'sessions_invalid':
			return m.group_error_sessions();
		case 'end_before_start':
			return m.group_error_end_before_start();
		case 'video_url_invalid':
			return m.group_error_video_url();
		case 'place_or_video_missing':
			return m.group_error_place_or_video();
		case 'return_day_too_early':
			return m.group_error_return_day();
		case 'report_title_missing':
			return m.report_error_title_missing();
		case 'report_title_too_long':
			return m.report_error_title_too_long();
		case 'report_kind_invalid':
			return m.report_error_kind_invalid();
		case 'report_programme_invalid':
			return m.report_error_programme_invalid();
		case 'report_groups_invalid':
			return m.report_error_groups_invalid();
		case 'report_quarter_invalid':
			return m.report_error_quarter_invalid();
		case 'report_quarter_order':
			return m.report_error_quarter_order();
		case 'report_period_required':
			return m.report_error_period_required();
		case 'report_scale_sd_invalid':
			return m.report_error_scale_sd_invalid();
		case 'report_reliability_invalid':
			return m.report_error_reliability_invalid();
		case 'report_funder_invalid':
			return m.report_error_funder_invalid();
		case 'report_setting_invalid':
			return m.report_error_setting_invalid();
		case 'generic':
			return m.error_field_generic();
	}
}
