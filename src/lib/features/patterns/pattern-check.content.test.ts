import { describe, expect, it } from 'vitest';
import { fleschDouma } from '$lib/features/content/readability';
import {
	agreementOptions,
	getMechanism,
	isMechanismId,
	locales,
	mechanismIds,
	mechanisms,
	minimumAnswered,
	patternCheck,
	type Localized
} from './pattern-check';

const statements = patternCheck.statements;

/** Sentences in a text: a . ! or ? (maybe inside a closing quote) before a space or the end. */
function sentenceCount(text: string): number {
	return text.match(/[.!?][’'"]?(?=\s|$)/g)?.length ?? 0;
}

/** Every localized text, for checks that apply to all of them. */
function allTexts(): Array<[string, Localized]> {
	return [
		['title', patternCheck.title],
		['intro', patternCheck.intro],
		['resultNote', patternCheck.resultNote],
		['noPatternStandsOut', patternCheck.noPatternStandsOut],
		...agreementOptions.map((option): [string, Localized] => [`option ${option.id}`, option.label]),
		...statements.map((statement): [string, Localized] => [`statement ${statement.number}`, statement.text]),
		...mechanismIds.flatMap((id): Array<[string, Localized]> => [
			[`${id} name`, mechanisms[id].name],
			[`${id} explanation`, mechanisms[id].explanation],
			[`${id} firstStep`, mechanisms[id].firstStep]
		])
	];
}

describe('mechanisms', () => {
	it('are the nine of the approach, in canonical order, each under its own id', () => {
		expect([...mechanismIds]).toEqual([
			'fear_of_vulnerability',
			'limiting_beliefs',
			'self_sabotage',
			'rumination',
			'waiting',
			'external_validation',
			'old_wounds',
			'no_self_reflection',
			'underrated_community'
		]);
		expect(Object.keys(mechanisms)).toEqual([...mechanismIds]);
		for (const id of mechanismIds) expect(mechanisms[id].id).toBe(id);
	});

	it('explain in 3 or 4 sentences and give one first step, in both languages', () => {
		for (const id of mechanismIds) {
			for (const locale of locales) {
				const label = `${id} (${locale})`;
				expect(sentenceCount(mechanisms[id].explanation[locale]), label).toBeGreaterThanOrEqual(3);
				expect(sentenceCount(mechanisms[id].explanation[locale]), label).toBeLessThanOrEqual(4);
				expect(sentenceCount(mechanisms[id].firstStep[locale]), label).toBe(1);
				expect(mechanisms[id].name[locale].length, label).toBeLessThanOrEqual(40);
			}
		}
	});

	it('are looked up safely from untrusted ids', () => {
		expect(getMechanism('waiting')).toBe(mechanisms.waiting);
		expect(getMechanism('Waiting')).toBeUndefined();
		expect(getMechanism('toString')).toBeUndefined();
		expect(getMechanism('__proto__')).toBeUndefined();
		expect(isMechanismId('old_wounds')).toBe(true);
		expect(isMechanismId('')).toBe(false);
	});

	it('carry no exercise ids: those come from content front matter', () => {
		for (const id of mechanismIds) expect(Object.keys(mechanisms[id]).sort()).toEqual(['explanation', 'firstStep', 'id', 'name']);
	});
});

describe('pattern check definition', () => {
	it('has id, version and title, in the locales nl and en', () => {
		expect(patternCheck.id).toBe('pattern-check');
		expect(patternCheck.version).toBe('1');
		expect([...locales]).toEqual(['nl', 'en']);
		expect(patternCheck.title.nl).toBe('Wat houdt mij eenzaam?');
	});

	it('says it is a reflection tool, not a diagnosis or a test score', () => {
		expect(patternCheck.intro.nl).toMatch(/nadenken over jezelf|over jezelf na te denken/);
		expect(patternCheck.intro.nl).toMatch(/geen diagnose/);
		expect(patternCheck.intro.nl).toMatch(/geen test/);
		expect(patternCheck.intro.en).toMatch(/reflect/);
		expect(patternCheck.intro.en).toMatch(/not a diagnosis/);
		expect(patternCheck.intro.en).toMatch(/not a test/);
		expect(patternCheck.resultNote.nl).toMatch(/geen diagnose/);
		expect(patternCheck.resultNote.en).toMatch(/not a diagnosis/);
	});

	it('has 22 to 27 statements, numbered 1..N in presentation order', () => {
		expect(statements.length).toBeGreaterThanOrEqual(22);
		expect(statements.length).toBeLessThanOrEqual(27);
		expect(statements.map((statement) => statement.number)).toEqual(statements.map((_, index) => index + 1));
		expect(new Set(statements.map((statement) => statement.number)).size).toBe(statements.length);
	});

	it('gives every mechanism 2 or 3 statements, never only reversed ones', () => {
		for (const id of mechanismIds) {
			const own = statements.filter((statement) => statement.mechanism === id);
			expect(own.length, id).toBeGreaterThanOrEqual(2);
			expect(own.length, id).toBeLessThanOrEqual(3);
			expect(own.filter((statement) => !statement.reversed).length, id).toBeGreaterThanOrEqual(2);
		}
	});

	it('pins the statement numbers per mechanism and the reversed statements (the worked examples use them)', () => {
		const numbers = Object.fromEntries(
			mechanismIds.map((id) => [id, statements.filter((s) => s.mechanism === id).map((s) => s.number)])
		);
		expect(numbers).toEqual({
			fear_of_vulnerability: [2, 10, 22],
			limiting_beliefs: [5, 15, 19],
			self_sabotage: [8, 12, 26],
			rumination: [3, 17, 21],
			waiting: [1, 13, 20],
			external_validation: [6, 18, 24],
			old_wounds: [9, 16, 23],
			no_self_reflection: [7, 14, 25],
			underrated_community: [4, 11, 27]
		});
		expect(statements.filter((s) => s.reversed).map((s) => s.number)).toEqual([4, 13, 25]);
	});

	it('never puts two statements of the same mechanism in a row', () => {
		statements.slice(1).forEach((statement, index) => {
			expect(statement.mechanism, `statements ${index + 1} and ${index + 2}`).not.toBe(statements[index]!.mechanism);
		});
	});

	it('words every statement in the first person, uniquely, in both languages', () => {
		for (const statement of statements) {
			expect(statement.text.nl, `statement ${statement.number}`).toMatch(/\b(ik|mij|me|mijn)\b/i);
			expect(statement.text.en, `statement ${statement.number}`).toMatch(/\b(I|I’m|I’d|me|my)\b/);
		}
		for (const locale of locales) {
			expect(new Set(statements.map((statement) => statement.text[locale])).size).toBe(statements.length);
		}
	});

	it('asks two thirds of the statements for a result', () => {
		expect(minimumAnswered).toBe(Math.ceil((statements.length * 2) / 3));
		expect(minimumAnswered).toBe(18);
	});

	it('offers 5-point agreement, valued 1..5, with the agreed labels', () => {
		expect(agreementOptions.map((option) => [option.id, option.value, option.label.nl, option.label.en])).toEqual([
			['strongly_disagree', 1, 'helemaal niet mee eens', 'strongly disagree'],
			['disagree', 2, 'niet mee eens', 'disagree'],
			['neutral', 3, 'neutraal', 'neutral'],
			['agree', 4, 'mee eens', 'agree'],
			['strongly_agree', 5, 'helemaal mee eens', 'strongly agree']
		]);
		expect(patternCheck.options).toBe(agreementOptions);
	});
});

describe('texts', () => {
	it('exist in Dutch and English, trimmed, and differ between the two', () => {
		for (const [label, text] of allTexts()) {
			expect(Object.keys(text).sort(), label).toEqual([...locales].sort());
			for (const locale of locales) {
				expect(text[locale].trim(), `${label} (${locale})`).not.toBe('');
				expect(text[locale], `${label} (${locale})`).toBe(text[locale].trim());
			}
			if (!label.startsWith('option')) expect(text.nl, label).not.toBe(text.en);
		}
	});

	it('speak to the person with "je", never with "u"', () => {
		for (const [label, text] of allTexts()) expect(text.nl, label).not.toMatch(/\b(u|uw|U|Uw)\b/);
	});

	it('read easily in Dutch: every sentence text scores at least 60 on Flesch-Douma', () => {
		const prose = allTexts().filter(([label]) => !label.startsWith('option') && !label.endsWith(' name') && label !== 'title');
		for (const [label, text] of prose) expect(fleschDouma(text.nl), label).toBeGreaterThanOrEqual(60);
	});
});
