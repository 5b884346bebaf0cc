/**
 * Text in a server-rendered SVG chart is sized in viewBox units, and the SVG is scaled to its box (`width: 100%`):
 * text in a wide viewBox shrinks on a phone. These measures keep a chart's words readable there.
 * - `phoneChartWidth`: the CSS width a chart is drawn at on a 390 px phone (the screen less main's padding).
 * - `minChartTextPx`: the smallest text a chart may show there, in CSS pixels.
 * - `renderedTextPx(fontUnits, viewBoxWidth, renderedWidth)`: how large text of `fontUnits` shows.
 * - `chartFontUnits(viewBoxWidth, renderedWidth, minPx)`: the smallest font size in viewBox units that shows at least
 *   `minPx` CSS pixels, rounded up to 0.5.
 */

export const phoneChartWidth = 358;
export const minChartTextPx = 12;

export function renderedTextPx(fontUnits: number, viewBoxWidth: number, renderedWidth = phoneChartWidth): number {
	if (!(viewBoxWidth > 0) || !(renderedWidth > 0)) throw new RangeError(`Widths must be positive: ${viewBoxWidth}, ${renderedWidth}`);
	return (fontUnits * renderedWidth) / viewBoxWidth;
}

export function chartFontUnits(viewBoxWidth: number, renderedWidth = phoneChartWidth, minPx = minChartTextPx): number {
	if (!(viewBoxWidth > 0) || !(renderedWidth > 0)) throw new RangeError(`Widths must be positive: ${viewBoxWidth}, ${renderedWidth}`);
	// The epsilon keeps an exact fit (e.g. 12 × 358 / 358) from rounding up a step through floating-point noise.
	return Math.ceil(((minPx * viewBoxWidth) / renderedWidth) * 2 - 1e-9) / 2;
}
