import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { containsCrisisSignal, crisisSignals, normaliseSignalText } from './crisis-signals';

const allEntries: string[] = [...crisisSignals.nl, ...crisisSignals.en];
/** An entry as text a person could write: the stem marker removed. */
const asText = (entry: string): string => entry.replace(/\*$/, '');

describe('normaliseSignalText', () => {
	it('lowers case, removes diacritics and apostrophes, turns punctuation and line breaks into single spaces', () => {
		expect(normaliseSignalText('  Suïcide!\n\nIk  WIL…dood. ')).toBe('suicide ik wil dood');
		expect(normaliseSignalText('I don’t want to live')).toBe('i dont want to live');
		expect(normaliseSignalText('self-harm')).toBe('self harm');
		expect(normaliseSignalText('mijn leven beëindigen')).toBe('mijn leven beeindigen');
	});
});

describe('the word list', () => {
	it('has about 25 to 40 entries per language, no duplicates after normalising', () => {
		for (const entries of [crisisSignals.nl, crisisSignals.en]) {
			expect(entries.length).toBeGreaterThanOrEqual(25);
			expect(entries.length).toBeLessThanOrEqual(45);
			const normalised = entries.map((entry) => normaliseSignalText(asText(entry)) + (entry.endsWith('*') ? '*' : ''));
			expect(new Set(normalised).size).toBe(entries.length);
		}
	});

	it('every entry is already lower case and matches itself as written', () => {
		for (const entry of allEntries) {
			expect(entry).toBe(entry.toLowerCase());
			expect(normaliseSignalText(asText(entry))).not.toBe('');
			expect(containsCrisisSignal(asText(entry)), entry).toBe(true);
		}
	});
});

describe('containsCrisisSignal: worked examples that match', () => {
	it.each([
		'Ik denk aan zelfmoord.',
		'ZELFMOORD',
		'Ik heb zelfmoordgedachten sinds de zomer.',
		'Soms denk ik aan suïcide',
		'soms denk ik aan suicide',
		'Ik voel me suïcidaal.',
		'Eigenlijk wil ik dood.',
		'Ik wil gewoon niet meer leven',
		'Ik wil\ner een eind\naan maken',
		'Soms wil ik er een einde aan maken, maar dan denk ik aan mijn kat.',
		'Ik wil mezelf iets aandoen',
		'Ik heb geen zin meer in het leven.',
		'Ik zie het niet meer zitten',
		'Was ik maar dood.',
		'Iedereen is beter af zonder mij',
		'Ik ben levensmoe.',
		'I want to kill myself',
		'Sometimes I WANT TO DIE.',
		'I just want to end my life',
		'I feel suicidal tonight',
		'I don’t want to live anymore',
		"I don't want to live anymore",
		'I have been self-harming again',
		'Self harm is on my mind',
		'Everyone would be better off without me.'
	])('%s', (text) => {
		expect(containsCrisisSignal(text)).toBe(true);
	});

	it('checks both languages whatever language the rest of the text is in', () => {
		expect(containsCrisisSignal('Vandaag was zwaar. I want to die.')).toBe(true);
		expect(containsCrisisSignal('Today was hard. Ik wil dood.')).toBe(true);
	});

	it('finds a signal in any of several texts, skipping empty ones', () => {
		expect(containsCrisisSignal(null, undefined, '', 'Een mooie dag', 'Ik wil dood')).toBe(true);
	});
});

describe('containsCrisisSignal: worked examples that do not match', () => {
	it.each([
		'',
		'   ',
		'Ik ben doodmoe na het werk.',
		'Ik ben dood op.',
		'Ik schrok me dood van de bel.',
		'Ik lachte me dood om die film.',
		'Ik wil doodgraag mee naar het strand.',
		'Dat was een moordend tempo.',
		'Het was een doodgewone dag.',
		'Mijn oma is vorig jaar dood gegaan; ik mis haar.',
		'Ik heb zin in het leven vandaag!',
		'I am dead tired.',
		'That is a killer app.',
		'I would die for a cup of tea.',
		'The battery died.',
		'I want to dine with friends.',
		'I take my tea without sugar.'
	])('%j', (text) => {
		expect(containsCrisisSignal(text)).toBe(false);
	});

	it('never matches when no text is given', () => {
		expect(containsCrisisSignal()).toBe(false);
		expect(containsCrisisSignal(null, undefined)).toBe(false);
	});
});

/** Letters that begin no entry, so a word made of them can never be, or start with, an entry. */
const safeLetters = ['q', 'x', 'j', 'y', 'f'];

describe('containsCrisisSignal: properties', () => {
	it('(precondition) no entry begins with a safe letter', () => {
		for (const entry of allEntries) expect(safeLetters).not.toContain(normaliseSignalText(entry)[0]);
	});

	const separator = fc.constantFrom(' ', '\n', '. ', ', ', ' – ', '!\n', '\t', '"');

	it('stays a match when arbitrary text is added around a matching phrase', () => {
		fc.assert(
			fc.property(
				fc.string({ unit: 'binary' }),
				separator,
				fc.constantFrom(...allEntries),
				separator,
				fc.string({ unit: 'binary' }),
				(before, left, entry, right, after) => {
					expect(containsCrisisSignal(`${before}${left}${asText(entry)}${right}${after}`)).toBe(true);
				}
			)
		);
	});

	it('stays a match whatever the capitals', () => {
		fc.assert(
			fc.property(fc.constantFrom(...allEntries), fc.infiniteStream(fc.boolean()), (entry, upper) => {
				const text = [...asText(entry)].map((c) => (upper.next().value ? c.toUpperCase() : c)).join('');
				expect(containsCrisisSignal(text)).toBe(true);
			})
		);
	});

	const safeWord = fc.string({ unit: fc.constantFrom(...safeLetters), minLength: 1 });

	it('never matches a text of safe letters, spaces and punctuation', () => {
		fc.assert(
			fc.property(fc.array(fc.tuple(safeWord, separator)), (parts) => {
				expect(containsCrisisSignal(parts.map(([word, sep]) => word + sep).join(''))).toBe(false);
			})
		);
	});

	it('never matches a phrase whose spaces are removed and that is glued inside a longer word', () => {
		fc.assert(
			fc.property(fc.constantFrom(...allEntries), safeWord, safeWord, (entry, before, after) => {
				const glued = normaliseSignalText(asText(entry)).replaceAll(' ', '');
				expect(containsCrisisSignal(`${before}${glued}${after}`)).toBe(false);
			})
		);
	});
});
