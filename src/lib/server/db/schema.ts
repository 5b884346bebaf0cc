/**
 * Table types for Kysely. Both databases store the same shapes: ids and instants as text
 * (ISO 8601, UTC), JSON as text, booleans as integers — see docs/decisions/002-portable-columns.md.
 */
import type { Generated } from 'kysely';

export interface MeasurementTable {
	id: string;
	instrument_id: string;
	instrument_version: string;
	/** Version of brug's scoring rules that computed the scores below; scores are recomputable from answers. */
	scoring_version: number;
	/** JSON object: item number → option id. */
	answers: string;
	total: number | null;
	emotional: number | null;
	social: number | null;
	band: string | null;
	taken_at: string;
	/** Null for an anonymous result, reachable only through its token. */
	account_id: string | null;
	/** SHA-256 of the personal result token; the token itself is never stored. */
	access_token_hash: string | null;
}

/** A person who signs in (better-auth's "user"); roles come from memberships, not from here. */
export interface AccountTable {
	id: string;
	name: string;
	email: string;
	email_verified: boolean | number;
	image: string | null;
	locale: string;
	two_factor_enabled: boolean | number | null;
	created_at: Date | string;
	updated_at: Date | string;
}

export interface AuthSessionTable {
	id: string;
	token: string;
	account_id: string;
	expires_at: Date | string;
	/** Always empty: IP tracking is off. */
	ip_address: string | null;
	user_agent: string | null;
	created_at: Date | string;
	updated_at: Date | string;
}

export interface AuthCredentialTable {
	id: string;
	account_id: string;
	provider_id: string;
	provider_account_id: string;
	/** argon2id hash. */
	password: string | null;
	access_token: string | null;
	refresh_token: string | null;
	id_token: string | null;
	access_token_expires_at: Date | string | null;
	refresh_token_expires_at: Date | string | null;
	scope: string | null;
	created_at: Date | string;
	updated_at: Date | string;
}

export interface AuthVerificationTable {
	id: string;
	identifier: string;
	value: string;
	expires_at: Date | string;
	created_at: Date | string;
	updated_at: Date | string;
}

export interface AuthTwoFactorTable {
	id: string;
	account_id: string;
	secret: string;
	backup_codes: string;
	verified: boolean | number | null;
	failed_verification_count: number | null;
	locked_until: Date | string | null;
	/** The last time step (Unix seconds / 30) whose app code was accepted: no code of it or before is taken again. */
	last_used_step: number | null;
}

/** 'funder': a municipality that reads the outcome reports organisations share with it. */
export type OrganisationKind = 'welfare' | 'practice' | 'municipality_team' | 'funder';
/** 'report_reader': a manager or policy officer who reads the organisation's outcome reports (aggregates only). */
export type MembershipRole = 'professional' | 'admin' | 'report_reader';
/** Whom a consent grant lets in: the one professional, or every professional of the organisation (a team). */
export type ConsentAudience = 'professional' | 'organisation' | 'group';

export interface OrganisationTable {
	id: string;
	name: string;
	kind: OrganisationKind;
	created_at: string;
}

/** An account's role in an organisation; an account may hold both roles, each as its own row. */
export interface MembershipTable {
	id: string;
	organisation_id: string;
	account_id: string;
	role: MembershipRole;
	created_at: string;
}

/** An e-mailed invitation to join an organisation; deleted once accepted or revoked. */
export interface OrganisationInvitationTable {
	id: string;
	organisation_id: string;
	email: string;
	role: MembershipRole;
	/** SHA-256 of the token in the mailed link. */
	token_hash: string;
	invited_by: string | null;
	created_at: string;
	expires_at: string;
}

/** A professional's invitation to a person: a short code, optionally mailed; deleted once used or revoked. */
export interface ClientInvitationTable {
	id: string;
	professional_id: string;
	organisation_id: string;
	email: string | null;
	/** SHA-256 of the normalised code. */
	code_hash: string;
	created_at: string;
	expires_at: string;
}

/**
 * Consent from a person to a professional (within an organisation). Never edited in place: a change of scopes ends
 * the grant ('changed') and starts a new one that points back to it; withdrawing ends it ('withdrawn').
 */
export interface ConsentGrantTable {
	id: string;
	person_id: string;
	/** Null once that professional's account is deleted: the person's history stays, a team grant keeps working. */
	professional_id: string | null;
	organisation_id: string;
	/** JSON array of scope ids. */
	scopes: string;
	/** 'professional': only professional_id; 'organisation': every professional of organisation_id. */
	audience: Generated<ConsentAudience>;
	/** The name the person chose for the professional, encrypted (may be an encrypted empty text). */
	person_name: string;
	granted_at: string;
	ended_at: string | null;
	end_reason: string | null;
	previous_grant_id: string | null;
	/** Audience 'group': the group whose leaders it lets in (migration 012). */
	group_id: Generated<string | null>;
}

