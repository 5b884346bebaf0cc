import { describe, expect, it } from 'vitest';
import { chooseVoice, MAX_PIECE, planReading, splitSentences } from '../../../static/lees-voor.js';

describe('splitSentences', () => {
	it('reads one sentence at a time, and each line apart', () => {
		const text = 'Adem rustig in. Tel tot vier!\n  Houd even vast?  Adem dan uit…\n\nKlaar';
		expect(splitSentences(text)).toEqual(['Adem rustig in.', 'Tel tot vier!', 'Houd even vast?', 'Adem dan uit…', 'Klaar']);
	});

	it('keeps an abbreviation inside its sentence, and splits before a number or a quote', () => {
		expect(splitSentences('Doe iets kleins, bijv. een wandeling. 2 minuten is genoeg. "Hallo," zeg je.')).toEqual([
			'Doe iets kleins, bijv. een wandeling.',
			'2 minuten is genoeg.',
			'"Hallo," zeg je.'
		]);
	});

	it('cuts a long sentence at a comma, and otherwise at a space, never longer than the limit', () => {
		const long = `${'woord '.repeat(20).trim()}, ${'nog een woord '.repeat(20).trim()}.`;
		const pieces = splitSentences(long);
		expect(pieces.length).toBeGreaterThan(1);
		expect(pieces[0]).toBe(`${'woord '.repeat(20).trim()},`);
		for (const piece of pieces) expect(piece.length).toBeLessThanOrEqual(MAX_PIECE);
		expect(pieces.join(' ')).toBe(long);
	});

	it('gives nothing for empty text', () => {
		expect(splitSentences('  \n \n ')).toEqual([]);
	});
});

const voice = (lang: string, localService: boolean, name = lang, isDefault = false) => ({
	lang,
	localService,
	name,
	default: isDefault
});

describe('chooseVoice', () => {
	const voices = [
		voice('en-US', true, 'English'),
		voice('nl-BE', false, 'Online Vlaams'),
		voice('nl-NL', false, 'Online Nederlands'),
		voice('nl_BE', true, 'Vlaams op het toestel'),
		voice('nl-NL', true, 'Nederlands op het toestel')
	];

	it('prefers a voice on the device in the page language, then the exact language', () => {
		expect(chooseVoice(voices, 'nl')?.name).toBe('Nederlands op het toestel');
		expect(chooseVoice(voices, 'nl-BE')?.name).toBe('Vlaams op het toestel');
		expect(chooseVoice(voices, 'EN')?.name).toBe('English');
	});

	it('takes a network voice only when allowed and nothing else fits', () => {
		const online = [voice('nl-NL', false, 'Online'), voice('de-DE', true)];
		expect(chooseVoice(online, 'nl')?.name).toBe('Online');
		expect(chooseVoice(online, 'nl', { localOnly: true })).toBeUndefined();
		expect(chooseVoice(online, 'fr')).toBeUndefined();
	});

	it('breaks a tie with the browser default', () => {
		expect(chooseVoice([voice('nl-NL', true, 'A'), voice('nl-NL', true, 'B', true)], 'nl')?.name).toBe('B');
	});
});

describe('planReading', () => {
	it('reads our own content through a network voice, but asks first for the person’s own words', () => {
		const online = [voice('nl-NL', false, 'Online')];
		expect(planReading(online, 'nl', false)).toMatchObject({ kind: 'read', voice: { name: 'Online' } });
		expect(planReading(online, 'nl', true)).toMatchObject({ kind: 'ask', voice: { name: 'Online' } });
		expect(planReading([...online, voice('nl-BE', true, 'Local')], 'nl', true)).toMatchObject({
			kind: 'read',
			voice: { name: 'Local' }
		});
	});

	it('says there is no voice when none speaks the language', () => {
		expect(planReading([voice('en-GB', true)], 'nl', false)).toEqual({ kind: 'no-voice' });
		expect(planReading([], 'nl', true)).toEqual({ kind: 'no-voice' });
	});
});
