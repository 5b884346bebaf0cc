import { contactCircles, stepEfforts, type ContactCircle, type StepEffort } from '$lib/features/exercises/exercises.schema';
import { listSteps } from '$lib/features/exercises/exercises.content';
import type { PageServerLoad } from './$types';

// Fully usable without JavaScript (its forms post as they are): no script is sent.
export const csr = false;

/** The library of small steps, filtered by circle (`?kring=`) and by how hard it feels (`?moeite=`) with a GET form. */
export const load: PageServerLoad = ({ locals, url }) => {
	const circleParam = url.searchParams.get('kring');
	const effortParam = Number(url.searchParams.get('moeite'));
	const circle = contactCircles.find((c) => c === circleParam) as ContactCircle | undefined;
	const effort = stepEfforts.find((e) => e === effortParam) as StepEffort | undefined;
	return {
		circle: circle ?? null,
		effort: effort ?? null,
		steps: listSteps(locals.locale, { circle, effort }).map(({ id, title, circle, effort, html }) => ({ id, title, circle, effort, html }))
	};
};
