/**
 * Whether a new password is easy to guess, checked offline (nothing leaves the server).
 * - `isGuessablePassword(password, email)`: true for a common or breached password, a keyboard or number run, a word
 *   with a digit or two, and the person's own address or a variant of it.
 *
 * Why zxcvbn-ts (@zxcvbn-ts/core with its common, English and Dutch dictionaries): it is kept up (4.x, 2026), works
 * without any network call, and knows more than a list: the ~30,000 most used passwords from breach corpora, common
 * words and names, keyboard runs, dates, repeats and l33t, and it weighs a password by the guesses it takes, so a
 * long sentence of plain words passes while "Welkom01!" does not. Its "pwned" matcher asks a web service: not used.
 * Levenshtein matching stays off: it made one check take a second.
 */
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as english from '@zxcvbn-ts/language-en';
import * as dutch from '@zxcvbn-ts/language-nl-be';

/** zxcvbn's score 3: about 10^8 guesses or more, "safely unguessable" when guessing is also slowed (argon2id). */
const minimumScore = 3;
/** Fewer letters and digits than this left after taking the address out: a variant of the address. */
const minimumBeyondAddress = 6;
/**
 * Bounds on zxcvbn's work, which otherwise took up to half a second for a short piece with symbols repeated
 * ("Ab1!Ab1!…"): it weighs the first 64 characters (hard to guess there is hard to guess), and tries at most 10 l33t
 * substitutions (still enough for "P@ssw0rd").
 */
const weighedLength = 64;
const l33tMaxSubstitutions = 10;

let factory: ZxcvbnFactory | undefined;

/** Built on first use (about a second): the dictionaries are ranked once per process. */
function estimator(): ZxcvbnFactory {
	if (!factory) {
		// The Dutch package (3.x) ships each list as one comma-separated text; 4.x lists are arrays.
		const words = (list: string[] | string) => (typeof list === 'string' ? list.split(',') : list);
		const dictionary: Record<string, string[]> = { ...common.dictionary, ...english.dictionary };
		for (const [name, list] of Object.entries(dutch.dictionary)) dictionary[`${name}-nl`] = words(list);
		factory = new ZxcvbnFactory({ dictionary, graphs: common.adjacencyGraphs, maxLength: weighedLength, l33tMaxSubstitutions });
	}
	return factory;
}

const lettersAndDigits = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

/** The address and its parts: what a password must not be built from. */
function addressParts(email: string): string[] {
	const [local = '', domain = ''] = email.toLowerCase().split('@');
	return [local, ...local.split(/[^\p{L}\p{N}]+/u), ...domain.split('.')].map(lettersAndDigits).filter((part) => part.length >= 3);
}

function isAddressVariant(password: string, email: string): boolean {
	let rest = lettersAndDigits(password);
	// Longest first, so the whole local part goes before its pieces.
	for (const part of addressParts(email).sort((a, b) => b.length - a.length)) rest = rest.replaceAll(part, '');
	return rest.length < minimumBeyondAddress;
}

/** One short piece over and over ("aB3$aB3$…"): guessable, and the slowest input for zxcvbn, so answered first. */
const repeatedPiece = /^(.{1,8}?)\1+$/su;

export function isGuessablePassword(password: string, email?: string): boolean {
	if (repeatedPiece.test(password)) return true;
	if (email && isAddressVariant(password, email)) return true;
	const result = estimator().check(password, email ? [email, ...addressParts(email)] : []);
	return result.score < minimumScore;
}
