/**
 * Crisis signals in free text, kept as data so the list can be maintained without touching the matching.
 * - `crisisSignals`: the Dutch and English word list (phrases; a trailing `*` marks a word stem).
 * - `normaliseSignalText(text)`: the form both texts and list entries are compared in.
 * - `containsCrisisSignal(...texts)`: whether any of the texts contains any entry of either language.
 *
 * The only effect of a match is that the help block is shown, calmly, after saving. The entry is
 * never blocked, changed or reported. So the list is deliberately broad: a false positive costs a person one extra
 * look at where to find help; a missed signal can cost much more. It is not a risk assessment and must never be used
 * as one. Entries are checked in both languages whatever the page language, because people write in the language
 * that comes to them, and bilingual texts are common.
 *
 * Review this list with a professional before each release, together with the support lines themselves
 * (support-lines.ts); add what people actually write, e.g. new euphemisms.
 */

/**
 * How to write an entry:
 * - lower case; diacritics and punctuation do not matter ("suïcide" = "suicide", "self-harm" = "self harm");
 * - words match whole words only: "dood willen" does not match "doodmoe", and "zelfdoding" does not match inside
 *   a longer word;
 * - a trailing `*` makes the last word a stem: "zelfmoord*" also matches "zelfmoordgedachten";
 * - apostrophes inside words are dropped, so "dont want to live" matches "don't want to live" as well.
 */
export const crisisSignals = {
	nl: [
		'zelfmoord*',
		'suïcid*',
		'zelfdoding',
		'dood willen',
		'wil dood',
		'wil ik dood',
		'dood wil',
		'wil doodgaan',
		'liever dood',
		'beter dood',
		'was ik maar dood',
		'ik was maar dood',
		'niet meer leven',
		'niet meer willen leven',
		'niet meer wakker worden',
		'geen zin meer in het leven',
		'geen zin meer om te leven',
		'zie het niet meer zitten',
		'zie het leven niet meer zitten',
		'levensmoe*',
		'er een eind aan maken',
		'er een einde aan maken',
		'een eind aan mijn leven',
		'een einde aan mijn leven',
		'mijn leven beëindigen',
		'uit het leven stappen',
		'uit het leven te stappen',
		'van kant maken',
		'voor de trein springen',
		'voor een trein springen',
		'mezelf iets aandoen',
		'mijzelf iets aandoen',
		'mezelf wat aandoen',
		'mezelf pijn doen',
		'mijzelf pijn doen',
		'mezelf ophangen',
		'mezelf snijden',
		'zelfbeschadiging',
		'zelfverwonding',
		'beter af zonder mij',
		'geen uitweg meer'
	],
	en: [
		'suicid*',
		'kill myself',
		'killing myself',
		'want to die',
		'wanna die',
		'wish i was dead',
		'wish i were dead',
		'better off dead',
		'better off without me',
		'end my life',
		'ending my life',
		'end it all',
		'take my own life',
		'taking my own life',
		'dont want to live',
		'do not want to live',
		'dont want to be alive',
		'no reason to live',
		'no point in living',
		'no point living',
		'never wake up again',
		'not wake up again',
		'not to wake up',
		'cant go on anymore',
		'cant go on like this',
		'unalive*',
		'self harm*',
		'selfharm*',
		'self injur*',
		'hurt myself',
		'hurting myself',
		'cut myself',
		'cutting myself',
		'hang myself',
		'overdose'
	]
} as const satisfies Record<'nl' | 'en', readonly string[]>;

const apostrophes = /['\u2019\u02bc\u2018`]/g;
const marks = /\p{M}+/gu;
const nonWordCharacters = /[^\p{L}\p{N}]+/gu;

/**
 * Lower case, compatibility-decomposed with diacritics removed, apostrophes dropped, every other run of
 * punctuation or white space (line breaks too) turned into one space, trimmed.
 */
export function normaliseSignalText(text: string): string {
	return text
		.toLowerCase()
		.normalize('NFKD')
		.replace(marks, '')
		.replace(apostrophes, '')
		.replace(nonWordCharacters, ' ')
		.trim();
}

function escapeRegExp(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** One pattern per entry: whole words, joined by exactly one space (the text is normalised the same way). */
function entryPattern(entry: string): RegExp {
	const isStem = entry.endsWith('*');
	const words = normaliseSignalText(isStem ? entry.slice(0, -1) : entry);
	const end = isStem ? '' : '(?: |$)';
	return new RegExp(`(?:^| )${escapeRegExp(words)}${end}`, 'u');
}

const patterns: RegExp[] = [...crisisSignals.nl, ...crisisSignals.en].map(entryPattern);

/** True when any of the texts contains a crisis signal in Dutch or English; empty or missing texts never do. */
export function containsCrisisSignal(...texts: (string | null | undefined)[]): boolean {
	return texts.some((text) => {
		if (!text) return false;
		const normalised = normaliseSignalText(text);
		return normalised !== '' && patterns.some((pattern) => pattern.test(normalised));
	});
}
