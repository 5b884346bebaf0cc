import { fail, redirect } from '@sveltejs/kit';
import { listExercises } from '$lib/features/exercises/exercises.content';
import { hasEnoughAnswers, scorePatternCheck } from '$lib/features/patterns/pattern-check';
import { readPatternAnswersFromForm } from '$lib/features/patterns/pattern-check.schema';
import { describeStrongestPatterns, localizePatternCheck } from '$lib/features/patterns/pattern-view';
import { savePatternCheck } from '$lib/features/patterns/pattern-checks.server';
import { encodePendingCheck, pendingCheckCookie } from '$lib/features/patterns/pending-check';
import { href } from '$lib/i18n/href';
import { db } from '$lib/server/db';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => ({ check: localizePatternCheck(locals.locale) });

export const actions: Actions = {
	/** Shows the patterns that stand out; nothing is stored. */
	score: async ({ request, locals }) => {
		const read = readPatternAnswersFromForm(await request.formData());
		if (!read.ok) {
			const fieldsWith = (id: string) =>
				read.issues.flatMap((i) => (i.messageId === id && i.field ? [Number(i.field.replace('answer-', ''))] : []));
			const tooFew = read.issues.find((i) => i.messageId === 'too_few_answers')?.params;
			return fail(400, { given: read.answers, missing: fieldsWith('answer_missing'), invalid: fieldsWith('answer_invalid'), tooFew });
		}
		const score = scorePatternCheck(read.answers);
		if (!hasEnoughAnswers(score)) return fail(400, { given: read.answers, missing: read.missing, invalid: [] as number[], tooFew: undefined });
		const exercises = listExercises(locals.locale);
		const patterns = describeStrongestPatterns(score, locals.locale, (mechanism) =>
			exercises.filter((e) => e.mechanisms.includes(mechanism)).map((e) => ({ id: e.id, title: e.title }))
		);
		return { given: read.answers, patterns, signedIn: locals.account !== null };
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
