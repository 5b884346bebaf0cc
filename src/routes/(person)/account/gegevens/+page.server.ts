import { exportPersonalData } from '$lib/composers/personal-data/personal-data.server';
import { getInstrument } from '$lib/features/instruments/instruments';
import { getExercise, getStep } from '$lib/features/exercises/exercises.content';
import { mechanisms, type MechanismId } from '$lib/features/patterns/mechanisms';
import { requireAccount } from '$lib/server/auth/require';
import { db } from '$lib/server/db';
import type { PageServerLoad } from './$types';

// Fully usable without JavaScript (its forms post as they are): no script is sent.
export const csr = false;

export const load: PageServerLoad = async (event) => {
	const data = await exportPersonalData(db(), { account: requireAccount(event) });
	const locale = event.locals.locale;
	// The page shows words, not codes: the instrument's title and each answer's label in the page language.
	const readable = data.measurements.map((measurement) => {
		const def = getInstrument(measurement.instrument);
		const label = (optionId: string | undefined) =>
			def?.options.find((o) => o.id === optionId)?.label[locale] ?? optionId ?? '–';
		return {
			title: def?.title[locale] ?? measurement.instrument,
			answers: (def?.items ?? []).map((item, index) => `${index + 1}: ${label(measurement.answers[String(item.number)])}`)
		};
	});
	const stepTitle = (id: string) => getStep(locale, id)?.title ?? id;
	const exerciseTitle = (id: string) => getExercise(locale, id)?.title ?? id;
	return {
		export: data,
		readable,
		toolkit: {
			steps: data.stepPlans.map((p) => ({ ...p, title: stepTitle(p.stepId) })),
			exercisesDone: data.exercisesDone.map((e) => ({ ...e, title: exerciseTitle(e.exercise) })),
			stepTitles: Object.fromEntries((data.programme.planForNextTime?.restartSteps ?? []).map((id) => [id, stepTitle(id)])) as Record<string, string>,
			patternChecks: data.patternChecks.map((c) => ({ takenAt: c.takenAt, strongest: c.strongest.map((id) => mechanisms[id as MechanismId]?.name[locale] ?? id) }))
		}
	};
};
