import { fail, redirect } from '@sveltejs/kit';
import { fieldErrors } from '$lib/kernel/form-errors';
import { requireClientAccess } from '$lib/kernel/policy.server';
import { openClientPage } from '$lib/composers/client-record/client-page.server';
import { parseTimelineFilter } from '$lib/composers/client-record/timeline';
import { grantableScopes } from '$lib/kernel/consent-scopes';
import {
	cancelMeasurementRequest,
	listRequestsForClient,
	requestMeasurement
} from '$lib/features/measurement-requests/measurement-requests.server';
import { measurementRequestSchema } from '$lib/features/measurement-requests/requests';
import { getInstrument, instrumentIds } from '$lib/features/instruments/instruments';
import { historyChartModel } from '$lib/features/measurements/history-chart';
import type { LonelinessBand } from '$lib/features/instruments/instruments';
import { sharedEntriesScope } from '$lib/features/journal/shared-entries.server';
import { href } from '$lib/i18n/href';
import { db } from '$lib/server/db';
import { localDay } from '$lib/time';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

/**
 * Only what the person shares, and every visit lands in their "who looked at my data" list. The timeline's filter is
 * a GET parameter (`?soort=uitslag&soort=notitie`), so it works without JavaScript.
 */
export const load: PageServerLoad = async ({ locals, params, url }) => {
	const filters = parseTimelineFilter(url.searchParams.getAll('soort'));
	const { record, summary, timeline, available } = await openClientPage(db(), { actor: locals.account, personId: params.id, filters });
	// One chart per scale the client filled in, oldest measurement first.
	const charts = instrumentIds.flatMap((instrument) => {
		const def = getInstrument(instrument);
		const measurements = (record.measurements ?? []).filter((measurement) => measurement.instrument === instrument);
		if (!def || measurements.length === 0) return [];
		const points = measurements.map((x) => ({ ...x, band: x.band as LonelinessBand | null }));
		return [{ instrument, model: historyChartModel(def, points), count: measurements.length, latest: measurements[0]!.total }];
	});
	const today = localDay();
	return {
		record,
		charts,
		summary,
		timeline,
		available,
		filters,
		allScopes: grantableScopes,
		sharedEntriesScope,
		today,
		requests: record.scopes.includes('measurements')
			? await listRequestsForClient(db(), { actor: locals.account, personId: params.id })
			: { own: [], colleagues: [] },
		notice: url.searchParams.get('bewaard')
	};
};

const here = (event: RequestEvent, query: string) => `${href(`/werk/clienten/${event.params.id}`, { locale: event.locals.locale })}${query}`;

export const actions: Actions = {
	/** Ask the client to fill in a scale (needs the measurements scope; the use-case checks). */
	request: async (event) => {
		const actor = event.locals.account;
		// Authorise before reading the form: a refusal never depends on what was sent.
		await requireClientAccess(db(), actor, { personId: event.params.id, scope: 'measurements' });
		const form = await event.request.formData();
		const parsed = measurementRequestSchema(localDay()).safeParse({
			instrument: form.get('instrument') ?? undefined,
			startDay: form.get('startDay') ?? undefined,
			repeatWeeks: form.get('repeatWeeks') ?? undefined
		});
		if (!parsed.success) return fail(400, { requestErrors: fieldErrors(parsed.error) });
		await requestMeasurement(db(), { actor, personId: event.params.id, input: parsed.data });
		redirect(303, here(event, '?bewaard=gevraagd'));
	},
	cancelRequest: async (event) => {
		const actor = event.locals.account;
		await requireClientAccess(db(), actor, { personId: event.params.id, scope: 'measurements' });
		const form = await event.request.formData();
		const done = await cancelMeasurementRequest(db(), { actor, personId: event.params.id, id: String(form.get('id') ?? '').slice(0, 100) });
		if (!done) return fail(404, { gone: true });
		redirect(303, here(event, '?bewaard=ingetrokken'));
	}
};
