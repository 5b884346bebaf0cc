/**
 * "Groter en rustiger": display settings kept in a cookie in the person's own browser, so they work before signing
 * in, without JavaScript and on pages served as files. A stylesheet answered from the cookie applies them.
 * - `viewCookie`: the cookie's name and lifetime.
 * - `viewSettingsFromForm(form)`: the settings a form asks for; anything unknown falls back to the default.
 * - `encodeViewSettings(settings)`, `decodeViewSettings(value)`: to and from the cookie value; a bad value is ignored.
 * - `viewCss(settings)`: the stylesheet that applies them (empty for the defaults).
 */
import { z } from 'zod';

export const textSizes = [100, 125, 150, 200] as const;
export type TextSize = (typeof textSizes)[number];

export const viewSettingsSchema = z.object({
	textSize: z.union(textSizes.map((size) => z.literal(size))),
	spacing: z.boolean(),
	still: z.boolean(),
	contrast: z.boolean()
});
export type ViewSettings = z.infer<typeof viewSettingsSchema>;

export const defaultViewSettings: ViewSettings = { textSize: 100, spacing: false, still: false, contrast: false };

export const viewCookie = { name: 'brug_view', maxAgeSeconds: 365 * 24 * 60 * 60 };

/** Words in the cookie, e.g. "text-150.spacing.still": short, readable, and free of characters cookies escape. */
const flags = ['spacing', 'still', 'contrast'] as const;

export function encodeViewSettings(settings: ViewSettings): string {
	return [`text-${settings.textSize}`, ...flags.filter((flag) => settings[flag])].join('.');
}

const cookieValue = z
	.string()
	.max(64)
	.regex(/^text-\d{3}(\.[a-z]+)*$/)
	.transform((value) => {
		const [text = '', ...words] = value.split('.');
		return {
			textSize: Number(text.slice('text-'.length)),
			...Object.fromEntries(flags.map((flag) => [flag, words.includes(flag)])),
			unknown: words.filter((word) => !(flags as readonly string[]).includes(word))
		};
	})
	.pipe(viewSettingsSchema.extend({ unknown: z.array(z.string()).length(0) }));

export function decodeViewSettings(value: string | undefined): ViewSettings {
	const parsed = cookieValue.safeParse(value);
	if (!parsed.success) return defaultViewSettings;
	const { unknown: _unknown, ...settings } = parsed.data;
	return settings;
}

const formSettings = z.object({
	textSize: z.coerce.number().pipe(viewSettingsSchema.shape.textSize).catch(defaultViewSettings.textSize),
	spacing: z.literal('on').optional(),
	still: z.literal('on').optional(),
	contrast: z.literal('on').optional()
});

export function viewSettingsFromForm(form: FormData): ViewSettings {
	const read = (name: string) => (typeof form.get(name) === 'string' ? form.get(name) : undefined);
	const parsed = formSettings.safeParse({ textSize: read('textSize'), spacing: read('spacing'), still: read('still'), contrast: read('contrast') });
	if (!parsed.success) return { ...defaultViewSettings, textSize: formSettings.shape.textSize.parse(read('textSize')) };
	return { textSize: parsed.data.textSize, spacing: !!parsed.data.spacing, still: !!parsed.data.still, contrast: !!parsed.data.contrast };
}

/** The base size of brug.css (112.5% of the browser's own), which the chosen size multiplies. */
const baseFontPercent = 112.5;

export function viewCss(settings: ViewSettings): string {
	const rules: string[] = [];
	if (settings.textSize !== 100) {
		rules.push(`:root { font-size: ${(baseFontPercent * settings.textSize) / 100}%; }`);
	}
	if (settings.spacing) {
		// Near WCAG's text-spacing values: line height 1.5 or more, space after paragraphs, a little between letters.
		rules.push(
			':root { line-height: 1.9; letter-spacing: 0.03em; word-spacing: 0.12em; }',
			'p, li, dd { margin-bottom: 1.1em; }',
			'h1, h2, h3 { line-height: 1.45; }'
		);
	}
	if (settings.still) {
		// Scripts can read --view-still to keep still too (a stylesheet cannot answer matchMedia).
		rules.push(
			':root { --view-still: 1; }',
			'*, *::before, *::after { animation: none !important; transition: none !important; scroll-behavior: auto !important; }'
		);
	}
	if (settings.contrast) {
		rules.push(
			':root { --ink: #000000; --ink-soft: #1f2a2e; --paper: #ffffff; --line: #4a5a60; --accent: #0b3f43; --accent-soft: #d7e8ea; --warm-line: #7a4f00; --focus: #9a3f00; }',
			'a { text-decoration-thickness: 2px; }',
			'.card, .question, fieldset, .option, .support-line, .menu-panel, th, td { border-color: var(--line); border-width: 2px; }'
		);
	}
	return rules.join('\n');
}
