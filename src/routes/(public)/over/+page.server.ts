import { error } from '@sveltejs/kit';
import { getPage } from '$lib/features/content/content';
import { instrumentIds, instruments } from '$lib/features/instruments/instruments';
import type { PageServerLoad } from './$types';

// The same for everyone and fully usable without JavaScript: built once as a file, and no script is sent.
export const prerender = true;
export const csr = false;

export const load: PageServerLoad = ({ locals }) => {
	const page = getPage(locals.locale, 'over');
	if (!page) error(404, 'Not found');
	const sources = instrumentIds.map((id) => {
		const def = instruments[id];
		return {
			id,
			title: def.title[locals.locale],
			citation: def.citation.text,
			url: def.citation.url ?? null,
			terms: def.citation.terms[locals.locale],
			translationNote: def.translationNote?.[locals.locale] ?? null
		};
	});
	return { page: { title: page.title, description: page.description, html: page.html }, sources };
};
