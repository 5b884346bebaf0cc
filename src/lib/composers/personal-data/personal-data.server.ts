/**
 * A person's rights over their data (GDPR art. 15, 17, 20).
 * - `exportPersonalData`: everything brug keeps about the account, as plain data (JSON download and printable page).
 * - `describeAccountForDeletion`: what deleting would remove, so the confirmation can name it.
 * - `deleteAccount`: removes the account and everything it owns in one transaction; sessions and consents end with
 *   it, and audit events about it lose the link. Refused while the account is an organisation's only admin.
 * Each takes the signed-in account itself: a person can only ever reach their own data here.
 */
import type { Kysely } from 'kysely';
import type { Database } from '$lib/server/db';
import { getInstrument } from '$lib/features/instruments/instruments';
import { listMeasurementsForAccount } from '$lib/features/measurements/measurements.server';
import { listAuditEventsAboutPerson } from '$lib/features/audit/audit.server';
import { listConsentGrantsForPerson } from '$lib/features/consent/consent.server';
import { listJournalEntries, type JournalEntry } from '$lib/features/journal/journal.server';
import { listThoughtRecords, type ThoughtRecord } from '$lib/features/journal/thought-records.server';
import { listKindMoments, type KindMoment } from '$lib/features/journal/kind-moments.server';
import { listStepPlans, type StepPlan } from '$lib/features/small-steps/step-plans.server';
import { listPatternChecks } from '$lib/features/patterns/pattern-checks.server';
import { strongestPatterns } from '$lib/features/patterns/pattern-check';
import { listContactMoments, listRelations, type ContactMoment, type Relation } from '$lib/features/relationships/relations.server';
import { listPlannedMoments, type PlannedMoment } from '$lib/features/relationships/planned-moments.server';
import { calendarFeedStatus, type CalendarFeedStatus } from '$lib/features/relationships/calendar-feed.server';
import { readHealthWebs, type SavedHealthWeb } from '$lib/features/health-web/health-webs.server';
import { ratingsAboutPerson, type StoredRating } from '$lib/features/self-sufficiency/ratings.server';
import { listSharedSummaries } from '$lib/features/conversation-notes/conversation-notes.server';
import type { SignedInAccount } from '$lib/server/auth/account';

const toIso = (value: Date | string) => new Date(value).toISOString();

export interface PersonalDataExport {
	exportedAt: string;
	account: { email: string; emailVerified: boolean; locale: string; createdAt: string; twoFactorEnabled: boolean };
	sessions: { createdAt: string; expiresAt: string }[];
	measurements: {
		instrument: string;
		instrumentVersion: string;
		takenAt: string;
		answers: Record<string, string | undefined>;
		total: number | null;
		subscales: { emotional: number | null; social: number | null } | null;
		band: string | null;
	}[];
	/** Organisations the account works in, and as what. */
	memberships: { organisation: string; role: string; since: string }[];
	/** Everything the person shared with professionals, current and past. */
	consents: {
		professional: string | null;
		organisation: string | null;
		nameForProfessional: string;
		/** 'professional': only them; 'organisation': their colleagues too. */
		audience: string;
		scopes: string[];
		grantedAt: string;
		endedAt: string | null;
		endReason: string | null;
	}[];
	/** What professionals did with the person's data (the audit log about them). */
	accessLog: { at: string; action: string; object: string | null; by: string | null; organisation: string | null }[];
	apiTokens: { label: string; createdAt: string; lastUsedAt: string | null; expiresAt: string }[];
	/** The self-help toolkit: everything the person wrote, decrypted for them. */
	journal: JournalEntry[];
	thoughtChecks: ThoughtRecord[];
	kindMoments: KindMoment[];
	stepPlans: StepPlan[];
	exercisesDone: { exercise: string; day: string }[];
	patternChecks: { takenAt: string; answers: Record<string, string | undefined>; strongest: string[] }[];
	/** The relationship map: the people on it, contacts, planned moments, and whether a calendar feed is on. */
	relations: Relation[];
	contactMoments: ContactMoment[];
	plannedMoments: PlannedMoment[];
	calendarFeed: CalendarFeedStatus | null;
	healthWebs: SavedHealthWeb[];
	/** Questionnaires professionals asked the person to fill in. */
	/** Self-sufficiency ratings professionals made about the person, with their notes. */
	selfSufficiencyRatings: StoredRating[];
	measurementRequests: { instrument: string; repeatWeeks: number | null; dueDay: string; endedAt: string | null; endReason: string | null; createdAt: string }[];
	/** Summaries of conversations a professional shared with the person. */
	conversationSummaries: { day: string; organisation: string; by: string | null; summary: string; sharedAt: string; seenAt: string | null }[];
}

