import { fail, redirect } from '@sveltejs/kit';
import {
	confirmTwoFactorSetup,
	describeSetup,
	startTwoFactorSetup,
	turnOffTwoFactor
} from '$lib/features/accounts/two-factor.server';
import { href } from '$lib/i18n/href';
import { auth } from '$lib/server/auth';
import { requireAccount } from '$lib/server/auth/require';
import { membershipsOf } from '$lib/kernel/policy.server';
import { db } from '$lib/server/db';
import type { Actions, PageServerLoad } from './$types';

// Fully usable without JavaScript (its forms post as they are): no script is sent.
export const csr = false;

export const load: PageServerLoad = (event) => {
	const { url } = event;
	return {
		enabled: requireAccount(event).twoFactorEnabled,
		turnedOn: url.searchParams.has('aan'),
		turnedOff: url.searchParams.has('uit'),
		// Sent here by a page for professionals or admins, which needs two-step sign-in first.
		required: url.searchParams.has('verplicht')
	};
};

const text = (form: FormData, name: string) => String(form.get(name) ?? '').slice(0, 2000);
const here = (locale: 'nl' | 'en') => href('/account/tweestaps', { locale });

export const actions: Actions = {
	/** Password first; then the page shows the QR code, the key and the recovery codes. */
	start: async (event) => {
		const { request } = event;
		requireAccount(event);
		const form = await request.formData();
		const outcome = await startTwoFactorSetup(auth(), { password: text(form, 'password'), headers: request.headers });
		if (!outcome.ok) return fail(400, { problem: 'wrong_password' as const });
		return { setup: outcome.setup };
	},
	/** The first code from the app switches it on. On a wrong code the same setup is shown again. */
	confirm: async (event) => {
		const { request, locals } = event;
		requireAccount(event);
		const form = await request.formData();
		const outcome = await confirmTwoFactorSetup(auth(), { code: text(form, 'code').replace(/\s+/g, ''), headers: request.headers });
		if (!outcome.ok) {
			const totpUri = text(form, 'totpUri');
			if (!totpUri.startsWith('otpauth://')) return fail(400, { problem: 'wrong_code' as const });
			const codes = text(form, 'recoveryCodes').split(/\s+/).filter(Boolean);
			return fail(400, { problem: 'wrong_code' as const, setup: await describeSetup(totpUri, codes) });
		}
		redirect(303, `${here(locals.locale)}?aan`);
	},
	off: async (event) => {
		const { request, locals } = event;
		// Professionals and admins keep it on: their pages show other people's data.
		if ((await membershipsOf(db(), requireAccount(event).id)).length > 0) return fail(400, { problem: 'required' as const });
		const form = await request.formData();
		const outcome = await turnOffTwoFactor(auth(), { password: text(form, 'password'), headers: request.headers });
		if (!outcome.ok) return fail(400, { problem: 'wrong_password' as const });
		redirect(303, `${here(locals.locale)}?uit`);
	}
};
