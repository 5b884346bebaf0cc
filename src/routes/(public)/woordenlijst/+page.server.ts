import { listGlossary } from '$lib/features/exercises/exercises.content';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => ({
	entries: listGlossary(locals.locale).map(({ id, term, summary }) => ({ id, term, summary }))
});
