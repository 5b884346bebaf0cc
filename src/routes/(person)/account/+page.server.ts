import { redirect } from '@sveltejs/kit';
import { signOut, signOutEverywhere } from '$lib/features/accounts/accounts.server';
import { getInstrument } from '$lib/features/instruments/instruments';
import { listMeasurementsForAccount } from '$lib/features/measurements/measurements.server';
import { href } from '$lib/i18n/href';
import { requireAccount } from '$lib/server/auth/require';
import { revokeAllApiTokens } from '$lib/features/api-tokens/api-tokens.server';
import { auth } from '$lib/server/auth';
import { db } from '$lib/server/db';
import type { Actions, PageServerLoad } from './$types';

// Fully usable without JavaScript (its forms post as they are): no script is sent.
export const csr = false;

export const load: PageServerLoad = async (event) => {
	const { url, locals } = event;
	const account = requireAccount(event);
	const measurements = await listMeasurementsForAccount(db(), { accountId: account.id, instrumentFor: getInstrument });
	return {
		justClaimed: url.searchParams.has('toegevoegd'),
		results: measurements.map((m) => {
			const def = getInstrument(m.score.instrument);
			return {
				id: m.id,
				takenAt: m.takenAt.toISOString(),
				total: m.score.total,
				max: def?.totalRange.max ?? null,
				band: def?.bands.find((b) => b.id === m.score.band)?.label[locals.locale] ?? null
			};
		})
	};
};

export const actions: Actions = {
	signOut: async (event) => {
		const { request, locals } = event;
		requireAccount(event);
		await signOut(auth(), { headers: request.headers });
		redirect(303, `${href('/account/inloggen', { locale: locals.locale })}?uitgelogd`);
	},
	signOutEverywhere: async (event) => {
		const { request, locals } = event;
		const account = requireAccount(event);
		await revokeAllApiTokens(db(), { actor: account });
		await signOutEverywhere(auth(), { headers: request.headers });
		redirect(303, `${href('/account/inloggen', { locale: locals.locale })}?uitgelogd`);
	}
};
