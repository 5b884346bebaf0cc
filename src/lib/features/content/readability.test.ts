import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { dutchSyllables, fleschDouma, plainText, readingStats } from './readability';

describe('dutchSyllables', () => {
	it.each([
		['eenzaamheid', 3],
		['vriendschap', 2],
		['beïnvloeden', 4],
		['ideeën', 3],
		['knieën', 2],
		['coördinatie', 5],
		['nieuwe', 2],
		['leeuw', 1],
		['groeien', 2],
		['mooie', 2],
		['haaien', 2],
		['buurvrouw', 2],
		['overtuigingen', 5],
		['zelfsabotage', 5],
		['reageren', 4],
		['kwetsbaarheid', 3],
		['bijeenkomst', 3],
		['hobby', 2],
		['Eenzaam', 2],
		['brrr', 1]
	])('%s has %i', (word, syllables) => {
		expect(dutchSyllables(word)).toBe(syllables);
	});
});

describe('readingStats', () => {
	it('counts words, sentences and syllables', () => {
		expect(readingStats('Ik zie je morgen. Fijn!')).toEqual({ words: 5, sentences: 2, syllables: 6 });
	});
	it('counts a number as one word of one syllable per digit group', () => {
		expect(readingStats('Neem 10 minuten.')).toEqual({ words: 3, sentences: 1, syllables: 5 });
		expect(readingStats('Kies een getal van 0-100.')).toEqual({ words: 5, sentences: 1, syllables: 7 });
		expect(readingStats('Het kost 1.000 euro.')).toEqual({ words: 4, sentences: 1, syllables: 5 });
	});
	it('does not end a sentence inside a number or an address', () => {
		expect(readingStats('Kijk op brug.nl voor 3,5 uur.').sentences).toBe(1);
	});
	it('takes headings and list items as sentences of their own', () => {
		const stats = readingStats('## Wat je nodig hebt\n- een pen\n- een rustige plek\n\nDan begin je.');
		expect(stats.sentences).toBe(4);
		expect(stats.words).toBe(12);
	});
	it('reads a lead-in that ends in a colon as a sentence', () => {
		expect(readingStats('Zo doe je het:\n1. Adem in\n2. Adem uit').sentences).toBe(3);
	});
	it('leaves out front matter', () => {
		expect(readingStats('---\ntitle: Een titel met woorden\n---\nHallo daar.').words).toBe(2);
	});
	it('has no words in an empty text', () => {
		expect(readingStats('')).toEqual({ words: 0, sentences: 0, syllables: 0 });
	});
});

describe('plainText', () => {
	it('strips Markdown but keeps the words of links and emphasis', () => {
		const markdown = [
			'# Een *kop*',
			'',
			'Lees de **uitleg** op de [pagina Hulp](/nl/hulp) en `hier`.',
			'',
			'```',
			'geen tekst',
			'```',
			'',
			'> Een citaat',
			'* een punt',
			'3. een stap'
		].join('\n');
		expect(plainText(markdown)).toBe(
			['Een kop.', 'Lees de uitleg op de pagina Hulp en hier.', 'Een citaat.', 'een punt.', 'een stap.'].join('\n')
		);
	});
	it('joins a paragraph that wraps over lines', () => {
		expect(plainText('Dit is een zin die\ndoorloopt.')).toBe('Dit is een zin die doorloopt.');
	});
});

describe('fleschDouma', () => {
	it('follows 206.84 − 0.77 × syllables per 100 words − 0.93 × words per sentence', () => {
		// 5 words, 2 sentences, 6 syllables: 206.84 − 0.77 × 120 − 0.93 × 2.5
		expect(fleschDouma('Ik zie je morgen. Fijn!')).toBeCloseTo(206.84 - 92.4 - 2.325, 6);
	});
	it('scores a plain B1 text above 60', () => {
		const b1 = [
			'Je voelt je soms alleen. Dat is heel normaal.',
			'Begin met een kleine stap. Groet je buurvrouw bij haar naam.',
			'Of stuur een vriend een kort bericht. Vraag hoe het met hem gaat.',
			'Let daarna op wat goed ging. Schrijf dat op.'
		].join(' ');
		expect(fleschDouma(b1)).toBeGreaterThan(60);
	});
	it('scores a dense bureaucratic sentence below 30', () => {
		const dense =
			'Overeenkomstig de toepasselijke beleidsregels inzake maatschappelijke ondersteuning wordt de aanvrager ' +
			'verzocht de noodzakelijke bewijsstukken betreffende de financiële draagkracht binnen de gestelde termijn ' +
			'ter beoordeling aan de gemeentelijke uitvoeringsorganisatie te overleggen.';
		expect(fleschDouma(dense)).toBeLessThan(30);
	});
	it('is NaN for a text without words', () => {
		expect(fleschDouma('## \n- \n')).toBeNaN();
	});
	it('never counts more sentences than words, nor fewer syllables than words', () => {
		fc.assert(
			fc.property(fc.string({ maxLength: 200 }), (text) => {
				const { words, sentences, syllables } = readingStats(text);
				expect(sentences).toBeLessThanOrEqual(words);
				expect(syllables).toBeGreaterThanOrEqual(words);
			})
		);
	});
});