/** Append-only. Links to a deleted account or organisation become null (ON DELETE SET NULL). */
export interface AuditEventTable {
	id: string;
	at: string;
	actor_id: string | null;
	organisation_id: string | null;
	subject_id: string | null;
	action: string;
	/** What was read or changed, e.g. a scope or an invitation id; never personal data. */
	object: string | null;
}

/** A personal API token; only its SHA-256 hash is kept. */
export interface ApiTokenTable {
	id: string;
	account_id: string;
	label: string;
	token_hash: string;
	created_at: string;
	last_used_at: string | null;
	expires_at: string;
}

/** Free text columns hold ciphertext (encrypt/decrypt with the context in crypto/columns.ts). */
export interface JournalEntryTable {
	id: string;
	account_id: string;
	/** Local date, YYYY-MM-DD. */
	day: string;
	mood: number;
	body: string | null;
	went_well: string | null;
	/** 1 when marked "bespreek dit". */
	discuss: number;
	created_at: string;
	updated_at: string;
}

export interface ThoughtRecordTable {
	id: string;
	account_id: string;
	day: string;
	situation: string;
	thought: string;
	/** 0–100. */
	belief_before: number;
	facts_for: string | null;
	facts_against: string | null;
	alternative: string | null;
	belief_after: number | null;
	small_action: string | null;
	discuss: number;
	created_at: string;
	updated_at: string;
}

export interface KindMomentTable {
	id: string;
	account_id: string;
	day: string;
	body: string;
	created_at: string;
}

export interface StepPlanTable {
	id: string;
	account_id: string;
	step_id: string;
	planned_day: string;
	done_at: string | null;
	how_it_went: number | null;
	note: string | null;
	created_at: string;
}

export interface ExerciseDoneTable {
	id: string;
	account_id: string;
	exercise_id: string;
	day: string;
	created_at: string;
}

export interface RelationTable {
	id: string;
	account_id: string;
	/** Encrypted. */
	nickname: string;
	circle: string;
	/** JSON array of ContactBring ids. */
	brings: string;
	rhythm: string;
	note: string | null;
	added_day: string;
	created_at: string;
	updated_at: string;
}

export interface PlannedMomentTable {
	id: string;
	account_id: string;
	relation_id: string;
	kind: string;
	day: string;
	time: string;
	place: string | null;
	note: string | null;
	closed_at: string | null;
	happened: number | null;
	created_at: string;
	updated_at: string;
}

export interface ContactMomentTable {
	id: string;
	account_id: string;
	relation_id: string;
	kind: string;
	day: string;
	feeling: number;
	planned_moment_id: string | null;
	created_at: string;
}

export interface CalendarTokenTable {
	id: string;
	account_id: string;
	token_hash: string;
	locale: string;
	created_at: string;
	last_used_at: string | null;
}

export interface MeasurementRequestTable {
	id: string;
	organisation_id: string;
	professional_id: string | null;
	person_id: string;
	instrument_id: string;
	repeat_weeks: number | null;
	due_day: string;
	ended_at: string | null;
	end_reason: string | null;
	last_measurement_id: string | null;
	created_at: string;
	/** The group session (its first or last) that asked for it, so outcome reports can pair them. */
	group_session_id: string | null;
}

export interface HealthWebTable {
	id: string;
	account_id: string;
	/** JSON object: dimension → 0–10. */
	scores: string;
	/** JSON array of dimensions. */
	discuss: string;
	taken_at: string;
}

export interface SelfSufficiencyRatingTable {
	id: string;
	organisation_id: string;
	person_id: string;
	professional_id: string | null;
	/** JSON object: domain → { level, source }. */
	levels: string;
	/** Encrypted JSON object: domain → note. */
	notes: string | null;
	rated_at: string;
}

/** A professional's conversation note about a client; body and summary encrypted. */
export interface ConversationNoteTable {
	id: string;
	organisation_id: string;
	person_id: string;
	professional_id: string | null;
	note_day: string;
	body: string;
	summary: string | null;
	shared_at: string | null;
	seen_at: string | null;
	created_at: string;
	updated_at: string;
}

/** One abuse-limit window: how many attempts a hashed key made in it (migration 008). */
export interface AttemptCounterTable {
	key_hash: string;
	window_ends_at: string;
	attempts: number;
}

/** The one-time setup token of a fresh install; the token is derived from `nonce`, never stored. */
export interface SetupTokenTable {
	id: string;
	nonce: string;
	created_at: string;
	used_at: string | null;
}

