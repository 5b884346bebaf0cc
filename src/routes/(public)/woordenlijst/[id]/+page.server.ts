import { error } from '@sveltejs/kit';
import { getGlossaryEntry } from '$lib/features/exercises/exercises.content';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, params }) => {
	const entry = getGlossaryEntry(locals.locale, params.id);
	if (!entry) error(404, 'Not found');
	return { entry: { term: entry.term, summary: entry.summary, html: entry.html } };
};