export async function exportPersonalData(
	db: Kysely<Database>,
	options: { account: SignedInAccount; now?: Date }
): Promise<PersonalDataExport> {
	const accountId = options.account.id;
	const row = await db.selectFrom('account').selectAll().where('id', '=', accountId).executeTakeFirstOrThrow();
	const sessions = await db
		.selectFrom('auth_session')
		.select(['created_at', 'expires_at'])
		.where('account_id', '=', accountId)
		.orderBy('created_at')
		.execute();
	const measurements = await listMeasurementsForAccount(db, { accountId, instrumentFor: getInstrument });
	const memberships = await db
		.selectFrom('membership')
		.innerJoin('organisation', 'organisation.id', 'membership.organisation_id')
		.select(['organisation.name', 'membership.role', 'membership.created_at'])
		.where('membership.account_id', '=', accountId)
		.orderBy('membership.created_at')
		.execute();
	const consents = await listConsentGrantsForPerson(db, { actor: options.account });
	const accessLog = await listAuditEventsAboutPerson(db, { account: options.account, limit: 100_000 });
	const apiTokens = await db
		.selectFrom('api_token')
		.select(['label', 'created_at', 'last_used_at', 'expires_at'])
		.where('account_id', '=', accountId)
		.orderBy('created_at')
		.execute();
	const actor = options.account;
	const exercisesDone = await db
		.selectFrom('exercise_done')
		.select(['exercise_id', 'day'])
		.where('account_id', '=', accountId)
		.orderBy('day')
		.execute();
	const patternChecks = await listPatternChecks(db, { actor });
	return {
		exportedAt: (options.now ?? new Date()).toISOString(),
		account: {
			email: row.email,
			emailVerified: Boolean(row.email_verified),
			locale: row.locale,
			createdAt: toIso(row.created_at),
			twoFactorEnabled: Boolean(row.two_factor_enabled)
		},
		sessions: sessions.map((s) => ({ createdAt: toIso(s.created_at), expiresAt: toIso(s.expires_at) })),
		measurements: measurements.map((m) => ({
			instrument: m.score.instrument,
			instrumentVersion: m.score.version,
			takenAt: m.takenAt.toISOString(),
			answers: Object.fromEntries(Object.entries(m.answers)),
			total: m.score.total,
			subscales: m.score.subscales,
			band: m.score.band
		})),
		memberships: memberships.map((m) => ({ organisation: m.name, role: m.role, since: m.created_at })),
		consents: consents.map((c) => ({
			professional: c.professionalName,
			organisation: c.organisationName,
			nameForProfessional: c.personName,
			audience: c.audience,
			scopes: c.scopes,
			grantedAt: c.grantedAt,
			endedAt: c.endedAt,
			endReason: c.endReason
		})),
		accessLog: accessLog.map((e) => ({
			at: e.at,
			action: e.action,
			object: e.object,
			by: e.actorName,
			organisation: e.organisationName
		})),
		apiTokens: apiTokens.map((t) => ({
			label: t.label,
			createdAt: t.created_at,
			lastUsedAt: t.last_used_at,
			expiresAt: t.expires_at
		})),
		journal: await listJournalEntries(db, { actor, limit: 1_000_000 }),
		thoughtChecks: await listThoughtRecords(db, { actor, limit: 1_000_000 }),
		kindMoments: await listKindMoments(db, { actor, limit: 1_000_000 }),
		stepPlans: await listStepPlans(db, { actor, limit: 1_000_000 }),
		exercisesDone: exercisesDone.map((e) => ({ exercise: e.exercise_id, day: e.day })),
		patternChecks: patternChecks.map((c) => ({
			takenAt: c.takenAt,
			answers: Object.fromEntries(Object.entries(c.answers)),
			strongest: strongestPatterns(c.score).map((p) => p.mechanism)
		})),
		relations: await listRelations(db, { actor, locale: row.locale }),
		contactMoments: await listContactMoments(db, { actor, limit: 1_000_000 }),
		plannedMoments: [
			...(await listPlannedMoments(db, { actor, state: 'open', limit: 1_000_000 })),
			...(await listPlannedMoments(db, { actor, state: 'closed', limit: 1_000_000 }))
		],
		calendarFeed: await calendarFeedStatus(db, { actor }),
		healthWebs: await readHealthWebs(db, { personId: accountId, limit: 1_000_000 }),
		selfSufficiencyRatings: await ratingsAboutPerson(db, { personId: accountId }),
		measurementRequests: (
			await db.selectFrom('measurement_request').selectAll().where('person_id', '=', accountId).orderBy('created_at').execute()
		).map((r) => ({ instrument: r.instrument_id, repeatWeeks: r.repeat_weeks, dueDay: r.due_day, endedAt: r.ended_at, endReason: r.end_reason, createdAt: r.created_at })),
		// Only what was shared: a professional's own working notes are not part of the client's file (Dutch practice).
		conversationSummaries: (await listSharedSummaries(db, { actor })).map((s) => ({
			day: s.day,
			organisation: s.organisationName,
			by: s.authorName,
			summary: s.summary,
			sharedAt: s.sharedAt,
			seenAt: s.seenAt
		}))
	};
}

