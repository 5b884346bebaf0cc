import { error } from '@sveltejs/kit';
import { getArticle, nextArticle } from '$lib/features/knowledge/knowledge.content';
import type { PageServerLoad } from './$types';

// Fully usable without JavaScript (its forms post as they are): no script is sent.
export const csr = false;

export const load: PageServerLoad = async ({ locals, params, parent }) => {
	// Content, not client data, but still only for the professionals the group layout lets in.
	await parent();
	const article = getArticle(locals.locale, params.id);
	if (!article) error(404, 'Not found');
	const next = nextArticle(locals.locale, article.id);
	return {
		article: {
			id: article.id,
			title: article.title,
			summary: article.summary,
			minutes: article.minutes,
			topics: article.topics,
			html: article.html
		},
		next: next ? { id: next.id, title: next.title } : null
	};
};
