/**
 * Accounts and their sign-in data, in the shape better-auth reads and writes (src/lib/server/auth/auth.ts maps its
 * models and fields onto these names). No IP addresses: the session's ip_address stays null (tracking is off).
 * Forward-only: never edit this file once released; add a new numbered migration instead.
 */
import type { Kysely } from 'kysely';
import { nativeColumnTypes } from '../src/lib/server/db/portable-types';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	const { instant, boolean } = nativeColumnTypes(db);

	await db.schema
		.createTable('account')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('email', 'text', (c) => c.notNull().unique())
		.addColumn('email_verified', boolean, (c) => c.notNull())
		.addColumn('image', 'text')
		.addColumn('locale', 'text', (c) => c.notNull().defaultTo('nl'))
		.addColumn('two_factor_enabled', boolean)
		.addColumn('created_at', instant, (c) => c.notNull())
		.addColumn('updated_at', instant, (c) => c.notNull())
		.execute();

	await db.schema
		.createTable('auth_session')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('token', 'text', (c) => c.notNull().unique())
		.addColumn('account_id', 'text', (c) => c.notNull().references('account.id').onDelete('cascade'))
		.addColumn('expires_at', instant, (c) => c.notNull())
		.addColumn('ip_address', 'text')
		.addColumn('user_agent', 'text')
		.addColumn('created_at', instant, (c) => c.notNull())
		.addColumn('updated_at', instant, (c) => c.notNull())
		.execute();
	await db.schema.createIndex('auth_session_account_idx').on('auth_session').column('account_id').execute();

	await db.schema
		.createTable('auth_credential')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('account_id', 'text', (c) => c.notNull().references('account.id').onDelete('cascade'))
		.addColumn('provider_id', 'text', (c) => c.notNull())
		.addColumn('provider_account_id', 'text', (c) => c.notNull())
		.addColumn('password', 'text')
		.addColumn('access_token', 'text')
		.addColumn('refresh_token', 'text')
		.addColumn('id_token', 'text')
		.addColumn('access_token_expires_at', instant)
		.addColumn('refresh_token_expires_at', instant)
		.addColumn('scope', 'text')
		.addColumn('created_at', instant, (c) => c.notNull())
		.addColumn('updated_at', instant, (c) => c.notNull())
		.execute();
	await db.schema.createIndex('auth_credential_account_idx').on('auth_credential').column('account_id').execute();

	await db.schema
		.createTable('auth_verification')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('identifier', 'text', (c) => c.notNull())
		.addColumn('value', 'text', (c) => c.notNull())
		.addColumn('expires_at', instant, (c) => c.notNull())
		.addColumn('created_at', instant, (c) => c.notNull())
		.addColumn('updated_at', instant, (c) => c.notNull())
		.execute();
	await db.schema.createIndex('auth_verification_identifier_idx').on('auth_verification').column('identifier').execute();

	await db.schema
		.createTable('auth_two_factor')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('account_id', 'text', (c) => c.notNull().references('account.id').onDelete('cascade'))
		.addColumn('secret', 'text', (c) => c.notNull())
		.addColumn('backup_codes', 'text', (c) => c.notNull())
		.addColumn('verified', boolean)
		.addColumn('failed_verification_count', 'integer')
		.addColumn('locked_until', instant)
		.execute();
	await db.schema.createIndex('auth_two_factor_account_idx').on('auth_two_factor').column('account_id').execute();
}
