import { instruments } from '$lib/features/instruments/instruments';
import { localizeInstrument } from '$lib/features/instruments/instrument-view';
import type { PageServerLoad } from './$types';

// The same for everyone and fully usable without JavaScript: built once as a file, and no script is sent. The form
// posts to the result page, which scores the answers.
export const prerender = true;
export const csr = false;

export const load: PageServerLoad = ({ locals }) => ({
	instrument: localizeInstrument(instruments['djg-11'], locals.locale)
});
