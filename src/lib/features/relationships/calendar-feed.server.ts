/**
 * The personal calendar feed: a secret URL a calendar app subscribes to, with the person's planned moments and a
 * gentle reminder before each. The token in the URL is the only credential (calendar apps cannot sign in), so it is
 * long, random, stored only as a hash, and the person can renew it (the old URL stops) or stop the feed at any time.
 * - `calendarFeedStatus`: whether the person has a feed, since when, and when an app last fetched it.
 * - `startCalendarFeed`: a new token (the previous one, if any, stops working); shown once.
 * - `stopCalendarFeed`: the URL stops working.
 * - `calendarFeedOwner`: whose feed a token opens (and in which language), or null for a token that is unknown or
 *   stopped; notes the fetch. The feed itself is put together in src/lib/composers/calendar-feed.server.ts, which
 *   also asks other features for their moments.
 * - `plannedMomentsForFeed`: the person's planned moments of connection, as calendar events.
 * - `plannedMomentIcs`: one of the person's own moments as a one-off `.ics` file.
 */
import type { Kysely } from 'kysely';
import type { Database } from '$lib/server/db';
import { decrypt, encryptedColumns } from '$lib/server/crypto';
import type { SignedInAccount } from '$lib/server/auth/account';
import { requireSignedIn } from '$lib/kernel/policy.server';
import { m } from '$lib/paraglide/messages';
import { isLocale, type Locale } from '$lib/paraglide/runtime';
import { addDays, localDay, localInstant } from '$lib/time';
import {
	createCalendarToken,
	hashCalendarToken,
	isWellFormedCalendarToken,
	singleMomentIcs,
	type CalendarMoment
} from './calendar';
import { getPlannedMoment, openPlannedMoment, type PlannedMoment } from './planned-moments.server';
import type { ContactKind } from './relationships';

/** Moments this long ago stay in the feed, so a calendar does not lose what happened last month. */
const historyDays = 60;
const momentMinutes = 60;
const reminderMinutes = 60;
/** Fetches are noted to the hour: enough to show "in use", without a write on every fetch. */
const usedAtPrecisionMs = 3_600_000;

export interface CalendarFeedStatus {
	createdAt: string;
	lastUsedAt: string | null;
}

export async function calendarFeedStatus(db: Kysely<Database>, options: { actor: SignedInAccount | null }): Promise<CalendarFeedStatus | null> {
	const account = requireSignedIn(options.actor);
	const row = await db.selectFrom('calendar_token').select(['created_at', 'last_used_at']).where('account_id', '=', account.id).executeTakeFirst();
	return row ? { createdAt: row.created_at, lastUsedAt: row.last_used_at } : null;
}

/** Makes the feed, or renews it: one row per account, replaced in one transaction. */
export async function startCalendarFeed(
	db: Kysely<Database>,
	options: { actor: SignedInAccount | null; locale: Locale; now?: Date }
): Promise<{ token: string }> {
	const account = requireSignedIn(options.actor);
	const token = createCalendarToken();
	await db.transaction().execute(async (trx) => {
		await trx.deleteFrom('calendar_token').where('account_id', '=', account.id).execute();
		await trx
			.insertInto('calendar_token')
			.values({
				id: crypto.randomUUID(),
				account_id: account.id,
				token_hash: hashCalendarToken(token),
				locale: options.locale,
				created_at: (options.now ?? new Date()).toISOString(),
				last_used_at: null
			})
			.execute();
	});
	return { token };
}

export async function stopCalendarFeed(db: Kysely<Database>, options: { actor: SignedInAccount | null }): Promise<boolean> {
	const account = requireSignedIn(options.actor);
	const result = await db.deleteFrom('calendar_token').where('account_id', '=', account.id).executeTakeFirst();
	return Number(result.numDeletedRows) > 0;
}

const titles: Record<ContactKind, (name: string, locale: Locale) => string> = {
	meeting: (name, locale) => m.calendar_title_meeting({ name }, { locale }),
	call: (name, locale) => m.calendar_title_call({ name }, { locale }),
	message: (name, locale) => m.calendar_title_message({ name }, { locale }),
	chat_in_passing: (name, locale) => m.calendar_title_chat({ name }, { locale }),
	online: (name, locale) => m.calendar_title_online({ name }, { locale })
};

function calendarMoment(moment: PlannedMoment, name: string, locale: Locale): CalendarMoment {
	const title = titles[moment.kind](name, locale);
	return {
		id: moment.id,
		title,
		description: moment.note,
		start: localInstant(moment.day, moment.time),
		durationMinutes: momentMinutes,
		location: moment.place,
		reminder: m.calendar_reminder({ title }, { locale })
	};
}

const nicknameOf = (relationId: string, stored: string) => decrypt(stored, encryptedColumns.relationNickname.context(relationId));

export interface CalendarFeedOwner {
	accountId: string;
	locale: Locale;
}

/** Whose feed this is; null when the token is malformed, unknown or stopped (the route answers 404 alike). */
export async function calendarFeedOwner(db: Kysely<Database>, options: { token: string; now?: Date }): Promise<CalendarFeedOwner | null> {
	if (!isWellFormedCalendarToken(options.token)) return null;
	const now = options.now ?? new Date();
	const feed = await db.selectFrom('calendar_token').selectAll().where('token_hash', '=', hashCalendarToken(options.token)).executeTakeFirst();
	if (!feed) return null;
	const usedAt = new Date(Math.floor(now.getTime() / usedAtPrecisionMs) * usedAtPrecisionMs).toISOString();
	if (feed.last_used_at !== usedAt) {
		await db.updateTable('calendar_token').set({ last_used_at: usedAt }).where('id', '=', feed.id).execute();
	}
	return { accountId: feed.account_id, locale: isLocale(feed.locale) ? feed.locale : 'nl' };
}

/** Moments this long ago stay in the feed, so a calendar does not lose what happened last month. */
export const calendarHistoryDays = historyDays;
export const calendarReminderMinutes = reminderMinutes;

/** The person's planned moments from `historyDays` ago on, as calendar events with their reminder. */
export async function plannedMomentsForFeed(db: Kysely<Database>, options: CalendarFeedOwner & { now: Date }): Promise<CalendarMoment[]> {
	const rows = await db
		.selectFrom('planned_moment')
		.innerJoin('relation', 'relation.id', 'planned_moment.relation_id')
		.selectAll('planned_moment')
		.select('relation.nickname as relation_nickname')
		.where('planned_moment.account_id', '=', options.accountId)
		.where('planned_moment.day', '>=', addDays(localDay(options.now), -historyDays))
		.orderBy('planned_moment.day')
		.orderBy('planned_moment.time')
		.limit(500)
		.execute();
	return rows.map((row) => calendarMoment(openPlannedMoment(row), nicknameOf(row.relation_id, row.relation_nickname), options.locale));
}

/** One of the person's own moments as an `.ics` file, or null when it is not theirs. */
export async function plannedMomentIcs(
	db: Kysely<Database>,
	options: { actor: SignedInAccount | null; id: string; locale: Locale; now?: Date }
): Promise<string | null> {
	requireSignedIn(options.actor);
	const moment = await getPlannedMoment(db, options);
	if (!moment) return null;
	const relation = await db.selectFrom('relation').select('nickname').where('id', '=', moment.relationId).executeTakeFirstOrThrow();
	const name = nicknameOf(moment.relationId, relation.nickname);
	return singleMomentIcs({
		name: m.calendar_name({}, { locale: options.locale }),
		moment: calendarMoment(moment, name, options.locale),
		now: options.now ?? new Date(),
		reminderMinutes
	});
}
