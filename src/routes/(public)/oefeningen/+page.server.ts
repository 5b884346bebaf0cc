import { listExercises } from '$lib/features/exercises/exercises.content';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => ({
	exercises: listExercises(locals.locale).map(({ id, title, summary, minutes, kind }) => ({ id, title, summary, minutes, kind }))
});
