/**
 * No request answers 5xx, whatever its content type or body: every form action (read from src/routes, so a new one is
 * covered without editing this file) and every API operation (tests/integration/openapi-operations.json, which
 * openapi.test.ts keeps equal to the document), against the built app on SQLite and on PostgreSQL, signed in and not.
 * First a sweep: each of them once with each body no form or API client of brug sends; then random requests
 * (fast-check, a bounded number). A form action answers 4xx with a page or its own error; the API a problem+json.
 */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApiDocument } from '$lib/composers/api/openapi';
import { ensureFreshBuild, type AppServer } from './app-server';
import { matrix } from './authorisation-matrix';
import { nobodysEntry } from './authorisation-matrix-presets';
import { testDatabases } from './databases';
import { startSeededApp, type SeededApp } from './seeded-app';
import { roles, type Role, type Seed } from './role-fixtures';
import { existingOperations } from './route-inventory';

const authSecret = 'fuzz-test-auth-secret-'.padEnd(48, 'x');
const setupToken = 'fuzz-test-setup-token-01234567'.padEnd(32, '7');
/** Random requests per database, on top of the sweep; enough to meet every target a few times. */
const randomRuns = 400;

interface Target {
	kind: 'action' | 'api';
	/** `?/score /(public)/test` or `POST /api/v1/me/journal/{id}`. */
	name: string;
	method: string;
	/** A role the authorisation matrix lets in, so that the request reaches the action or handler itself. */
	allowedRole: Role;
	path(seed: Seed): Promise<string>;
	/** The call ends the session it is made with: it gets a session of its own. */
	endsSession: boolean;
	/** A form action, or an operation with a request body in the document; the others ignore a body. */
	readsBody: boolean;
}

const routeIdOf = (apiPath: string) => apiPath.replace(/\{(\w+)\}/g, '[$1]');

/** `/(person)/mensen/[id]` → `/nl/mensen/<an id nobody has>`, for a route the matrix does not name yet. */
const pagePathOf = (routeId: string) => `/nl${routeId.replace(/\/\([^)]+\)/g, '').replace(/\[[^\]]+\]/g, nobodysEntry)}`.replace(/\/$/, '') || '/nl';

function targets(): Target[] {
	const found: Target[] = [];
	const paths = openApiDocument.paths as Record<string, Record<string, { requestBody?: unknown }>>;
	const add = (kind: Target['kind'], operation: string, route: string, fallbackPath: string, readsBody = true) => {
		const entry = matrix.find((e) => e.route === route && e.operation === operation && !e.variant) ?? matrix.find((e) => e.route === route && e.operation === operation);
		const allowedRole = roles.find((role) => entry?.expect[role] === 'allow') ?? 'anonymous';
		found.push({
			kind,
			name: `${operation} ${route}`,
			method: kind === 'action' ? 'POST' : operation,
			allowedRole,
			endsSession: entry?.session === 'throwaway' || entry?.last === true,
			readsBody,
			path: async (seed) => {
				const spec = entry ? await entry.request(seed) : { path: fallbackPath };
				const action = operation.slice(2);
				return kind === 'action' && action !== 'default' ? `${spec.path.split('?')[0]}?/${action}` : spec.path;
			}
		});
	};
	for (const key of existingOperations()) {
		const [operation, route] = key.split(' ') as [string, string];
		if (operation.startsWith('?/')) add('action', operation, route, pagePathOf(route));
	}
	const apiOperations = JSON.parse(fs.readFileSync(path.resolve('tests/integration/openapi-operations.json'), 'utf8')) as string[];
	for (const key of apiOperations) {
		const [method, apiPath] = key.split(' ') as [string, string];
		const readsBody = Boolean(paths[apiPath]?.[method.toLowerCase()]?.requestBody);
		add('api', method, routeIdOf(apiPath), apiPath.replace(/\{\w+\}/g, nobodysEntry), readsBody);
	}
	return found;
}

