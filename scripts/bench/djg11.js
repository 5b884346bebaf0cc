/**
 * DJG-11 results for the benches that seed measurements (bench-caseload.js, bench-reports.js): answers, subscales,
 * total and band consistent with brug's scoring rules (src/lib/features/instruments/djg-11.ts, instruments.ts), drawn
 * from a seeded generator so every run seeds the same data.
 *   random(seed)                 mulberry32: a small, fast generator of numbers in [0, 1)
 *   djg11Band(total)             the band brug names for a total
 *   djg11Answers(total, rng)     answers that score `total`, with their emotional and social subscales
 */

/** Items on the social subscale are worded positively. */
const djgPositiveItems = [1, 4, 7, 8, 11];
const djgNegativeItems = [2, 3, 5, 6, 9, 10];

/**
 * A small, fast, seeded random generator (mulberry32), so every run seeds the same data.
 * @param {number} seed
 */
export function random(seed) {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/**
 * The DJG-11 band of a total (src/lib/features/instruments/djg-11.ts).
 * @param {number} total
 */
export function djg11Band(total) {
	if (total <= 2) return 'not_lonely';
	if (total <= 8) return 'moderately_lonely';
	if (total <= 10) return 'severely_lonely';
	return 'very_severely_lonely';
}

/**
 * Answers that score `total` on DJG-11: a negative item counts with "yes" or "more or less", a positive item with
 * "no" or "more or less" (scoring in src/lib/features/instruments/instruments.ts).
 * @param {number} total
 * @param {() => number} rng
 */
export function djg11Answers(total, rng) {
	const items = [...djgPositiveItems, ...djgNegativeItems];
	for (let i = items.length - 1; i > 0; i -= 1) {
		const j = Math.floor(rng() * (i + 1));
		[items[i], items[j]] = [/** @type {number} */ (items[j]), /** @type {number} */ (items[i])];
	}
	const lonely = new Set(items.slice(0, total));
	/** @type {Record<string, string>} */
	const answers = {};
	for (let item = 1; item <= 11; item += 1) {
		const positive = djgPositiveItems.includes(item);
		const counts = lonely.has(item);
		answers[String(item)] = counts ? (rng() < 0.5 ? 'more_or_less' : positive ? 'no' : 'yes') : positive ? 'yes' : 'no';
	}
	return {
		answers,
		emotional: djgNegativeItems.filter((item) => lonely.has(item)).length,
		social: djgPositiveItems.filter((item) => lonely.has(item)).length
	};
}
