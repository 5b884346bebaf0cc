import { fail, redirect } from '@sveltejs/kit';
import { fieldErrors } from '$lib/kernel/form-errors';
import { listExercises, getStep } from '$lib/features/exercises/exercises.content';
import { lastDoneByExercise } from '$lib/features/exercises/exercise-log.server';
import { suggestExercise } from '$lib/features/exercises/suggestion';
import { deleteJournalEntry, listJournalEntries, listMoodPoints } from '$lib/features/journal/journal.server';
import { deleteThoughtRecord, listThoughtRecords } from '$lib/features/journal/thought-records.server';
import { deleteKindMoment, listKindMoments } from '$lib/features/journal/kind-moments.server';
import { setDiscuss, sharedEntriesScope } from '$lib/features/journal/shared-entries.server';
import { listConsentGrantsForPerson } from '$lib/features/consent/consent.server';
import { stepDoneSchema } from '$lib/features/journal/self-help.schema';
import { moodChartModel } from '$lib/features/journal/mood-chart';
import { deleteStepPlan, listStepPlans, markStepDone } from '$lib/features/small-steps/step-plans.server';
import { comparePatternChecks, mechanisms, strongestPatterns } from '$lib/features/patterns/pattern-check';
import { listPatternChecks, savePatternCheck } from '$lib/features/patterns/pattern-checks.server';
import { decodePendingCheck, pendingCheckCookie } from '$lib/features/patterns/pending-check';
import { listRelations } from '$lib/features/relationships/relations.server';
import { listMeasurementTasks } from '$lib/features/measurement-requests/measurement-requests.server';
import { listSharedSummaries } from '$lib/features/conversation-notes/conversation-notes.server';
import { getInstrument } from '$lib/features/instruments/instruments';
import { programmeOverview } from '$lib/features/programme/programme-overview.server';
import { myGroups } from '$lib/features/groups/participation.server';
import { closePlannedMoment, hasStarted, listPlannedMoments } from '$lib/features/relationships/planned-moments.server';
import { momentOutcomeSchema } from '$lib/features/relationships/relationships.schema';
import { outcomeFromForm } from '$lib/features/relationships/relationship-forms';
import { href } from '$lib/i18n/href';
import { requireAccount } from '$lib/server/auth/require';
import { db } from '$lib/server/db';
import { addDays, localDay } from '$lib/time';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

// Fully usable without JavaScript (its forms post as they are): no script is sent.
export const csr = false;

/** A person's home after signing in: today's suggestion, mood, steps, kind moments, and what they wrote. */
export const load: PageServerLoad = async (event) => {
	const actor = requireAccount(event);
	const { locale } = event.locals;
	const today = localDay();
	const checks = await listPatternChecks(db(), { actor });
	const strongest = checks[0] ? strongestPatterns(checks[0].score).map((p) => p.mechanism) : [];
	const exercises = listExercises(locale);
	const suggestion = suggestExercise({ exercises, strongest, lastDone: await lastDoneByExercise(db(), { actor }), today });
	const suggested = exercises.find((e) => e.id === suggestion);
	const [journal, thoughts, kindMoments, plans, moments, relations, tasks, summaries, grants, programme, groups] = await Promise.all([
		listJournalEntries(db(), { actor, limit: 10 }),
		listThoughtRecords(db(), { actor, limit: 10 }),
		listKindMoments(db(), { actor, limit: 5 }),
		listStepPlans(db(), { actor, limit: 30 }),
		listPlannedMoments(db(), { actor, state: 'open', limit: 20 }),
		listRelations(db(), { actor }),
		listMeasurementTasks(db(), { actor, today }),
		listSharedSummaries(db(), { actor }),
		listConsentGrantsForPerson(db(), { actor }),
		programmeOverview(db(), { actor, locale }),
		myGroups(db(), { actor, today })
	]);
	const names = new Map(relations.map((r) => [r.id, r.nickname]));
	const now = new Date();
	const points = await listMoodPoints(db(), { actor, fromDay: addDays(today, -27), toDay: today });
	const params = event.url.searchParams;
	return {
		today,
		pendingCheck: decodePendingCheck(event.cookies.get(pendingCheckCookie.name)) !== null,
		notice: params.get('bewaard'),
		showHelp: params.has('hulp'),
		confirmDelete: params.get('verwijder'),
		suggestion: suggested ? { id: suggested.id, title: suggested.title, summary: suggested.summary } : null,
		programme,
		groups,
		patterns: strongest.map((id) => mechanisms[id].name[locale]),
		patternChange: checks.length > 1 ? comparePatternChecks(checks[1]!.score, checks[0]!.score) : null,
		patternNames: Object.fromEntries(Object.values(mechanisms).map((mech) => [mech.id, mech.name[locale]])),
		mood: moodChartModel(points, { endDay: today }),
		openSteps: plans.filter((p) => !p.doneAt).map((p) => ({ ...p, title: getStep(locale, p.stepId)?.title ?? p.stepId })),
		doneSteps: plans.filter((p) => p.doneAt).slice(0, 5).map((p) => ({ ...p, title: getStep(locale, p.stepId)?.title ?? p.stepId })),
		kindMoments,
		// Planned moments of the next two weeks, and those that started and wait for "how did it go?".
		moments: moments
			.filter((moment) => moment.day <= addDays(today, 14))
			.map((moment) => ({ ...moment, name: names.get(moment.relationId) ?? '', started: hasStarted(moment, now) })),
		hasPeople: relations.length > 0,
		// Questionnaires a professional asked for, due today or earlier.
		tasks: tasks.map((task) => ({ id: task.id, title: getInstrument(task.instrument)?.title[locale] ?? task.instrument, by: task.professionalName })),
		// Summaries a professional shared: a card while some are new, else a quiet link to read them again.
		summaries: { unseen: summaries.filter((s) => s.seenAt === null).length, total: summaries.length },
		// Who reads an entry marked "bespreek dit": the grants that include the toolkit, so the person knows first.
		discussReaders: grants
			.filter((grant) => grant.endedAt === null && grant.scopes.includes(sharedEntriesScope))
			.map((grant) => ({ audience: grant.audience, professionalName: grant.professionalName, organisationName: grant.organisationName })),
		discussScope: sharedEntriesScope,
		writings: [
			...journal.map((j) => ({ kind: 'journal' as const, id: j.id, day: j.day, createdAt: j.createdAt, discuss: j.discuss, mood: j.mood, text: j.body ?? j.wentWell ?? '' })),
			...thoughts.map((t) => ({ kind: 'thought' as const, id: t.id, day: t.day, createdAt: t.createdAt, discuss: t.discuss, mood: null, text: t.alternative ?? t.thought }))
		].sort((a, b) => b.createdAt.localeCompare(a.createdAt))
	};
};

