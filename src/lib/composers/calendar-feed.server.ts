/**
 * The personal calendar feed (/agenda/<token>.ics), put together from what each feature plans for the person: the
 * moments of connection (relationships, with a reminder before each), the day each programme week opens, planned
 * small steps (both all-day, without an alarm), and the sessions of the person's groups (with a SEQUENCE that rises
 * when a leader moves one, and STATUS:CANCELLED when one is called off). The relationships feature owns the token; no feature imports another
 * for this.
 * - `calendarFeedByToken(db, { token, now })`: the feed's text, or null for a token that is unknown or stopped.
 */
import type { Kysely } from 'kysely';
import type { Database } from '$lib/server/db';
import { m } from '$lib/paraglide/messages';
import { addDays, localDay, localInstant } from '$lib/time';
import { calendarFeed, type CalendarMoment } from '$lib/features/relationships/calendar';
import {
	calendarFeedOwner,
	calendarHistoryDays,
	calendarReminderMinutes,
	plannedMomentsForFeed,
	type CalendarFeedOwner
} from '$lib/features/relationships/calendar-feed.server';
import { programmeCalendarDays } from '$lib/features/programme/calendar-days.server';
import { followUpWeek } from '$lib/features/programme/schedule';
import { stepPlanDaysForFeed } from '$lib/features/small-steps/step-plans.server';
import { groupSessionsForFeed } from '$lib/features/groups/calendar-sessions.server';

type Source = (db: Kysely<Database>, owner: CalendarFeedOwner & { now: Date; from: string }) => Promise<CalendarMoment[]>;

/** An all-day moment; its start (local midnight) only orders it among the others. */
function allDay(id: string, day: string, title: string): CalendarMoment {
	return { id, title, start: localInstant(day, '00:00'), durationMinutes: 24 * 60, allDay: day };
}

const sources: Source[] = [
	(db, owner) => plannedMomentsForFeed(db, owner),
	async (db, { accountId, locale, now, from }) =>
		(await programmeCalendarDays(db, { accountId, from, now })).map((week) =>
			allDay(
				week.id,
				week.day,
				week.week === followUpWeek ? m.calendar_programme_follow_up({}, { locale }) : m.calendar_programme_week({ week: week.week }, { locale })
			)
		),
	async (db, { accountId, locale, from }) =>
		(await stepPlanDaysForFeed(db, { accountId, locale, from })).map((plan) => allDay(`step-${plan.id}`, plan.day, m.calendar_programme_step({ title: plan.title }, { locale }))),
	async (db, { accountId, locale, from }) =>
		(await groupSessionsForFeed(db, { accountId, from })).map((session) => {
			const start = localInstant(session.day, session.startsAt);
			return {
				id: `group-session-${session.id}`,
				title: m.groupme_calendar_title({ name: session.groupName }, { locale }),
				description: session.videoUrl ? m.groupme_calendar_video({ url: session.videoUrl }, { locale }) : null,
				start,
				durationMinutes: Math.max(1, Math.round((localInstant(session.day, session.endsAt).getTime() - start.getTime()) / 60_000)),
				location: session.place ?? session.videoUrl,
				sequence: session.sequence,
				cancelled: session.status === 'cancelled'
			};
		})
];

export async function calendarFeedByToken(db: Kysely<Database>, options: { token: string; now?: Date }): Promise<string | null> {
	const now = options.now ?? new Date();
	const owner = await calendarFeedOwner(db, { token: options.token, now });
	if (!owner) return null;
	const context = { ...owner, now, from: addDays(localDay(now), -calendarHistoryDays) };
	const moments = (await Promise.all(sources.map((source) => source(db, context)))).flat();
	return calendarFeed({ name: m.calendar_name({}, { locale: owner.locale }), moments, now, reminderMinutes: calendarReminderMinutes });
}
