/**
 * Days as people live them. Instants are stored in UTC; a "day" (journal, small steps) is a local date, YYYY-MM-DD,
 * in brug's time zone.
 * - `localDay(instant?)`: the local date of an instant (default now).
 * - `isLocalDay(value)`: a real calendar date in YYYY-MM-DD form.
 * - `addDays(day, n)`: the date n days later (or earlier); a RangeError for anything but a real date.
 * - `localTime(instant?)`: the local time of day, HH:MM (24 hours).
 * - `localInstant(day, time)`: the instant of a local day and time (HH:MM); in the hour that daylight saving time
 *   skips, the same wall-clock time an hour later.
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

const partsFormat = new Intl.DateTimeFormat('en-GB', {
	timeZone: brugTimeZone,
	hourCycle: 'h23',
	year: 'numeric',
	month: '2-digit',
	day: '2-digit',
	hour: '2-digit',
	minute: '2-digit'
});

/** Wall-clock time in brug's time zone as if it were UTC, in ms: the difference with the instant is the offset. */
function wallClockMs(instant: Date): number {
	const parts: Record<string, number> = {};
	for (const { type, value } of partsFormat.formatToParts(instant)) parts[type] = Number(value);
	return Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!);
}

export function localTime(instant: Date = new Date()): string {
	const wall = new Date(wallClockMs(instant));
	return wall.toISOString().slice(11, 16);
}

export function localInstant(day: string, time: string): Date {
	if (!isLocalDay(day) || !/^(?:[01]\d|2[0-3]):[0-5]\d$/.test(time)) throw new RangeError(`Not a day and time: ${day} ${time}`);
	const wanted = Date.parse(`${day}T${time}:00Z`);
	// Two rounds find the offset that applies at the instant itself, also right after a change of offset.
	let instant = wanted - (wallClockMs(new Date(wanted)) - wanted);
	instant = wanted - (wallClockMs(new Date(instant)) - instant);
	return new Date(instant);
}
