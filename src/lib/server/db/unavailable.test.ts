import { describe, expect, it } from 'vitest';
import { isDatabaseUnavailable } from './unavailable';

const withCode = (code: string, message = 'x') => Object.assign(new Error(message), { code });

describe('isDatabaseUnavailable', () => {
	it('recognises a PostgreSQL server that is down, restarting or full', () => {
		for (const code of ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', '57P01', '57P02', '57P03', '53300', '08006', '08001']) {
			expect(isDatabaseUnavailable(withCode(code)), code).toBe(true);
		}
		expect(isDatabaseUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
		expect(isDatabaseUnavailable(new Error('timeout exceeded when trying to connect'))).toBe(true);
	});

	it('looks into causes and into the errors of an AggregateError', () => {
		const refused = new AggregateError([withCode('ECONNREFUSED'), withCode('ECONNREFUSED')], '');
		expect(isDatabaseUnavailable(refused)).toBe(true);
		expect(isDatabaseUnavailable(new Error('query failed', { cause: withCode('57P01') }))).toBe(true);
	});

	it('recognises a busy, locked, unopenable or closed SQLite database', () => {
		for (const code of ['SQLITE_BUSY', 'SQLITE_BUSY_TIMEOUT', 'SQLITE_LOCKED', 'SQLITE_CANTOPEN', 'SQLITE_IOERR_WRITE', 'SQLITE_FULL']) {
			expect(isDatabaseUnavailable(withCode(code)), code).toBe(true);
		}
		expect(isDatabaseUnavailable(new TypeError('The database connection is not open'))).toBe(true);
	});

	it('leaves errors of the request or the code alone', () => {
		for (const code of ['23505', '22P02', '42P01', 'SQLITE_CONSTRAINT_UNIQUE', 'SQLITE_ERROR', 'ERR_INVALID_ARG_TYPE']) {
			expect(isDatabaseUnavailable(withCode(code)), code).toBe(false);
		}
		expect(isDatabaseUnavailable(new TypeError("Cannot read properties of undefined (reading 'id')"))).toBe(false);
		expect(isDatabaseUnavailable('ECONNREFUSED')).toBe(false);
		expect(isDatabaseUnavailable(null)).toBe(false);
	});
});
