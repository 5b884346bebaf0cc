/**
 * Issue 6, second part: a professional's conversation notes about a client, and consent given to a whole
 * organisation (team) instead of one professional.
 * - `conversation_note`: belongs to the organisation and the client (DESIGN.md). The note and the summary shared with
 *   the client are encrypted (src/lib/server/crypto/columns.ts). `note_day` is a local date (YYYY-MM-DD).
 * - `consent_grant.audience`: 'professional' (only the professional who invited; the default, as before) or
 *   'organisation' (every professional of the grant's organisation). A change is a new grant, as for scopes.
 *   `consent_grant.professional_id` becomes nullable (set null when that account is deleted), see below.
 * Forward-only: never edit this file once released; add a new numbered migration instead.
 */
import { PostgresAdapter, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('conversation_note')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('organisation_id', 'text', (c) => c.notNull().references('organisation.id').onDelete('cascade'))
		.addColumn('person_id', 'text', (c) => c.notNull().references('account.id').onDelete('cascade'))
		/** Who wrote it; null once their account is gone (the note stays with the organisation). */
		.addColumn('professional_id', 'text', (c) => c.references('account.id').onDelete('set null'))
		/** The local day of the conversation. */
		.addColumn('note_day', 'text', (c) => c.notNull())
		/** Encrypted: the professional's own working note, never shown to the client. */
		.addColumn('body', 'text', (c) => c.notNull())
		/** Encrypted: what the client sees once it is shared; null without a summary. */
		.addColumn('summary', 'text')
		/** When the summary was shared with the client; null while it is not (or no longer) shared. */
		.addColumn('shared_at', 'text')
		/** When the client first opened the shared summary. */
		.addColumn('seen_at', 'text')
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex('conversation_note_person_idx')
		.on('conversation_note')
		.columns(['person_id', 'organisation_id', 'note_day'])
		.execute();
	await consentOutlivesProfessional(db);
}

/**
 * `consent_grant` gets `audience`, and `professional_id` becomes nullable with ON DELETE SET NULL (it cascaded): when
 * a professional deletes their account, the person's consent history stays, and a grant to the team keeps working.
 * SQLite cannot change a column's constraint, so there the table is rebuilt (nothing references consent_grant).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function consentOutlivesProfessional(db: Kysely<any>): Promise<void> {
	if (db.getExecutor().adapter instanceof PostgresAdapter) {
		await db.schema
			.alterTable('consent_grant')
			.addColumn('audience', 'text', (c) => c.notNull().defaultTo('professional'))
			.execute();
		await db.schema.alterTable('consent_grant').alterColumn('professional_id', (c) => c.dropNotNull()).execute();
		await db.schema.alterTable('consent_grant').dropConstraint('consent_grant_professional_id_fkey').execute();
		await db.schema
			.alterTable('consent_grant')
			.addForeignKeyConstraint('consent_grant_professional_id_fkey', ['professional_id'], 'account', ['id'], (c) => c.onDelete('set null'))
			.execute();
		return;
	}
	await db.schema
		.createTable('consent_grant_next')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('person_id', 'text', (c) => c.notNull().references('account.id').onDelete('cascade'))
		.addColumn('professional_id', 'text', (c) => c.references('account.id').onDelete('set null'))
		.addColumn('organisation_id', 'text', (c) => c.notNull().references('organisation.id').onDelete('cascade'))
		.addColumn('scopes', 'text', (c) => c.notNull())
		.addColumn('person_name', 'text', (c) => c.notNull())
		.addColumn('granted_at', 'text', (c) => c.notNull())
		.addColumn('ended_at', 'text')
		.addColumn('end_reason', 'text')
		.addColumn('previous_grant_id', 'text')
		.addColumn('audience', 'text', (c) => c.notNull().defaultTo('professional'))
		.execute();
	const columns = ['id', 'person_id', 'professional_id', 'organisation_id', 'scopes', 'person_name', 'granted_at', 'ended_at', 'end_reason', 'previous_grant_id'];
	await db
		.insertInto('consent_grant_next')
		.columns(columns)
		.expression((eb) => eb.selectFrom('consent_grant').select(columns))
		.execute();
	await db.schema.dropTable('consent_grant').execute();
	await db.schema.alterTable('consent_grant_next').renameTo('consent_grant').execute();
	await db.schema.createIndex('consent_grant_person_idx').on('consent_grant').column('person_id').execute();
	await db.schema.createIndex('consent_grant_professional_idx').on('consent_grant').column('professional_id').execute();
}
