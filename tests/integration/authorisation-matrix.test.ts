/**
 * The authorisation matrix (authorisation-matrix.ts) against the built app, on SQLite and on PostgreSQL: every route
 * and API endpoint × every role, over HTTP, as a browser or an API client calls it. A route in src/routes without an
 * entry fails the test, and so does an entry whose route is gone.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureFreshBuild, type AppServer } from './app-server';
import { deLocalizePath } from '$lib/i18n/paths';
import { endpointMethods, existingOperations, formActions } from './route-inventory';
import { matrix, type MatrixEntry, type Operation, type Outcome, type RequestSpec } from './authorisation-matrix';
import { testDatabases } from './databases';
import { startSeededApp, type SeededApp } from './seeded-app';
import { roles, type Seed } from './role-fixtures';

const authSecret = 'matrix-test-auth-secret-'.padEnd(48, 'x');
const setupToken = 'matrix-test-setup-token-0123456'.padEnd(32, '7');

const keyOf = (entry: Pick<MatrixEntry, 'route' | 'operation'>) => `${entry.operation} ${entry.route}`;

describe('the authorisation matrix', () => {
	it('reads routes, methods and form actions as SvelteKit does', () => {
		const source = `export const actions: Actions = {
			/** a comment, with: a colon */
			invite: async ({ request }) => { const x = { notAKey: 1 }; return fail(400, { y: 'a, b: c' }); },
			'quoted': async () => {},
			async shorthand() {},
			default: async (event) => {}
		};`;
		expect(formActions(source)).toEqual(['invite', 'quoted', 'shorthand', 'default']);
		expect(endpointMethods('export const GET: RequestHandler = () => x;\nexport async function POST() {}')).toEqual(['GET', 'POST']);
	});

	it('has an entry for every route, method and form action, and none for a route that is gone', () => {
		const existing = existingOperations();
		const covered = new Set(matrix.map(keyOf));
		const missing = [...existing].filter((key) => !covered.has(key)).sort();
		const gone = [...covered].filter((key) => !existing.has(key)).sort();
		expect({ missing, gone }, 'add these to tests/integration/authorisation-matrix.ts (missing) or remove them (gone)').toEqual({
			missing: [],
			gone: []
		});
	});

	it('gives every entry an expectation for every role, and a reason for every role it leaves out', () => {
		for (const entry of matrix) {
			expect(Object.keys(entry.expect).sort(), keyOf(entry)).toEqual([...roles].sort());
		}
	});
});

// ---------------------------------------------------------------------------------------------------------------
// The requests, and what their answers mean.

type Kind = 'page' | 'action' | 'api';

const kindOf = (entry: MatrixEntry): Kind =>
	entry.operation.startsWith('?/') ? 'action' : entry.route.startsWith('/api/') || entry.route === '/healthz' ? 'api' : 'page';

function urlOf(entry: MatrixEntry, spec: RequestSpec): string {
	if (!entry.operation.startsWith('?/') || entry.operation === '?/default') return spec.path;
	return `${spec.path}?/${entry.operation.slice(2)}`;
}

interface Observed {
	/** An Outcome, or what happened instead (e.g. "status 500", "redirect to two-step sign-in"). */
	outcome: Outcome | string;
	detail: string;
}

async function send(origin: string, entry: MatrixEntry, spec: RequestSpec, cookie: string): Promise<Observed> {
	const kind = kindOf(entry);
	const method = kind === 'action' ? 'POST' : (entry.operation as Exclude<Operation, `?/${string}`>);
	const headers = new Headers({ 'accept-language': 'nl' });
	if (cookie) headers.set('cookie', cookie);
	// What a browser adds to a post from brug's own pages.
	if (method !== 'GET') {
		headers.set('sec-fetch-site', 'same-origin');
		headers.set('origin', origin);
	}
	let body: string | undefined;
	if (kind === 'action') {
		headers.set('accept', 'application/json');
		headers.set('x-sveltekit-action', 'true');
		headers.set('content-type', 'application/x-www-form-urlencoded');
		body = new URLSearchParams(spec.form ?? {}).toString();
	} else if (kind === 'api') {
		headers.set('accept', 'application/json');
		if (spec.json !== undefined) {
			headers.set('content-type', 'application/json');
			body = JSON.stringify(spec.json);
		}
	} else {
		headers.set('accept', 'text/html');
	}
	const url = urlOf(entry, spec);
	const response = await fetch(`${origin}${url}`, { method, headers, body, redirect: 'manual' });
	const text = await response.text();
	const type = response.headers.get('content-type') ?? '';
	const detail = `${method} ${url} → ${response.status} ${type} ${response.headers.get('location') ?? ''} ${text.slice(0, 300)}`;

	// A sign-in redirect names the page to come back to as its route, without the locale (requireAccount).
	const signInTarget = `/nl/account/inloggen?terug=${encodeURIComponent(deLocalizePath(spec.path.replace(/\?.*$/, '')) + (spec.path.match(/\?.*$/)?.[0] ?? ''))}`;
	const redirectOutcome = (location: string): Outcome | string => {
		if (location === signInTarget) return 'sign-in';
		if (location.startsWith('/nl/account/inloggen?terug=')) return `sign-in redirect to the wrong page (${location})`;
		if (location.startsWith('/nl/account/tweestaps')) return 'redirect to two-step sign-in';
		return 'allow';
	};
	const byStatus = (status: number): Outcome | string => {
		if (status === 401) return kind === 'api' && !type.startsWith('application/problem+json') ? '401 without problem+json' : 'unauthenticated';
		if (status === 403) return 'forbidden';
		if (status === 404 && kind !== 'api') return 'not-found';
		return `status ${status}`;
	};

	if (kind === 'api') {
		const { status } = response;
		if (status === 401 || status === 403) return { outcome: byStatus(status), detail };
		return { outcome: status >= 500 ? `status ${status}` : 'allow', detail };
	}
	if (kind === 'action' && type.startsWith('application/json')) {
		const result = JSON.parse(text) as { type: string; status?: number; location?: string };
		if (result.type === 'redirect') return { outcome: redirectOutcome(result.location ?? ''), detail };
		if (result.type === 'success') return { outcome: 'allow', detail };
		// A validation failure (400) or "not found" (404): the action read the request, so it was let in.
		if (result.type === 'failure') return { outcome: result.status === 400 || result.status === 404 ? 'allow' : `failure ${result.status}`, detail };
		return { outcome: byStatus(response.status), detail };
	}
	if (response.status >= 300 && response.status < 400) return { outcome: redirectOutcome(response.headers.get('location') ?? ''), detail };
	if (response.status === 200) return { outcome: 'allow', detail };
	return { outcome: byStatus(response.status), detail };
}

// ---------------------------------------------------------------------------------------------------------------
// The matrix on each database.

beforeAll(() => ensureFreshBuild(), 300_000);


describe.each(testDatabases())('authorisation matrix on $name', (target) => {
	let app: SeededApp | undefined;
	let server: AppServer | undefined;
	let seed: Seed;

	beforeAll(async () => {
		app = await startSeededApp(target, { name: 'matrix', authSecret, setupToken });
		({ server, seed } = app);
	}, 120_000);

	afterAll(() => app?.stop());

	// The matrix posts as use:enhance does; a browser without JavaScript posts a plain form, and gets the page back.
	it('refuses a plain form post by a person to /werk/uitnodigen?/create, and creates no invitation', async () => {
		const before = await seed.countRows('client_invitation');
		const response = await fetch(`${server!.origin}/nl/werk/uitnodigen?/create`, {
			method: 'POST',
			headers: {
				cookie: seed.cookie('person'),
				accept: 'text/html',
				'accept-language': 'nl',
				'content-type': 'application/x-www-form-urlencoded',
				'sec-fetch-site': 'same-origin',
				origin: server!.origin
			},
			body: '',
			redirect: 'manual'
		});
		expect(response.status).toBe(403);
		expect(await seed.countRows('client_invitation')).toBe(before);
	});

	// Tests in a file run in order: deleting the accounts comes after everything else that needs them.
	for (const entry of [...matrix.filter((e) => !e.last), ...matrix.filter((e) => e.last)]) {
		const name = `${entry.route} ${entry.operation}${entry.variant ? ` (${entry.variant})` : ''}`;
		for (const role of roles) {
			const expected = entry.expect[role];
			it(`${name} as ${role}: ${expected}`, async () => {
				const spec = await entry.request(seed);
				const throwaway = entry.session === 'throwaway' && role !== 'anonymous';
				const cookie = throwaway ? await seed.throwawaySession(role) : seed.cookie(role);
				const refused = expected !== 'allow';
				const table = refused ? entry.unchangedWhenRefused : undefined;
				const before = table && (await seed.countRows(table));
				const observed = await send(server!.origin, entry, spec, cookie);
				// "Sign out everywhere" ends the role's usual session too.
				if (throwaway) await seed.renewSession(role);
				expect(observed.outcome, `${observed.detail}\n${server!.output().slice(-2000)}`).toBe(expected);
				if (table) expect(await seed.countRows(table), `${table} changed by a refused call`).toBe(before);
			});
		}
	}
});
