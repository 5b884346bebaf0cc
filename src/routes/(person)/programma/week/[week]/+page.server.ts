import { error, fail, redirect } from '@sveltejs/kit';
import { fieldErrors } from '$lib/kernel/form-errors';
import { listConsentGrantsForPerson } from '$lib/features/consent/consent.server';
import { getExercise, getStep } from '$lib/features/exercises/exercises.content';
import { getInstrument } from '$lib/features/instruments/instruments';
import { localizeInstrument } from '$lib/features/instruments/instrument-view';
import { readAnswersFromForm } from '$lib/features/measurements/answer-form';
import { getMeasurementForAccount } from '$lib/features/measurements/measurements.server';
import { getProgrammeWeek } from '$lib/features/programme/programme.content';
import { momentOfWeek } from '$lib/features/programme/programme';
import { checkInSchema, weekItemSchema, weekNumberSchema } from '$lib/features/programme/programme-input.schema';
import { markWeekItem, myCheckIn, openWeek, programmeView, saveCheckIn, saveProgrammeMeasurement } from '$lib/features/programme/progress.server';
import { href } from '$lib/i18n/href';
import { requireAccount } from '$lib/server/auth/require';
import { db } from '$lib/server/db';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

// Fully usable without JavaScript (its forms post as they are): no script is sent.
export const csr = false;

const djg11 = getInstrument('djg-11')!;

/** Weeks 0–9; anything else ("10", "abc") is a page that does not exist. */
function weekOf(event: { params: { week: string } }): number {
	const parsed = weekNumberSchema.safeParse(event.params.week);
	if (!parsed.success) error(404, 'Not found');
	return parsed.data;
}

/**
 * One week: the reading, the exercise, the small step, the look back, and in weeks 0, 8 and the follow-up the
 * measurement. Loading it counts as opening the week (and the first time week 0 opens, the programme's clock starts);
 * brug never preloads page data, so only a real visit does that.
 */
export const load: PageServerLoad = async (event) => {
	const actor = requireAccount(event);
	const week = weekOf(event);
	const { locale } = event.locals;
	await openWeek(db(), { actor, week });
	const view = await programmeView(db(), { actor });
	if (!view) redirect(303, href('/programma', { locale }));
	const state = view.weeks.find((w) => w.week === week)!;
	const content = getProgrammeWeek(locale, view.programmeId, view.version, week);
	if (!content) error(404, 'Not found');
	const readable = state.state !== 'locked' && state.state !== 'waiting_for_conversation';
	const moment = momentOfWeek(week);
	const measurementId = moment ? view.measurements[moment] : undefined;
	const [checkIn, grants, measured] = await Promise.all([
		readable ? myCheckIn(db(), { actor, enrolmentId: view.id, week }) : null,
		readable ? listConsentGrantsForPerson(db(), { actor }) : [],
		measurementId ? getMeasurementForAccount(db(), { accountId: actor.id, id: measurementId, instrumentFor: getInstrument }) : undefined
	]);
	const exercise = getExercise(locale, content.exercise);
	const step = getStep(locale, content.step);
	return {
		week,
		enrolmentState: view.state,
		pausedSince: view.pausedSince,
		state,
		title: content.title,
		summary: content.summary,
		phase: content.phase,
		reading: readable ? { html: content.html, minutes: content.readingMinutes } : null,
		exercise: readable && exercise ? { id: exercise.id, title: exercise.title, summary: exercise.summary, minutes: content.exerciseMinutes } : null,
		step: readable && step ? { id: step.id, title: step.title, html: step.html } : null,
		checkIn: checkIn ? { wentWell: checkIn.wentWell ?? '', tried: checkIn.tried ?? '', takeAway: checkIn.takeAway ?? '', share: checkIn.shared } : null,
		// Who reads a shared look back: everyone the person shares the programme with now.
		readers: grants
			.filter((grant) => grant.endedAt === null && grant.scopes.includes('programme'))
			.map((grant) => ({ audience: grant.audience, professionalName: grant.professionalName, organisationName: grant.organisationName })),
		measurement: moment && readable ? { moment, instrument: localizeInstrument(djg11, locale), result: measured ? { score: measured.score, takenAt: measured.takenAt.toISOString() } : null } : null,
		notice: event.url.searchParams.get('bewaard')
	};
};

/** No running programme is "not found"; a week not open yet, or a second measurement, is a request that cannot be done. */
const refusalStatus = (reason: string) => (reason === 'no_programme' ? 404 : 400);

const here = (event: RequestEvent, week: number, notice: string) =>
	`${href(`/programma/week/${week}`, { locale: event.locals.locale })}?bewaard=${notice}`;

export const actions: Actions = {
	/** The exercise or the small step done, or not after all. */
	item: async (event) => {
		const actor = requireAccount(event);
		const week = weekOf(event);
		const form = await event.request.formData();
		const parsed = weekItemSchema.safeParse({ item: form.get('item') ?? undefined, done: form.get('done') ?? undefined });
		if (!parsed.success) return fail(400, { itemError: 'choice_invalid' as const });
		const marked = await markWeekItem(db(), { actor, week, input: parsed.data });
		if (!marked.ok) return fail(refusalStatus(marked.reason), { refused: marked.reason });
		// Praise for doing it; a plain "saved" for taking it back.
		redirect(303, here(event, week, parsed.data.done ? 'gedaan' : 'bijgewerkt'));
	},
	checkIn: async (event) => {
		const actor = requireAccount(event);
		const week = weekOf(event);
		const form = await event.request.formData();
		const text = (name: string) => String(form.get(name) ?? '');
		const values = { wentWell: text('wentWell'), tried: text('tried'), takeAway: text('takeAway'), share: form.get('share') !== null };
		const parsed = checkInSchema.safeParse({ ...values, share: form.get('share') ?? undefined });
		if (!parsed.success) return fail(400, { checkInErrors: fieldErrors(parsed.error), values });
		const saved = await saveCheckIn(db(), { actor, week, input: parsed.data });
		if (!saved.ok) return fail(refusalStatus(saved.reason), { refused: saved.reason, values });
		redirect(303, here(event, week, 'terugblik'));
	},
	/** The DJG-11 of week 0, week 8 or the follow-up. */
	measure: async (event) => {
		const actor = requireAccount(event);
		const week = weekOf(event);
		const read = readAnswersFromForm(djg11, await event.request.formData());
		if (read.missing.length > 0 || read.invalid.length > 0) return fail(400, { given: read.answers, missing: read.missing, invalid: read.invalid });
		const saved = await saveProgrammeMeasurement(db(), { actor, week, answers: read.answers });
		if (!saved.ok) return fail(refusalStatus(saved.reason), { refused: saved.reason });
		redirect(303, here(event, week, 'meting'));
	}
};
