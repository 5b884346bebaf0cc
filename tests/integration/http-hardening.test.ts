/**
 * The built app's HTTP edges, as a browser or a script meets them:
 * - one cross-site rule for form posts and for JSON API writes made with the session cookie; a bearer token is not a
 *   cookie call and keeps working;
 * - the security headers on static files too, and Strict-Transport-Security only with an https ORIGIN;
 * - `{"answers":{"__proto__":…}}` refused like any unknown item;
 * - a database outage (PostgreSQL behind a proxy that is cut) answers 503 with Retry-After, not 500.
 */
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '$lib/server/db/client';
import { createApiToken } from '$lib/features/api-tokens/api-tokens.server';
import { ensureFreshBuild, startAppServer, type AppServer } from './app-server';
import { testDatabases, type EmptyDatabase } from './databases';
import { seedRoles, serverAuth, type Seed } from './role-fixtures';

const authSecret = 'hardening-test-auth-secret-'.padEnd(48, 'x');
const setupToken = 'hardening-test-setup-token-0123'.padEnd(32, '7');

interface Running {
	server: AppServer;
	handle: DatabaseHandle;
	/** The seeded roles; a run without them (`seed: false`) throws when asked. */
	seed: Seed;
	stop(): Promise<void>;
}

/** A built app on a fresh database, with the roles of the authorisation matrix seeded into it. */
async function run(options: { databaseUrl?: string; serverDatabaseUrl?: string; publicOrigin?: string; seed?: false } = {}): Promise<Running> {
	const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'brug-hardening-'));
	const server = await startAppServer({ dataDir, databaseUrl: options.serverDatabaseUrl ?? options.databaseUrl ?? '', authSecret, setupToken, publicOrigin: options.publicOrigin });
	const handle = options.databaseUrl
		? openDatabase({ kind: 'postgres', url: options.databaseUrl, maxConnections: 2 })
		: openDatabase({ kind: 'sqlite', file: path.join(dataDir, 'brug.sqlite') });
	// Over https the session cookie gets the __Secure- prefix, which the fixtures' http cookies do not have.
	const seed = options.seed === false ? undefined : await seedRoles(handle, serverAuth(handle, { secret: authSecret, origin: server.origin }));
	return {
		server,
		handle,
		get seed() {
			if (!seed) throw new Error('this run has no seeded roles');
			return seed;
		},
		stop: async () => {
			await server.stop();
			await handle.close();
			fs.rmSync(dataDir, { recursive: true, force: true });
		}
	};
}

const journalEntry = JSON.stringify({ mood: 3, body: 'Met de buurvrouw gepraat.' });

beforeAll(() => ensureFreshBuild(), 300_000);

