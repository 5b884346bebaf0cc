import { error, fail, redirect } from '@sveltejs/kit';
import { fieldErrors } from '$lib/kernel/form-errors';
import { getExercise, listSteps } from '$lib/features/exercises/exercises.content';
import { logExerciseDone } from '$lib/features/exercises/exercise-log.server';
import { journalEntrySchema, kindMomentSchema, stepPlanSchema, thoughtRecordSchema } from '$lib/features/journal/self-help.schema';
import { createJournalEntry } from '$lib/features/journal/journal.server';
import { createThoughtRecord } from '$lib/features/journal/thought-records.server';
import { noteKindMoment } from '$lib/features/journal/kind-moments.server';
import { planStep } from '$lib/features/small-steps/step-plans.server';
import { getMechanism } from '$lib/features/patterns/mechanisms';
import { href } from '$lib/i18n/href';
import { requireAccount } from '$lib/server/auth/require';
import { db } from '$lib/server/db';
import { localDay } from '$lib/time';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

// Every tool works without JavaScript (its forms post as they are; the journal's timer is its own small script).
export const csr = false;

export const load: PageServerLoad = ({ locals, params }) => {
	const exercise = getExercise(locals.locale, params.id);
	if (!exercise) error(404, 'Not found');
	return {
		exercise: { id: exercise.id, title: exercise.title, summary: exercise.summary, minutes: exercise.minutes, kind: exercise.kind, html: exercise.html },
		helpsWith: exercise.mechanisms.flatMap((id) => getMechanism(id)?.name[locals.locale] ?? []),
		steps: exercise.kind === 'small_step' ? listSteps(locals.locale).map(({ id, title, circle }) => ({ id, title, circle })) : [],
		today: localDay()
	};
};

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
	thought: async (event) => {
		const actor = requireAccount(event);
		const form = await event.request.formData();
		const parsed = thoughtRecordSchema.safeParse(formValues(form));
		if (!parsed.success) return fail(400, { tool: 'thought', values: formValues(form), errors: fieldErrors(parsed.error) });
		const { crisis } = await createThoughtRecord(db(), { actor, input: parsed.data });
		await saved(event, 'gedachte', crisis);
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
		const parsed = stepPlanSchema.safeParse(formValues(form));
		const values = formValues(form);
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
