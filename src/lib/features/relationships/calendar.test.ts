import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import ICAL from 'ical.js';
import {
	calendarContentType,
	calendarFeed,
	createCalendarToken,
	hashCalendarToken,
	isWellFormedCalendarToken,
	singleMomentIcs,
	type CalendarMoment
} from './calendar';

const now = new Date('2026-03-01T09:15:42.123Z');

const koffie: CalendarMoment = {
	id: 'm1',
	title: 'Koffie met Anoek',
	start: new Date('2026-03-05T14:30:00Z'),
	durationMinutes: 90
};

function parse(text: string) {
	const calendar = new ICAL.Component(ICAL.parse(text));
	const events = calendar.getAllSubcomponents('vevent').map((vevent) => ({ vevent, event: new ICAL.Event(vevent) }));
	return { calendar, events };
}

/** The physical lines, without the final CRLF. */
const physicalLines = (text: string): string[] => text.slice(0, -2).split('\r\n');

/** Undoes folding (RFC 5545, 3.1): a line break followed by one space is removed. */
const unfold = (text: string): string => text.replace(/\r\n /g, '');

/** What the feed promises to keep of a text: see the normalisation in calendar.ts. */
function expectedText(value: string): string {
	return value
		.toWellFormed()
		.replace(/\r\n?/g, '\n')
		.replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, '')
		.trim()
		.replace(/[ \t]{61,}/g, (run) => run.slice(0, 60));
}

/** The structural rules of RFC 5545 that every output must keep. */
function expectWellFormed(text: string): void {
	expect(text.endsWith('\r\n')).toBe(true);
	const lines = physicalLines(text);
	for (const line of lines) {
		expect(line).not.toMatch(/[\r\n]/);
		expect(Buffer.byteLength(line, 'utf8'), line).toBeLessThanOrEqual(75);
		expect(line.isWellFormed(), 'no character split between lines').toBe(true);
		expect(line, 'no trailing white space').not.toMatch(/[ \t]$/);
		expect(line.length).toBeGreaterThan(0);
	}
	// A continuation starts with exactly one fold space; its content may itself begin with a space.
	expect(lines[0]).toBe('BEGIN:VCALENDAR');
	expect(lines.at(-1)).toBe('END:VCALENDAR');
	for (const line of unfold(text).slice(0, -2).split('\r\n')) expect(line).toMatch(/^[A-Z-]+[:;]/);
}

describe('calendarFeed: the format', () => {
	it('writes an empty but valid calendar without moments', () => {
		const text = calendarFeed({ name: 'brug: mijn afspraken', moments: [], now });
		expect(text).toBe(
			[
				'BEGIN:VCALENDAR',
				'VERSION:2.0',
				'PRODID:-//brug//relationships//NL',
				'CALSCALE:GREGORIAN',
				'METHOD:PUBLISH',
				'X-WR-CALNAME:brug: mijn afspraken',
				'REFRESH-INTERVAL;VALUE=DURATION:PT1H',
				'X-PUBLISHED-TTL:PT1H',
				'END:VCALENDAR',
				''
			].join('\r\n')
		);
		expectWellFormed(text);
		const { calendar, events } = parse(text);
		expect(events).toEqual([]);
		expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
		expect(calendar.getFirstPropertyValue('prodid')).toBe('-//brug//relationships//NL');
		expect(calendar.getFirstPropertyValue('calscale')).toBe('GREGORIAN');
		expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
		expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('brug: mijn afspraken');
	});

	it('writes one event with UTC times, a stamp and a reminder, lines ending in CRLF', () => {
		const text = calendarFeed({ name: 'brug', moments: [koffie], now });
		expect(text).toBe(
			[
				'BEGIN:VCALENDAR',
				'VERSION:2.0',
				'PRODID:-//brug//relationships//NL',
				'CALSCALE:GREGORIAN',
				'METHOD:PUBLISH',
				'X-WR-CALNAME:brug',
				'REFRESH-INTERVAL;VALUE=DURATION:PT1H',
				'X-PUBLISHED-TTL:PT1H',
				'BEGIN:VEVENT',
				'UID:m1@brug',
				'DTSTAMP:20260301T091542Z',
				'DTSTART:20260305T143000Z',
				'DTEND:20260305T160000Z',
				'SUMMARY:Koffie met Anoek',
				'BEGIN:VALARM',
				'ACTION:DISPLAY',
				'TRIGGER:-PT60M',
				'DESCRIPTION:Koffie met Anoek',
				'END:VALARM',
				'END:VEVENT',
				'END:VCALENDAR',
				''
			].join('\r\n')
		);
		expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
	});

	it('is served as UTF-8 text/calendar', () => {
		expect(calendarContentType).toBe('text/calendar; charset=utf-8');
	});
});

