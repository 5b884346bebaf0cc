import { error } from '@sveltejs/kit';
import { getPage } from '$lib/features/content/content';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
	const page = getPage(locals.locale, 'privacy');
	if (!page) error(404, 'Not found');
	return { page: { title: page.title, description: page.description, html: page.html } };
};
