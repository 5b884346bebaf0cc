/** The words for account form errors, in the page's language. */
import { m } from '$lib/paraglide/messages';
import { passwordMaxLength, passwordMinLength, type AccountFieldError } from './accounts.schema';

export function accountErrorText(code: AccountFieldError | undefined): string | undefined {
	switch (code) {
		case undefined:
			return undefined;
		case 'email_invalid':
			return m.error_email_invalid();
		case 'password_too_short':
			return m.error_password_too_short({ min: passwordMinLength });
		case 'password_too_long':
			return m.error_password_too_long({ max: passwordMaxLength });
		case 'passwords_differ':
			return m.error_passwords_differ();
		case 'token_missing':
			return m.error_token_missing();
		case 'generic':
			return m.error_field_generic();
	}
}
