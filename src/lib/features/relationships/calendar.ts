/**
 * The calendar feed of planned moments of connection, as iCalendar text (RFC 5545). Pure apart from
 * the random token.
 * - `calendarFeed({ name, moments, now, reminderMinutes })`: a whole calendar, for the personal subscription URL.
 * - `singleMomentIcs({ name, moment, now, reminderMinutes })`: one moment, for a one-off `.ics` download.
 * - `createCalendarToken()`, `isWellFormedCalendarToken(token)`, `hashCalendarToken(token)`: the secret in the feed
 *   URL; only its hash is stored, so a renewed or revoked token is simply a new or deleted hash.
 * - `calendarContentType`: the media type to serve both with.
 *
 * Text is normalised before it is escaped: line breaks become LF, control characters other than tab go, lone
 * surrogates become U+FFFD, the ends are trimmed and a run of more than 60 spaces or tabs is shortened to 60 (so that
 * a folded line can always end on a visible character: some clients strip trailing white space).
 */
import { createHash, randomBytes } from 'node:crypto';

export interface CalendarMoment {
	/** Stable id: the event's UID is `<id>@brug`, so an edited moment replaces itself in the calendar. */
	id: string;
	title: string;
	description?: string | null;
	/** The start as an instant; written in UTC. */
	start: Date;
	durationMinutes: number;
	location?: string | null;
	/** The reminder's text; the title when absent. */
	reminder?: string | null;
	/**
	 * A whole local day (YYYY-MM-DD) instead of a time: `start` is then only used for ordering, the duration is one
	 * day and there is no reminder (an alarm before an all-day event would go off the evening before).
	 */
	allDay?: string;
	/** RFC 5545 SEQUENCE: raised with every change, so a calendar replaces its copy. */
	sequence?: number;
	/** Written as STATUS:CANCELLED (without a reminder), so a calendar strikes the event out instead of keeping it. */
	cancelled?: boolean;
}

export interface CalendarFeedInput {
	/** The calendar's name in the person's calendar app (X-WR-CALNAME), e.g. "brug: mijn afspraken". */
	name: string;
	moments: readonly CalendarMoment[];
	/** When the feed is made (DTSTAMP). */
	now: Date;
	/** Minutes before the start that the reminder goes off; default 60; null for no reminders. */
	reminderMinutes?: number | null;
}

export const calendarContentType = 'text/calendar; charset=utf-8';

/** A reminder at most four weeks ahead; a moment at most a week long. */
const maxReminderMinutes = 4 * 7 * 24 * 60;
const maxDurationMinutes = 7 * 24 * 60;
/** RFC 5545, 3.1: lines SHOULD NOT be longer than 75 octets, excluding the line break. */
const maxLineOctets = 75;
const maxWhitespaceRun = 60;
/** Subscribed calendars are fetched again after this long where the client honours it. */
const refreshInterval = 'PT1H';

const encoder = new TextEncoder();

/** See the normalisation rules at the top of this file. */
function normaliseText(value: string): string {
	return value
		.toWellFormed()
		.replace(/\r\n?/g, '\n')
		// RFC 5545, 3.3.11: TEXT may hold any character except CONTROL (which excludes tab; LF is written as \n).
		.replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, '')
		.trim()
		.replace(new RegExp(`[ \\t]{${maxWhitespaceRun + 1},}`, 'g'), (run) => run.slice(0, maxWhitespaceRun));
}

/** RFC 5545, 3.3.11: backslash, semicolon and comma are escaped, a line break is written as \n. */
function escapeText(value: string): string {
	return normaliseText(value).replace(/[\\;,\n]/g, (char) => (char === '\n' ? '\\n' : `\\${char}`));
}

/** Date-time in UTC, RFC 5545 form 2 ("20260305T143000Z"); seconds are kept, milliseconds dropped. */
function utcDateTime(date: Date): string {
	if (Number.isNaN(date.getTime())) throw new RangeError('Not a valid date');
	return date.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '');
}

interface Unit {
	text: string;
	octets: number;
	whitespace: boolean;
}

/** A content line in units that folding must not split: whole code points, and an escape with its character. */
function units(line: string): Unit[] {
	const result: Unit[] = [];
	const points = Array.from(line);
	for (let index = 0; index < points.length; index += 1) {
		let text = points[index] as string;
		if (text === '\\' && index + 1 < points.length) {
			index += 1;
			text += points[index] as string;
		}
		result.push({ text, octets: encoder.encode(text).length, whitespace: text === ' ' || text === '\t' });
	}
	return result;
}

/**
 * RFC 5545, 3.1: a content line is folded into lines of at most 75 octets, each continuation starting with one space.
 * Folds never split a UTF-8 character or an escape, and never leave white space at the end of a line.
 */
function fold(line: string): string[] {
	const lines: string[] = [];
	let current: Unit[] = [];
	let octets = 0;
	let limit = maxLineOctets;
	for (const unit of units(line)) {
		if (octets + unit.octets > limit && current.length > 0) {
			let cut = current.length;
			while (cut > 1 && (current[cut - 1] as Unit).whitespace) cut -= 1;
			// Only white space on this line (not possible after normalisation): fold where the limit says.
			if ((current[cut - 1] as Unit).whitespace) cut = current.length;
			lines.push(current.slice(0, cut).map((u) => u.text).join(''));
			current = current.slice(cut);
			octets = current.reduce((sum, u) => sum + u.octets, 0);
			limit = maxLineOctets - 1;
		}
		current.push(unit);
		octets += unit.octets;
	}
	lines.push(current.map((u) => u.text).join(''));
	return lines.map((text, index) => (index === 0 ? text : ` ${text}`));
}