/** Field names brug's forms and API bodies use, so that random bodies also get past "unknown field" now and then. */
function fieldNames(): string[] {
	const names = new Set<string>();
	const walk = (dir: string) => {
		for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
			const full = path.join(dir, entry.name);
			if (entry.isDirectory()) walk(full);
			else if (/\.(ts|svelte)$/.test(entry.name)) {
				for (const match of fs.readFileSync(full, 'utf8').matchAll(/(?:\.get\(|name=)['"]([\w-]{1,40})['"]/g)) names.add(match[1]!);
			}
		}
	};
	walk(path.resolve('src/routes'));
	const properties = (value: unknown): void => {
		if (Array.isArray(value)) return value.forEach(properties);
		if (typeof value !== 'object' || value === null) return;
		for (const [key, inner] of Object.entries(value)) {
			if (key === 'properties' && typeof inner === 'object' && inner) Object.keys(inner).forEach((name) => names.add(name));
			properties(inner);
		}
	};
	properties(openApiDocument);
	return [...names].sort();
}

const boundary = 'brugfuzz';

/** The bodies no form of brug and no API client following the document sends, with their content types. */
const sweep: { type: string | null; body: string }[] = [
	{ type: 'text/plain', body: 'answer=yes' },
	{ type: null, body: 'answer=yes' },
	{ type: 'application/json', body: '{"answers":{"__proto__":{"x":1}}}' },
	{ type: 'application/json', body: '{"answers":' },
	{ type: 'multipart/form-data', body: 'no boundary' },
	{ type: `multipart/form-data; boundary=${boundary}`, body: `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\nContent-Type: text/plain\r\n\r\nhello\r\n--${boundary}--\r\n` },
	{ type: 'application/xml', body: '<a/>' }
];

function requestArbitrary(names: string[]) {
	const name = fc.oneof(fc.constantFrom(...names), fc.string({ maxLength: 12 }));
	const value = fc.oneof(
		fc.string({ maxLength: 40 }),
		fc.constantFrom('', ' ', '0', '-1', '1e999', '99999999999999999999', 'yes', 'true', 'null', '2026-02-30', nobodysEntry, '<b>x</b>', 'ä'.repeat(300))
	);
	const fields = fc.dictionary(name, value, { maxKeys: 6 });
	const formBody = fields.map((entries) => ({ type: 'application/x-www-form-urlencoded', body: new URLSearchParams(entries).toString() }));
	const multipartBody = fields.map((entries) => ({
		type: `multipart/form-data; boundary=${boundary}`,
		body:
			Object.entries(entries)
				.map(([key, text]) => `--${boundary}\r\nContent-Disposition: form-data; name="${key.replace(/["\r\n]/g, '')}"\r\n\r\n${text}\r\n`)
				.join('') + `--${boundary}--\r\n`
	}));
	const jsonValue = fc.oneof(fc.jsonValue(), fields.map((entries) => Object.fromEntries(Object.entries(entries).map(([k, v]) => [k, /^-?\d+$/.test(v) ? Number(v) : v]))));
	const jsonBody = jsonValue.map((body) => ({ type: 'application/json', body: JSON.stringify(body) ?? 'null' }));
	const anyType = fc.oneof(
		fc.constantFrom<string | null>(null, 'text/plain', 'application/json', 'application/x-www-form-urlencoded', 'multipart/form-data', 'application/problem+json', 'image/png', 'text/html; charset=utf-16'),
		fc.string({ maxLength: 40 })
	);
	const mixed = fc.record({ type: anyType, body: fc.oneof(fc.string({ maxLength: 200 }), formBody.map((b) => b.body), jsonBody.map((b) => b.body)) });
	return fc.record({
		payload: fc.oneof(formBody, multipartBody, jsonBody, mixed),
		role: fc.constantFrom<Role>('anonymous', 'person', 'linkedProfessional', 'ownAdmin'),
		useAllowedRole: fc.boolean(),
		enhanced: fc.boolean(),
		query: fc.option(fc.dictionary(fc.constantFrom('locale', 'cursor', 'limit', 'from', 'to', 'q'), value, { maxKeys: 3 }), { nil: undefined })
	});
}

type Payload = { type: string | null; body: string };

async function send(server: AppServer, seed: Seed, target: Target, role: Role, payload: Payload, enhanced: boolean, query?: Record<string, string>) {
	let url = await target.path(seed);
	if (query && target.kind === 'api') url += (url.includes('?') ? '&' : '?') + new URLSearchParams(query).toString();
	const headers = new Headers({ 'accept-language': 'nl', 'sec-fetch-site': 'same-origin', origin: server.origin });
	const cookie = role === 'anonymous' ? '' : target.endsSession ? await seed.throwawaySession(role) : seed.cookie(role);
	if (cookie) headers.set('cookie', cookie);
	if (target.kind === 'action') headers.set('accept', enhanced ? 'application/json' : 'text/html');
	if (target.kind === 'action' && enhanced) headers.set('x-sveltekit-action', 'true');
	if (target.kind === 'api') headers.set('accept', 'application/json');
	const withBody = !['GET', 'HEAD'].includes(target.method);
	const body = withBody ? new TextEncoder().encode(payload.body) : undefined;
	if (withBody && payload.type !== null) headers.set('content-type', payload.type);
	const response = await fetch(`${server.origin}${url}`, { method: target.method, headers, body, redirect: 'manual' });
	const text = await response.text();
	const type = response.headers.get('content-type') ?? '';
	return { status: response.status, type, text, describe: `${target.method} ${url} as ${role} (${payload.type ?? 'no content type'}: ${payload.body.slice(0, 120)}) → ${response.status} ${type} ${text.slice(0, 200)}` };
}

/** What a 4xx of each kind must look like: the API a problem, a form action a page or its own (enhanced) result. */
function wellFormed(target: Target, answer: Awaited<ReturnType<typeof send>>): boolean {
	if (answer.status < 400) return true;
	if (target.kind === 'api') return answer.type.startsWith('application/problem+json');
	return answer.type.startsWith('text/html') || answer.type.startsWith('application/json') || answer.type.startsWith('text/plain');
}

beforeAll(() => ensureFreshBuild(), 300_000);

describe.each(testDatabases())('no 5xx for any content type or body on $name', (target) => {
	let app: SeededApp | undefined;
	let server: AppServer | undefined;
	let seed: Seed;
	const all = targets();
	const names = fieldNames();

	beforeAll(async () => {
		app = await startSeededApp(target, { name: 'fuzz', authSecret, setupToken });
		({ server, seed } = app);
	}, 120_000);

	afterAll(() => app?.stop());

	it('finds every form action and every API operation', () => {
		expect(all.filter((t) => t.kind === 'action').length).toBeGreaterThanOrEqual(40);
		expect(all.filter((t) => t.kind === 'api').length).toBeGreaterThanOrEqual(60);
	});

	it('answers every one of them with a 4xx for a body no client of brug sends, never a 5xx', async () => {
		const wrong: string[] = [];
		for (const t of all) {
			for (const payload of sweep) {
				const answer = await send(server!, seed, t, t.allowedRole, payload, false);
				// "Sign out everywhere" would end the role's usual session too, had it run.
				if (t.endsSession && t.allowedRole !== 'anonymous') await seed.renewSession(t.allowedRole);
				const refused = answer.status >= 400 && answer.status < 500;
				if (answer.status >= 500 || (t.readsBody && !refused) || !wellFormed(t, answer)) wrong.push(answer.describe);
			}
		}
		expect(wrong, server!.output().slice(-3000)).toEqual([]);
	}, 240_000);

	it('never answers 5xx to random content types and bodies, signed in and not', async () => {
		const statuses: number[] = [];
		await fc.assert(
			fc.asyncProperty(fc.constantFrom(...all), requestArbitrary(names), async (t, request) => {
				const role = request.useAllowedRole ? t.allowedRole : request.role;
				// A call that ends the session, or deletes the account, is made anonymously: the roles are needed after it.
				const answer = await send(server!, seed, t, t.endsSession ? 'anonymous' : role, request.payload, request.enhanced, request.query);
				statuses.push(answer.status);
				expect(answer.status, `${answer.describe}\n${server!.output().slice(-2000)}`).toBeLessThan(500);
				expect(wellFormed(t, answer), answer.describe).toBe(true);
			}),
			{ numRuns: randomRuns, endOnFailure: true }
		);
		// Not all stopped at the door: some got through to an action or handler, which took them or said what was wrong.
		expect(statuses.filter((status) => status < 400).length).toBeGreaterThan(randomRuns / 20);
		expect(statuses.filter((status) => status === 400 || status === 422).length).toBeGreaterThan(randomRuns / 20);
	}, 240_000);
});
