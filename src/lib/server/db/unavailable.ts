/**
 * Whether an error means "the database cannot be reached right now" rather than "this request is wrong": such a
 * request gets 503 with Retry-After (hooks.server.ts), not 500. Recognised by code, never by the query.
 * - PostgreSQL (pg): a refused, reset or timed-out connection; class 08 (connection exception); 57P01-57P03 (the
 *   server is shutting down, crashed or starting); 53300 (too many connections); pg's own "connection terminated"
 *   and "timeout exceeded when trying to connect".
 * - SQLite (better-sqlite3): SQLITE_BUSY, SQLITE_LOCKED, SQLITE_CANTOPEN, SQLITE_IOERR_*, SQLITE_FULL; and the
 *   handle that was closed (shutdown).
 */
const networkCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE']);
const postgresCodes = new Set(['57P01', '57P02', '57P03', '53300']);
const sqliteCodes = /^SQLITE_(BUSY|LOCKED|CANTOPEN|IOERR|FULL)(_|$)/;
const messages = [
	/^Connection terminated/,
	/timeout exceeded when trying to connect/,
	/Client has encountered a connection error and is not queryable/,
	/Cannot use a pool after calling end on the pool/,
	/The database connection is not open/
];

/** Retry-After for a 503: long enough for a restart or a fail-over, short enough for a person to try again. */
export const databaseRetryAfterSeconds = 30;

export function isDatabaseUnavailable(error: unknown): boolean {
	return causes(error).some((e) => {
		const code = typeof e.code === 'string' ? e.code : '';
		if (networkCodes.has(code) || postgresCodes.has(code) || code.startsWith('08') || sqliteCodes.test(code)) return true;
		return typeof e.message === 'string' && messages.some((pattern) => pattern.test(e.message as string));
	});
}

/** The error, its causes and, for an AggregateError (a refused connect to every address of a host), its errors. */
function causes(error: unknown, depth = 0): { code?: unknown; message?: unknown }[] {
	if (typeof error !== 'object' || error === null || depth > 5) return [];
	const e = error as { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown };
	const nested = Array.isArray(e.errors) ? e.errors.flatMap((inner) => causes(inner, depth + 1)) : [];
	return [e, ...causes(e.cause, depth + 1), ...nested];
}
