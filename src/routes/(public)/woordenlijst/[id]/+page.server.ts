import { error } from '@sveltejs/kit';
import { getGlossaryEntry } from '$lib/features/exercises/exercises.content';
import type { PageServerLoad } from './$types';

// The same for everyone and fully usable without JavaScript: built once as a file, and no script is sent.
export const prerender = true;
export const csr = false;

export const load: PageServerLoad = ({ locals, params }) => {
	const entry = getGlossaryEntry(locals.locale, params.id);
	if (!entry) error(404, 'Not found');
	return { entry: { term: entry.term, summary: entry.summary, html: entry.html } };
};
