import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeViewSettings, defaultViewSettings, encodeViewSettings, textSizes, viewCss, viewSettingsFromForm, type ViewSettings } from './view-settings';

const form = (entries: Record<string, string>) => {
	const data = new FormData();
	for (const [name, value] of Object.entries(entries)) data.set(name, value);
	return data;
};

const anySettings = fc.record({
	textSize: fc.constantFrom(...textSizes),
	spacing: fc.boolean(),
	still: fc.boolean(),
	contrast: fc.boolean()
}) satisfies fc.Arbitrary<ViewSettings>;

describe('the cookie value', () => {
	it('reads back what was written, for every combination', () => {
		fc.assert(fc.property(anySettings, (settings) => {
			expect(decodeViewSettings(encodeViewSettings(settings))).toEqual(settings);
		}));
	});

	it('is short and plain', () => {
		expect(encodeViewSettings({ textSize: 150, spacing: true, still: true, contrast: false })).toBe('text-150.spacing.still');
		expect(encodeViewSettings(defaultViewSettings)).toBe('text-100');
	});

	it.each([undefined, '', 'text-300', 'text-150.dance', 'text-abc', 'text-150;x', 'x'.repeat(100), '{"textSize":200}'])(
		'ignores a bad value: %j',
		(value) => {
			expect(decodeViewSettings(value)).toEqual(defaultViewSettings);
		}
	);
});

describe('the form', () => {
	it('reads the chosen size and the ticked boxes', () => {
		expect(viewSettingsFromForm(form({ textSize: '200', still: 'on', contrast: 'on' }))).toEqual({ textSize: 200, spacing: false, still: true, contrast: true });
	});

	it('falls back to the defaults for what it does not know', () => {
		expect(viewSettingsFromForm(form({ textSize: '999', spacing: 'yes' }))).toEqual(defaultViewSettings);
		expect(viewSettingsFromForm(form({ textSize: '125', spacing: 'yes' }))).toEqual({ ...defaultViewSettings, textSize: 125 });
		expect(viewSettingsFromForm(form({}))).toEqual(defaultViewSettings);
	});
});

describe('the stylesheet', () => {
	it('is empty for the defaults', () => {
		expect(viewCss(defaultViewSettings)).toBe('');
	});

	it('multiplies brug’s base size of 112.5%', () => {
		expect(viewCss({ ...defaultViewSettings, textSize: 200 })).toContain(':root { font-size: 225%; }');
		expect(viewCss({ ...defaultViewSettings, textSize: 125 })).toContain('font-size: 140.625%');
	});

	it('stops every animation and transition when asked for stillness', () => {
		const css = viewCss({ ...defaultViewSettings, still: true });
		expect(css).toMatch(/\*, \*::before, \*::after \{[^}]*animation: none !important;[^}]*transition: none !important;/);
	});

	it('darkens text and lines for more contrast, and spaces lines for more room', () => {
		expect(viewCss({ ...defaultViewSettings, contrast: true })).toMatch(/--ink: #000000;.*--line: #4a5a60;/);
		expect(viewCss({ ...defaultViewSettings, spacing: true })).toMatch(/line-height: 1\.9/);
	});

	it('never contains anything that could end the stylesheet early', () => {
		fc.assert(fc.property(anySettings, (settings) => {
			expect(viewCss(settings)).not.toMatch(/<|@import|url\(/);
		}));
	});
});
