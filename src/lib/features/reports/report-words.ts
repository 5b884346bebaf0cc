/**
 * The report's figures in one short sentence each, in the page's language (pure apart from the message catalogue).
 * - `changeSentence(meanChange, locale)`: "Gemiddeld 1,9 punt lager: minder eenzaam."
 * - `reliableThreshold(thresholdPoints)`: the smallest whole change in points that counts as reliable.
 * - `countText(count, locale)`: a count, or "minder dan 10" when hidden.
 * - `percentText(share, locale)`: a share (0–1) as a whole percentage, or "minder dan 10" people when hidden.
 */
import { formatNumber } from '$lib/i18n/format';
import { m } from '$lib/paraglide/messages';
import type { Locale } from '$lib/paraglide/runtime';

/** Below this a mean change rounds to 0,0 and reads as "no change". */
const smallestShownChange = 0.05;

export function changeSentence(meanChange: number, locale: Locale): string {
	const size = formatNumber(Math.abs(meanChange), 1, locale);
	if (Math.abs(meanChange) < smallestShownChange) return m.report_change_none({}, { locale });
	return meanChange < 0 ? m.report_change_lower({ size }, { locale }) : m.report_change_higher({ size }, { locale });
}

/** DJG-11 totals are whole numbers, so a change counts as reliable from the first whole number past the threshold. */
export function reliableThreshold(thresholdPoints: number): number {
	return Math.floor(thresholdPoints) + 1;
}

export function countText(count: number | null, locale: Locale): string {
	return count === null ? m.report_hidden({}, { locale }) : formatNumber(count, 0, locale);
}

export function percentText(share: number | null, locale: Locale): string {
	return share === null ? m.report_hidden({}, { locale }) : `${formatNumber(share * 100, 0, locale)}%`;
}
