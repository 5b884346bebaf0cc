import { listExercises } from '$lib/features/exercises/exercises.content';
import type { PageServerLoad } from './$types';

// The same for everyone and fully usable without JavaScript: built once as a file, and no script is sent.
export const prerender = true;
export const csr = false;

export const load: PageServerLoad = ({ locals }) => ({
	exercises: listExercises(locals.locale).map(({ id, title, summary, minutes, kind }) => ({ id, title, summary, minutes, kind }))
});
