/**
 * The Dutch knowledge articles are written for professionals, but must still read easily: welfare workers and
 * practice nurses read them between appointments, and a clear text is a better model for talking with clients.
 * Their own text (the body before the references, which are titles in their original language) must score at least
 * 60 on Flesch-Douma: the same B1 bar as everything else under content/nl, which the content-wide test also applies
 * to the whole file.
 */
import { describe, expect, it } from 'vitest';
import { fleschDouma } from '$lib/features/content/readability';
import { listArticles, referencesHeading } from './knowledge.content';

const minimumReadingEase = 60;

describe('Dutch knowledge articles read easily', () => {
	const articles = listArticles('nl');

	it.each(articles.map((a) => [a.id, a] as const))('%s scores at least 60 on Flesch-Douma', (id, article) => {
		const prose = article.markdown.split(new RegExp(`^## ${referencesHeading.nl}$`, 'm'))[0] ?? '';
		const score = fleschDouma(prose);
		expect(score, `${id} scores ${score.toFixed(1)} on Flesch-Douma; at least ${minimumReadingEase} is needed`).toBeGreaterThanOrEqual(
			minimumReadingEase
		);
	});
});
