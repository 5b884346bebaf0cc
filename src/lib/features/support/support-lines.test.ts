import { describe, expect, it } from 'vitest';
import { callableCrisisLines, crisisLines, siteName, supportCountries, telHref } from './support-lines';

describe('telHref', () => {
	it('keeps the digits of a number as people write it', () => {
		expect(telHref('113')).toBe('tel:113');
		expect(telHref('0800-0113')).toBe('tel:08000113');
		expect(telHref('088 0767 000')).toBe('tel:0880767000');
		expect(telHref('+32 106')).toBe('tel:+32106');
	});
});

describe('siteName', () => {
	it('says a web address as people say it', () => {
		expect(siteName('https://www.113.nl')).toBe('113.nl');
		expect(siteName('https://tele-onthaal.be/')).toBe('tele-onthaal.be');
	});
});

describe('the lines', () => {
	it('give every number a tel: address of at least three digits, and every chat a https address', () => {
		for (const line of supportCountries.flatMap((country) => country.lines)) {
			for (const number of line.phones) expect(telHref(number), line.id).toMatch(/^tel:\+?\d{3,}$/);
			if (line.chat) expect(line.chat, line.id).toMatch(/^https:\/\//);
		}
	});

	it('in the Netherlands: 113, 0800-0113 and the Luisterlijn can be called from the footer, the GP cannot', () => {
		const numbers = callableCrisisLines('nl').flatMap((line) => line.phones.map(telHref));
		expect(numbers).toEqual(expect.arrayContaining(['tel:113', 'tel:08000113', 'tel:0880767000', 'tel:112']));
		expect(crisisLines('nl').map((line) => line.id)).toContain('huisarts');
		expect(callableCrisisLines('nl').map((line) => line.id)).not.toContain('huisarts');
	});
});
