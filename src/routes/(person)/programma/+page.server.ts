import { fail, redirect } from '@sveltejs/kit';
import { fieldErrors } from '$lib/kernel/form-errors';
import { getProgramme } from '$lib/features/programme/programme.content';
import { pauseProgramme, resumeProgramme, setReminderChoice, startProgramme, stopProgramme } from '$lib/features/programme/enrolment.server';
import { programmeView } from '$lib/features/programme/progress.server';
import { reminderChoiceSchema, startProgrammeSchema } from '$lib/features/programme/programme-input.schema';
import { href } from '$lib/i18n/href';
import { requireAccount } from '$lib/server/auth/require';
import { db } from '$lib/server/db';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

// Fully usable without JavaScript (its forms post as they are): no script is sent.
export const csr = false;

/** The programme: an invitation and a start form, or this week first, every week's state, and the person's choices. */
export const load: PageServerLoad = async (event) => {
	const actor = requireAccount(event);
	const view = await programmeView(db(), { actor });
	const content = getProgramme(event.locals.locale, view?.programmeId, view?.version);
	const titles = Object.fromEntries((content?.weeks ?? []).map((w) => [w.week, w.title]));
	const current = view ? content?.weeks.find((w) => w.week === view.currentWeek) : undefined;
	const params = event.url.searchParams;
	return {
		view: view ? { ...view, messages: view.messages.slice(0, 3) } : null,
		titles,
		thisWeek: current ? { week: current.week, title: current.title, summary: current.summary } : null,
		notice: params.get('bewaard'),
		confirmStop: params.has('stoppen')
	};
};

const here = (event: RequestEvent, query = '') => `${href('/programma', { locale: event.locals.locale })}${query}`;

export const actions: Actions = {
	/** Starting alone, or again after a programme ended. */
	start: async (event) => {
		const actor = requireAccount(event);
		const form = await event.request.formData();
		const parsed = startProgrammeSchema.safeParse({ reminders: form.get('reminders') ?? undefined });
		if (!parsed.success) return fail(400, { errors: fieldErrors(parsed.error) });
		const started = await startProgramme(db(), { actor, input: parsed.data });
		if (!started.ok) return fail(400, { refused: 'already_running' as const });
		redirect(303, here(event, '?bewaard=begonnen'));
	},
	pause: async (event) => {
		const changed = await pauseProgramme(db(), { actor: requireAccount(event) });
		if (!changed.ok) return fail(404, { refused: 'not_running' as const });
		redirect(303, here(event, '?bewaard=pauze'));
	},
	resume: async (event) => {
		const changed = await resumeProgramme(db(), { actor: requireAccount(event) });
		if (!changed.ok) return fail(404, { refused: 'not_running' as const });
		redirect(303, here(event, '?bewaard=verder'));
	},
	/** Stopping asks first (?stoppen); this is the "yes". */
	stop: async (event) => {
		const changed = await stopProgramme(db(), { actor: requireAccount(event) });
		if (!changed.ok) return fail(404, { refused: 'not_running' as const });
		redirect(303, here(event, '?bewaard=gestopt'));
	},
	reminders: async (event) => {
		const actor = requireAccount(event);
		const form = await event.request.formData();
		const parsed = reminderChoiceSchema.safeParse(form.get('reminders') ?? undefined);
		if (!parsed.success) return fail(400, { errors: { reminders: 'choice_invalid' as const } });
		const saved = await setReminderChoice(db(), { actor, choice: parsed.data });
		if (!saved.ok) return fail(404, { refused: 'not_running' as const });
		redirect(303, here(event, '?bewaard=herinneringen'));
	}
};