describe('calendarFeed: read back by a real parser (ical.js)', () => {
	const moments: CalendarMoment[] = [
		{
			id: 'wandeling-2',
			title: 'Wandelen met Joëlle; daarna eten, of niet?',
			description: 'Afspraak bij de brug.\nNeem een jas mee, het wordt koud; en een thermosfles.\nGroet — Zoë 😊',
			location: 'Café ’t Hoekje, Dorpsstraat 1; Utrecht',
			start: new Date('2026-03-29T01:30:00+01:00'),
			durationMinutes: 45,
			reminder: 'Straks: wandelen met Joëlle 🚶'
		},
		{
			id: 'bellen-1',
			title: 'Bellen met opa \\ oma',
			start: new Date('2026-03-10T18:00:00Z'),
			durationMinutes: 15,
			description: null,
			location: '   '
		}
	];
	const text = calendarFeed({ name: 'brug, mijn momenten; samen', moments, now, reminderMinutes: 30 });
	const { calendar, events } = parse(text);

	it('keeps every field, Dutch diacritics, emoji, commas, semicolons, backslashes and newlines included', () => {
		expectWellFormed(text);
		expect(events.map(({ event }) => event.uid)).toEqual(['bellen-1@brug', 'wandeling-2@brug']);
		const [bellen, wandeling] = events.map(({ event }) => event);
		expect(wandeling!.summary).toBe(moments[0]!.title);
		expect(wandeling!.description).toBe(moments[0]!.description);
		expect(wandeling!.location).toBe(moments[0]!.location);
		expect(bellen!.summary).toBe('Bellen met opa \\ oma');
		expect(bellen!.description).toBeNull();
		expect(bellen!.location).toBeNull();
	});

	it('keeps the times as UTC instants, across the change to summer time', () => {
		const [bellen, wandeling] = events.map(({ event }) => event);
		expect(wandeling!.startDate.toJSDate().toISOString()).toBe('2026-03-29T00:30:00.000Z');
		expect(wandeling!.startDate.zone?.tzid).toBe('UTC');
		expect(wandeling!.endDate.toJSDate().toISOString()).toBe('2026-03-29T01:15:00.000Z');
		expect(bellen!.duration.toSeconds()).toBe(15 * 60);
		for (const { vevent } of events) {
			expect((vevent.getFirstPropertyValue('dtstamp') as ICAL.Time).toJSDate().toISOString()).toBe(
				'2026-03-01T09:15:42.000Z'
			);
		}
		expect(text).toContain('DTSTART:20260329T003000Z\r\n');
	});

	it('gives each event a display reminder the chosen minutes before, with its text', () => {
		const alarms = events.map(({ vevent }) => vevent.getAllSubcomponents('valarm'));
		expect(alarms.map((list) => list.length)).toEqual([1, 1]);
		const [bellen, wandeling] = alarms.map((list) => list[0]!);
		expect(wandeling!.getFirstPropertyValue('action')).toBe('DISPLAY');
		const trigger = wandeling!.getFirstPropertyValue('trigger') as ICAL.Duration;
		expect(trigger.isNegative).toBe(true);
		expect(trigger.toSeconds()).toBe(-30 * 60);
		expect(wandeling!.getFirstPropertyValue('description')).toBe('Straks: wandelen met Joëlle 🚶');
		expect(bellen!.getFirstPropertyValue('description')).toBe('Bellen met opa \\ oma');
		expect(text).toContain('TRIGGER:-PT30M\r\n');
	});

	it('escapes as RFC 5545 says, and keeps the calendar name', () => {
		expect(text).toContain('SUMMARY:Wandelen met Joëlle\\; daarna eten\\, of niet?\r\n');
		expect(unfold(text)).toContain('DESCRIPTION:Afspraak bij de brug.\\nNeem een jas mee\\, het wordt koud\\; en');
		expect(text).toContain('SUMMARY:Bellen met opa \\\\ oma\r\n');
		// ical.js leaves the value of an X- property as written; unescaped it is the name.
		expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('brug\\, mijn momenten\\; samen');
	});

	it('leaves out empty descriptions and locations', () => {
		const bellen = unfold(text).split('BEGIN:VEVENT')[1]!.split('BEGIN:VALARM')[0]!;
		expect(bellen).toContain('SUMMARY:Bellen');
		expect(bellen).not.toContain('DESCRIPTION');
		expect(bellen).not.toContain('LOCATION');
	});
});

