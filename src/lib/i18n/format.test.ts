import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatDay, formatMonth, formatNumber, formatTime, intlLocale } from './format';

// Intl may put a narrow no-break space between parts; compare with plain spaces.
const plain = (text: string) => text.replace(/[\u202f\u00a0]/g, ' ');

describe('intlLocale', () => {
	it('gives Dutch for nl and British English for en', () => {
		expect(intlLocale('nl')).toBe('nl-NL');
		expect(intlLocale('en')).toBe('en-GB');
	});
});

describe('instants are shown in Amsterdam time', () => {
	// 2026-03-29 01:30 UTC is 03:30 in Amsterdam: summer time began at 01:00 UTC (02:00 became 03:00).
	const afterChange = '2026-03-29T01:30:00Z';
	// 00:30 UTC the same night is still winter time: 01:30 in Amsterdam.
	const beforeChange = '2026-03-29T00:30:00Z';
	// 23:30 UTC on 28 March is already 29 March in Amsterdam (00:30, winter time).
	const lateEvening = '2026-03-28T23:30:00Z';

	it('moves the clock an hour at the change to summer time', () => {
		expect(formatTime(beforeChange, 'nl')).toBe('01:30');
		expect(formatTime(afterChange, 'nl')).toBe('03:30');
		expect(formatTime(afterChange, 'en')).toBe('03:30');
	});

	it('puts a late UTC evening on the next Amsterdam day', () => {
		expect(plain(formatDate(lateEvening, 'long', 'nl'))).toBe('29 maart 2026');
		expect(plain(formatDate(lateEvening, 'long', 'en'))).toBe('29 March 2026');
		expect(plain(formatDate(new Date(lateEvening), 'medium', 'nl'))).toBe('29 mrt 2026');
		expect(plain(formatDate(lateEvening, 'medium', 'en'))).toBe('29 Mar 2026');
	});

	it('writes date and time together', () => {
		expect(plain(formatDateTime(afterChange, 'medium', 'nl'))).toBe('29 mrt 2026, 03:30');
		expect(plain(formatDateTime(afterChange, 'long', 'en'))).toBe('29 March 2026 at 03:30');
		// At the change back to winter time (25 October, 01:00 UTC) 02:30 local happens twice.
		expect(plain(formatDateTime('2026-10-25T00:30:00Z', 'medium', 'nl'))).toBe('25 okt 2026, 02:30');
		expect(plain(formatDateTime('2026-10-25T01:30:00Z', 'medium', 'nl'))).toBe('25 okt 2026, 02:30');
	});
});

describe('days are shown as the day they are', () => {
	it('never shifts a day, whatever the style', () => {
		expect(plain(formatDay('2026-03-29', 'short', 'nl'))).toBe('29 mrt');
		expect(plain(formatDay('2026-03-29', 'long', 'nl'))).toBe('29 maart');
		expect(plain(formatDay('2026-03-29', 'long', 'en'))).toBe('29 March');
		expect(plain(formatDay('2026-03-29', 'weekday', 'nl'))).toBe('zondag 29 maart');
		expect(plain(formatDay('2026-03-29', 'weekdayShort', 'en'))).toBe('Sun 29 Mar');
		expect(plain(formatDay('2026-10-25', 'weekdayYear', 'nl'))).toBe('zondag 25 oktober 2026');
		expect(plain(formatDay('2026-10-25', 'full', 'en'))).toBe('25 October 2026');
	});

	it('names the month of a day', () => {
		expect(formatMonth('2026-03-29', 'nl')).toBe('maart 2026');
		expect(formatMonth('2026-03', 'en')).toBe('March 2026');
	});
});

describe('formatNumber', () => {
	it('writes a decimal comma in Dutch and a point in English', () => {
		expect(formatNumber(2.46, 1, 'nl')).toBe('2,5');
		expect(formatNumber(2.46, 1, 'en')).toBe('2.5');
		expect(formatNumber(3, 1, 'nl')).toBe('3');
		expect(formatNumber(1.25, 2, 'nl')).toBe('1,25');
	});
});
