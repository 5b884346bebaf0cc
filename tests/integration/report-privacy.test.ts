/**
 * No report shows a person, on SQLite and on PostgreSQL. The built app gets the matrix's roles (role-fixtures.ts) and,
 * in organisations A and B, people who count in the reports (report-fixtures.ts). Then A's report reader and admin
 * and the funder fetch every report page, CSV and API answer they can reach, with and without filters, and none
 * may hold a person's name, chosen name, e-mail or id, the id of any of their rows, a professional's or leader's name,
 * or a list with one value per person. Reading reports writes no audit event about a person.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureFreshBuild } from './app-server';
import { testDatabases } from './databases';
import { startSeededApp, type SeededApp } from './seeded-app';
import type { AccountRole, Seed } from './role-fixtures';
import { localizePath } from '$lib/i18n/paths';
import { seedReportUnits } from './report-fixtures';

const authSecret = 'report-privacy-auth-secret-'.padEnd(48, 'x');
const setupToken = 'report-privacy-setup-token-0123'.padEnd(32, '7');
/** A list with one entry per counted person has at least this many entries: no figure rests on fewer people. */
const minimumCell = 10;
const filters = ['', '?vorm=groep', '?vorm=alleen', '?van=2026-K1&tot=2026-K1'];
const apiFilters = ['', '?setting=group', '?setting=alone', '?from=2026-Q1&to=2026-Q1'];

interface Fetched {
	url: string;
	status: number;
	type: string;
	body: string;
}

/** What each viewer can reach: pages (with each filter, and in English), CSV files and API answers. */
function reachable(s: Seed, role: AccountRole): string[] {
	const a = `/nl/organisatie/${s.organisationA}/rapporten`;
	const f = `/nl/financier/${s.funderId}`;
	if (role === 'funder') {
		return [
			'/nl/financier',
			localizePath(`/financier/${s.funderId}/${s.reports.shared}`, 'en'),
			localizePath(`/financier/${s.funderId}/samen`, 'en'),
			...[s.reports.shared, s.reports.sharedB, 'samen'].flatMap((id) => [...filters.map((q) => `${f}/${id}${q}`), `${f}/${id}/csv`]),
			`/api/v1/funders/${s.funderId}/reports`,
			...apiFilters.map((q) => `/api/v1/funders/${s.funderId}/combined${q}`),
			...apiFilters.map((q) => `/api/v1/reports/${s.reports.shared}${q}`)
		];
	}
	return [
		a,
		`${a}/nieuw`,
		localizePath(`/organisatie/${s.organisationA}/rapporten/${s.reports.shared}`, 'en'),
		...[s.reports.shared, s.reports.unshared].flatMap((id) => [...filters.map((q) => `${a}/${id}${q}`), `${a}/${id}/bewerken`, `${a}/${id}/csv`]),
		`/api/v1/organisations/${s.organisationA}/reports`,
		...[s.reports.shared, s.reports.unshared].flatMap((id) => apiFilters.map((q) => `/api/v1/reports/${id}${q}`))
	];
}

/** Every array in a JSON answer, however deep. */
function arraysIn(value: unknown): unknown[][] {
	if (Array.isArray(value)) return [value, ...value.flatMap(arraysIn)];
	if (value && typeof value === 'object') return Object.values(value).flatMap(arraysIn);
	return [];
}

/** The number of body rows of each HTML table. */
function tableRows(html: string): number[] {
	const rows = (text: string) => text.match(/<tr[\s>]/g)?.length ?? 0;
	return [...html.matchAll(/<table[\s\S]*?<\/table>/g)].map(([table]) => rows(table) - rows(table.match(/<thead[\s\S]*?<\/thead>/)?.[0] ?? ''));
}

