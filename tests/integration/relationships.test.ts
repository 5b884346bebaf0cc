/**
 * The relationship map's use-cases on a real database: the people in a person's life and their contacts,
 * planned moments and "how did it go?", the personal calendar feed, the counts a linked professional may read, and
 * what deleting takes along. A person never reaches another person's rows: an id of somebody else's row behaves
 * like an unknown id and changes nothing; without an account every use-case answers the policy's 401.
 */
import ICAL from 'ical.js';
import { sql, UpdateQueryNode, type KyselyPlugin } from 'kysely';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Auth } from '$lib/server/auth/auth';
import type { DatabaseHandle } from '$lib/server/db/client';
import type { MailLocale, OutgoingMail } from '$lib/server/mail/mailer';
import { createVerifiedAccount } from '$lib/features/accounts/accounts.server';
import type { SignedInAccount } from '$lib/server/auth/account';
import { deleteAccount } from '$lib/composers/personal-data/personal-data.server';
import { openClientRecord } from '$lib/composers/client-record/clients.server';
import type { ConsentScope } from '$lib/kernel/consent-scopes';
import { createClientInvitation } from '$lib/features/consent/consent.server';
import { acceptClientInvitation } from '$lib/composers/consent-changes.server';
import { acceptMemberInvitation, createOrganisationWithAdmin, inviteMember } from '$lib/features/organisations/organisations.server';
import { calendarFeedByToken } from '$lib/composers/calendar-feed.server';
import {
	calendarFeedStatus,
	plannedMomentIcs,
	startCalendarFeed,
	stopCalendarFeed
} from '$lib/features/relationships/calendar-feed.server';
import {
	closePlannedMoment,
	deletePlannedMoment,
	getPlannedMoment,
	hasStarted,
	listPlannedMoments,
	planMoment,
	updatePlannedMoment
} from '$lib/features/relationships/planned-moments.server';
import {
	addRelation,
	deleteContactMoment,
	deleteRelation,
	getContactMoment,
	getRelation,
	lastContactDays,
	listContactMoments,
	listRelations,
	logContact,
	readRelationshipSummary,
	updateRelation
} from '$lib/features/relationships/relations.server';
import type { ContactCircle, ContactKind } from '$lib/features/relationships/relationships';
import {
	contactMomentSchema,
	plannedMomentSchema,
	relationSchema,
	type RelationInput
} from '$lib/features/relationships/relationships.schema';
import { testAuth } from './auth-fixture';
import { testDatabases } from './databases';
import { tracesOf } from './table-scan';
import { refusal } from './refusal';

// A data key of this file's own, from the environment, so no key file is read or written (see crypto/keyring.js).
vi.hoisted(() => {
	vi.stubEnv('BRUG_DATA_KEY', Buffer.from(globalThis.crypto.getRandomValues(new Uint8Array(32))).toString('base64'));
	vi.stubEnv('BRUG_DATA_DIR', `${process.env.TMPDIR ?? '/tmp'}/brug-relationships-no-key-file-${Date.now()}`);
});
afterAll(() => vi.unstubAllEnvs());

const password = 'lang genoeg wachtwoord';
const relationshipTables = ['relation', 'contact_moment', 'planned_moment', 'calendar_token'] as const;
const signInRequired = { status: 401, reason: 'sign_in_required' };

/** Plans are made on this day (a Friday, Europe/Amsterdam still on winter time), so the days below are ahead. */
const planningDay = new Date('2026-03-20T09:00:00Z');
const planningToday = '2026-03-20';

/** Parses iCalendar text with a real parser (as calendar.test.ts does). */
function parseCalendar(text: string) {
	const calendar = new ICAL.Component(ICAL.parse(text));
	const events = calendar.getAllSubcomponents('vevent').map((vevent) => {
		const event = new ICAL.Event(vevent);
		const alarm = vevent.getFirstSubcomponent('valarm');
		return {
			uid: event.uid,
			summary: event.summary,
			start: event.startDate.toJSDate().toISOString(),
			startZone: event.startDate.zone?.tzid,
			end: event.endDate.toJSDate().toISOString(),
			location: event.location || null,
			description: event.description || null,
			alarm: alarm && {
				action: alarm.getFirstPropertyValue('action'),
				triggerSeconds: (alarm.getFirstPropertyValue('trigger') as ICAL.Duration).toSeconds(),
				description: alarm.getFirstPropertyValue('description')
			}
		};
	});
	return { calendar, events };
}

/** Counts the UPDATE statements on calendar_token that pass through a Kysely instance. */
function countCalendarTokenUpdates(): { plugin: KyselyPlugin; count: () => number } {
	let updates = 0;
	const plugin: KyselyPlugin = {
		transformQuery: ({ node }) => {
			if (UpdateQueryNode.is(node) && JSON.stringify(node).includes('"calendar_token"')) {
				updates += 1;
			}
			return node;
		},
		transformResult: async ({ result }) => result
	};
	return { plugin, count: () => updates };
}

