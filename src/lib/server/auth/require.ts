/**
 * The checks at the door of each page group; the use-cases check again inside (policy module).
 * - `requireAccount(event)`: the signed-in account, or a redirect to the sign-in page.
 * - `requireRole(event, role)`: the account of someone with the role (or any of the roles given). Without the role: 403.
 *   Without two-step sign-in: a redirect to switch it on first, since these pages show other people's data.
 */
import { error, redirect } from '@sveltejs/kit';
import type { SignedInAccount } from '$lib/server/auth/account';
import type { MembershipRole } from '$lib/server/db/schema';
import { href } from '$lib/i18n/href';
import { deLocalizePath } from '$lib/i18n/paths';

export function requireAccount(event: { locals: App.Locals; url: URL }): SignedInAccount {
	const { account, locale } = event.locals;
	if (account) return account;
	const code = event.url.searchParams.get('code');
	const query = code && /^[A-Za-z0-9-]{1,20}$/.test(code) ? `?code=${code}` : '';
	const back = encodeURIComponent(deLocalizePath(event.url.pathname) + query);
	redirect(303, `${href('/account/inloggen', { locale })}?terug=${back}`);
}

export async function requireRole(
	event: { locals: App.Locals; url: URL; parent: () => Promise<{ professional: boolean; admin: boolean; reportReader?: boolean }> },
	role: MembershipRole | readonly MembershipRole[]
): Promise<{ account: SignedInAccount }> {
	const account = requireAccount(event);
	// The root layout has looked the roles up already for the header: no second query per page.
	const roles = await event.parent();
	const wanted: readonly MembershipRole[] = typeof role === 'string' ? [role] : role;
	const has = { admin: roles.admin, professional: roles.professional, report_reader: roles.reportReader ?? false };
	if (!wanted.some((one) => has[one])) error(403, 'No access', { reason: 'no_access' });
	if (!account.twoFactorEnabled) redirect(303, `${href('/account/tweestaps', { locale: event.locals.locale })}?verplicht`);
	return { account };
}