const here = (event: RequestEvent, query = '') => `${href('/overzicht', { locale: event.locals.locale })}${query}`;
const field = (form: FormData, name: string) => String(form.get(name) ?? '').slice(0, 200);

export const actions: Actions = {
	/** The pattern check done before signing in goes into the account. */
	keepCheck: async (event) => {
		const actor = requireAccount(event);
		const answers = decodePendingCheck(event.cookies.get(pendingCheckCookie.name));
		event.cookies.delete(pendingCheckCookie.name, { path: '/' });
		if (!answers) return fail(400, { checkGone: true });
		const saved = await savePatternCheck(db(), { actor, answers });
		if (!saved.ok) return fail(400, { checkGone: true });
		redirect(303, here(event, '?bewaard=check'));
	},
	forgetCheck: async (event) => {
		requireAccount(event);
		event.cookies.delete(pendingCheckCookie.name, { path: '/' });
		redirect(303, here(event));
	},
	stepDone: async (event) => {
		const actor = requireAccount(event);
		const form = await event.request.formData();
		const id = field(form, 'plan');
		const parsed = stepDoneSchema.safeParse({ howItWent: form.get('howItWent') ?? undefined, note: form.get('note') ?? undefined });
		if (!parsed.success) return fail(400, { stepId: id, errors: fieldErrors(parsed.error) });
		const outcome = await markStepDone(db(), { actor, id, input: parsed.data });
		if (!outcome.ok) return fail(404, { gone: true });
		redirect(303, here(event, `?bewaard=stap-gedaan${outcome.crisis ? '&hulp' : ''}`));
	},
	/** "Hoe ging het?" after a planned moment of connection. */
	momentOutcome: async (event) => {
		const actor = requireAccount(event);
		const form = await event.request.formData();
		const moment = field(form, 'moment');
		const parsed = momentOutcomeSchema.safeParse(outcomeFromForm(form));
		if (!parsed.success) return fail(400, { momentId: moment, errors: fieldErrors(parsed.error) });
		const closed = await closePlannedMoment(db(), { actor, id: moment, outcome: parsed.data });
		if (!closed.ok) return fail(closed.reason === 'not_found' ? 404 : 400, { gone: true });
		redirect(303, here(event, `?bewaard=${parsed.data.happened ? 'contact' : 'niet-gelukt'}`));
	},
	discuss: async (event) => {
		const actor = requireAccount(event);
		const form = await event.request.formData();
		const kind = field(form, 'kind') === 'thought' ? 'thought' : 'journal';
		const done = await setDiscuss(db(), { actor, kind, id: field(form, 'id'), discuss: form.get('discuss') === '1' });
		if (!done) return fail(404, { gone: true });
		redirect(303, here(event, `?bewaard=${form.get('discuss') === '1' ? 'bespreken' : 'niet-bespreken'}`));
	},
	/** Deleting asks first (?verwijder=<kind>:<id>); this is the "yes". */
	delete: async (event) => {
		const actor = requireAccount(event);
		const form = await event.request.formData();
		const id = field(form, 'id');
		const kind = field(form, 'kind');
		const remove = { journal: deleteJournalEntry, thought: deleteThoughtRecord, kind: deleteKindMoment, step: deleteStepPlan }[kind];
		if (!remove || !(await remove(db(), { actor, id }))) return fail(404, { gone: true });
		redirect(303, here(event, '?bewaard=verwijderd'));
	}
};
