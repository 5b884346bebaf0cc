import { describe, expect, it } from 'vitest';
import { allContent, getPage, parseContentFile } from './content';

describe('content', () => {
	it('has every page in both languages, with valid front matter', () => {
		const pages = allContent();
		const slugs = new Set(pages.map((p) => p.slug));
		expect(slugs).toEqual(new Set(['privacy', 'over']));
		for (const slug of slugs) {
			for (const locale of ['nl', 'en'] as const) {
				const page = getPage(locale, slug);
				expect(page, `${locale}/${slug}`).toBeDefined();
				expect(page?.html).toContain('<h2');
			}
		}
	});
	it('rejects a file without valid front matter, naming the file', () => {
		expect(() => parseContentFile('/content/nl/pages/x.md', 'no front matter')).toThrow(/x\.md/);
		expect(() => parseContentFile('/content/nl/pages/x.md', '---\ntitle: X\n---\nbody')).toThrow(/description/);
		expect(() => parseContentFile('/content/nl/pages/x.md', '---\ntitle: X\ndescription: Y\nextra: 1\n---\n')).toThrow();
	});
});
