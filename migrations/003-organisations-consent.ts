/**
 * Organisations and their people, consent from a person to a professional, the audit log, and personal API tokens.
 * brug's own tables: text ids and ISO-8601 instants on both databases (docs/decisions/002-portable-columns.md).
 * Forward-only: never edit this file once released; add a new numbered migration instead.
 */
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('organisation')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('kind', 'text', (c) => c.notNull())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.execute();

	await db.schema
		.createTable('membership')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('organisation_id', 'text', (c) => c.notNull().references('organisation.id').onDelete('cascade'))
		.addColumn('account_id', 'text', (c) => c.notNull().references('account.id').onDelete('cascade'))
		.addColumn('role', 'text', (c) => c.notNull())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addUniqueConstraint('membership_unique', ['organisation_id', 'account_id', 'role'])
		.execute();
	await db.schema.createIndex('membership_account_idx').on('membership').column('account_id').execute();

	await db.schema
		.createTable('organisation_invitation')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('organisation_id', 'text', (c) => c.notNull().references('organisation.id').onDelete('cascade'))
		.addColumn('email', 'text', (c) => c.notNull())
		.addColumn('role', 'text', (c) => c.notNull())
		.addColumn('token_hash', 'text', (c) => c.notNull().unique())
		.addColumn('invited_by', 'text', (c) => c.references('account.id').onDelete('set null'))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('expires_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('organisation_invitation_org_idx').on('organisation_invitation').column('organisation_id').execute();

	await db.schema
		.createTable('client_invitation')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('professional_id', 'text', (c) => c.notNull().references('account.id').onDelete('cascade'))
		.addColumn('organisation_id', 'text', (c) => c.notNull().references('organisation.id').onDelete('cascade'))
		.addColumn('email', 'text')
		.addColumn('code_hash', 'text', (c) => c.notNull().unique())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('expires_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('client_invitation_professional_idx').on('client_invitation').column('professional_id').execute();

	await db.schema
		.createTable('consent_grant')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('person_id', 'text', (c) => c.notNull().references('account.id').onDelete('cascade'))
		.addColumn('professional_id', 'text', (c) => c.notNull().references('account.id').onDelete('cascade'))
		.addColumn('organisation_id', 'text', (c) => c.notNull().references('organisation.id').onDelete('cascade'))
		/** JSON array of scope ids, sorted. */
		.addColumn('scopes', 'text', (c) => c.notNull())
		/** How the person wants to be named to this professional; empty means their e-mail address. */
		.addColumn('person_name', 'text', (c) => c.notNull())
		.addColumn('granted_at', 'text', (c) => c.notNull())
		.addColumn('ended_at', 'text')
		.addColumn('end_reason', 'text')
		.addColumn('previous_grant_id', 'text')
		.execute();
	await db.schema.createIndex('consent_grant_person_idx').on('consent_grant').column('person_id').execute();
	await db.schema.createIndex('consent_grant_professional_idx').on('consent_grant').column('professional_id').execute();

	await db.schema
		.createTable('audit_event')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('at', 'text', (c) => c.notNull())
		.addColumn('actor_id', 'text', (c) => c.references('account.id').onDelete('set null'))
		.addColumn('organisation_id', 'text', (c) => c.references('organisation.id').onDelete('set null'))
		.addColumn('subject_id', 'text', (c) => c.references('account.id').onDelete('set null'))
		.addColumn('action', 'text', (c) => c.notNull())
		.addColumn('object', 'text')
		.execute();
	await db.schema.createIndex('audit_event_subject_idx').on('audit_event').columns(['subject_id', 'at']).execute();
	await db.schema.createIndex('audit_event_organisation_idx').on('audit_event').columns(['organisation_id', 'at']).execute();

	await db.schema
		.createTable('api_token')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('account_id', 'text', (c) => c.notNull().references('account.id').onDelete('cascade'))
		.addColumn('label', 'text', (c) => c.notNull())
		.addColumn('token_hash', 'text', (c) => c.notNull().unique())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('last_used_at', 'text')
		.addColumn('expires_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('api_token_account_idx').on('api_token').column('account_id').execute();
}
