/**
 * Reading ease of Dutch text, so a test can hold every Dutch page to B1 level.
 * - `fleschDouma(text)`: the Flesch-Douma reading ease (Douma 1960), higher is easier; 60 and up reads easily.
 * - `readingStats(text)`: the counts the score is made of (words, sentences, syllables).
 * - `dutchSyllables(word)`: the syllables in one Dutch word.
 * - `plainText(markdown)`: Markdown without its syntax, each heading and list item closed as a sentence.
 * Pure functions: no I/O.
 */

export interface ReadingStats {
	words: number;
	sentences: number;
	syllables: number;
}

/**
 * Flesch-Douma: 206.84 − 0.77 × syllables per 100 words − 0.93 × words per sentence.
 * NaN for a text without words: it has no reading ease, and a threshold check should not pass it.
 */
export function fleschDouma(text: string): number {
	const { words, sentences, syllables } = readingStats(text);
	if (words === 0) return Number.NaN;
	return 206.84 - 0.77 * ((syllables / words) * 100) - 0.93 * (words / Math.max(1, sentences));
}

/** Counts words, sentences and syllables in Markdown or plain text (front matter, if any, is left out). */
export function readingStats(text: string): ReadingStats {
	const plain = plainText(text);
	let words = 0;
	let syllables = 0;
	for (const word of plain.match(wordPattern) ?? []) {
		words += 1;
		syllables += wordSyllables(word);
	}
	return { words, sentences: countSentences(plain), syllables };
}