/** One keyed job, kept after it ends so its key never runs again (migrations/009-jobs.ts). */
export interface JobTable {
	id: string;
	kind: string;
	/** SHA-256 of the key, hex. */
	key_hash: string;
	/** JSON of ids; null once the job ended, and always on PostgreSQL (pg-boss holds it there). */
	payload: string | null;
	state: 'queued' | 'running' | 'done' | 'failed' | 'cancelled';
	run_at: string;
	attempts: number;
	max_attempts: number;
	locked_until: string | null;
	created_at: string;
	finished_at: string | null;
}

/** Columns written by better-auth hold native Dates and booleans on PostgreSQL, text and 0/1 on SQLite. */
/** A person in one version of the eight-week programme (migrations/011-programme.ts). */
export interface ProgrammeEnrolmentTable {
	id: string;
	account_id: string;
	programme_id: string;
	programme_version: number;
	/** Local day (YYYY-MM-DD) it was made. */
	created_day: string;
	/** Local day week 0 was first opened; weeks unlock on whole days from here. */
	start_day: string | null;
	started_by: string;
	starter_id: string | null;
	organisation_id: string | null;
	/** Encrypted: the professional's welcome line. */
	welcome: string | null;
	state: string;
	paused_since: string | null;
	paused_days: number;
	ended_at: string | null;
	reminder_choice: string;
	reminders_stopped_at: string | null;
	created_at: string;
	/** The group whose session days open the weeks, instead of the start day. */
	group_id: string | null;
}

export interface ProgrammeWeekTable {
	id: string;
	enrolment_id: string;
	/** 0–8; 9 is the follow-up. */
	week: number;
	opened_at: string | null;
	exercise_done_at: string | null;
	step_done_at: string | null;
	/** Encrypted check-in answers. */
	went_well: string | null;
	tried: string | null;
	take_away: string | null;
	checkin_at: string | null;
	checkin_shared: boolean | number;
	discuss_first: boolean | number;
	discussed_at: string | null;
	discussed_by: string | null;
}

export interface ProgrammeMeasurementTable {
	enrolment_id: string;
	/** pre, post or follow_up. */
	moment: string;
	measurement_id: string;
}

export interface ProgrammePlanTable {
	id: string;
	account_id: string;
	enrolment_id: string | null;
	/** Encrypted. */
	early_signs: string | null;
	what_helps: string | null;
	whom_to_contact: string | null;
	/** JSON array of small-step ids. */
	restart_steps: string;
	created_at: string;
	updated_at: string;
}

export interface ProgrammeMessageTable {
	id: string;
	enrolment_id: string;
	author_id: string | null;
	organisation_id: string | null;
	/** Encrypted. */
	body: string;
	created_at: string;
}

export interface ProgrammeReminderTable {
	id: string;
	enrolment_id: string;
	day: string;
	kind: string;
	week: number;
	sent_at: string;
	acted_at: string | null;
}

/** Group trainings (migrations/012-group-trainings.ts). */
export type GroupSessionStatus = 'planned' | 'held' | 'cancelled';
export type AttendanceStatus = 'expected' | 'present' | 'late' | 'excused' | 'absent' | 'stopped';

export interface GroupTrainingTable {
	id: string;
	organisation_id: string;
	name: string;
	programme_id: string | null;
	programme_version: number | null;
	capacity: number;
	/** Sessions attended (present or late) to count as completed. */
	complete_after: number;
	created_by: string | null;
	created_at: string;
	archived_at: string | null;
}

export interface GroupLeaderTable {
	group_id: string;
	account_id: string;
}

export interface GroupSessionTable {
	id: string;
	group_id: string;
	/** Local day YYYY-MM-DD. */
	day: string;
	/** Local time HH:MM. */
	starts_at: string;
	ends_at: string;
	place: string | null;
	video_url: string | null;
	status: GroupSessionStatus;
	is_return: number;
	/** Rises with every change participants are told about (iCalendar SEQUENCE). */
	sequence: Generated<number>;
	held_at: string | null;
	updated_at: string;
}

export interface GroupCodeTable {
	id: string;
	group_id: string;
	/** SHA-256 of the normalised code, hex. */
	code_hash: string;
	/** Encrypted, so a leader can print it again. */
	code: string;
	created_by: string | null;
	created_at: string;
	expires_at: string;
	revoked_at: string | null;
}

export interface GroupParticipantTable {
	id: string;
	group_id: string;
	account_id: string;
	grant_id: string;
	joined_at: string;
	left_at: string | null;
	share_checkins: number;
	reminders: 'day_before' | 'none';
}

export interface GroupAttendanceTable {
	session_id: string;
	participant_id: string;
	status: AttendanceStatus;
	excused_by_person: number;
	recorded_by: string | null;
	recorded_at: string;
}

export interface GroupCheckinTable {
	session_id: string;
	participant_id: string;
	id: string;
	welcome: number;
	enjoyed: number;
	come_again: number;
	/** Encrypted, optional line for the leaders. */
	line: string | null;
	created_at: string;
}

