/**
 * Scales and layout for the outcome report's charts, pure so that they can be tested with worked examples.
 * - `linearScale(domain, range)`: maps a value from `domain` onto `range` (both [start, end]).
 * - `intervalDomain(values, minHalfSpan)`: a domain around zero that holds every value, widened to whole steps.
 * - `axisTicks(domain, step)`: the tick values from the domain's start to its end.
 * - `barLength(count, largest, maxLength)`: a bar's length for a count; 0 for a hidden count or an empty chart.
 * - `shadeStep(count, largest)`: 0–4, how dark a band-shift cell is drawn; 0 for hidden or empty.
 */

export type Domain = readonly [number, number];

export function linearScale(domain: Domain, range: Domain): (value: number) => number {
	const [d0, d1] = domain;
	const [r0, r1] = range;
	if (d0 === d1) throw new RangeError(`A domain needs two different ends, got ${d0} and ${d1}`);
	return (value) => r0 + ((value - d0) / (d1 - d0)) * (r1 - r0);
}

/** The step between ticks for a span: 0.5, 1, 2 or 5 times a power of ten, about four ticks each side of zero. */
export function tickStep(halfSpan: number): number {
	if (!(halfSpan > 0)) throw new RangeError(`A span must be positive, got ${halfSpan}`);
	const raw = halfSpan / 3;
	const power = 10 ** Math.floor(Math.log10(raw));
	const step = [1, 2, 5, 10].map((f) => f * power).find((s) => s >= raw)!;
	return step;
}

/**
 * A symmetric domain around zero holding all `values` (zero stays in the middle, so "less" and "more" get the same
 * room), at least `minHalfSpan` each side, rounded out to a whole tick step.
 */
export function intervalDomain(values: readonly number[], minHalfSpan = 1): { domain: Domain; step: number } {
	const largest = Math.max(minHalfSpan, ...values.filter(Number.isFinite).map((v) => Math.abs(v)));
	const step = tickStep(largest);
	const half = Math.ceil(largest / step - 1e-9) * step;
	return { domain: [-half, half], step };
}

export function axisTicks(domain: Domain, step: number): number[] {
	if (!(step > 0)) throw new RangeError(`A step must be positive, got ${step}`);
	const ticks: number[] = [];
	const first = Math.ceil(domain[0] / step - 1e-9);
	const last = Math.floor(domain[1] / step + 1e-9);
	// Rounded to the step's decimals so that 0.1 + 0.2 does not show as 0.30000000000000004.
	const decimals = Math.max(0, -Math.floor(Math.log10(step)) + 1);
	for (let i = first; i <= last; i++) ticks.push(Number((i * step).toFixed(decimals)) || 0);
	return ticks;
}

export function barLength(count: number | null, largest: number, maxLength: number): number {
	if (count === null || !(largest > 0)) return 0;
	return (Math.max(0, count) / largest) * maxLength;
}

export function shadeStep(count: number | null, largest: number): 0 | 1 | 2 | 3 | 4 {
	if (count === null || count <= 0 || !(largest > 0)) return 0;
	return Math.min(4, Math.max(1, Math.ceil((count / largest) * 4))) as 1 | 2 | 3 | 4;
}

/** The largest shown count of a list or table (0 when all are hidden). */
export function largestShown(values: readonly (number | null)[]): number {
	return values.reduce<number>((most, value) => (value !== null && value > most ? value : most), 0);
}
