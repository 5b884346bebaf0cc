import { listGlossary } from '$lib/features/exercises/exercises.content';
import type { PageServerLoad } from './$types';

// The same for everyone and fully usable without JavaScript: built once as a file, and no script is sent.
export const prerender = true;
export const csr = false;

export const load: PageServerLoad = ({ locals }) => ({
	entries: listGlossary(locals.locale).map(({ id, term, summary }) => ({ id, term, summary }))
});
