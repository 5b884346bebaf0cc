import { error, fail, redirect } from '@sveltejs/kit';
import { fieldErrors } from '$lib/kernel/form-errors';
import { contactState } from '$lib/features/relationships/relationships';
import { contactMomentSchema, momentOutcomeSchema, plannedMomentSchema } from '$lib/features/relationships/relationships.schema';
import { contactFromForm, formValues, outcomeFromForm, plannedMomentFromForm } from '$lib/features/relationships/relationship-forms';
import { deleteContactMoment, deleteRelation, getRelation, listContactMoments, logContact } from '$lib/features/relationships/relations.server';
import { closePlannedMoment, deletePlannedMoment, hasStarted, listPlannedMoments, planMoment, updatePlannedMoment } from '$lib/features/relationships/planned-moments.server';
import { href } from '$lib/i18n/href';
import { requireAccount } from '$lib/server/auth/require';
import { db } from '$lib/server/db';
import { localDay } from '$lib/time';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

// Fully usable without JavaScript (its forms post as they are): no script is sent.
export const csr = false;

/** One person in someone's life: how contact goes, log a contact, plan a moment, and what happened before. */
export const load: PageServerLoad = async (event) => {
	const actor = requireAccount(event);
	const today = localDay();
	const relation = await getRelation(db(), { actor, id: event.params.id });
	if (!relation) error(404, 'Not found');
	const [contacts, open, closed] = await Promise.all([
		// Newest day first, so the last real contact is among them.
		listContactMoments(db(), { actor, relationId: relation.id, limit: 20 }),
		listPlannedMoments(db(), { actor, state: 'open', relationId: relation.id }),
		listPlannedMoments(db(), { actor, state: 'closed', relationId: relation.id, limit: 10 })
	]);
	const now = new Date();
	const params = event.url.searchParams;
	return {
		today,
		relation,
		state: contactState({ rhythm: relation.rhythm, addedDay: relation.addedDay, contactDays: contacts.map((c) => c.day), today }),
		contacts,
		open: open.map((moment) => ({ ...moment, started: hasStarted(moment, now) })),
		closed,
		notice: params.get('bewaard'),
		confirm: params.get('verwijder'),
		move: params.get('verzet')
	};
};

const here = (event: RequestEvent, query = '') => `${href(`/mensen/${event.params.id}`, { locale: event.locals.locale })}${query}`;
const field = (form: FormData, name: string) => String(form.get(name) ?? '').slice(0, 100);

export const actions: Actions = {
	/** Two taps: how it felt, then the kind of contact (the button that sends the form). */
	contact: async (event) => {
		const actor = requireAccount(event);
		const form = await event.request.formData();
		const parsed = contactMomentSchema(localDay()).safeParse(contactFromForm(form));
		if (!parsed.success) return fail(400, { tool: 'contact', values: formValues(form, ['day', 'feeling']), errors: fieldErrors(parsed.error) });
		const logged = await logContact(db(), { actor, relationId: event.params.id, input: parsed.data });
		if (!logged.ok) return fail(404, { gone: true });
		redirect(303, here(event, '?bewaard=contact'));
	},
	plan: async (event) => {
		const actor = requireAccount(event);
		const form = await event.request.formData();
		const parsed = plannedMomentSchema(localDay()).safeParse(plannedMomentFromForm(form));
		if (!parsed.success) {
			return fail(400, { tool: 'plan', values: formValues(form, ['kind', 'day', 'time', 'place', 'note']), errors: fieldErrors(parsed.error) });
		}
		const planned = await planMoment(db(), { actor, relationId: event.params.id, input: parsed.data });
		if (!planned.ok) return fail(404, { gone: true });
		redirect(303, here(event, '?bewaard=gepland'));
	},
	/** Moves or rewords an open planned moment (?verzet=<id> shows its form). */
	move: async (event) => {
		const actor = requireAccount(event);
		const form = await event.request.formData();
		const moment = field(form, 'moment');
		const parsed = plannedMomentSchema(localDay()).safeParse(plannedMomentFromForm(form));
		if (!parsed.success) {
			return fail(400, { tool: 'move', moment, values: formValues(form, ['kind', 'day', 'time', 'place', 'note']), errors: fieldErrors(parsed.error) });
		}
		if (!(await updatePlannedMoment(db(), { actor, id: moment, input: parsed.data }))) return fail(404, { gone: true });
		redirect(303, here(event, '?bewaard=verzet'));
	},
	/** "Hoe ging het?" for a planned moment that has started. */
	outcome: async (event) => {
		const actor = requireAccount(event);
		const form = await event.request.formData();
		const moment = field(form, 'moment');
		const parsed = momentOutcomeSchema.safeParse(outcomeFromForm(form));
		if (!parsed.success) return fail(400, { tool: 'outcome', moment, errors: fieldErrors(parsed.error) });
		const closed = await closePlannedMoment(db(), { actor, id: moment, outcome: parsed.data });
		if (!closed.ok) return fail(closed.reason === 'not_found' ? 404 : 400, { gone: closed.reason !== 'not_started', notStarted: closed.reason === 'not_started' });
		redirect(303, here(event, `?bewaard=${parsed.data.happened ? 'gelukt' : 'niet-gelukt'}`));
	},
	/** Deleting asks first (?verwijder=…); these are the "yes". */
	deleteContact: async (event) => {
		const actor = requireAccount(event);
		const form = await event.request.formData();
		if (!(await deleteContactMoment(db(), { actor, id: field(form, 'id') }))) return fail(404, { gone: true });
		redirect(303, here(event, '?bewaard=verwijderd'));
	},
	deletePlan: async (event) => {
		const actor = requireAccount(event);
		const form = await event.request.formData();
		if (!(await deletePlannedMoment(db(), { actor, id: field(form, 'id') }))) return fail(404, { gone: true });
		redirect(303, here(event, '?bewaard=afgezegd'));
	},
	delete: async (event) => {
		const actor = requireAccount(event);
		if (!(await deleteRelation(db(), { actor, id: event.params.id }))) return fail(404, { gone: true });
		redirect(303, `${href('/mensen', { locale: event.locals.locale })}?bewaard=verwijderd`);
	}
};
