import type { Locale } from '$lib/paraglide/runtime';
import type { SignedInAccount } from '$lib/server/auth/account';

declare global {
	namespace App {
		interface Locals {
			locale: Locale;
			/** The signed-in account on pages, or null. */
			account: SignedInAccount | null;
			/** Set when the database could not be reached while answering: the answer becomes a 503. */
			databaseUnavailable?: boolean;
		}
		interface Error {
			message: string;
			/** Shown to the person so they can mention it when asking for help; never personal data. */
			errorId?: string;
			/** Why access was refused (policy module), so the error page can say what to do. */
			reason?: 'sign_in_required' | 'two_factor_required' | 'no_access';
			/** The database could not be reached: the page says to try again in a moment. */
			databaseUnavailable?: true;
		}
	}
}

export {};
