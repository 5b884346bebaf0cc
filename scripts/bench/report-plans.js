/**
 * The plans of the report's queries, for scripts/bench-reports.js: runs the reports feature's own `loadReportData`
 * (src/lib/features/reports/report-data.server.ts, loaded through Vite as the app loads it) once per measured report
 * on its own Kysely instance that records every query with its parameters and time, then asks the database for each
 * query's plan: EXPLAIN (ANALYZE, BUFFERS) on PostgreSQL, EXPLAIN QUERY PLAN on SQLite.
 *   explainReports(target, reports)   one text block per report and query: the time it took and its plan
 *   buildReportUnits(target)          the feature's own `refreshReportUnits` over everything the seed marked, as the
 *                                     first report read after those writes would run it: { marks, ms }
 */
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import { createServer } from 'vite';

/** Queries slower than this (BENCH_PLANS_ANALYZE_MS, default 15 s) get EXPLAIN without ANALYZE. */
const slowQueryMs = Number(process.env.BENCH_PLANS_ANALYZE_MS ?? 15_000);

/**
 * What a report covers (ReportScope in report-data.server.ts), from its outcome_report row as reports.server.ts reads it.
 * @typedef {{ organisationId: string, kind: string, programmeId: string | null, groupIds: string[], periodFrom: string | null, periodTo: string | null }} Scope
 */

/** @param {Record<string, any>} row @returns {Scope} */
const scopeOf = (row) => ({
	organisationId: String(row.organisation_id),
	kind: String(row.kind),
	programmeId: row.programme_id ?? null,
	groupIds: JSON.parse(String(row.group_ids ?? '[]')),
	periodFrom: row.period_from ?? null,
	periodTo: row.period_to ?? null
});

/** @param {import('./report-seed.js').Target} target */
function openDatabase(target, readonly = true) {
	if (target.kind === 'sqlite') {
		const database = new SQLite(target.file, { readonly });
		return { dialect: new SqliteDialect({ database }), explain: async (/** @type {string} */ text, /** @type {readonly unknown[]} */ values) =>
			database.prepare(`explain query plan ${text}`).all(...values).map((/** @type {any} */ row) => `${row.parent === 0 ? '' : '  '}${row.detail}`) };
	}
	// JIT off, as the app's own pool (src/lib/server/db/client.ts).
	const pool = new pg.Pool({ connectionString: target.url, max: 2, options: '-c jit=off' });
	return { dialect: new PostgresDialect({ pool }), explain: async (/** @type {string} */ text, /** @type {readonly unknown[]} */ values, /** @type {boolean} */ analyze) =>
		(await pool.query(`explain ${analyze ? '(analyze, buffers) ' : ''}${text}`, [...values])).rows.map((row) => String(row['QUERY PLAN'])) };
}

/** @returns {Promise<import('vite').ViteDevServer>} */
const loader = () =>
	createServer({
		logLevel: 'error',
		server: { middlewareMode: true, hmr: false, watch: null },
		optimizeDeps: { noDiscovery: true, include: [] },
		appType: 'custom'
	});

/**
 * @param {import('./report-seed.js').Target} target
 * @returns {Promise<{ marks: number, ms: number }>}
 */
export async function buildReportUnits(target) {
	const vite = await loader();
	const { dialect } = openDatabase(target, false);
	const db = new Kysely({ dialect });
	try {
		const { refreshReportUnits } = await vite.ssrLoadModule('/src/lib/features/reports/report-unit-refresh.server.ts');
		const started = performance.now();
		const marks = await refreshReportUnits(db);
		const ms = Math.round(performance.now() - started);
		// As autovacuum would after such a load.
		if (target.kind === 'postgres') await sql`analyze report_unit, report_stale`.execute(db);
		return { marks, ms };
	} finally {
		await db.destroy();
		await vite.close();
	}
}

/**
 * @param {import('./report-seed.js').Target} target
 * @param {Array<{ label: string, reportIds: string[], filter: { from: string | null, to: string | null, setting: string } }>} reports
 * @returns {Promise<string[]>}
 */
export async function explainReports(target, reports) {
	const vite = await loader();
	const { dialect, explain } = openDatabase(target);
	/** @type {Array<{ sql: string, parameters: readonly unknown[], ms: number }>} */
	const captured = [];
	const db = new Kysely({
		dialect,
		log: (event) => {
			if (event.level === 'query') captured.push({ sql: event.query.sql, parameters: event.query.parameters, ms: event.queryDurationMillis });
		}
	});
	/** @type {string[]} */
	const out = [];
	try {
		const { loadReportData } = await vite.ssrLoadModule('/src/lib/features/reports/report-data.server.ts');
		for (const report of reports) {
			const rows = await db.selectFrom('outcome_report').selectAll().where('id', 'in', report.reportIds).execute();
			captured.length = 0;
			const started = performance.now();
			try {
				await loadReportData(db, rows.map(scopeOf), report.filter);
			} catch (error) {
				out.push(`== ${report.label}: loadReportData failed: ${error instanceof Error ? error.message : String(error)}`);
				continue;
			}
			const total = Math.round(performance.now() - started);
			const queries = captured.filter((q) => !/from "outcome_report"/.test(q.sql));
			out.push(`== ${report.label}: loadReportData ${total} ms, ${queries.length} queries`);
			for (const [i, q] of queries.entries()) {
				// A query of minutes gets its estimated plan only: ANALYZE would run it once more.
				const analyze = q.ms < slowQueryMs;
				out.push(`-- query ${i + 1} (${Math.round(q.ms)} ms in loadReportData${analyze ? '' : '; plan without ANALYZE'}): ${q.sql.replace(/\s+/g, ' ').slice(0, 160)}…`);
				for (const line of await explain(q.sql, q.parameters, analyze)) out.push(`   ${line}`);
			}
		}
	} finally {
		await db.destroy();
		await vite.close();
	}
	return out;
}
