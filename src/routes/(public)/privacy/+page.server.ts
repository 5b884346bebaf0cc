import { error } from '@sveltejs/kit';
import { getPage } from '$lib/features/content/content';
import type { PageServerLoad } from './$types';

// The same for everyone and fully usable without JavaScript: built once as a file, and no script is sent.
export const prerender = true;
export const csr = false;

export const load: PageServerLoad = ({ locals }) => {
	const page = getPage(locals.locale, 'privacy');
	if (!page) error(404, 'Not found');
	return { page: { title: page.title, description: page.description, html: page.html } };
};
