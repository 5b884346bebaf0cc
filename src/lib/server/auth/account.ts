/** The acting account: who a request is made by, as every use-case takes it. */
import type { Locale } from '$lib/paraglide/runtime';

export interface SignedInAccount {
	id: string;
	email: string;
	locale: Locale;
	twoFactorEnabled: boolean;
}
