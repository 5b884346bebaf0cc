import type { Locale } from '$lib/paraglide/runtime';

declare global {
	namespace App {
		interface Locals {
			locale: Locale;
		}
		interface Error {
			message: string;
			/** Shown to the person so they can mention it when asking for help; never personal data. */
			errorId?: string;
		}
	}
}

export {};
