import { redirect } from '@sveltejs/kit';
import { decodeViewSettings, encodeViewSettings, viewCookie, viewSettingsFromForm } from '$lib/features/display/view-settings';
import { href } from '$lib/i18n/href';
import type { Actions, PageServerLoad } from './$types';

// A plain form: it works fully without JavaScript, so it ships none.
export const csr = false;

/** "Groter en rustiger": the display settings of this browser, kept in a cookie (no account needed). */
export const load: PageServerLoad = ({ cookies, url, setHeaders }) => {
	setHeaders({ 'cache-control': 'private, no-store' });
	return { settings: decodeViewSettings(cookies.get(viewCookie.name)), saved: url.searchParams.has('bewaard') };
};

export const actions: Actions = {
	default: async ({ request, cookies, url, locals }) => {
		const settings = viewSettingsFromForm(await request.formData());
		cookies.set(viewCookie.name, encodeViewSettings(settings), {
			path: '/',
			httpOnly: true,
			sameSite: 'lax',
			secure: url.protocol === 'https:',
			maxAge: viewCookie.maxAgeSeconds
		});
		redirect(303, `${href('/weergave', { locale: locals.locale })}?bewaard`);
	}
};