describe('calendarFeed: changed and cancelled events', () => {
	it('writes SEQUENCE when given, and a cancelled event as STATUS:CANCELLED without a reminder', () => {
		const base = { title: 'Groep', start: new Date('2026-03-10T13:00:00Z'), durationMinutes: 120 };
		const text = calendarFeed({ name: 'brug', now, moments: [{ ...base, id: 'moved', sequence: 2 }, { ...base, id: 'off', sequence: 1, cancelled: true }, { ...base, id: 'plain' }] });
		expectWellFormed(text);
		const byUid = new Map(parse(text).events.map(({ event, vevent }) => [event.uid, { event, vevent }]));
		expect(byUid.get('moved@brug')!.event.sequence).toBe(2);
		expect(byUid.get('moved@brug')!.vevent.getFirstPropertyValue('status')).toBeNull();
		expect(byUid.get('off@brug')!.vevent.getFirstPropertyValue('status')).toBe('CANCELLED');
		expect(byUid.get('off@brug')!.vevent.getAllSubcomponents('valarm')).toEqual([]);
		expect(byUid.get('plain@brug')!.vevent.getFirstPropertyValue('sequence')).toBeNull();
	});
});

describe('calendarFeed: folding', () => {
	const long =
		'Een lange beschrijving met één café, crème brûlée en emoji 🎉🌷🚲 die zeker langer is dan vijfenzeventig bytes. '.repeat(
			12
		);
	const text = calendarFeed({ name: 'brug', moments: [{ ...koffie, description: long }], now });

	it('folds long lines at 75 octets, never inside a character, each continuation starting with one space', () => {
		expectWellFormed(text);
		const lines = physicalLines(text);
		const start = lines.findIndex((line) => line.startsWith('DESCRIPTION:Een lange'));
		const continuation = lines.slice(start + 1, lines.findIndex((line, i) => i > start && !line.startsWith(' ')));
		expect(continuation.length).toBeGreaterThan(15);
		for (const line of continuation) expect(line.startsWith(' ')).toBe(true);
		// Most lines are filled up to the limit.
		expect(Math.max(...lines.map((line) => Buffer.byteLength(line)))).toBeGreaterThanOrEqual(73);
		expect(parse(text).events[0]!.event.description).toBe(long.trim());
	});

	it('folds 4-byte characters whole', () => {
		const emoji = '🌷'.repeat(100);
		const folded = calendarFeed({ name: 'brug', moments: [{ ...koffie, title: emoji }], now });
		expectWellFormed(folded);
		const summary = physicalLines(folded).filter((line) => line.startsWith('SUMMARY:') || line.startsWith(' '));
		// 'SUMMARY:' is 8 octets: 16 flowers (64) fit on the first line, 18 (72, plus the space) on each next one.
		expect(summary[0]).toBe(`SUMMARY:${'🌷'.repeat(16)}`);
		expect(summary[1]).toBe(` ${'🌷'.repeat(18)}`);
		expect(parse(folded).events[0]!.event.summary).toBe(emoji);
	});

	it('never splits an escape from its character', () => {
		for (let pad = 0; pad < 4; pad += 1) {
			const title = `${'x'.repeat(60 + pad)};;;,,,\\\\\\`;
			const folded = calendarFeed({ name: 'brug', moments: [{ ...koffie, title }], now });
			expectWellFormed(folded);
			for (const line of physicalLines(folded)) {
				// A line may end in a backslash only as the second half of an escaped backslash.
				expect(line.replace(/\\[\\;,n]/g, '')).not.toMatch(/\\$/);
			}
			expect(parse(folded).events[0]!.event.summary).toBe(title);
		}
	});

	it('moves spaces to the next line rather than leaving them at the end of one', () => {
		const title = `${'a'.repeat(66)}     b${' '.repeat(60)}c`;
		const folded = calendarFeed({ name: 'brug', moments: [{ ...koffie, title }], now });
		expectWellFormed(folded);
		expect(parse(folded).events[0]!.event.summary).toBe(title);
	});
});

