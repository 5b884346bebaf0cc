/**
 * Every column that holds text written with `encrypt`, declared in this one module, which loads with the crypto
 * module itself. Not in the feature's own module: SvelteKit loads those lazily, on the first request to a route that
 * uses them, so their declarations would not exist yet when the server re-encrypts at start (`reencryptOnStart`).
 *
 * Features write and read with `encrypt(text, encryptedColumns.journalBody.context(entry.id))` and `decrypt(…)`.
 * The context binds a ciphertext to its table, column and row, so a value copied elsewhere does not decrypt.
 */
import { registerEncryptedColumn, type EncryptedColumn } from './reencrypt';

function column(table: string, name: string): EncryptedColumn {
	return registerEncryptedColumn({ table, idColumn: 'id', column: name, context: (id) => `${table}.${name}:${id}` });
}

export const encryptedColumns = {
	journalBody: column('journal_entry', 'body'),
	journalWentWell: column('journal_entry', 'went_well'),
	thoughtSituation: column('thought_record', 'situation'),
	thoughtThought: column('thought_record', 'thought'),
	thoughtFactsFor: column('thought_record', 'facts_for'),
	thoughtFactsAgainst: column('thought_record', 'facts_against'),
	thoughtAlternative: column('thought_record', 'alternative'),
	thoughtSmallAction: column('thought_record', 'small_action'),
	kindMomentBody: column('kind_moment', 'body'),
	stepPlanNote: column('step_plan', 'note'),
	relationNickname: column('relation', 'nickname'),
	relationNote: column('relation', 'note'),
	plannedMomentPlace: column('planned_moment', 'place'),
	plannedMomentNote: column('planned_moment', 'note'),
	ratingNotes: column('self_sufficiency_rating', 'notes'),
	conversationNoteBody: column('conversation_note', 'body'),
	conversationNoteSummary: column('conversation_note', 'summary'),
	consentPersonName: column('consent_grant', 'person_name'),
	programmeWelcome: column('programme_enrolment', 'welcome'),
	programmeWentWell: column('programme_week', 'went_well'),
	programmeTried: column('programme_week', 'tried'),
	programmeTakeAway: column('programme_week', 'take_away'),
	programmePlanEarlySigns: column('programme_plan', 'early_signs'),
	programmePlanWhatHelps: column('programme_plan', 'what_helps'),
	programmePlanWhomToContact: column('programme_plan', 'whom_to_contact'),
	programmeMessageBody: column('programme_message', 'body'),
	groupCode: column('group_code', 'code'),
	groupCheckinLine: column('group_checkin', 'line'),
	groupNoteBody: column('group_note', 'body')
} as const;