export async function describeAccountForDeletion(
	db: Kysely<Database>,
	options: { account: SignedInAccount }
): Promise<{ measurements: number; sessions: number; consents: number; memberships: number; clients: number; people: number; lastAdminOf: string[] }> {
	const count = async (table: 'measurement' | 'auth_session' | 'membership' | 'relation') => {
		const row = await db
			.selectFrom(table)
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.where('account_id', '=', options.account.id)
			.executeTakeFirstOrThrow();
		return Number(row.n);
	};
	const consents = await db
		.selectFrom('consent_grant')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('person_id', '=', options.account.id)
		.where('ended_at', 'is', null)
		.executeTakeFirstOrThrow();
	const clients = await db
		.selectFrom('consent_grant')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('professional_id', '=', options.account.id)
		.where('ended_at', 'is', null)
		.executeTakeFirstOrThrow();
	return {
		measurements: await count('measurement'),
		sessions: await count('auth_session'),
		consents: Number(consents.n),
		memberships: await count('membership'),
		clients: Number(clients.n),
		people: await count('relation'),
		lastAdminOf: await organisationsWithOnlyThisAdmin(db, options.account.id)
	};
}

/** An organisation always keeps an admin: its only admin hands the role on before leaving brug. */
async function organisationsWithOnlyThisAdmin(db: Kysely<Database>, accountId: string): Promise<string[]> {
	const rows = await db
		.selectFrom('membership as mine')
		.innerJoin('organisation', 'organisation.id', 'mine.organisation_id')
		.select('organisation.name')
		.where('mine.account_id', '=', accountId)
		.where('mine.role', '=', 'admin')
		.where(({ not, exists, selectFrom }) =>
			not(
				exists(
					selectFrom('membership as other')
						.select('other.id')
						.whereRef('other.organisation_id', '=', 'mine.organisation_id')
						.where('other.role', '=', 'admin')
						.where('other.account_id', '!=', accountId)
				)
			)
		)
		.orderBy('organisation.name')
		.execute();
	return rows.map((r) => r.name);
}

/** Deletes everything owned by the account; sessions, sign-in data and verification tokens go with it. */
export async function deleteAccount(
	db: Kysely<Database>,
	options: { account: SignedInAccount }
): Promise<{ ok: true } | { ok: false; reason: 'last_admin'; organisations: string[] }> {
	const { id, email } = options.account;
	const lastAdminOf = await organisationsWithOnlyThisAdmin(db, id);
	if (lastAdminOf.length > 0) return { ok: false, reason: 'last_admin', organisations: lastAdminOf };
	await db.transaction().execute(async (trx) => {
		await trx.deleteFrom('measurement').where('account_id', '=', id).execute();
		// Open e-mail verification or reset tokens name the address or the account.
		await trx.deleteFrom('auth_verification').where('identifier', 'in', [email, id]).execute();
		await trx.deleteFrom('auth_verification').where('value', '=', id).execute();
		// Invitations name an address, not an account.
		await trx.deleteFrom('organisation_invitation').where('email', '=', email.toLowerCase()).execute();
		await trx.deleteFrom('client_invitation').where('email', '=', email.toLowerCase()).execute();
		// As a professional: consent given to only them ends, and stays in each person's history without their name
		// (consent_grant.professional_id is set null); consent given to their team goes on for the colleagues.
		const now = new Date().toISOString();
		await trx
			.updateTable('consent_grant')
			.set({ ended_at: now, end_reason: 'professional_left' })
			.where('professional_id', '=', id)
			.where('audience', '=', 'professional')
			.where('ended_at', 'is', null)
			.execute();
		// auth_session, auth_credential, auth_two_factor, membership, consent_grant (as the person), client_invitation
		// (as professional) and api_token follow by ON DELETE CASCADE; audit events keep what happened but lose the
		// link to this account (ON DELETE SET NULL), as do grants, requests, ratings and notes this professional made.
		// Their open questionnaire requests end with them, for good, in every organisation and under any grant.
		await trx
			.updateTable('measurement_request')
			.set({ ended_at: now, end_reason: 'professional_left' })
			.where('professional_id', '=', id)
			.where('ended_at', 'is', null)
			.execute();
		await trx.deleteFrom('account').where('id', '=', id).execute();
	});
	return { ok: true };
}
