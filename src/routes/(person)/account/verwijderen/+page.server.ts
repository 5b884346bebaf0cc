import { fail, redirect } from '@sveltejs/kit';
import { signOut } from '$lib/features/accounts/accounts.server';
import { deleteAccount, describeAccountForDeletion } from '$lib/composers/personal-data/personal-data.server';
import { href } from '$lib/i18n/href';
import { auth } from '$lib/server/auth';
import { db } from '$lib/server/db';
import { requireAccount } from '$lib/server/auth/require';
import type { Actions, PageServerLoad } from './$types';

// Fully usable without JavaScript (its forms post as they are): no script is sent.
export const csr = false;

export const load: PageServerLoad = async (event) => ({
	loses: await describeAccountForDeletion(db(), { account: requireAccount(event) })
});

export const actions: Actions = {
	/** Deletes the account and everything it owns, after the confirmation on this page. */
	default: async (event) => {
		const { request, locals } = event;
		const account = requireAccount(event);
		const loses = await describeAccountForDeletion(db(), { account });
		if (loses.lastAdminOf.length > 0) return fail(400, { lastAdmin: true });
		// Signing out first clears the session cookie in this browser.
		await signOut(auth(), { headers: request.headers });
		const outcome = await deleteAccount(db(), { account });
		if (!outcome.ok) return fail(400, { lastAdmin: true });
		redirect(303, `${href('/', { locale: locals.locale })}?account-verwijderd`);
	}
};