/** RFC 4180 rows: quoted fields may hold commas, doubled quotes and line breaks. */
function csvRows(text: string): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let field = '';
	let quoted = false;
	const endField = () => {
		row.push(field);
		field = '';
	};
	for (let i = 0; i < text.length; i += 1) {
		const c = text[i]!;
		if (quoted && c === '"' && text[i + 1] === '"') {
			field += '"';
			i += 1;
		} else if (c === '"') {
			quoted = !quoted;
		} else if (quoted || (c !== ',' && c !== '\n' && c !== '\r')) {
			field += c;
		} else if (c === ',') {
			endField();
		} else if (c === '\n' || text[i + 1] !== '\n') {
			endField();
			rows.push(row);
			row = [];
		}
	}
	if (field !== '' || row.length > 0) {
		endField();
		rows.push(row);
	}
	return rows;
}

describe.each(testDatabases())('report privacy on $name', (target) => {
	let app: SeededApp | undefined;
	let seed: Seed;
	/** Strings that must appear in no report answer, with what they are. */
	const secrets = new Map<string, string>();
	const staffNames: string[] = [];

	beforeAll(async () => {
		await ensureFreshBuild();
		app = await startSeededApp(target, { name: 'report-privacy', authSecret, setupToken });
		seed = app.seed;
		const { db } = app.handle;
		const nameOf = async (id: string) => (await db.selectFrom('account').select('name').where('id', '=', id).executeTakeFirstOrThrow()).name;
		const guide = async (role: AccountRole) => ({ id: seed.accounts[role].id, name: await nameOf(seed.accounts[role].id) });
		const professional = await guide('linkedProfessional');
		const leader = await guide('groupLeader');
		const adminB = await guide('otherAdmin');
		const units = [
			await seedReportUnits(app.handle, { organisationId: seed.organisationA, professional, leader, completePairs: 10, tag: 'A' }),
			await seedReportUnits(app.handle, { organisationId: seed.organisationB, professional: adminB, leader: adminB, completePairs: 10, tag: 'B' })
		];
		staffNames.push(professional.name, leader.name);

		// Every account but those who may read reports (the viewers and the admins) is somebody a report must not show.
		const viewers = new Set([seed.accounts.ownAdmin.id, seed.accounts.otherAdmin.id, seed.accounts.reportReader.id, seed.accounts.funder.id]);
		const funderAdmins = await db.selectFrom('membership').select('account_id').where('organisation_id', '=', seed.funderId).execute();
		for (const row of funderAdmins) viewers.add(row.account_id);
		for (const account of await db.selectFrom('account').select(['id', 'name', 'email']).execute()) {
			if (viewers.has(account.id)) continue;
			secrets.set(account.id, 'an account id').set(account.name, 'a name').set(account.email, 'an e-mail address');
		}
		for (const chosen of [...units.flatMap((u) => u.traces.chosenNames), ...Object.values(seed.group.names)]) secrets.set(chosen, 'a chosen name');
		const idsOf = async (table: 'consent_grant' | 'programme_enrolment' | 'group_participant' | 'measurement' | 'measurement_request' | 'report_consent') =>
			(await db.selectFrom(table).select('id').execute()).map((row) => row.id);
		for (const table of ['consent_grant', 'programme_enrolment', 'group_participant', 'measurement', 'measurement_request', 'report_consent'] as const) {
			for (const id of await idsOf(table)) secrets.set(id, `a ${table} id`);
		}
	}, 300_000);

	afterAll(() => app?.stop());

	async function fetchAs(role: AccountRole, url: string): Promise<Fetched> {
		const api = url.startsWith('/api/');
		const response = await fetch(`${app!.server.origin}${url}`, {
			headers: { cookie: seed.cookie(role), accept: api ? 'application/json' : 'text/html', 'accept-language': 'nl' },
			redirect: 'manual'
		});
		return { url, status: response.status, type: response.headers.get('content-type') ?? '', body: await response.text() };
	}

	function expectNothingPersonal(answer: Fetched): void {
		const found = [...secrets].filter(([secret]) => answer.body.includes(secret)).map(([secret, what]) => `${what}: ${secret}`);
		expect(found, `${answer.url} shows`).toEqual([]);
		for (const name of staffNames) expect(answer.body, `${answer.url} names a professional or leader`).not.toContain(name);
		if (/^application\/(problem\+)?json/.test(answer.type)) {
			const long = arraysIn(JSON.parse(answer.body)).filter((list) => list.length >= minimumCell);
			expect(long, `${answer.url} has a list as long as a group of people`).toEqual([]);
		} else if (answer.type.startsWith('text/html')) {
			expect(tableRows(answer.body).filter((rows) => rows >= minimumCell), `${answer.url} has a table as long as a group of people`).toEqual([]);
			const dots = [...answer.body.matchAll(/<svg[\s\S]*?<\/svg>/g)].map(([svg]) => svg.match(/<circle[\s/>]/g)?.length ?? 0);
			expect(dots.filter((n) => n >= minimumCell), `${answer.url} draws a dot per person`).toEqual([]);
		} else if (answer.type.startsWith('text/csv')) {
			// One figure per row: a measure repeated row after row would be a value per person.
			const rows = csvRows(answer.body.replace(/^\uFEFF/, ''));
			const perMeasure = new Map<string, number>();
			for (const [section, measure] of rows.slice(1)) perMeasure.set(`${section} ${measure}`, (perMeasure.get(`${section} ${measure}`) ?? 0) + 1);
			expect([...perMeasure].filter(([, n]) => n >= minimumCell), `${answer.url} repeats a measure per person`).toEqual([]);
			expect(rows.length, `${answer.url} holds figures`).toBeGreaterThan(1);
		} else {
			throw new Error(`${answer.url} answered ${answer.type}`);
		}
	}

	for (const role of ['reportReader', 'ownAdmin', 'funder'] as const) {
		it(`shows ${role} figures and nobody in every report answer`, async () => {
			const auditBefore = await app!.handle.db.selectFrom('audit_event').select((eb) => eb.fn.countAll<number>().as('n')).where('subject_id', 'is not', null).executeTakeFirstOrThrow();
			for (const url of reachable(seed, role)) {
				const answer = await fetchAs(role, url);
				expect(answer.status, `${url}: ${answer.body.slice(0, 300)}`).toBe(200);
				expectNothingPersonal(answer);
			}
			// The figures are really there: ten complete pairs and ten who stopped early in A's programme report (those who
			// never chose to count are left out), as many again in B's for the funder.
			type Answer = { report: { countsOnly: boolean; funnel: { started: number | null }; change: { total: { n: number } } | null } };
			const shared = JSON.parse((await fetchAs(role, `/api/v1/reports/${seed.reports.shared}`)).body) as Answer;
			expect(shared.report).toMatchObject({ countsOnly: false, funnel: { started: 20 }, change: { total: { n: 10 } } });
			if (role === 'funder') {
				const combined = JSON.parse((await fetchAs(role, `/api/v1/funders/${seed.funderId}/combined`)).body) as Answer;
				expect(combined.report).toMatchObject({ countsOnly: false, funnel: { started: 40 }, change: { total: { n: 20 } } });
			}
			const auditAfter = await app!.handle.db.selectFrom('audit_event').select((eb) => eb.fn.countAll<number>().as('n')).where('subject_id', 'is not', null).executeTakeFirstOrThrow();
			expect(Number(auditAfter.n), 'reading a report writes no audit event about a person').toBe(Number(auditBefore.n));
		}, 120_000);
	}

	it('refuses the funder what was not shared with it, and says nothing more', async () => {
		const a = `/nl/organisatie/${seed.organisationA}/rapporten`;
		const f = `/nl/financier/${seed.funderId}`;
		const refusals: [string, number][] = [
			[`${f}/${seed.reports.unshared}`, 404],
			[`${f}/${seed.reports.unshared}/csv`, 404],
			[`/api/v1/reports/${seed.reports.unshared}`, 404],
			// A's own pages: its list is not for the funder, and a shared report is read on F's pages only.
			[a, 403],
			[`/api/v1/organisations/${seed.organisationA}/reports`, 403],
			[`${a}/${seed.reports.shared}`, 404],
			[`${a}/${seed.reports.shared}/csv`, 404]
		];
		for (const [url, status] of refusals) {
			const answer = await fetchAs('funder', url);
			expect(answer.status, url).toBe(status);
			expectNothingPersonal(answer);
			expect(answer.body, `${url} names the unshared report`).not.toContain('Groepen Noordkwartier');
		}
	});
});
