import { fail, redirect } from '@sveltejs/kit';
import { hasEnoughAnswers, scorePatternCheck } from '$lib/features/patterns/pattern-check';
import { readPatternAnswersFromForm } from '$lib/features/patterns/pattern-check.schema';
import { localizePatternCheck } from '$lib/features/patterns/pattern-view';
import { savePatternCheck } from '$lib/features/patterns/pattern-checks.server';
import { encodePendingCheck, pendingCheckCookie } from '$lib/features/patterns/pending-check';
import {
	decodePatternAnswersCookie,
	encodePatternAnswersCookie,
	patternAnswersCookie
} from '$lib/features/patterns/answers-cookie';
import { href } from '$lib/i18n/href';
import { db } from '$lib/server/db';
import { anonymousCookieOptions } from '$lib/server/http/anonymous-cookie';
import type { Actions, PageServerLoad } from './$types';

// Works fully as plain HTML and forms, so it ships no JavaScript.
export const csr = false;

/** The statements, filled in with the last answers of this browser when the person comes back to change them. */
export const load: PageServerLoad = ({ locals, cookies, setHeaders }) => {
	setHeaders({ 'cache-control': 'private, no-store' });
	return {
		check: localizePatternCheck(locals.locale),
		given: decodePatternAnswersCookie(cookies.get(patternAnswersCookie.name)) ?? {}
	};
};

export const actions: Actions = {
	/** Keeps the answers in a session cookie and shows the patterns on a GET, so reload and Back do not post again. */
	score: async ({ request, locals, cookies, url }) => {
		const read = readPatternAnswersFromForm(await request.formData());
		if (!read.ok) {
			const fieldsWith = (id: string) =>
				read.issues.flatMap((i) => (i.messageId === id && i.field ? [Number(i.field.replace('answer-', ''))] : []));
			const tooFew = read.issues.find((i) => i.messageId === 'too_few_answers')?.params;
			return fail(400, { given: read.answers, missing: fieldsWith('answer_missing'), invalid: fieldsWith('answer_invalid'), tooFew });
		}
		if (!hasEnoughAnswers(scorePatternCheck(read.answers))) {
			return fail(400, { given: read.answers, missing: read.missing, invalid: [] as number[], tooFew: undefined });
		}
		cookies.set(patternAnswersCookie.name, encodePatternAnswersCookie(read.answers), anonymousCookieOptions(url));
		redirect(303, href('/patronen/uitslag', { locale: locals.locale }));
	},
	/**
	 * "Bewaar": signed in, the check goes into the account. Not signed in, the answers wait in a cookie in this
	 * browser (one day) while the person signs in or makes an account; the overview then offers to keep them.
	 */
	keep: async ({ request, locals, cookies, url }) => {
		const read = readPatternAnswersFromForm(await request.formData());
		if (!read.ok || !hasEnoughAnswers(scorePatternCheck(read.answers))) return fail(400, { keepFailed: true });
		if (locals.account) {
			await savePatternCheck(db(), { actor: locals.account, answers: read.answers });
			redirect(303, `${href('/overzicht', { locale: locals.locale })}?bewaard=check`);
		}
		cookies.set(pendingCheckCookie.name, encodePendingCheck(read.answers), {
			path: '/',
			httpOnly: true,
			sameSite: 'lax',
			secure: url.protocol === 'https:',
			maxAge: pendingCheckCookie.maxAgeSeconds
		});
		redirect(303, `${href('/account/inloggen', { locale: locals.locale })}?terug=${encodeURIComponent('/overzicht')}&check`);
	}
};