export interface GroupNoteTable {
	id: string;
	session_id: string;
	participant_id: string;
	author_id: string | null;
	/** Encrypted. */
	body: string;
	created_at: string;
	updated_at: string;
}

export interface GroupMailTable {
	participant_id: string;
	key: string;
	sent_at: string;
}

/** Outcome reports (migrations/014-outcome-reports.ts). */
export interface ReportConsentTable {
	id: string;
	person_id: string;
	organisation_id: string;
	granted_at: string;
	ended_at: string | null;
}

export type OutcomeReportKind = 'programme' | 'groups' | 'period';

export interface OutcomeReportTable {
	id: string;
	organisation_id: string;
	title: string;
	kind: OutcomeReportKind;
	programme_id: string | null;
	/** JSON array of group ids; empty: all the organisation's groups. */
	group_ids: Generated<string>;
	period_from: string | null;
	period_to: string | null;
	scale_sd: number;
	reliability: number;
	created_by: string | null;
	created_at: string;
	updated_at: string;
}

export interface OutcomeReportShareTable {
	report_id: string;
	funder_id: string;
	shared_by: string | null;
	shared_at: string;
}

/** The demo marker (migrations/015-demo-marker.ts): a row only in a database `npm run demo` filled. */
export interface DemoInstallationTable {
	id: string;
	made_at: string;
	/** JSON array of the account ids the demo made. */
	account_ids: string;
}

/**
 * One programme enrolment that started or one group participation, kept ready for outcome reports
 * (migrations/016-report-units.ts): never read per person, only grouped, and only with the person's report consent.
 */
export interface ReportUnitTable {
	unit_id: string;
	enrolment_id: string | null;
	participant_id: string | null;
	organisation_id: string | null;
	person_id: string;
	programme_id: string | null;
	group_id: string | null;
	start_day: string | null;
	joined_at: string | null;
	completed: number;
	before_id: string | null;
	after_id: string | null;
	follow_id: string | null;
	be: number | null;
	bs: number | null;
	ae: number | null;
	a_s: number | null;
	ft: number | null;
	/** Sessions held that the person's participation in `group_id` attended, and held while they were in; null without one. */
	attended: number | null;
	expected: number | null;
}

/** A change the report units have not taken in yet (triggers add rows; a report read rebuilds and removes them). */
export interface ReportStaleTable {
	id: Generated<number>;
	enrolment_id: string | null;
	group_id: string | null;
	taken: Generated<number>;
}

export interface Database {
	measurement: MeasurementTable;
	account: AccountTable;
	auth_session: AuthSessionTable;
	auth_credential: AuthCredentialTable;
	auth_verification: AuthVerificationTable;
	auth_two_factor: AuthTwoFactorTable;
	organisation: OrganisationTable;
	membership: MembershipTable;
	organisation_invitation: OrganisationInvitationTable;
	client_invitation: ClientInvitationTable;
	consent_grant: ConsentGrantTable;
	audit_event: AuditEventTable;
	api_token: ApiTokenTable;
	journal_entry: JournalEntryTable;
	thought_record: ThoughtRecordTable;
	kind_moment: KindMomentTable;
	step_plan: StepPlanTable;
	exercise_done: ExerciseDoneTable;
	relation: RelationTable;
	planned_moment: PlannedMomentTable;
	contact_moment: ContactMomentTable;
	calendar_token: CalendarTokenTable;
	measurement_request: MeasurementRequestTable;
	health_web: HealthWebTable;
	self_sufficiency_rating: SelfSufficiencyRatingTable;
	conversation_note: ConversationNoteTable;
	attempt_counter: AttemptCounterTable;
	setup_token: SetupTokenTable;
	job: JobTable;
	programme_enrolment: ProgrammeEnrolmentTable;
	programme_week: ProgrammeWeekTable;
	programme_measurement: ProgrammeMeasurementTable;
	programme_plan: ProgrammePlanTable;
	programme_message: ProgrammeMessageTable;
	programme_reminder: ProgrammeReminderTable;
	group_training: GroupTrainingTable;
	group_leader: GroupLeaderTable;
	group_session: GroupSessionTable;
	group_code: GroupCodeTable;
	group_participant: GroupParticipantTable;
	group_attendance: GroupAttendanceTable;
	group_checkin: GroupCheckinTable;
	group_note: GroupNoteTable;
	group_mail: GroupMailTable;
	report_consent: ReportConsentTable;
	outcome_report: OutcomeReportTable;
	outcome_report_share: OutcomeReportShareTable;
	demo_installation: DemoInstallationTable;
	report_unit: ReportUnitTable;
	report_stale: ReportStaleTable;
}