describe('calendarFeed: normalisation and checks', () => {
	it('turns CR and CRLF into newlines, drops control characters and trims', () => {
		const text = calendarFeed({
			name: ' brug ',
			moments: [{ ...koffie, title: '  Koffie\r\nmet\rAnoek\u0007\u0000 ', description: 'a\tb\u001b' }],
			now
		});
		expectWellFormed(text);
		const { event } = parse(text).events[0]!;
		expect(event.summary).toBe('Koffie\nmet\nAnoek');
		expect(event.description).toBe('a\tb');
		expect(text).toContain('X-WR-CALNAME:brug\r\n');
	});

	it('orders events by start, then id', () => {
		const text = calendarFeed({
			name: 'brug',
			moments: [
				{ ...koffie, id: 'c', start: new Date('2026-04-01T10:00:00Z') },
				{ ...koffie, id: 'b', start: new Date('2026-03-01T10:00:00Z') },
				{ ...koffie, id: 'a', start: new Date('2026-04-01T10:00:00Z') }
			],
			now
		});
		expect(parse(text).events.map(({ event }) => event.uid)).toEqual(['b@brug', 'a@brug', 'c@brug']);
	});

	it('leaves reminders out on request, and refuses impossible numbers and dates', () => {
		const without = calendarFeed({ name: 'brug', moments: [koffie], now, reminderMinutes: null });
		expect(without).not.toContain('VALARM');
		expect(parse(without).events).toHaveLength(1);
		const atStart = calendarFeed({ name: 'brug', moments: [koffie], now, reminderMinutes: 0 });
		expect(atStart).toContain('TRIGGER:-PT0M\r\n');
		const trigger = parse(atStart).events[0]!.vevent.getFirstSubcomponent('valarm')!.getFirstPropertyValue('trigger');
		expect(Math.abs((trigger as ICAL.Duration).toSeconds())).toBe(0);
		expect(() => calendarFeed({ name: 'brug', moments: [koffie], now, reminderMinutes: -5 })).toThrow(RangeError);
		expect(() => calendarFeed({ name: 'brug', moments: [koffie], now, reminderMinutes: 1.5 })).toThrow(RangeError);
		expect(() => calendarFeed({ name: 'brug', moments: [{ ...koffie, durationMinutes: 0 }], now })).toThrow(RangeError);
		expect(() => calendarFeed({ name: 'brug', moments: [{ ...koffie, start: new Date('nope') }], now })).toThrow(RangeError);
		expect(() => calendarFeed({ name: 'brug', moments: [], now: new Date(Number.NaN) })).toThrow(RangeError);
	});
});

describe('singleMomentIcs', () => {
	it('is a calendar with just that moment, the same as a feed of one', () => {
		const text = singleMomentIcs({ name: 'brug', moment: koffie, now });
		expect(text).toBe(calendarFeed({ name: 'brug', moments: [koffie], now }));
		const { events } = parse(text);
		expect(events).toHaveLength(1);
		expect(events[0]!.event.summary).toBe('Koffie met Anoek');
		const custom = singleMomentIcs({ name: 'brug', moment: koffie, now, reminderMinutes: 10 });
		expect(custom).toContain('TRIGGER:-PT10M\r\n');
	});
});

describe('calendarFeed: any text survives (property)', () => {
	const text = fc.oneof(
		fc.string({ unit: 'binary', maxLength: 300 }),
		fc.string({ unit: 'grapheme', maxLength: 200 }),
		fc.string({ unit: fc.constantFrom('\\', ';', ',', '\n', '\r', ' ', '\t', 'é', '🌷', 'a', ':', '"'), maxLength: 400 })
	);

	it('keeps titles, descriptions and locations through escaping, folding and parsing', () => {
		fc.assert(
			fc.property(text, text, text, (title, description, location) => {
				const feed = calendarFeed({
					name: 'brug',
					moments: [{ ...koffie, title, description, location, reminder: description }],
					now
				});
				expectWellFormed(feed);
				const { event, vevent } = parse(feed).events[0]!;
				expect(event.summary).toBe(expectedText(title));
				expect(event.description).toBe(expectedText(description) === '' ? null : expectedText(description));
				expect(event.location).toBe(expectedText(location) === '' ? null : expectedText(location));
				const alarm = vevent.getFirstSubcomponent('valarm')!;
				const reminder = expectedText(description) || expectedText(title) || 'brug';
				expect(alarm.getFirstPropertyValue('description')).toBe(reminder);
			}),
			{ numRuns: 300 }
		);
	});
});

describe('calendar tokens', () => {
	it('makes unguessable, URL-safe tokens of 256 bits', () => {
		const tokens = Array.from({ length: 50 }, () => createCalendarToken());
		expect(new Set(tokens).size).toBe(50);
		for (const token of tokens) {
			expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
			expect(Buffer.from(token, 'base64url')).toHaveLength(32);
			expect(isWellFormedCalendarToken(token)).toBe(true);
		}
		expect(isWellFormedCalendarToken('short')).toBe(false);
		expect(isWellFormedCalendarToken(`${tokens[0]}=`)).toBe(false);
	});

	it('stores only a SHA-256 hash, stable for a token and different between tokens', () => {
		const token = createCalendarToken();
		const hash = hashCalendarToken(token);
		expect(hash).toMatch(/^[0-9a-f]{64}$/);
		expect(hashCalendarToken(token)).toBe(hash);
		expect(hashCalendarToken(createCalendarToken())).not.toBe(hash);
		expect(hash).not.toContain(token);
	});
});
