import { describe, expect, it } from 'vitest';
import { changeSentence, countText, percentText, reliableThreshold } from './report-words';

describe('changeSentence', () => {
	it('says a lower score is less lonely, with a Dutch decimal comma', () => {
		expect(changeSentence(-1.94, 'nl')).toBe('Gemiddeld 1,9 punt lager: minder eenzaam.');
	});
	it('says a higher score is lonelier', () => {
		expect(changeSentence(0.6, 'nl')).toBe('Gemiddeld 0,6 punt hoger: eenzamer.');
		expect(changeSentence(0.6, 'en')).toBe('On average 0.6 points higher: lonelier.');
	});
	it('calls a change that rounds to zero no change', () => {
		expect(changeSentence(-0.04, 'nl')).toBe('Gemiddeld bijna geen verschil.');
	});
});

describe('reliableThreshold', () => {
	it('takes the first whole point past the threshold (1.96 · S_diff)', () => {
		expect(reliableThreshold(2.88)).toBe(3);
		expect(reliableThreshold(3)).toBe(4);
	});
});

describe('countText and percentText', () => {
	it('show hidden figures as fewer than 10', () => {
		expect(countText(null, 'nl')).toBe('minder dan 10');
		expect(countText(1234, 'nl')).toBe('1.234');
		expect(percentText(0.816, 'nl')).toBe('82%');
		expect(percentText(null, 'en')).toBe('fewer than 10');
	});
});