describe.each(testDatabases())('relationship map on $name', (target) => {
	let handle: DatabaseHandle;
	let auth: Auth;
	/** A person with a map of her own. */
	let anna: SignedInAccount;
	/** Another person, who must never reach Anna's rows (nor she his). */
	let ben: SignedInAccount;

	beforeEach(async () => {
		handle = await target.open();
		auth = testAuth(handle);
		anna = await account('anna@example.nl', 'Anna');
		ben = await account('ben@example.nl', 'Ben');
	});
	afterEach(() => handle.close());

	async function account(email: string, name: string): Promise<SignedInAccount> {
		const created = await createVerifiedAccount(auth, { email, password, name, locale: 'nl' });
		if (!created.ok) throw new Error(created.reason);
		return { id: created.accountId, email, locale: 'nl', twoFactorEnabled: false };
	}

	const relationInput = (nickname: string, input: Partial<Record<keyof RelationInput, unknown>> = {}): RelationInput =>
		relationSchema.parse({ nickname, circle: 'friends', ...input });

	async function relation(actor: SignedInAccount, nickname: string, input: Partial<Record<keyof RelationInput, unknown>> = {}, now = planningDay) {
		return (await addRelation(handle.db, { actor, input: relationInput(nickname, input), now })).id;
	}

	/** A contact on `day` (checked against that same day, so any past day will do). */
	async function contact(actor: SignedInAccount, relationId: string, day: string, kind: ContactKind = 'call', feeling = 4, now?: Date) {
		const logged = await logContact(handle.db, { actor, relationId, input: contactMomentSchema(day).parse({ kind, day, feeling }), now });
		if (!logged.ok) throw new Error('the contact was not logged');
		return logged.id;
	}

	async function plan(
		actor: SignedInAccount,
		relationId: string,
		moment: { day: string; time: string; kind?: ContactKind; place?: string; note?: string },
		today = planningToday
	) {
		const planned = await planMoment(handle.db, { actor, relationId, input: plannedMomentSchema(today).parse(moment), now: planningDay });
		if (!planned.ok) throw new Error('the moment was not planned');
		return planned.id;
	}

	/** Every row of the relationship tables, as stored, to prove that a refused call changed nothing. */
	async function storedRows() {
		const all: Record<string, unknown[]> = {};
		for (const table of relationshipTables) {
			all[table] = (await sql<Record<string, unknown>>`select * from ${sql.table(table)} order by id`.execute(handle.db)).rows;
		}
		return all;
	}

	async function rowsOf(accountId: string) {
		const counts: Record<string, number> = {};
		for (const table of relationshipTables) {
			const { rows } = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(table)} where account_id = ${accountId}`.execute(handle.db);
			counts[table] = Number(rows[0]?.n);
		}
		return counts;
	}

	describe('relations and contact moments', () => {
		it('adds, reads, changes and deletes a relation; the name and note are stored encrypted', async () => {
			const id = await relation(anna, '  Anoek  ', {
				circle: 'intimate',
				brings: ['fun', 'support', 'fun'],
				rhythm: 'weekly',
				note: 'Zus van Marieke, woont in Zwolle'
			});
			const read = await getRelation(handle.db, { actor: anna, id });
			expect(read).toEqual({
				id,
				nickname: 'Anoek',
				circle: 'intimate',
				// The list's own order, without duplicates.
				brings: ['support', 'fun'],
				rhythm: 'weekly',
				note: 'Zus van Marieke, woont in Zwolle',
				addedDay: planningToday,
				createdAt: planningDay.toISOString(),
				updatedAt: planningDay.toISOString()
			});
			const row = await handle.db.selectFrom('relation').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
			expect(row.account_id).toBe(anna.id);
			expect(row.nickname).not.toContain('Anoek');
			expect(row.note).not.toContain('Zwolle');

			const later = new Date('2026-04-02T10:00:00Z');
			expect(await updateRelation(handle.db, { actor: anna, id, input: relationInput('Noek', { circle: 'friends' }), now: later })).toBe(true);
			expect(await getRelation(handle.db, { actor: anna, id })).toEqual({
				...read,
				nickname: 'Noek',
				circle: 'friends',
				brings: [],
				rhythm: 'no_goal',
				note: null,
				// The day she was added stays: the rhythm counts from there until the first contact.
				addedDay: planningToday,
				updatedAt: later.toISOString()
			});

			expect(await deleteRelation(handle.db, { actor: anna, id })).toBe(true);
			expect(await deleteRelation(handle.db, { actor: anna, id })).toBe(false);
			expect(await getRelation(handle.db, { actor: anna, id })).toBeUndefined();
			expect(await updateRelation(handle.db, { actor: anna, id, input: relationInput('Weg') })).toBe(false);
			expect(await listRelations(handle.db, { actor: anna })).toEqual([]);
		});

		it('lists relations by name as the language sorts them, not by the ciphertext', async () => {
			const names = ['Zoë', 'émile', 'Piet 10', 'Anna', 'Ölaf', 'bob', 'Piet 9', 'Oscar'];
			for (const name of names) await relation(anna, name);
			await relation(ben, 'Aaron');

			const dutch = (await listRelations(handle.db, { actor: anna })).map((r) => r.nickname);
			// Accents and case do not count, and numbers count as numbers.
			expect(dutch).toEqual(['Anna', 'bob', 'émile', 'Ölaf', 'Oscar', 'Piet 9', 'Piet 10', 'Zoë']);
			expect((await listRelations(handle.db, { actor: anna, locale: 'en' })).map((r) => r.nickname)).toEqual(dutch);
			// In Swedish Ö is a letter of its own after Z: the locale is honoured.
			expect((await listRelations(handle.db, { actor: anna, locale: 'sv' })).map((r) => r.nickname)).toEqual([
				'Anna',
				'bob',
				'émile',
				'Oscar',
				'Piet 9',
				'Piet 10',
				'Zoë',
				'Ölaf'
			]);
		});

		it('names that sort alike keep one order (by id), whatever order they were written in', async () => {
			const ids = [await relation(anna, 'anna'), await relation(anna, 'Anna'), await relation(anna, 'ANNA')];
			const listed = await listRelations(handle.db, { actor: anna });
			expect(listed.map((r) => r.id)).toEqual([...ids].sort());
		});

		it('logs contacts, lists them newest first, per relation and from a day on, and deletes one', async () => {
			const anoek = await relation(anna, 'Anoek');
			const bas = await relation(anna, 'Bas');
			const first = await contact(anna, anoek, '2026-03-01', 'meeting', 5, new Date('2026-03-01T18:00:00Z'));
			const second = await contact(anna, bas, '2026-03-05', 'message', 3, new Date('2026-03-05T08:00:00Z'));
			// Written later but about an earlier day: the day decides the order.
			const third = await contact(anna, anoek, '2026-03-03', 'chat_in_passing', 2, new Date('2026-03-06T08:00:00Z'));
			const sameDayLater = await contact(anna, anoek, '2026-03-05', 'call', 4, new Date('2026-03-05T20:00:00Z'));

			expect(await getContactMoment(handle.db, { actor: anna, id: first })).toEqual({
				id: first,
				relationId: anoek,
				kind: 'meeting',
				day: '2026-03-01',
				feeling: 5,
				plannedMomentId: null,
				createdAt: '2026-03-01T18:00:00.000Z'
			});
			expect((await listContactMoments(handle.db, { actor: anna })).map((c) => c.id)).toEqual([sameDayLater, second, third, first]);
			expect((await listContactMoments(handle.db, { actor: anna, relationId: anoek })).map((c) => c.id)).toEqual([sameDayLater, third, first]);
			expect((await listContactMoments(handle.db, { actor: anna, fromDay: '2026-03-03' })).map((c) => c.id)).toEqual([sameDayLater, second, third]);
			expect((await listContactMoments(handle.db, { actor: anna, limit: 2 })).map((c) => c.id)).toEqual([sameDayLater, second]);

			expect(await deleteContactMoment(handle.db, { actor: anna, id: third })).toBe(true);
			expect(await deleteContactMoment(handle.db, { actor: anna, id: third })).toBe(false);
			expect(await getContactMoment(handle.db, { actor: anna, id: third })).toBeUndefined();
			expect((await listContactMoments(handle.db, { actor: anna, relationId: anoek })).map((c) => c.id)).toEqual([sameDayLater, first]);
		});

		it('a contact with someone who is not on the map (or no longer is) is refused', async () => {
			const gone = await relation(anna, 'Gijs');
			await deleteRelation(handle.db, { actor: anna, id: gone });
			const input = contactMomentSchema('2026-03-10').parse({ kind: 'call', feeling: 3 });
			expect(input.day).toBe('2026-03-10');
			expect(await logContact(handle.db, { actor: anna, relationId: gone, input })).toEqual({ ok: false });
			expect(await logContact(handle.db, { actor: anna, relationId: crypto.randomUUID(), input })).toEqual({ ok: false });
			expect((await storedRows()).contact_moment).toEqual([]);
		});

		it('lastContactDays: the last contact up to today per relation, only the person’s own', async () => {
			const anoek = await relation(anna, 'Anoek');
			const bas = await relation(anna, 'Bas');
			const cor = await relation(anna, 'Cor');
			await contact(anna, anoek, '2026-03-02');
			await contact(anna, anoek, '2026-03-09');
			await contact(anna, anoek, '2026-03-04');
			await contact(anna, bas, '2026-03-12');
			const bens = await relation(ben, 'Bernadette');
			await contact(ben, bens, '2026-03-11');

			expect(await lastContactDays(handle.db, { actor: anna, today: '2026-03-20' })).toEqual(
				new Map([
					[anoek, '2026-03-09'],
					[bas, '2026-03-12']
				])
			);
			// Seen from an earlier day, a later contact has not happened yet.
			expect(await lastContactDays(handle.db, { actor: anna, today: '2026-03-10' })).toEqual(new Map([[anoek, '2026-03-09']]));
			expect(await lastContactDays(handle.db, { actor: anna, today: '2026-03-01' })).toEqual(new Map());
			expect((await lastContactDays(handle.db, { actor: anna, today: '2026-03-20' })).has(cor)).toBe(false);
			expect(await lastContactDays(handle.db, { actor: ben, today: '2026-03-20' })).toEqual(new Map([[bens, '2026-03-11']]));
		});

		it('readRelationshipSummary: counts per circle and contacts per week of the last four, of that person only', async () => {
			const circles: [string, ContactCircle][] = [
				['Anoek', 'intimate'],
				['Bas', 'friends'],
				['Cor', 'friends'],
				['Dirk', 'community']
			];
			const ids: string[] = [];
			for (const [name, circle] of circles) ids.push(await relation(anna, name, { circle }));
			const [anoek, bas] = ids as [string, string];
			// Weeks end on 03-11, 03-18, 03-25 and 04-01 (today).
			await contact(anna, anoek, '2026-03-04'); // before the first week
			await contact(anna, anoek, '2026-03-05'); // week 1
			await contact(anna, bas, '2026-03-20'); // week 3
			await contact(anna, bas, '2026-03-26'); // week 4
			await contact(anna, anoek, '2026-04-01'); // week 4, today
			await contact(anna, bas, '2026-04-01'); // week 4, today
			await contact(anna, bas, '2026-04-03'); // after today
			const bens = await relation(ben, 'Bernadette', { circle: 'community' });
			await contact(ben, bens, '2026-03-30');

			expect(await readRelationshipSummary(handle.db, { personId: anna.id, today: '2026-04-01' })).toEqual({
				people: { intimate: 1, friends: 2, community: 1 },
				weeks: [
					{ from: '2026-03-05', to: '2026-03-11', contacts: 1 },
					{ from: '2026-03-12', to: '2026-03-18', contacts: 0 },
					{ from: '2026-03-19', to: '2026-03-25', contacts: 1 },
					{ from: '2026-03-26', to: '2026-04-01', contacts: 3 }
				],
				contactsPerWeek: 1.3
			});
			expect(await readRelationshipSummary(handle.db, { personId: crypto.randomUUID(), today: '2026-04-01' })).toEqual({
				people: { intimate: 0, friends: 0, community: 0 },
				weeks: expect.any(Array),
				contactsPerWeek: 0
			});
		});
	});

	describe('planned moments', () => {
		let anoek: string;
		let bas: string;
		beforeEach(async () => {
			anoek = await relation(anna, 'Anoek');
			bas = await relation(anna, 'Bas');
		});

		it('plans, reads, lists open ones by start, moves an open one and deletes one', async () => {
			const later = await plan(anna, anoek, { day: '2026-03-28', time: '14:30', place: 'Café de Zwaan', note: 'Boek terugbrengen' });
			const earlier = await plan(anna, bas, { day: '2026-03-28', time: '09:15', kind: 'call' });
			const first = await plan(anna, anoek, { day: '2026-03-21', time: '20:00', kind: 'online' });

			const read = await getPlannedMoment(handle.db, { actor: anna, id: later });
			expect(read).toEqual({
				id: later,
				relationId: anoek,
				// A meeting unless chosen.
				kind: 'meeting',
				day: '2026-03-28',
				time: '14:30',
				place: 'Café de Zwaan',
				note: 'Boek terugbrengen',
				closedAt: null,
				happened: null,
				contactMomentId: null,
				createdAt: planningDay.toISOString(),
				updatedAt: planningDay.toISOString()
			});
			const row = await handle.db.selectFrom('planned_moment').selectAll().where('id', '=', later).executeTakeFirstOrThrow();
			expect(row.place).not.toContain('Zwaan');
			expect(row.note).not.toContain('Boek');

			expect((await listPlannedMoments(handle.db, { actor: anna })).map((p) => p.id)).toEqual([first, earlier, later]);
			expect((await listPlannedMoments(handle.db, { actor: anna, state: 'open', relationId: anoek })).map((p) => p.id)).toEqual([first, later]);
			expect((await listPlannedMoments(handle.db, { actor: anna, limit: 1 })).map((p) => p.id)).toEqual([first]);
			expect(await listPlannedMoments(handle.db, { actor: anna, state: 'closed' })).toEqual([]);

			const moved = new Date('2026-03-21T08:00:00Z');
			const input = plannedMomentSchema(planningToday).parse({ day: '2026-03-29', time: '11:00', kind: 'call', place: '' });
			expect(await updatePlannedMoment(handle.db, { actor: anna, id: later, input, now: moved })).toBe(true);
			expect(await getPlannedMoment(handle.db, { actor: anna, id: later })).toEqual({
				...read,
				kind: 'call',
				day: '2026-03-29',
				time: '11:00',
				place: null,
				note: null,
				updatedAt: moved.toISOString()
			});
			expect((await listPlannedMoments(handle.db, { actor: anna })).map((p) => p.id)).toEqual([first, earlier, later]);

			expect(await deletePlannedMoment(handle.db, { actor: anna, id: earlier })).toBe(true);
			expect(await deletePlannedMoment(handle.db, { actor: anna, id: earlier })).toBe(false);
			expect(await getPlannedMoment(handle.db, { actor: anna, id: earlier })).toBeUndefined();
			expect(await updatePlannedMoment(handle.db, { actor: anna, id: earlier, input })).toBe(false);
			expect((await listPlannedMoments(handle.db, { actor: anna })).map((p) => p.id)).toEqual([first, later]);
		});

		it('a moment with someone who is not on the map is refused', async () => {
			const input = plannedMomentSchema(planningToday).parse({ day: '2026-03-28', time: '10:00' });
			expect(await planMoment(handle.db, { actor: anna, relationId: crypto.randomUUID(), input })).toEqual({ ok: false });
			expect((await storedRows()).planned_moment).toEqual([]);
		});

		it('"it happened": closes the plan and becomes a contact moment on the planned day, of the planned kind', async () => {
			const id = await plan(anna, anoek, { day: '2026-03-21', time: '20:00', kind: 'online' });
			// Answered two days later: the contact is on the day it happened, not on the day of the answer.
			const answeredAt = new Date('2026-03-23T07:30:00Z');
			const outcome = await closePlannedMoment(handle.db, { actor: anna, id, outcome: { happened: true, feeling: 5 }, now: answeredAt });
			expect(outcome).toEqual({ ok: true, contactMomentId: expect.any(String) });
			const contactMomentId = outcome.ok ? outcome.contactMomentId! : '';

			expect(await getContactMoment(handle.db, { actor: anna, id: contactMomentId })).toEqual({
				id: contactMomentId,
				relationId: anoek,
				kind: 'online',
				day: '2026-03-21',
				feeling: 5,
				plannedMomentId: id,
				createdAt: answeredAt.toISOString()
			});
			expect(await getPlannedMoment(handle.db, { actor: anna, id })).toMatchObject({
				closedAt: answeredAt.toISOString(),
				updatedAt: answeredAt.toISOString(),
				happened: true,
				contactMomentId
			});
			expect(await listPlannedMoments(handle.db, { actor: anna })).toEqual([]);
			expect((await listPlannedMoments(handle.db, { actor: anna, state: 'closed' })).map((p) => [p.id, p.contactMomentId])).toEqual([[id, contactMomentId]]);
			expect(await lastContactDays(handle.db, { actor: anna, today: '2026-03-23' })).toEqual(new Map([[anoek, '2026-03-21']]));

			// Deleting the contact keeps the answer: it still happened.
			const again = await plan(anna, anoek, { day: '2026-03-21', time: '21:00' });
			const second = await closePlannedMoment(handle.db, { actor: anna, id: again, outcome: { happened: true, feeling: 3 }, now: answeredAt });
			expect(await deleteContactMoment(handle.db, { actor: anna, id: second.ok ? second.contactMomentId! : '' })).toBe(true);
			expect(await getPlannedMoment(handle.db, { actor: anna, id: again })).toMatchObject({ happened: true, contactMomentId: null });
			await deletePlannedMoment(handle.db, { actor: anna, id: again });

			// A closed plan is history: it cannot be moved, but it can be deleted, and the contact it became stays.
			const input = plannedMomentSchema(planningToday).parse({ day: '2026-03-30', time: '10:00' });
			expect(await updatePlannedMoment(handle.db, { actor: anna, id, input })).toBe(false);
			expect(await getPlannedMoment(handle.db, { actor: anna, id })).toMatchObject({ day: '2026-03-21', time: '20:00', kind: 'online' });
			expect(await deletePlannedMoment(handle.db, { actor: anna, id })).toBe(true);
			expect(await getContactMoment(handle.db, { actor: anna, id: contactMomentId })).toMatchObject({ day: '2026-03-21', plannedMomentId: null });
		});

		it('"it did not happen": closes the plan, and no contact is counted', async () => {
			const id = await plan(anna, anoek, { day: '2026-03-21', time: '20:00' });
			const at = new Date('2026-03-22T09:00:00Z');
			expect(await closePlannedMoment(handle.db, { actor: anna, id, outcome: { happened: false }, now: at })).toEqual({ ok: true, contactMomentId: null });
			expect(await getPlannedMoment(handle.db, { actor: anna, id })).toMatchObject({ closedAt: at.toISOString(), happened: false, contactMomentId: null });
			expect(await listContactMoments(handle.db, { actor: anna })).toEqual([]);
			expect(await lastContactDays(handle.db, { actor: anna, today: '2026-03-22' })).toEqual(new Map());
		});

		it('answering twice: the second answer is refused and there is exactly one contact moment', async () => {
			const id = await plan(anna, anoek, { day: '2026-03-21', time: '20:00' });
			const at = new Date('2026-03-22T09:00:00Z');
			expect(await closePlannedMoment(handle.db, { actor: anna, id, outcome: { happened: true, feeling: 4 }, now: at })).toMatchObject({ ok: true });
			expect(await closePlannedMoment(handle.db, { actor: anna, id, outcome: { happened: true, feeling: 2 }, now: at })).toEqual({
				ok: false,
				reason: 'already_closed'
			});
			expect(await closePlannedMoment(handle.db, { actor: anna, id, outcome: { happened: false }, now: at })).toEqual({ ok: false, reason: 'already_closed' });
			const contacts = await listContactMoments(handle.db, { actor: anna });
			expect(contacts.map((c) => [c.plannedMomentId, c.feeling])).toEqual([[id, 4]]);
		});

		it('answering twice at once: exactly one answer wins and there is exactly one contact moment', async () => {
			const at = new Date('2026-03-29T09:00:00Z');
			const ids: string[] = [];
			for (const day of ['2026-03-21', '2026-03-22', '2026-03-23', '2026-03-24', '2026-03-25']) ids.push(await plan(anna, anoek, { day, time: '10:00' }));
			const answers = await Promise.all(
				ids.map((id) =>
					Promise.all([
						closePlannedMoment(handle.db, { actor: anna, id, outcome: { happened: true, feeling: 5 }, now: at }),
						closePlannedMoment(handle.db, { actor: anna, id, outcome: { happened: true, feeling: 1 }, now: at })
					])
				)
			);
			for (const pair of answers) {
				expect(pair.filter((outcome) => outcome.ok)).toHaveLength(1);
				expect(pair.filter((outcome) => !outcome.ok)).toEqual([{ ok: false, reason: 'already_closed' }]);
			}
			const rows = await handle.db.selectFrom('contact_moment').select(['planned_moment_id']).where('account_id', '=', anna.id).execute();
			expect(rows.map((r) => r.planned_moment_id).sort()).toEqual([...ids].sort());

			// One "yes" and one "no" at once: either wins, never both.
			const mixed = await plan(anna, bas, { day: '2026-03-21', time: '10:00' });
			const [yes, no] = await Promise.all([
				closePlannedMoment(handle.db, { actor: anna, id: mixed, outcome: { happened: true, feeling: 3 }, now: at }),
				closePlannedMoment(handle.db, { actor: anna, id: mixed, outcome: { happened: false }, now: at })
			]);
			expect([yes.ok, no.ok].filter(Boolean)).toHaveLength(1);
			const contactsOfMixed = await listContactMoments(handle.db, { actor: anna, relationId: bas });
			expect(contactsOfMixed).toHaveLength(yes.ok ? 1 : 0);
		});

		it('a moment that has not started yet cannot be answered, and stays open', async () => {
			const id = await plan(anna, anoek, { day: '2026-03-28', time: '14:30' });
			const before = await storedRows();
			// 14:29 in Amsterdam (winter time, UTC+1).
			expect(await closePlannedMoment(handle.db, { actor: anna, id, outcome: { happened: true, feeling: 4 }, now: new Date('2026-03-28T13:29:59Z') })).toEqual({
				ok: false,
				reason: 'not_started'
			});
			expect(await closePlannedMoment(handle.db, { actor: anna, id, outcome: { happened: false }, now: planningDay })).toEqual({ ok: false, reason: 'not_started' });
			expect(await storedRows()).toEqual(before);
			// From its first minute on it can.
			expect(await closePlannedMoment(handle.db, { actor: anna, id, outcome: { happened: true, feeling: 4 }, now: new Date('2026-03-28T13:30:00Z') })).toMatchObject({
				ok: true
			});
		});

		it('hasStarted: from the planned local minute on, in Amsterdam time, also across midnight and summer time', () => {
			const moment = { day: '2026-03-28', time: '14:30' };
			expect(hasStarted(moment, new Date('2026-03-28T13:29:59.999Z'))).toBe(false);
			expect(hasStarted(moment, new Date('2026-03-28T13:30:00Z'))).toBe(true);
			expect(hasStarted(moment, new Date('2026-03-28T13:30:59Z'))).toBe(true);
			expect(hasStarted(moment, new Date('2026-03-27T22:59:00Z'))).toBe(false);
			// On a later day it has started, whatever the time.
			expect(hasStarted({ day: '2026-03-28', time: '23:59' }, new Date('2026-03-28T23:00:00Z'))).toBe(true);
			expect(hasStarted({ day: '2026-03-28', time: '23:59' }, new Date('2026-03-28T22:58:59Z'))).toBe(false);
			// Just after midnight local time, still the previous day in UTC.
			expect(hasStarted({ day: '2026-03-29', time: '00:00' }, new Date('2026-03-28T23:00:00Z'))).toBe(true);
			expect(hasStarted({ day: '2026-03-29', time: '00:00' }, new Date('2026-03-28T22:59:59Z'))).toBe(false);
			// Summer time: 14:30 in Amsterdam is 12:30 UTC.
			expect(hasStarted({ day: '2026-07-01', time: '14:30' }, new Date('2026-07-01T12:29:00Z'))).toBe(false);
			expect(hasStarted({ day: '2026-07-01', time: '14:30' }, new Date('2026-07-01T12:30:00Z'))).toBe(true);
			// The default is now: a moment in the past has started, one far ahead has not.
			expect(hasStarted({ day: '2000-01-01', time: '00:00' })).toBe(true);
			expect(hasStarted({ day: '2999-12-31', time: '23:59' })).toBe(false);
		});

		it('lists closed moments newest first (by planned day and time), per relation', async () => {
			const at = new Date('2026-03-29T09:00:00Z');
			const a = await plan(anna, anoek, { day: '2026-03-21', time: '10:00' });
			const b = await plan(anna, bas, { day: '2026-03-23', time: '09:00' });
			const c = await plan(anna, anoek, { day: '2026-03-23', time: '18:00' });
			const open = await plan(anna, anoek, { day: '2026-04-05', time: '18:00' });
			for (const id of [c, a, b]) await closePlannedMoment(handle.db, { actor: anna, id, outcome: { happened: false }, now: at });
			expect((await listPlannedMoments(handle.db, { actor: anna, state: 'closed' })).map((p) => p.id)).toEqual([c, b, a]);
			expect((await listPlannedMoments(handle.db, { actor: anna, state: 'closed', relationId: anoek })).map((p) => p.id)).toEqual([c, a]);
			expect((await listPlannedMoments(handle.db, { actor: anna, state: 'closed', limit: 1 })).map((p) => p.id)).toEqual([c]);
			expect((await listPlannedMoments(handle.db, { actor: anna, state: 'open' })).map((p) => p.id)).toEqual([open]);
		});
	});

	describe('the calendar feed', () => {
		let anoek: string;
		let bas: string;
		beforeEach(async () => {
			anoek = await relation(anna, 'Anoek');
			bas = await relation(anna, 'Bas; de buurman');
		});

		const feedAt = new Date('2026-03-20T12:00:00Z');

		it('holds the person’s planned moments, names decrypted, in UTC from Amsterdam time, each with a reminder', async () => {
			const winter = await plan(anna, anoek, { day: '2026-03-28', time: '14:30', place: 'Café de Zwaan', note: 'Boek terugbrengen' });
			const skipped = await plan(anna, bas, { day: '2026-03-29', time: '02:30', kind: 'online' });
			const summer = await plan(anna, bas, { day: '2026-03-30', time: '19:00', kind: 'call' });
			const autumn = await plan(anna, anoek, { day: '2026-11-02', time: '10:00', kind: 'chat_in_passing' });
			const { token } = await startCalendarFeed(handle.db, { actor: anna, locale: 'nl', now: planningDay });
			expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
			// Only a hash of the token is stored.
			expect(JSON.stringify(await storedRows())).not.toContain(token);

			const text = await calendarFeedByToken(handle.db, { token, now: feedAt });
			expect(text).not.toBeNull();
			const { calendar, events } = parseCalendar(text!);
			expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('brug: mijn afspraken');
			const reminder = (title: string) => ({ action: 'DISPLAY', triggerSeconds: -3600, description: `Straks: ${title}. Veel plezier!` });
			expect(events).toEqual([
				{
					uid: `${winter}@brug`,
					summary: 'Afspreken met Anoek',
					// 14:30 winter time (UTC+1).
					start: '2026-03-28T13:30:00.000Z',
					startZone: 'UTC',
					end: '2026-03-28T14:30:00.000Z',
					location: 'Café de Zwaan',
					description: 'Boek terugbrengen',
					alarm: reminder('Afspreken met Anoek')
				},
				{
					uid: `${skipped}@brug`,
					summary: 'Online met Bas; de buurman',
					// 02:30 does not exist that night: the same wall-clock time an hour later, 03:30 summer time.
					start: '2026-03-29T01:30:00.000Z',
					startZone: 'UTC',
					end: '2026-03-29T02:30:00.000Z',
					location: null,
					description: null,
					alarm: reminder('Online met Bas; de buurman')
				},
				{
					uid: `${summer}@brug`,
					summary: 'Bas; de buurman bellen',
					// 19:00 summer time (UTC+2).
					start: '2026-03-30T17:00:00.000Z',
					startZone: 'UTC',
					end: '2026-03-30T18:00:00.000Z',
					location: null,
					description: null,
					alarm: reminder('Bas; de buurman bellen')
				},
				{
					uid: `${autumn}@brug`,
					summary: 'Even langs bij Anoek',
					// Winter time again.
					start: '2026-11-02T09:00:00.000Z',
					startZone: 'UTC',
					end: '2026-11-02T10:00:00.000Z',
					location: null,
					description: null,
					alarm: reminder('Even langs bij Anoek')
				}
			]);
		});

		it('keeps the last 60 days, also moments that were answered; older ones leave the feed', async () => {
			const old = await plan(anna, anoek, { day: '2026-01-18', time: '10:00' }, '2026-01-01');
			const edge = await plan(anna, anoek, { day: '2026-01-19', time: '10:00' }, '2026-01-01');
			const answered = await plan(anna, bas, { day: '2026-03-01', time: '10:00' }, '2026-03-01');
			await closePlannedMoment(handle.db, { actor: anna, id: answered, outcome: { happened: true, feeling: 4 }, now: new Date('2026-03-02T10:00:00Z') });
			const ahead = await plan(anna, bas, { day: '2026-04-01', time: '10:00' });
			const { token } = await startCalendarFeed(handle.db, { actor: anna, locale: 'nl' });
			const { events } = parseCalendar((await calendarFeedByToken(handle.db, { token, now: feedAt }))!);
			expect(events.map((e) => e.uid)).toEqual([edge, answered, ahead].map((id) => `${id}@brug`));
			expect(events.map((e) => e.uid)).not.toContain(`${old}@brug`);
		});

		it('speaks the language the person used when making it', async () => {
			await plan(anna, anoek, { day: '2026-03-28', time: '14:30', kind: 'call' });
			const { token } = await startCalendarFeed(handle.db, { actor: anna, locale: 'en' });
			const { calendar, events } = parseCalendar((await calendarFeedByToken(handle.db, { token, now: feedAt }))!);
			expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('brug: my appointments');
			expect(events.map((e) => [e.summary, e.alarm?.description])).toEqual([['Call Anoek', 'Soon: Call Anoek. Enjoy!']]);
		});

		it('renewing stops the old link and the new one works; stopping stops it; the status follows', async () => {
			await plan(anna, anoek, { day: '2026-03-28', time: '14:30' });
			expect(await calendarFeedStatus(handle.db, { actor: anna })).toBeNull();
			const first = await startCalendarFeed(handle.db, { actor: anna, locale: 'nl', now: new Date('2026-03-20T09:00:00Z') });
			expect(await calendarFeedByToken(handle.db, { token: first.token, now: new Date('2026-03-20T10:20:00Z') })).not.toBeNull();
			expect(await calendarFeedStatus(handle.db, { actor: anna })).toEqual({
				createdAt: '2026-03-20T09:00:00.000Z',
				// To the hour.
				lastUsedAt: '2026-03-20T10:00:00.000Z'
			});

			const renewed = await startCalendarFeed(handle.db, { actor: anna, locale: 'nl', now: new Date('2026-03-21T09:00:00Z') });
			expect(renewed.token).not.toBe(first.token);
			expect(await calendarFeedByToken(handle.db, { token: first.token, now: feedAt })).toBeNull();
			expect(parseCalendar((await calendarFeedByToken(handle.db, { token: renewed.token, now: feedAt }))!).events).toHaveLength(1);
			expect(await handle.db.selectFrom('calendar_token').select('account_id').execute()).toEqual([{ account_id: anna.id }]);
			expect(await calendarFeedStatus(handle.db, { actor: anna })).toMatchObject({ createdAt: '2026-03-21T09:00:00.000Z' });

			expect(await stopCalendarFeed(handle.db, { actor: anna })).toBe(true);
			expect(await calendarFeedByToken(handle.db, { token: renewed.token, now: feedAt })).toBeNull();
			expect(await calendarFeedStatus(handle.db, { actor: anna })).toBeNull();
			expect(await stopCalendarFeed(handle.db, { actor: anna })).toBe(false);
			expect((await storedRows()).calendar_token).toEqual([]);
		});

		it('a malformed or unknown token finds nothing, and writes nothing', async () => {
			const { token } = await startCalendarFeed(handle.db, { actor: anna, locale: 'nl' });
			const before = await storedRows();
			// Malformed ones are refused before any lookup; well-formed unknown ones are not found.
			for (const wrong of ['', 'abc', `${token}x`, token.slice(1), `${token.slice(0, 42)}!`, `${token}.ics`, `../${token}`, 'A'.repeat(43)]) {
				expect(await calendarFeedByToken(handle.db, { token: wrong, now: feedAt }), wrong).toBeNull();
			}
			expect(await storedRows()).toEqual(before);
		});

		it('never holds another person’s moments', async () => {
			const annas = await plan(anna, anoek, { day: '2026-03-28', time: '14:30' });
			const bernadette = await relation(ben, 'Bernadette');
			const bens = await plan(ben, bernadette, { day: '2026-03-28', time: '15:00', place: 'Bij Ben thuis' });
			const annaFeed = await startCalendarFeed(handle.db, { actor: anna, locale: 'nl' });
			const benFeed = await startCalendarFeed(handle.db, { actor: ben, locale: 'nl' });

			const annaText = (await calendarFeedByToken(handle.db, { token: annaFeed.token, now: feedAt }))!;
			expect(parseCalendar(annaText).events.map((e) => e.uid)).toEqual([`${annas}@brug`]);
			expect(annaText).not.toContain('Bernadette');
			expect(annaText).not.toContain(bens);
			const benText = (await calendarFeedByToken(handle.db, { token: benFeed.token, now: feedAt }))!;
			expect(parseCalendar(benText).events.map((e) => [e.uid, e.summary])).toEqual([[`${bens}@brug`, 'Afspreken met Bernadette']]);
			expect(benText).not.toContain('Anoek');

			// Ben renewing or stopping his feed leaves Anna's alone.
			await startCalendarFeed(handle.db, { actor: ben, locale: 'nl' });
			await stopCalendarFeed(handle.db, { actor: ben });
			expect(await calendarFeedByToken(handle.db, { token: annaFeed.token, now: feedAt })).toBe(annaText);
		});

		it('notes when it was last fetched at most once an hour', async () => {
			await plan(anna, anoek, { day: '2026-03-28', time: '14:30' });
			const { token } = await startCalendarFeed(handle.db, { actor: anna, locale: 'nl' });
			const counter = countCalendarTokenUpdates();
			const db = handle.db.withPlugin(counter.plugin);
			const fetchAt = async (instant: string) => {
				expect(await calendarFeedByToken(db, { token, now: new Date(instant) })).not.toBeNull();
				return (await calendarFeedStatus(handle.db, { actor: anna }))?.lastUsedAt;
			};

			expect(await fetchAt('2026-03-20T10:05:00Z')).toBe('2026-03-20T10:00:00.000Z');
			expect(counter.count()).toBe(1);
			for (const minute of ['10:06', '10:30', '10:59']) {
				expect(await fetchAt(`2026-03-20T${minute}:59Z`)).toBe('2026-03-20T10:00:00.000Z');
			}
			expect(counter.count()).toBe(1);
			expect(await fetchAt('2026-03-20T11:00:00Z')).toBe('2026-03-20T11:00:00.000Z');
			expect(await fetchAt('2026-03-20T11:45:00Z')).toBe('2026-03-20T11:00:00.000Z');
			expect(counter.count()).toBe(2);
		});

		it('plannedMomentIcs: one of the person’s own moments as a file; another person’s is not found', async () => {
			const id = await plan(anna, anoek, { day: '2026-03-30', time: '19:00', kind: 'call', place: 'Telefoon' });
			const text = await plannedMomentIcs(handle.db, { actor: anna, id, locale: 'nl', now: feedAt });
			expect(text).not.toBeNull();
			const { events } = parseCalendar(text!);
			expect(events).toEqual([
				expect.objectContaining({
					uid: `${id}@brug`,
					summary: 'Anoek bellen',
					start: '2026-03-30T17:00:00.000Z',
					location: 'Telefoon',
					alarm: expect.objectContaining({ triggerSeconds: -3600 })
				})
			]);
			expect(await plannedMomentIcs(handle.db, { actor: ben, id, locale: 'nl', now: feedAt })).toBeNull();
			expect(await plannedMomentIcs(handle.db, { actor: anna, id: crypto.randomUUID(), locale: 'nl', now: feedAt })).toBeNull();
		});
	});

	describe('ownership', () => {
		it('another person’s ids behave like unknown ids and change nothing', async () => {
			const anoek = await relation(anna, 'Anoek', { note: 'Alleen voor Anna' });
			const contactId = await contact(anna, anoek, '2026-03-10');
			const open = await plan(anna, anoek, { day: '2026-03-21', time: '10:00' });
			const closed = await plan(anna, anoek, { day: '2026-03-20', time: '08:00' });
			await closePlannedMoment(handle.db, { actor: anna, id: closed, outcome: { happened: true, feeling: 3 }, now: planningDay });
			await startCalendarFeed(handle.db, { actor: anna, locale: 'nl' });
			const bas = await relation(ben, 'Bas');
			const before = await storedRows();

			const later = new Date('2026-03-30T10:00:00Z');
			const contactInput = contactMomentSchema('2026-03-30').parse({ kind: 'call', feeling: 1 });
			const planInput = plannedMomentSchema(planningToday).parse({ day: '2026-04-01', time: '12:00' });
			expect(await getRelation(handle.db, { actor: ben, id: anoek })).toBeUndefined();
			expect(await updateRelation(handle.db, { actor: ben, id: anoek, input: relationInput('Gekaapt') })).toBe(false);
			expect(await deleteRelation(handle.db, { actor: ben, id: anoek })).toBe(false);
			expect((await listRelations(handle.db, { actor: ben })).map((r) => r.id)).toEqual([bas]);
			expect(await logContact(handle.db, { actor: ben, relationId: anoek, input: contactInput })).toEqual({ ok: false });
			expect(await getContactMoment(handle.db, { actor: ben, id: contactId })).toBeUndefined();
			expect(await deleteContactMoment(handle.db, { actor: ben, id: contactId })).toBe(false);
			expect(await listContactMoments(handle.db, { actor: ben })).toEqual([]);
			expect(await listContactMoments(handle.db, { actor: ben, relationId: anoek })).toEqual([]);
			expect(await lastContactDays(handle.db, { actor: ben, today: '2026-03-30' })).toEqual(new Map());
			expect(await planMoment(handle.db, { actor: ben, relationId: anoek, input: planInput })).toEqual({ ok: false });
			for (const id of [open, closed]) {
				expect(await getPlannedMoment(handle.db, { actor: ben, id })).toBeUndefined();
				expect(await updatePlannedMoment(handle.db, { actor: ben, id, input: planInput })).toBe(false);
				expect(await closePlannedMoment(handle.db, { actor: ben, id, outcome: { happened: true, feeling: 5 }, now: later })).toEqual({
					ok: false,
					reason: 'not_found'
				});
				expect(await plannedMomentIcs(handle.db, { actor: ben, id, locale: 'nl' })).toBeNull();
				expect(await deletePlannedMoment(handle.db, { actor: ben, id })).toBe(false);
			}
			expect(await listPlannedMoments(handle.db, { actor: ben })).toEqual([]);
			expect(await listPlannedMoments(handle.db, { actor: ben, state: 'closed' })).toEqual([]);
			expect(await listPlannedMoments(handle.db, { actor: ben, relationId: anoek })).toEqual([]);
			expect(await calendarFeedStatus(handle.db, { actor: ben })).toBeNull();
			expect(await stopCalendarFeed(handle.db, { actor: ben })).toBe(false);

			expect(await storedRows()).toEqual(before);
			// And Anna still has everything, as it was.
			expect(await getRelation(handle.db, { actor: anna, id: anoek })).toMatchObject({ nickname: 'Anoek', note: 'Alleen voor Anna' });
			expect(await getPlannedMoment(handle.db, { actor: anna, id: open })).toMatchObject({ closedAt: null });
		});

		it('without an account every use-case answers 401 sign_in_required, and nothing changes', async () => {
			const anoek = await relation(anna, 'Anoek');
			const contactId = await contact(anna, anoek, '2026-03-10');
			const open = await plan(anna, anoek, { day: '2026-03-21', time: '10:00' });
			const before = await storedRows();
			const actor = null;
			const contactInput = contactMomentSchema('2026-03-30').parse({ kind: 'call', feeling: 1 });
			const planInput = plannedMomentSchema(planningToday).parse({ day: '2026-04-01', time: '12:00' });
			const calls: [string, () => Promise<unknown>][] = [
				['addRelation', () => addRelation(handle.db, { actor, input: relationInput('Niemand') })],
				['updateRelation', () => updateRelation(handle.db, { actor, id: anoek, input: relationInput('Niemand') })],
				['deleteRelation', () => deleteRelation(handle.db, { actor, id: anoek })],
				['getRelation', () => getRelation(handle.db, { actor, id: anoek })],
				['listRelations', () => listRelations(handle.db, { actor })],
				['logContact', () => logContact(handle.db, { actor, relationId: anoek, input: contactInput })],
				['deleteContactMoment', () => deleteContactMoment(handle.db, { actor, id: contactId })],
				['getContactMoment', () => getContactMoment(handle.db, { actor, id: contactId })],
				['listContactMoments', () => listContactMoments(handle.db, { actor })],
				['lastContactDays', () => lastContactDays(handle.db, { actor, today: '2026-03-30' })],
				['planMoment', () => planMoment(handle.db, { actor, relationId: anoek, input: planInput })],
				['updatePlannedMoment', () => updatePlannedMoment(handle.db, { actor, id: open, input: planInput })],
				['deletePlannedMoment', () => deletePlannedMoment(handle.db, { actor, id: open })],
				['getPlannedMoment', () => getPlannedMoment(handle.db, { actor, id: open })],
				['listPlannedMoments', () => listPlannedMoments(handle.db, { actor })],
				['closePlannedMoment', () => closePlannedMoment(handle.db, { actor, id: open, outcome: { happened: false }, now: new Date('2026-03-30T10:00:00Z') })],
				['calendarFeedStatus', () => calendarFeedStatus(handle.db, { actor })],
				['startCalendarFeed', () => startCalendarFeed(handle.db, { actor, locale: 'nl' })],
				['stopCalendarFeed', () => stopCalendarFeed(handle.db, { actor })],
				['plannedMomentIcs', () => plannedMomentIcs(handle.db, { actor, id: open, locale: 'nl' })]
			];
			for (const [name, call] of calls) expect(await refusal(call()), name).toEqual(signInRequired);
			expect(await storedRows()).toEqual(before);
		});
	});

	describe('deleting', () => {
		it('deleting a relation takes its contact and planned moments along, and nothing else', async () => {
			const anoek = await relation(anna, 'Anoek');
			const bas = await relation(anna, 'Bas');
			await contact(anna, anoek, '2026-03-10');
			const answered = await plan(anna, anoek, { day: '2026-03-20', time: '08:00' });
			await closePlannedMoment(handle.db, { actor: anna, id: answered, outcome: { happened: true, feeling: 4 }, now: planningDay });
			await plan(anna, anoek, { day: '2026-03-28', time: '10:00' });
			const basContact = await contact(anna, bas, '2026-03-11');
			const basPlan = await plan(anna, bas, { day: '2026-03-29', time: '10:00' });
			const bernadette = await relation(ben, 'Bernadette');
			const benContact = await contact(ben, bernadette, '2026-03-12');

			expect(await deleteRelation(handle.db, { actor: anna, id: anoek })).toBe(true);
			const left = await storedRows();
			expect(left.relation!.map((r) => (r as { id: string }).id).sort()).toEqual([bas, bernadette].sort());
			expect(left.contact_moment!.map((r) => (r as { id: string }).id).sort()).toEqual([basContact, benContact].sort());
			expect(left.planned_moment!.map((r) => (r as { id: string }).id)).toEqual([basPlan]);
		});

		it('deleting the account leaves no relation, contact, planned moment or calendar link of the person', async () => {
			const fill = async (who: SignedInAccount, name: string) => {
				const id = await relation(who, name, { note: `Notitie over ${name}` });
				await contact(who, id, '2026-03-10');
				const answered = await plan(who, id, { day: '2026-03-20', time: '08:00', place: `Bij ${name}` });
				await closePlannedMoment(handle.db, { actor: who, id: answered, outcome: { happened: true, feeling: 4 }, now: planningDay });
				await plan(who, id, { day: '2026-03-28', time: '10:00', note: `Cadeau voor ${name}` });
				return (await startCalendarFeed(handle.db, { actor: who, locale: 'nl' })).token;
			};
			const annaToken = await fill(anna, 'Anoek');
			const benToken = await fill(ben, 'Bernadette');
			const one = { relation: 1, contact_moment: 2, planned_moment: 2, calendar_token: 1 };
			expect(await rowsOf(anna.id)).toEqual(one);

			expect(await deleteAccount(handle.db, { account: anna })).toEqual({ ok: true });
			expect(await rowsOf(anna.id)).toEqual({ relation: 0, contact_moment: 0, planned_moment: 0, calendar_token: 0 });
			expect(await tracesOf(handle, anna.id)).toEqual([]);
			expect(await calendarFeedByToken(handle.db, { token: annaToken })).toBeNull();
			// Ben's map stays whole.
			expect(await rowsOf(ben.id)).toEqual(one);
			expect(await calendarFeedByToken(handle.db, { token: benToken })).not.toBeNull();
			const total = await storedRows();
			expect(Object.values(total).reduce((sum, rows) => sum + rows.length, 0)).toBe(6);
		});
	});

	describe('the relationship summary for a linked professional', () => {
		let mails: OutgoingMail[];
		const mailer = {
			send: async (mail: OutgoingMail) => {
				mails.push(mail);
				return { delivered: 'outbox' as const, messageId: `test-${mails.length}` };
			}
		};
		const linkFor = (token: string, locale: MailLocale) => `https://brug.test/${locale}/connect?code=${token}`;
		let organisationId: string;
		/** Professional at Buurtteam Noord, with two-step sign-in. */
		let piet: SignedInAccount;
		const readAt = new Date('2026-04-01T10:00:00Z');
		const names = ['Anoek', 'Bas', 'Cor', 'Dirk'];

		beforeEach(async () => {
			mails = [];
			const created = await createOrganisationWithAdmin(handle.db, auth, {
				organisation: { name: 'Buurtteam Noord', kind: 'welfare' },
				admin: { name: 'Ada Admin', email: 'ada@noord.nl', password, locale: 'nl' }
			});
			if (!created.ok) throw new Error(created.reason);
			organisationId = created.organisationId;
			const ada: SignedInAccount = { id: created.accountId, email: 'ada@noord.nl', locale: 'nl', twoFactorEnabled: true };
			piet = { ...(await account('piet@noord.nl', 'Piet Prof')), twoFactorEnabled: true };
			await inviteMember(handle.db, { actor: ada, organisationId, email: piet.email, role: 'professional', locale: 'nl', mailer, linkFor });
			const token = new URL(mails.at(-1)!.text.match(/https:\/\/\S+/)![0]).searchParams.get('code')!;
			expect(await acceptMemberInvitation(handle.db, { token, actor: piet })).toMatchObject({ ok: true });

			const circles: ContactCircle[] = ['intimate', 'friends', 'friends', 'community'];
			const ids: string[] = [];
			for (const [i, name] of names.entries()) ids.push(await relation(anna, name, { circle: circles[i], note: `Over ${name}` }));
			await contact(anna, ids[0]!, '2026-03-05');
			await contact(anna, ids[1]!, '2026-03-26');
			await contact(anna, ids[1]!, '2026-04-01');
			const bernadette = await relation(ben, 'Bernadette', { circle: 'intimate' });
			await contact(ben, bernadette, '2026-03-30');
		});

		async function connect(scopes: ConsentScope[]) {
			const { code } = await createClientInvitation(handle.db, { actor: piet, locale: 'nl', mailer, linkFor });
			const result = await acceptClientInvitation(handle.db, { actor: anna, code, scopes, personName: 'Anna' });
			if (!result.ok) throw new Error(result.reason);
		}

		const scopeReads = () =>
			handle.db
				.selectFrom('audit_event')
				.select(['actor_id', 'subject_id', 'organisation_id', 'object', 'at'])
				.where('action', '=', 'client.scope.read')
				.orderBy('object')
				.execute();

		it('with the relationship_summary scope: counts per circle and contacts per week, no names, and the read is audited', async () => {
			await connect(['relationship_summary']);
			const record = await openClientRecord(handle.db, { actor: piet, personId: anna.id, now: readAt });
			expect(record.relationships).toEqual({
				people: { intimate: 1, friends: 2, community: 1 },
				weeks: [
					{ from: '2026-03-05', to: '2026-03-11', contacts: 1 },
					{ from: '2026-03-12', to: '2026-03-18', contacts: 0 },
					{ from: '2026-03-19', to: '2026-03-25', contacts: 0 },
					{ from: '2026-03-26', to: '2026-04-01', contacts: 2 }
				],
				contactsPerWeek: 0.8
			});
			expect(record).not.toHaveProperty('measurements');
			const whole = JSON.stringify(record);
			for (const hidden of [...names, 'Bernadette', 'Over Anoek']) expect(whole).not.toContain(hidden);
			const relationIds = (await handle.db.selectFrom('relation').select('id').execute()).map((r) => r.id);
			for (const id of relationIds) expect(whole).not.toContain(id);

			expect(await scopeReads()).toEqual([
				{ actor_id: piet.id, subject_id: anna.id, organisation_id: organisationId, object: 'relationship_summary', at: readAt.toISOString() }
			]);
			// Every read is written.
			await openClientRecord(handle.db, { actor: piet, personId: anna.id, now: readAt });
			expect(await scopeReads()).toHaveLength(2);
		});

		it('without the scope: no relationships in the record and no such read in the audit log', async () => {
			await connect(['measurements']);
			const record = await openClientRecord(handle.db, { actor: piet, personId: anna.id, now: readAt });
			expect(record).not.toHaveProperty('relationships');
			expect(Object.keys(record)).not.toContain('relationships');
			expect((await scopeReads()).map((e) => e.object)).toEqual(['measurements']);
			expect(await refusal(openClientRecord(handle.db, { actor: null, personId: anna.id }))).toEqual(signInRequired);
		});
	});
});
