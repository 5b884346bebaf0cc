/**
 * What the client page shows, read through the use-cases that check consent and audit each read, so the page adds
 * no read of its own and no audit event for something it does not show:
 * - `openClientPage`: the client record (`openClientRecord`), and for who guides the person the organisation's
 *   conversation notes and self-sufficiency ratings (only when the timeline's filter shows them) and, with the
 *   `programme` scope, the programme (for the summary's week and the timeline's weeks); then the one timeline and
 *   the summary at the top.
 */
import type { Kysely } from 'kysely';
import type { Database } from '$lib/server/db';
import type { SignedInAccount } from '$lib/server/auth/account';
import { listConversationNotes } from '$lib/features/conversation-notes/conversation-notes.server';
import { listRatings } from '$lib/features/self-sufficiency/ratings.server';
import { clientProgramme } from '$lib/features/programme/guidance.server';
import { localDay } from '$lib/time';
import { openClientRecord, type ClientRecord } from './clients.server';
import { clientTimeline, filterKinds, filterTimeline, type TimelineEntry, type TimelineFilter, type TimelineKind } from './timeline';
import { clientSummary, type ClientSummaryView } from './client-summary';

export interface ClientPage {
	record: ClientRecord;
	summary: ClientSummaryView;
	/** The timeline, only the kinds the filter asks for (all when none). */
	timeline: TimelineEntry[];
	/** The kinds of entry this client's timeline can hold for this reader (for the filter's choices). */
	available: TimelineKind[];
}

export async function openClientPage(
	db: Kysely<Database>,
	options: { actor: SignedInAccount | null; personId: string; filters: readonly TimelineFilter[]; now?: Date }
): Promise<ClientPage> {
	const record = await openClientRecord(db, options);
	const shown = filterKinds(options.filters);
	const read = { actor: options.actor, personId: options.personId, now: options.now };
	// Notes and ratings belong to who guides the person; a group's leader would be refused them.
	const [notes, ratings, programme] = await Promise.all([
		record.guides && shown.has('conversation_note') ? listConversationNotes(db, read) : undefined,
		record.guides && shown.has('rating') ? listRatings(db, read) : undefined,
		record.guides && record.scopes.includes('programme') ? clientProgramme(db, read).then((p) => p.enrolment) : undefined
	]);
	const today = localDay(options.now);
	const all = clientTimeline({
		today,
		measurements: record.measurements,
		healthWebs: record.healthWebs,
		groups: record.groups,
		ratings,
		notes,
		programme
	});
	const available = new Set<TimelineKind>();
	if (record.measurements) available.add('measurement');
	if (record.healthWebs) available.add('health_web');
	if (record.guides) ['rating', 'conversation_note'].forEach((kind) => available.add(kind as TimelineKind));
	if (programme !== undefined) available.add('programme_week');
	if (record.groups) ['group_session', 'group_check_in', 'group_note'].forEach((kind) => available.add(kind as TimelineKind));
	return {
		record,
		timeline: filterTimeline(all, options.filters),
		available: [...available],
		summary: clientSummary({
			today,
			measurements: record.measurements,
			healthWebs: record.healthWebs,
			lastActiveDay: record.activity?.lastActiveDay ?? null,
			discussCount: record.shared.journal.length + record.shared.thoughts.length,
			programme: programme ? { state: programme.state, currentWeek: programme.currentWeek } : null,
			groups: record.groups
		})
	};
}
