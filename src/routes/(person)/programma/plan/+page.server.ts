import { fail, redirect } from '@sveltejs/kit';
import { fieldErrors, type FieldErrors } from '$lib/kernel/form-errors';
import { getStep, listSteps } from '$lib/features/exercises/exercises.content';
import { getPlan, savePlan } from '$lib/features/programme/plan.server';
import { planSchema } from '$lib/features/programme/programme-input.schema';
import { href } from '$lib/i18n/href';
import { requireAccount } from '$lib/server/auth/require';
import { db } from '$lib/server/db';
import type { Actions, PageServerLoad } from './$types';

/** The plan for next time: the person's own, printable; the form below fills it in or changes it. */
export const load: PageServerLoad = async (event) => {
	const actor = requireAccount(event);
	const { locale } = event.locals;
	const plan = await getPlan(db(), { actor });
	return {
		plan: plan ? { ...plan, restartStepTitles: plan.restartSteps.map((id) => getStep(locale, id)?.title ?? id) } : null,
		steps: listSteps(locale).map((step) => ({ id: step.id, title: step.title, circle: step.circle })),
		notice: event.url.searchParams.get('bewaard')
	};
};

export const actions: Actions = {
	save: async (event) => {
		const actor = requireAccount(event);
		const form = await event.request.formData();
		const text = (name: string) => String(form.get(name) ?? '');
		const steps = form.getAll('restartSteps').map(String);
		const values = { earlySigns: text('earlySigns'), whatHelps: text('whatHelps'), whomToContact: text('whomToContact'), restartSteps: steps.slice(0, 50) };
		const parsed = planSchema.safeParse({ ...values, restartSteps: steps });
		if (!parsed.success) return fail(400, { errors: fieldErrors(parsed.error), values });
		const saved = await savePlan(db(), { actor, input: parsed.data });
		if (!saved.ok) return fail(400, { errors: { restartSteps: 'step_unknown' } as FieldErrors, values });
		redirect(303, `${href('/programma/plan', { locale: event.locals.locale })}?bewaard=plan`);
	}
};
