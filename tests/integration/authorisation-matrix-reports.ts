/**
 * Authorisation matrix entries: outcome reports. The (reports) pages let in admins and report readers of any
 * organisation with two-step sign-in on; persons and professionals get 403. Organisation A's reports are read, made
 * and changed by A's admin (`ownAdmin`) and report reader (`reportReader`); only the admin shares. An admin or reader
 * of another organisation (`otherAdmin`, `funder`) is refused A's list (403) and finds none of A's reports (404), so
 * report ids cannot be probed. The funder (`funder`, report reader of F) reads what A and B shared with F, one by one
 * and combined, only on F's pages, and gets 404 on A's report that was not shared. Actions are sent with empty forms
 * (a validation failure when let in), except deleting, which each role tries on a new report of its own. On the API,
 * a 404 counts as let in (authorisation-matrix.ts); report-privacy.test.ts checks the answers themselves.
 */
import { nobodysEntry, type Expectations, type MatrixEntry } from './authorisation-matrix-presets';
import type { Seed } from './role-fixtures';

/** The (reports) layout: admins and report readers of any organisation. */
const readersLayout: Expectations = {
	anonymous: 'sign-in',
	person: 'forbidden',
	otherPerson: 'forbidden',
	linkedProfessional: 'forbidden',
	unlinkedProfessional: 'forbidden',
	otherAdmin: 'allow',
	ownAdmin: 'allow',
	groupLeader: 'forbidden',
	groupMate: 'forbidden',
	reportReader: 'allow',
	funder: 'allow'
};
/** A's list of reports and a new one: its admin and report reader. */
const listA: Expectations = { ...readersLayout, otherAdmin: 'forbidden', funder: 'forbidden' };
/** One of A's reports: its admin and report reader; to anyone else it is not there. */
const readA: Expectations = { ...readersLayout, otherAdmin: 'not-found', funder: 'not-found' };
/** Form actions run without the layout: the use-case refuses by itself, 401 without an account. */
const changeA: Expectations = { ...readA, anonymous: 'unauthenticated' };
/** Sharing: A's admin only. */
const shareA: Expectations = { ...changeA, reportReader: 'forbidden' };
/** F's pages: its members only; an admin or reader elsewhere finds nothing. */
const funderPage: Expectations = { ...readersLayout, otherAdmin: 'not-found', ownAdmin: 'not-found', reportReader: 'not-found' };
/** CSV files are endpoints, not pages: no sign-in redirect, but 401 without an account (as the client's metingen.csv). */
const csv = (expect: Expectations): Expectations => ({ ...expect, anonymous: 'unauthenticated' });
/** The API: 401 without an account, 403 for persons and professionals, a 404 counts as let in. */
const readersApi: Expectations = { ...readersLayout, anonymous: 'unauthenticated' };

const reports = (s: Seed, rest = '') => `/nl/organisatie/${s.organisationA}/rapporten${rest}`;
const report = (s: Seed, id: string, rest = '') => reports(s, `/${id}${rest}`);
const funder = (s: Seed, rest: string) => `/nl/financier/${s.funderId}${rest}`;
const get = (route: string, path: (s: Seed) => string, expect: Expectations, variant?: string): MatrixEntry => ({ route, operation: 'GET', variant, request: (s) => ({ path: path(s) }), expect });

const listRoute = '/(reports)/organisatie/[id]/rapporten';
const newRoute = `${listRoute}/nieuw`;
const reportRoute = `${listRoute}/[reportId]`;
const editRoute = `${reportRoute}/bewerken`;
const csvRoute = `${reportRoute}/csv`;
const funderReportRoute = '/(reports)/financier/[funderId]/[reportId]';
const combinedRoute = '/(reports)/financier/[funderId]/samen';

export const reportsMatrix: MatrixEntry[] = [
	get(listRoute, (s) => reports(s), listA),
	get(newRoute, (s) => reports(s, '/nieuw'), listA),
	{ route: newRoute, operation: '?/save', request: (s) => ({ path: reports(s, '/nieuw'), form: {} }), expect: { ...listA, anonymous: 'unauthenticated' }, unchangedWhenRefused: 'outcome_report' },
	// A funder reads a shared report on F's pages only: under A's address it is not there for them either.
	get(reportRoute, (s) => report(s, s.reports.shared), readA),
	get(reportRoute, (s) => report(s, s.reports.unshared), readA, 'a report not shared'),
	// A report of B under A's path is nobody's report there.
	get(reportRoute, (s) => report(s, s.reports.sharedB), { ...readA, ownAdmin: 'not-found', reportReader: 'not-found' }, "another organisation's report"),
	{ route: reportRoute, operation: '?/share', request: (s) => ({ path: report(s, s.reports.unshared), form: {} }), expect: shareA, unchangedWhenRefused: 'outcome_report_share' },
	// The funder reaches the shared report, but may not stop the sharing.
	{ route: reportRoute, operation: '?/unshare', request: (s) => ({ path: report(s, s.reports.shared), form: {} }), expect: { ...shareA, funder: 'forbidden' }, unchangedWhenRefused: 'outcome_report_share' },
	get(editRoute, (s) => report(s, s.reports.unshared, '/bewerken'), readA),
	{ route: editRoute, operation: '?/save', request: (s) => ({ path: report(s, s.reports.unshared, '/bewerken'), form: {} }), expect: changeA },
	{ route: editRoute, operation: '?/delete', request: async (s) => ({ path: report(s, await s.newReportId(), '/bewerken'), form: {} }), expect: changeA, unchangedWhenRefused: 'outcome_report' },
	get(csvRoute, (s) => report(s, s.reports.shared, '/csv'), csv(readA)),
	get(csvRoute, (s) => report(s, nobodysEntry, '/csv'), csv({ ...readA, ownAdmin: 'not-found', reportReader: 'not-found' }), 'a report of nobody'),

	// The funder's side. Readers who read for no funder get an empty overview.
	get('/(reports)/financier', () => '/nl/financier', readersLayout),
	get(funderReportRoute, (s) => funder(s, `/${s.reports.shared}`), funderPage),
	get(funderReportRoute, (s) => funder(s, `/${s.reports.unshared}`), { ...funderPage, funder: 'not-found' }, 'a report not shared with F'),
	get(`${funderReportRoute}/csv`, (s) => funder(s, `/${s.reports.sharedB}/csv`), csv(funderPage)),
	get(`${funderReportRoute}/csv`, (s) => funder(s, `/${s.reports.unshared}/csv`), csv({ ...funderPage, funder: 'not-found' }), 'a report not shared with F'),
	get(combinedRoute, (s) => funder(s, '/samen'), funderPage),
	get(`${combinedRoute}/csv`, (s) => funder(s, '/samen/csv'), csv(funderPage)),

	// The API.
	{ route: '/api/v1/organisations/[organisationId]/reports', operation: 'GET', request: (s) => ({ path: `/api/v1/organisations/${s.organisationA}/reports` }), expect: { ...readersApi, otherAdmin: 'forbidden', funder: 'forbidden' } },
	{ route: '/api/v1/reports/[reportId]', operation: 'GET', request: (s) => ({ path: `/api/v1/reports/${s.reports.shared}?from=2025-Q1&setting=group` }), expect: readersApi },
	{ route: '/api/v1/funders/[funderId]/reports', operation: 'GET', request: (s) => ({ path: `/api/v1/funders/${s.funderId}/reports` }), expect: readersApi },
	{ route: '/api/v1/funders/[funderId]/combined', operation: 'GET', request: (s) => ({ path: `/api/v1/funders/${s.funderId}/combined` }), expect: readersApi }
];
