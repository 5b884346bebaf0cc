/**
 * Large text (WCAG 1.4.4 and 1.4.10): the page at 200% text must not scroll sideways, and no heading may be cut off.
 * The root font size is set from the test, through the CSSOM (a <style> tag would be refused by brug's CSP), so it
 * works with the page's own JavaScript on or off.
 */
import type { Page } from '@playwright/test';
import { expect } from './support';

export async function expectFitsAtDoubleText(page: Page): Promise<void> {
	// The width the test set: a phone's browser widens its layout to the content when that is too wide.
	const width = page.viewportSize()?.width ?? 0;
	const found = await page.evaluate((width) => {
		const root = document.documentElement;
		// Twice the page's own root size, as a browser set to 200% text gives it.
		root.style.fontSize = `${parseFloat(getComputedStyle(root).fontSize) * 2}px`;
		const cut = [...document.querySelectorAll('h1, h2, h3, legend, label, button, .button')]
			.filter((el) => (el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1) || el.getBoundingClientRect().right > width + 1)
			.map((el) => `${el.tagName.toLowerCase()}: ${(el.textContent ?? '').trim().slice(0, 60)}`);
		const result = { scrollWidth: root.scrollWidth, innerWidth: window.innerWidth, cut };
		root.style.fontSize = '';
		return result;
	}, width);
	expect(found.cut, 'elements cut off at 200% text').toEqual([]);
	expect(found.scrollWidth, 'page width at 200% text').toBeLessThanOrEqual(Math.min(found.innerWidth, width));
}
