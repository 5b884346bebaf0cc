import { error, fail, redirect } from '@sveltejs/kit';
import { fieldErrors } from '$lib/kernel/form-errors';
import { getExercise, listSteps } from '$lib/features/exercises/exercises.content';
import { foldInstructions } from '$lib/features/exercises/fold';
import { logExerciseDone } from '$lib/features/exercises/exercise-log.server';
import { journalEntrySchema, kindMomentSchema, stepPlanSchema, thoughtRecordSchema } from '$lib/features/journal/self-help.schema';
import { createJournalEntry } from '$lib/features/journal/journal.server';
import { createThoughtRecord, getThoughtRecord, updateThoughtRecord } from '$lib/features/journal/thought-records.server';
import { mergeThoughtStep, thoughtFormValues, thoughtStepFrom, thoughtSteps } from '$lib/features/journal/thought-steps';
import { noteKindMoment } from '$lib/features/journal/kind-moments.server';
import { planStep } from '$lib/features/small-steps/step-plans.server';
import { planDay } from '$lib/features/small-steps/plan-day';
import { getMechanism } from '$lib/features/patterns/mechanisms';
import { href } from '$lib/i18n/href';
import { requireAccount } from '$lib/server/auth/require';
import type { SignedInAccount } from '$lib/server/auth/account';
import { db } from '$lib/server/db';
import { localDay } from '$lib/time';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

// Every tool works without JavaScript (its forms post as they are; the journal's timer and breathing are small scripts of their own).
export const csr = false;

const foldedKinds: ReadonlySet<string> = new Set(['journal', 'thought_record', 'breathing']);

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const exercise = getExercise(locals.locale, params.id);
	if (!exercise) error(404, 'Not found');
	return {
		thought: exercise.kind === 'thought_record' && locals.account ? await thoughtStep(locals.account, url) : null,
		exercise: { id: exercise.id, title: exercise.title, summary: exercise.summary, minutes: exercise.minutes, kind: exercise.kind },
		// The tools with a form of their own start on the first screen: their longer instructions are folded.
		instructions: foldedKinds.has(exercise.kind) ? foldInstructions(exercise.html) : { intro: exercise.html, more: '', help: '' },
		helpsWith: exercise.mechanisms.flatMap((id) => getMechanism(id)?.name[locals.locale] ?? []),
		steps: exercise.kind === 'small_step' ? listSteps(locals.locale).map(({ id, title, circle }) => ({ id, title, circle })) : [],
		today: localDay()
	};
};

/** The step of the thought check the address asks for, with what was saved so far (a wrong id starts afresh). */
async function thoughtStep(actor: SignedInAccount, url: URL) {
	const id = url.searchParams.get('id');
	const record = id ? await getThoughtRecord(db(), { actor, id }) : undefined;
	return {
		step: record ? thoughtStepFrom(url.searchParams.get('stap')) : 1,
		count: thoughtSteps.length,
		id: record?.id ?? null,
		values: thoughtFormValues(record)
	};
}

/** The form's text fields, to show them again next to the errors. */
function formValues(form: FormData): Record<string, string> {
	return Object.fromEntries([...form.entries()].flatMap(([k, v]) => (typeof v === 'string' ? [[k, v.slice(0, 5000)]] : [])));
}

/** After saving: to the overview; with `hulp` when the text held a crisis signal, so the way to help shows first. */
async function saved(event: RequestEvent, what: string, crisis = false): Promise<never> {
	await logExerciseDone(db(), { actor: event.locals.account, exerciseId: event.params.id });
	redirect(303, `${href('/overzicht', { locale: event.locals.locale })}?bewaard=${what}${crisis ? '&hulp' : ''}`);
}

export const actions: Actions = {
	journal: async (event) => {
		const actor = requireAccount(event);
		const form = await event.request.formData();
		const parsed = journalEntrySchema.safeParse(formValues(form));
		if (!parsed.success) return fail(400, { tool: 'journal', values: formValues(form), errors: fieldErrors(parsed.error) });
		const { crisis } = await createJournalEntry(db(), { actor, input: parsed.data });
		await saved(event, 'dagboek', crisis);
	},
	/** One step of the thought check: saved at once, then on to the next step, back to the one before, or done. */
	thought: async (event) => {
		const actor = requireAccount(event);
		const form = await event.request.formData();
		const posted = formValues(form);
		const step = thoughtStepFrom(posted.step);
		const existing = posted.id ? await getThoughtRecord(db(), { actor, id: posted.id }) : undefined;
		const values = mergeThoughtStep(existing, posted);
		const parsed = thoughtRecordSchema.safeParse(values);
		if (!parsed.success) {
			const errors = fieldErrors(parsed.error);
			// A whole form posted at once may be wrong in another step: that step is shown.
			const wrongStep = thoughtSteps.findIndex((fields) => fields.some((field) => field in errors)) + 1;
			return fail(400, { tool: 'thought', step: wrongStep || step, id: existing?.id ?? null, values, errors });
		}
		const { id, crisis } = existing
			? { id: existing.id, ...(await updateThoughtRecord(db(), { actor, id: existing.id, input: parsed.data })) }
			: await createThoughtRecord(db(), { actor, input: parsed.data });
		const next = posted.naar === 'terug' ? step - 1 : step + 1;
		if (crisis || next > thoughtSteps.length) await saved(event, 'gedachte', crisis);
		redirect(303, `${href(`/oefeningen/${event.params.id}`, { locale: event.locals.locale })}?stap=${Math.max(next, 1)}&id=${id}`);
	},
	kind: async (event) => {
		const actor = requireAccount(event);
		const form = await event.request.formData();
		const parsed = kindMomentSchema.safeParse(formValues(form));
		if (!parsed.success) return fail(400, { tool: 'kind', values: formValues(form), errors: fieldErrors(parsed.error) });
		const { crisis } = await noteKindMoment(db(), { actor, input: parsed.data });
		await saved(event, 'vriendelijk', crisis);
	},
	plan: async (event) => {
		const actor = requireAccount(event);
		const form = await event.request.formData();
		const posted = formValues(form);
		// From a step's card: "today", "tomorrow" or a day of one's own.
		const values = { ...posted, plannedDay: planDay(posted.when, posted.plannedDay, localDay()) };
		const parsed = stepPlanSchema.safeParse(values);
		if (!parsed.success) return fail(400, { tool: 'plan', values, errors: fieldErrors(parsed.error) });
		const outcome = await planStep(db(), { actor, input: parsed.data });
		if (!outcome.ok) {
			const errors = outcome.reason === 'day_gone_by' ? { plannedDay: 'day_invalid' as const } : { stepId: 'step_unknown' as const };
			return fail(400, { tool: 'plan', values, errors });
		}
		await saved(event, 'stap');
	},
	/** Breathing, reflections and practices: "I did it" keeps only that it was done, and when. */
	done: async (event) => {
		const exercise = getExercise(event.locals.locale, event.params.id);
		if (!exercise) error(404, 'Not found');
		requireAccount(event);
		await saved(event, 'oefening');
	}
};
