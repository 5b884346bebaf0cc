/**
 * Applies the numbered migrations in /migrations, forward only, all pending ones in one transaction.
 * Kysely's Migrator opens that transaction itself on PostgreSQL; its SQLite adapter declares no transactional
 * DDL, although SQLite has it, so there we wrap the whole run in a transaction of our own.
 */
import { sql, type Kysely } from 'kysely';
import { Migrator, type Migration, type MigrationResultSet } from 'kysely/migration';

const modules = import.meta.glob<Migration>('../../../../migrations/*.ts', { eager: true });

/** The migrations, keyed by file name without extension (e.g. "001-measurements"). */
export const migrations: Record<string, Migration> = Object.fromEntries(
	Object.entries(modules).map(([file, migration]) => [
		file.replace(/^.*\//, '').replace(/\.ts$/, ''),
		migration
	])
);

export class MigrationFailedError extends Error {
	constructor(
		readonly migrationName: string,
		cause: unknown
	) {
		super(`Database migration ${migrationName} failed: ${cause instanceof Error ? cause.message : String(cause)}`, {
			cause
		});
		this.name = 'MigrationFailedError';
	}
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function migrateToLatest(
	db: Kysely<any>,
	set: Record<string, Migration> = migrations
): Promise<MigrationResultSet> {
	if (db.getExecutor().adapter.supportsTransactionalDdl) return runMigrator(db, set);
	// One connection, so BEGIN … COMMIT covers everything the Migrator does on it.
	return db.connection().execute(async (connection) => {
		await sql`begin immediate`.execute(connection);
		try {
			const result = await runMigrator(connection, set);
			await sql`commit`.execute(connection);
			return result;
		} catch (error) {
			await sql`rollback`.execute(connection);
			throw error;
		}
	});
}

/** Throws on failure, so a surrounding transaction rolls back. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function runMigrator(db: Kysely<any>, set: Record<string, Migration>): Promise<MigrationResultSet> {
	const migrator = new Migrator({
		db,
		provider: { getMigrations: async () => set },
		migrationTableName: 'brug_migration',
		migrationLockTableName: 'brug_migration_lock'
	});
	const resultSet = await migrator.migrateToLatest();
	if (resultSet.error) {
		const failed = resultSet.results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
		throw new MigrationFailedError(failed, resultSet.error);
	}
	return resultSet;
}