describe('the built app on SQLite, ORIGIN http', () => {
	let app: Running;
	beforeAll(async () => {
		app = await run();
	}, 120_000);
	afterAll(() => app?.stop());

	const post = (url: string, headers: Record<string, string>, body: string) =>
		fetch(`${app.server.origin}${url}`, { method: 'POST', headers, body, redirect: 'manual' });

	it('refuses a journal entry by session cookie without a same-origin signal, as it refuses the form', async () => {
		const cookie = app.seed.cookie('person');
		const json = { cookie, 'content-type': 'application/json' };
		for (const headers of [{}, { origin: 'null' }, { 'sec-fetch-site': 'cross-site' }, { origin: 'https://elsewhere.example' }] as Record<string, string>[]) {
			const response = await post('/api/v1/me/journal', { ...json, ...headers }, journalEntry);
			expect(response.status, JSON.stringify(headers)).toBe(403);
			expect(response.headers.get('content-type')).toBe('application/problem+json');
		}
		const form = { cookie, 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json', 'x-sveltekit-action': 'true' };
		for (const headers of [{}, { origin: 'null' }] as Record<string, string>[]) {
			expect((await post('/nl/oefeningen/dagboek?/journal', { ...form, ...headers }, 'mood=3')).status, JSON.stringify(headers)).toBe(403);
		}
	});

	it('takes it from brug’s own pages: Sec-Fetch-Site, the own Origin, or (old Safari) the SameSite=Strict site cookie', async () => {
		const cookie = app.seed.cookie('person');
		const json = { cookie, 'content-type': 'application/json' };
		expect((await post('/api/v1/me/journal', { ...json, 'sec-fetch-site': 'same-origin' }, journalEntry)).status).toBe(201);
		expect((await post('/api/v1/me/journal', { ...json, origin: app.server.origin }, journalEntry)).status).toBe(201);
		const withSiteCookie = { ...json, cookie: `${cookie}; brug_site=1`, origin: 'null' };
		expect((await post('/api/v1/me/journal', withSiteCookie, journalEntry)).status).toBe(201);
		const form = { cookie: `${cookie}; brug_site=1`, 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json', 'x-sveltekit-action': 'true' };
		expect((await post('/nl/oefeningen/dagboek?/journal', form, 'mood=3')).status).not.toBe(403);
	});

	it('lets a mail app\'s one-click stop through to the reminders\' stop links only', async () => {
		const oneClick = { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'cross-site' };
		const token = `${'0'.repeat(8)}-0000-4000-8000-000000000000.${'A'.repeat(32)}`;
		// Past the cross-site check, to a token that belongs to nothing: a 404, never a 403.
		expect((await post(`/nl/groep/herinneringen/${token}`, oneClick, 'List-Unsubscribe=One-Click')).status).toBe(404);
		expect((await post(`/en/group/reminders/${token}`, oneClick, 'List-Unsubscribe=One-Click')).status).toBe(404);
		expect((await post('/nl/groep/herinneringen/geen-token', oneClick, 'List-Unsubscribe=One-Click')).status).toBe(403);
	});

	it('keeps bearer-token calls working without any browser signal', async () => {
		const person = app.seed.accounts.person;
		const { token } = await createApiToken(app.handle.db, { actor: { id: person.id, email: person.email, locale: 'nl', twoFactorEnabled: false }, label: 'script' });
		const response = await post('/api/v1/me/journal', { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, journalEntry);
		expect(response.status).toBe(201);
	});

	it('puts the security headers on static files too, and no Strict-Transport-Security over http', async () => {
		// A page that runs SvelteKit's script (the public pages ship none).
		const page = await fetch(`${app.server.origin}/nl/overzicht`, { headers: { cookie: app.seed.cookie('person') } });
		const script = /\/_app\/immutable\/[\w/.-]+\.js/.exec(await page.text())?.[0];
		expect(script, 'a script of the page').toBeDefined();
		for (const file of [script!, '/_app/version.json', '/brug.css', '/favicon.svg']) {
			const response = await fetch(`${app.server.origin}${file}`);
			expect(response.status, file).toBe(200);
			expect(response.headers.get('x-content-type-options'), file).toBe('nosniff');
			expect(response.headers.get('x-frame-options'), file).toBe('DENY');
			expect(response.headers.get('referrer-policy'), file).toBe('no-referrer');
			expect(response.headers.get('content-security-policy'), file).toContain("default-src 'none'");
			expect(response.headers.get('strict-transport-security'), file).toBeNull();
		}
		// A page keeps its own policy with nonces.
		expect(page.headers.get('content-security-policy')).toContain("script-src 'self' 'nonce-");
		expect(page.headers.get('strict-transport-security')).toBeNull();
	});

	it('serves a prerendered page with its own hashed CSP, the site cookie, and no CSP on a 304', async () => {
		const page = await fetch(`${app.server.origin}/nl/hulp`);
		expect(page.status).toBe(200);
		const html = await page.text();
		const meta = /<meta http-equiv="content-security-policy" content="([^"]*)"/.exec(html)?.[1];
		expect(meta, 'SvelteKit wrote the policy into the file').toBeDefined();
		expect(page.headers.get('content-security-policy')).toBe(`${meta!.replace(/;\s*$/, '')}; frame-ancestors 'none'`);
		expect(page.headers.get('x-frame-options')).toBe('DENY');
		expect(html).toContain('<html lang="nl">');
		expect(html).not.toContain('<script');
		// Someone who lands here and posts a form from an old Safari (no Sec-Fetch-Site) needs the site cookie.
		expect(page.headers.get('set-cookie')).toMatch(/^brug_site=1; Path=\/; .*HttpOnly; SameSite=Strict/);
		const again = await fetch(`${app.server.origin}/nl/hulp`, { headers: { cookie: 'brug_site=1' } });
		expect(again.headers.get('set-cookie')).toBeNull();
		const english = await fetch(`${app.server.origin}/en/help`);
		expect(await english.text()).toContain('<html lang="en">');
		const etag = page.headers.get('etag');
		expect(etag).toBeTruthy();
		const unchanged = await fetch(`${app.server.origin}/nl/hulp`, { headers: { 'if-none-match': etag! } });
		expect(unchanged.status).toBe(304);
		expect(unchanged.headers.get('content-security-policy')).toBeNull();
	});

	it('refuses "__proto__" as an answer key like any unknown item', async () => {
		const score = (body: string) =>
			fetch(`${app.server.origin}/api/v1/instruments/djg-11/score`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
		for (const key of ['__proto__', 'constructor', '12']) {
			const response = await score(`{"answers":{"${key}":{"x":1}}}`);
			expect(response.status, key).toBe(422);
			const problem = (await response.json()) as { 'invalid-params': { name: string }[] };
			expect(problem['invalid-params'].map((p) => p.name), key).toEqual([`answers.${key}`]);
		}
		expect((await score('{"answers":{}}')).status).toBe(200);
	});

	it('answers a form post no form of brug sends with a 4xx page in the person’s language', async () => {
		for (const [type, status] of [['text/plain', 415], ['', 415], ['multipart/form-data', 400]] as const) {
			const headers: Record<string, string> = { 'sec-fetch-site': 'same-origin', accept: 'text/html', ...(type ? { 'content-type': type } : {}) };
			const nl = await fetch(`${app.server.origin}/nl/test/uitslag?/score`, { method: 'POST', headers, body: new TextEncoder().encode('q1=no') });
			expect(nl.status, type).toBe(status);
			expect(await nl.text()).toContain('Dit formulier kwam niet goed aan.');
			// Styled: its policy lets brug's own stylesheet in, and nothing else.
			expect(nl.headers.get('content-security-policy')).toMatch(/(^|; )default-src 'none'; style-src 'self'/);
		}
		const en = await fetch(`${app.server.origin}/en/test/result?/score`, { method: 'POST', headers: { 'sec-fetch-site': 'same-origin', 'content-type': 'text/plain' }, body: 'q1=no' });
		expect(en.status).toBe(415);
		expect(await en.text()).toContain('This form did not arrive properly.');
	});
});

describe('the built app with an https ORIGIN', () => {
	let app: Running;
	beforeAll(async () => {
		app = await run({ publicOrigin: 'https://brug.example.nl', seed: false });
	}, 120_000);
	afterAll(() => app?.stop());

	it('asks browsers for https only, on pages, API answers and static files alike', async () => {
		for (const file of ['/nl', '/api/v1/instruments', '/_app/version.json', '/brug.css']) {
			const response = await fetch(`${app.server.origin}${file}`, { redirect: 'manual' });
			expect(response.headers.get('strict-transport-security'), file).toMatch(/^max-age=\d{8,}; includeSubDomains$/);
		}
	});
});

const postgres = testDatabases().find((target) => target.name === 'postgres');

/** A TCP proxy to the PostgreSQL server, which the test can cut: an outage as brug meets it. */
async function databaseProxy(target: URL) {
	const sockets = new Set<net.Socket>();
	let server: net.Server | undefined;
	const open = async () => {
		server = net.createServer((client) => {
			const upstream = net.connect(Number(target.port || 5432), target.hostname);
			for (const socket of [client, upstream]) {
				sockets.add(socket);
				socket.on('close', () => sockets.delete(socket)).on('error', () => socket.destroy());
			}
			client.pipe(upstream).pipe(client);
		});
		await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
		return (server.address() as net.AddressInfo).port;
	};
	const cut = async () => {
		const closed = new Promise<void>((resolve) => server!.close(() => resolve()));
		for (const socket of sockets) socket.destroy();
		await closed;
	};
	return { open, cut };
}

describe.runIf(postgres)('a database outage on PostgreSQL', () => {
	let app: Running;
	let empty: EmptyDatabase;
	let proxy: Awaited<ReturnType<typeof databaseProxy>>;
	beforeAll(async () => {
		empty = await postgres!.createEmpty!();
		const direct = new URL(empty.url);
		proxy = await databaseProxy(direct);
		const viaProxy = new URL(empty.url);
		viaProxy.hostname = '127.0.0.1';
		viaProxy.port = String(await proxy.open());
		app = await run({ databaseUrl: empty.url, serverDatabaseUrl: viaProxy.toString() });
	}, 120_000);
	afterAll(async () => {
		await app?.stop();
		await empty?.drop();
	});

	it('answers 503 with Retry-After: problem+json on the API, a calm page in the person’s language on pages', async () => {
		const cookie = app.seed.cookie('person');
		await proxy.cut();
		const api = await fetch(`${app.server.origin}/api/v1/me/journal`, { headers: { cookie } }).catch((error: unknown) => {
			throw new Error(`the server did not answer: ${String(error)}\n${app.server.output()}`);
		});
		expect(api.status, await api.clone().text()).toBe(503);
		expect(api.headers.get('content-type')).toBe('application/problem+json');
		expect(Number(api.headers.get('retry-after'))).toBeGreaterThan(0);

		for (const [path, words] of [['/nl/overzicht', 'brug is even niet bereikbaar'], ['/en/overview', 'brug cannot be reached right now']] as const) {
			const locale = path.slice(1, 3);
			const page = await fetch(`${app.server.origin}${path}`, { headers: { cookie }, redirect: 'manual' });
			expect(page.status, locale).toBe(503);
			expect(Number(page.headers.get('retry-after'))).toBeGreaterThan(0);
			expect(await page.text()).toContain(words);
		}
		// Without a session: a page whose load reads the database keeps its layout and says the same, calmly.
		const result = await fetch(`${app.server.origin}/nl/uitslag/${app.seed.resultToken}`);
		expect(result.status).toBe(503);
		expect(await result.text()).toContain('brug is even niet bereikbaar');
		const byToken = await fetch(`${app.server.origin}/api/v1/me/journal`, { headers: { authorization: 'Bearer brug_0000000000000000000000000000000000000000000' } });
		expect(byToken.status).toBe(503);
		expect(byToken.headers.get('content-type')).toBe('application/problem+json');
		const signIn = await fetch(`${app.server.origin}/nl/account/inloggen`, {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin', accept: 'text/html' },
			body: 'email=persoon%40example.nl&password=lang+genoeg+wachtwoord',
			redirect: 'manual'
		});
		expect(signIn.status).toBe(503);
		const health = await fetch(`${app.server.origin}/healthz`);
		expect(health.status).toBe(503);
		expect(app.server.output()).not.toMatch(/unhandled error/);
	});
});
