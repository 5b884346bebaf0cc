import { redirect } from '@sveltejs/kit';
import { listExercises } from '$lib/features/exercises/exercises.content';
import { scorePatternCheck } from '$lib/features/patterns/pattern-check';
import { describeStrongestPatterns, localizePatternCheck } from '$lib/features/patterns/pattern-view';
import { decodePatternAnswersCookie, patternAnswersCookie } from '$lib/features/patterns/answers-cookie';
import { href } from '$lib/i18n/href';
import { anonymousCookieOptions } from '$lib/server/http/anonymous-cookie';
import type { Actions, PageServerLoad } from './$types';

// Reads its answers from the person's own cookie: no script needed, and a reload only reads them again.
export const csr = false;

/** The patterns that stand out in this browser's last answers; without them (closed browser, cleared) a kind word. */
export const load: PageServerLoad = ({ locals, cookies, setHeaders }) => {
	setHeaders({ 'cache-control': 'private, no-store', 'x-robots-tag': 'noindex' });
	const check = localizePatternCheck(locals.locale);
	const answers = decodePatternAnswersCookie(cookies.get(patternAnswersCookie.name));
	if (!answers) return { check, answers: null, patterns: null, signedIn: locals.account !== null };
	const exercises = listExercises(locals.locale);
	const patterns = describeStrongestPatterns(scorePatternCheck(answers), locals.locale, (mechanism) =>
		exercises.filter((e) => e.mechanisms.includes(mechanism)).map((e) => ({ id: e.id, title: e.title }))
	);
	return { check, answers, patterns, signedIn: locals.account !== null };
};

export const actions: Actions = {
	/** "Wis mijn antwoorden", for a shared device: the statements start empty again. */
	clear: ({ locals, cookies, url }) => {
		cookies.delete(patternAnswersCookie.name, anonymousCookieOptions(url));
		redirect(303, href('/patronen', { locale: locals.locale }));
	}
};
