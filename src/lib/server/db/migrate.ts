/**
 * Applies the numbered migrations in /migrations, forward only, all pending ones in one transaction
 * (Kysely's Migrator does so on dialects with transactional DDL: SQLite and PostgreSQL both qualify).
 */
import { Migrator, type Kysely, type Migration, type MigrationResultSet } from 'kysely';

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
export async function migrateToLatest(db: Kysely<any>): Promise<MigrationResultSet> {
	const migrator = new Migrator({
		db,
		provider: { getMigrations: async () => migrations },
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
