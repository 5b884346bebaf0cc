/**
 * Days as people live them. Instants are stored in UTC; a "day" (journal, small steps) is a local date, YYYY-MM-DD,
 * in brug's time zone.
 * - `localDay(instant?)`: the local date of an instant (default now).
 * - `isLocalDay(value)`: a real calendar date in YYYY-MM-DD form.
 * - `addDays(day, n)`: the date n days later (or earlier); a RangeError for anything but a real date.
 */
export const brugTimeZone = 'Europe/Amsterdam';

// en-CA formats dates as YYYY-MM-DD.
const dayFormat = new Intl.DateTimeFormat('en-CA', { timeZone: brugTimeZone, year: 'numeric', month: '2-digit', day: '2-digit' });

export function localDay(instant: Date = new Date()): string {
	return dayFormat.format(instant);
}

export function isLocalDay(value: string): boolean {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
	const date = new Date(`${value}T00:00:00Z`);
	return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

export function addDays(day: string, n: number): string {
	if (!isLocalDay(day)) throw new RangeError(`Not a date (YYYY-MM-DD): ${day}`);
	const date = new Date(`${day}T12:00:00Z`);
	date.setUTCDate(date.getUTCDate() + n);
	return date.toISOString().slice(0, 10);
}
