import { error, fail, redirect } from '@sveltejs/kit';
import { fieldErrors } from '$lib/kernel/form-errors';
import { changeParticipationSchema } from '$lib/features/groups/participation.schema';
import { changeParticipation, excuseMe, myGroup, takeBackExcuse } from '$lib/features/groups/participation.server';
import { withdrawConsent } from '$lib/composers/consent-changes.server';
import { href } from '$lib/i18n/href';
import { requireAccount } from '$lib/server/auth/require';
import { db } from '$lib/server/db';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

// Fully usable without JavaScript (its forms post as they are): no script is sent.
export const csr = false;

const notices = ['welkom', 'afgemeld', 'kom-toch', 'bewaard', 'bedankt'] as const;

export const load: PageServerLoad = async (event) => {
	const group = await myGroup(db(), { actor: requireAccount(event), groupId: event.params.id });
	if (!group) error(404, 'Not found');
	const { searchParams } = event.url;
	return {
		group,
		// Leaving asks first: ?stoppen shows the question.
		confirmLeave: searchParams.has('stoppen'),
		notice: notices.find((key) => searchParams.has(key)) ?? null
	};
};

const groupPage = (event: RequestEvent, notice: string) => `${href(`/groep/${event.params.id}`, { locale: event.locals.locale })}?${notice}`;

/** The overview's card posts here too; it asks to come back there (only that one place, never a given address). */
const backTo = (event: RequestEvent, form: FormData, notice: string) =>
	form.get('from') === 'overzicht' ? `${href('/overzicht', { locale: event.locals.locale })}?bewaard=${notice}` : groupPage(event, notice);

export const actions: Actions = {
	excuse: async (event) => {
		const form = await event.request.formData();
		const outcome = await excuseMe(db(), { actor: requireAccount(event), groupId: event.params.id, sessionId: String(form.get('session') ?? '') });
		if (!outcome.ok) return fail(outcome.reason === 'not_found' ? 404 : 409, { gone: true });
		redirect(303, backTo(event, form, 'afgemeld'));
	},
	takeBack: async (event) => {
		const form = await event.request.formData();
		const outcome = await takeBackExcuse(db(), { actor: requireAccount(event), groupId: event.params.id, sessionId: String(form.get('session') ?? '') });
		if (!outcome.ok) return fail(outcome.reason === 'not_found' ? 404 : 409, { gone: true });
		redirect(303, backTo(event, form, 'kom-toch'));
	},
	settings: async (event) => {
		const form = await event.request.formData();
		const parsed = changeParticipationSchema.safeParse({ shareCheckIns: form.get('shareCheckIns') ?? undefined, reminders: form.get('reminders') ?? undefined });
		if (!parsed.success) return fail(400, { errors: fieldErrors(parsed.error) });
		const outcome = await changeParticipation(db(), { actor: requireAccount(event), groupId: event.params.id, input: parsed.data });
		if (!outcome.ok) return fail(404, { gone: true });
		redirect(303, groupPage(event, 'bewaard'));
	},
	/** Leaving is withdrawing the group's consent: the leaders' access ends at once. */
	leave: async (event) => {
		const actor = requireAccount(event);
		const group = await myGroup(db(), { actor, groupId: event.params.id });
		if (!group || !(await withdrawConsent(db(), { actor, grantId: group.grantId }))) return fail(404, { gone: true });
		redirect(303, `${href('/overzicht', { locale: event.locals.locale })}?bewaard=groep-gestopt`);
	}
};
