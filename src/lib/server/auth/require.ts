/**
 * The one check for pages of a signed-in person: without a session, sign in first and come back here.
 * - `requireAccount(event)`: the signed-in account, or a redirect to the sign-in page.
 */
import { redirect } from '@sveltejs/kit';
import type { SignedInAccount } from '$lib/features/accounts/accounts.server';
import { href } from '$lib/i18n/href';
import { deLocalizePath } from '$lib/i18n/paths';

export function requireAccount(event: { locals: App.Locals; url: URL }): SignedInAccount {
	const { account, locale } = event.locals;
	if (account) return account;
	const back = encodeURIComponent(deLocalizePath(event.url.pathname));
	redirect(303, `${href('/account/inloggen', { locale })}?terug=${back}`);
}
