import { error } from '@sveltejs/kit';
import { getExercise } from '$lib/features/exercises/exercises.content';
import { getMechanism } from '$lib/features/patterns/mechanisms';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, params }) => {
	const exercise = getExercise(locals.locale, params.id);
	if (!exercise) error(404, 'Not found');
	return {
		exercise: { id: exercise.id, title: exercise.title, summary: exercise.summary, minutes: exercise.minutes, html: exercise.html },
		helpsWith: exercise.mechanisms.flatMap((id) => getMechanism(id)?.name[locals.locale] ?? [])
	};
};