function checkMinutes(value: number, min: number, max: number, what: string): void {
	if (!Number.isInteger(value) || value < min || value > max) {
		throw new RangeError(`${what} must be a whole number of minutes from ${min} to ${max}: ${value}`);
	}
}

/** RFC 5545, 3.3.4: a DATE value, "20260305". */
function dateValue(day: string): string {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(Date.parse(`${day}T00:00:00Z`))) throw new RangeError(`Not a day: ${day}`);
	return day.replace(/-/g, '');
}

function nextDay(day: string): string {
	const date = new Date(`${day}T12:00:00Z`);
	date.setUTCDate(date.getUTCDate() + 1);
	return date.toISOString().slice(0, 10);
}

function eventLines(moment: CalendarMoment, stamp: string, reminderMinutes: number | null): string[] {
	checkMinutes(moment.durationMinutes, 1, maxDurationMinutes, 'durationMinutes');
	const end = new Date(moment.start.getTime() + moment.durationMinutes * 60_000);
	// RFC 5545, 3.6.1: an all-day event is a DATE start with the next day as its (exclusive) end.
	const when = moment.allDay
		? [`DTSTART;VALUE=DATE:${dateValue(moment.allDay)}`, `DTEND;VALUE=DATE:${dateValue(nextDay(moment.allDay))}`]
		: [`DTSTART:${utcDateTime(moment.start)}`, `DTEND:${utcDateTime(end)}`];
	const lines = ['BEGIN:VEVENT', `UID:${escapeText(`${moment.id}@brug`)}`, `DTSTAMP:${stamp}`, ...when, `SUMMARY:${escapeText(moment.title)}`];
	if (moment.sequence !== undefined) lines.push(`SEQUENCE:${Math.max(0, Math.trunc(moment.sequence))}`);
	if (moment.cancelled) lines.push('STATUS:CANCELLED');
	if (moment.description != null && normaliseText(moment.description) !== '') {
		lines.push(`DESCRIPTION:${escapeText(moment.description)}`);
	}
	if (moment.location != null && normaliseText(moment.location) !== '') {
		lines.push(`LOCATION:${escapeText(moment.location)}`);
	}
	if (reminderMinutes !== null && !moment.allDay && !moment.cancelled) {
		const reminder = moment.reminder != null && normaliseText(moment.reminder) !== '' ? moment.reminder : moment.title;
		lines.push(
			'BEGIN:VALARM',
			'ACTION:DISPLAY',
			`TRIGGER:-PT${reminderMinutes}M`,
			// RFC 5545, 3.6.6: a display alarm must have a DESCRIPTION; it must not be empty for some clients.
			`DESCRIPTION:${escapeText(reminder) || 'brug'}`,
			'END:VALARM'
		);
	}
	lines.push('END:VEVENT');
	return lines;
}

/** The whole calendar: one VEVENT per moment, earliest first, each with a gentle reminder before it. */
export function calendarFeed(input: CalendarFeedInput): string {
	const { name, moments, now, reminderMinutes = 60 } = input;
	if (reminderMinutes !== null) checkMinutes(reminderMinutes, 0, maxReminderMinutes, 'reminderMinutes');
	const stamp = utcDateTime(now);
	const ordered = [...moments].sort(
		(a, b) => a.start.getTime() - b.start.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
	);
	const lines = [
		'BEGIN:VCALENDAR',
		'VERSION:2.0',
		'PRODID:-//brug//relationships//NL',
		'CALSCALE:GREGORIAN',
		'METHOD:PUBLISH',
		`X-WR-CALNAME:${escapeText(name)}`,
		// RFC 7986 and its older Microsoft spelling: how often a subscribed calendar is fetched again.
		`REFRESH-INTERVAL;VALUE=DURATION:${refreshInterval}`,
		`X-PUBLISHED-TTL:${refreshInterval}`,
		...ordered.flatMap((moment) => eventLines(moment, stamp, reminderMinutes)),
		'END:VCALENDAR'
	];
	return `${lines.flatMap(fold).join('\r\n')}\r\n`;
}

/** One moment as a calendar of its own, for a one-off `.ics` download. */
export function singleMomentIcs(input: Omit<CalendarFeedInput, 'moments'> & { moment: CalendarMoment }): string {
	const { moment, ...rest } = input;
	return calendarFeed({ ...rest, moments: [moment] });
}

/** 256 random bits, base64url: 43 characters, safe in a URL path. */
export function createCalendarToken(): string {
	return randomBytes(32).toString('base64url');
}

export function isWellFormedCalendarToken(token: string): boolean {
	return /^[A-Za-z0-9_-]{43}$/.test(token);
}

/** SHA-256, hex; the prefix keeps these hashes apart from those of other kinds of token. */
export function hashCalendarToken(token: string): string {
	return createHash('sha256').update(`calendar-feed:${token}`).digest('hex');
}