// A word: letters and digits, joined inside by an apostrophe, a hyphen or (for numbers like 1.000 or 3,5) a point or comma.
const wordPattern = /[\p{L}\p{N}]+(?:(?:['’-]|[.,](?=\p{N}))[\p{L}\p{N}]+)*/gu;

function wordSyllables(word: string): number {
	// Each group of digits is said as one unit here ("10", "0" and "100" in "0-100"), as the content rule asks.
	const digitGroups = word.match(/\p{N}+(?:[.,]\p{N}+)*/gu)?.length ?? 0;
	const letters = word.replace(/\p{N}+(?:[.,]\p{N}+)*/gu, ' ');
	const letterSyllables = letters
		.split(/[^\p{L}]+/u)
		.filter((part) => part.length > 0)
		.reduce((sum, part) => sum + dutchSyllables(part), 0);
	return Math.max(1, digitGroups + letterSyllables);
}

// Longest first, so "ieu" wins over "ie" and "ooi" over "oo".
const vowelCombinations = ['ieu', 'eeu', 'oei', 'aai', 'ooi', 'aa', 'ee', 'oo', 'uu', 'ie', 'oe', 'eu', 'ui', 'ei', 'ij', 'ou', 'au'];
const plainVowels = new Set(['a', 'e', 'i', 'o', 'u', 'y', 'á', 'é', 'í', 'ó', 'ú', 'à', 'è', 'ì', 'ò', 'ù', 'â', 'ê', 'î', 'ô', 'û']);
// A diaeresis marks the start of a new syllable: ideeën, beïnvloeden, coördinatie.
const diaeresisVowels = new Set(['ä', 'ë', 'ï', 'ö', 'ü', 'ÿ']);

/**
 * Syllables in one Dutch word: each vowel sound is one syllable. A run of vowels is split into the Dutch vowel
 * combinations (one sound each) and single vowels; a vowel with a diaeresis always starts a new one. At least 1.
 */
export function dutchSyllables(word: string): number {
	const w = word.normalize('NFC').toLocaleLowerCase('nl');
	let count = 0;
	let i = 0;
	while (i < w.length) {
		const char = w[i] ?? '';
		if (diaeresisVowels.has(char)) {
			count += 1;
			i += 1;
			continue;
		}
		if (!plainVowels.has(char)) {
			i += 1;
			continue;
		}
		const combination = vowelCombinations.find((c) => w.startsWith(c, i));
		count += 1;
		i += combination?.length ?? 1;
	}
	return Math.max(1, count);
}

// A sentence ends at . ! ? or … followed by a space, a closing mark or the end (so 1.000 and e-mail.nl do not end one).
// A colon that closes a block (the lead-in to a list) ends one too.
const sentenceEnd = /[.!?…]+(?=["'”’)\]]*(?:\s|$))|:(?=\n|$)/gu;

function countSentences(plain: string): number {
	let sentences = 0;
	let start = 0;
	for (const match of plain.matchAll(sentenceEnd)) {
		if (/[\p{L}\p{N}]/u.test(plain.slice(start, match.index))) sentences += 1;
		start = match.index + match[0].length;
	}
	if (/[\p{L}\p{N}]/u.test(plain.slice(start))) sentences += 1;
	return sentences;
}

/**
 * Markdown as plain prose: front matter, code blocks, HTML, URLs and images go; links and emphasis keep their text;
 * heading marks, bullets and quote marks go. Headings, list items, table rows and paragraphs become blocks, and a
 * block without closing punctuation gets a full stop, since a reader takes a heading or a bullet as one sentence.
 */
export function plainText(markdown: string): string {
	const text = withoutCodeBlocks(markdown.replace(/\r\n?/g, '\n').replace(/^---\n[\s\S]*?\n---(?:\n|$)/, ''))
		.replace(/<!--[\s\S]*?-->/g, ' ')
		.replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
		.replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
		.replace(/\[([^\]]+)\]\[[^\]]*\]/g, '$1')
		.replace(/^\s*\[[^\]]+\]:\s*\S+.*$/gm, '')
		.replace(/<https?:[^>]*>/g, ' ')
		.replace(/<\/?[a-zA-Z][^>]*>/g, ' ')
		.replace(/https?:\/\/\S+/g, ' ')
		.replace(/`+([^`\n]*)`+/g, '$1')
		.replace(/(\*{1,3}|_{1,3})(?=\S)([\s\S]*?\S)\1(?![\p{L}\p{N}])/gu, '$2')
		.replace(/~~([\s\S]*?)~~/g, '$1')
		.replace(/&nbsp;/g, ' ')
		.replace(/&amp;/g, '&');

	const blocks: string[] = [];
	let current: string[] = [];
	const close = () => {
		if (current.length > 0) blocks.push(current.join(' '));
		current = [];
	};
	for (const rawLine of text.split('\n')) {
		const line = rawLine.trim();
		if (line === '' || /^([-*_])(\s*\1){2,}$/.test(line) || /^[=-]+$/.test(line) || /^\|?[\s:|-]+\|?$/.test(line)) {
			close();
			continue;
		}
		const heading = /^#{1,6}\s+(.*?)\s*#*$/.exec(line);
		const item = /^(?:>\s*)*(?:[-*+]|\d+[.)])\s+(.*)$/.exec(line);
		if (heading) {
			close();
			current.push(heading[1] ?? '');
			close();
		} else if (item) {
			close();
			current.push(item[1] ?? '');
		} else if (line.startsWith('|')) {
			close();
			current.push(...line.split('|').filter((cell) => cell.trim() !== '').map((cell) => closed(cell.trim())));
			close();
		} else {
			current.push(line.replace(/^(?:>\s*)+/, ''));
		}
	}
	close();
	return blocks.map(closed).join('\n');
}

/** Fenced code is not prose: the fence and everything in it become an empty line. */
function withoutCodeBlocks(markdown: string): string {
	const kept: string[] = [];
	let fence: string | undefined;
	for (const line of markdown.split('\n')) {
		const mark = /^\s*(`{3,}|~{3,})/.exec(line)?.[1];
		if (fence === undefined && mark !== undefined) {
			fence = mark;
			kept.push('');
		} else if (fence !== undefined) {
			if (mark !== undefined && mark[0] === fence[0] && mark.length >= fence.length) fence = undefined;
		} else {
			kept.push(line);
		}
	}
	return kept.join('\n');
}

function closed(block: string): string {
	const trimmed = block.trim();
	if (trimmed === '' || /[.!?…:]["'”’)\]]*$/u.test(trimmed)) return trimmed;
	return `${trimmed}.`;
}
