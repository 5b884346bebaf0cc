/**
 * Dates and numbers as a page's locale writes them. One place for the Intl locale of a page locale, so that every
 * page shows "3 mrt. 2026" and "2,5" in Dutch and "3 Mar 2026" and "2.5" in English alike.
 * - Instants (stored in UTC) are shown in brug's time zone: `formatDate`, `formatDateTime`, `formatTime`.
 * - Days (YYYY-MM-DD, already local: journal, contacts, small steps) are shown as they are: `formatDay`, `formatMonth`.
 * - `formatNumber`: Dutch writes a decimal comma.
 * Each takes the page locale last and defaults to the current one.
 */
import { getLocale } from '$lib/paraglide/runtime';
import { brugTimeZone } from '$lib/time';

export type IntlLocale = 'nl-NL' | 'en-GB';

/** The Intl locale for a page locale: Dutch for nl, British English (day before month) otherwise. */
export function intlLocale(locale: string = getLocale()): IntlLocale {
	return locale === 'nl' ? 'nl-NL' : 'en-GB';
}

/** How much of a day to show: "3 mrt." (short), "3 maart" (long), with the weekday, or with the year. */
export type DayStyle = 'short' | 'long' | 'weekdayShort' | 'weekday' | 'weekdayYear' | 'full' | 'medium';

const dayOptions: Record<DayStyle, Intl.DateTimeFormatOptions> = {
	short: { day: 'numeric', month: 'short' },
	long: { day: 'numeric', month: 'long' },
	weekdayShort: { weekday: 'short', day: 'numeric', month: 'short' },
	weekday: { weekday: 'long', day: 'numeric', month: 'long' },
	weekdayYear: { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' },
	medium: { dateStyle: 'medium' },
	full: { dateStyle: 'long' }
};

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Intl formatters are costly to build; a page lists many rows with the same few. */
function formatter(locale: string, timeZone: string, key: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
	const id = `${intlLocale(locale)}|${timeZone}|${key}`;
	let found = formatters.get(id);
	if (!found) {
		found = new Intl.DateTimeFormat(intlLocale(locale), { ...options, timeZone });
		formatters.set(id, found);
	}
	return found;
}

function toDate(instant: Date | string): Date {
	return instant instanceof Date ? instant : new Date(instant);
}

/** A local day (YYYY-MM-DD), e.g. "3 maart"; noon UTC, so no zone can move it to another day. */
export function formatDay(day: string, style: DayStyle = 'long', locale: string = getLocale()): string {
	return formatter(locale, 'UTC', `day-${style}`, dayOptions[style]).format(new Date(`${day.slice(0, 10)}T12:00:00Z`));
}

/** The month of a local day (YYYY-MM-DD or YYYY-MM), e.g. "maart 2026". */
export function formatMonth(day: string, locale: string = getLocale()): string {
	return formatter(locale, 'UTC', 'month', { month: 'long', year: 'numeric' }).format(new Date(`${day.slice(0, 7)}-15T12:00:00Z`));
}

/** The date of an instant in brug's time zone: "3 mrt 2026" (medium) or "3 maart 2026" (long). */
export function formatDate(instant: Date | string, style: 'medium' | 'long' = 'long', locale: string = getLocale()): string {
	return formatter(locale, brugTimeZone, `date-${style}`, { dateStyle: style }).format(toDate(instant));
}

/** Date and time of an instant in brug's time zone, e.g. "3 mrt 2026, 14:05"; `long` writes the month in full. */
export function formatDateTime(instant: Date | string, style: 'medium' | 'long' = 'medium', locale: string = getLocale()): string {
	return formatter(locale, brugTimeZone, `datetime-${style}`, { dateStyle: style, timeStyle: 'short' }).format(toDate(instant));
}

/** The time of day of an instant in brug's time zone, 24 hours: "14:05". */
export function formatTime(instant: Date | string, locale: string = getLocale()): string {
	return formatter(locale, brugTimeZone, 'time', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(toDate(instant));
}

const numberFormatters = new Map<string, Intl.NumberFormat>();

/** A number with the locale's decimal sign ("2,5" in Dutch), at most `maximumFractionDigits` decimals (default 1). */
export function formatNumber(value: number, maximumFractionDigits = 1, locale: string = getLocale()): string {
	const id = `${intlLocale(locale)}|${maximumFractionDigits}`;
	let found = numberFormatters.get(id);
	if (!found) {
		found = new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits });
		numberFormatters.set(id, found);
	}
	return found.format(value);
}
