/**
 * A participant cannot learn who else is in their group: on SQLite and on PostgreSQL, `groupMate` (in group G with
 * `person`) fetches every page and API answer open to them (each GET the authorisation matrix lets them make, and
 * group G's own pages and API per session) and none holds `person`'s name, the name they chose for the group, their
 * e-mail, account id or participant id; and the same the other way round. The leader's own answer does hold both
 * names, so the data is really there.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureFreshBuild } from './app-server';
import { matrix } from './authorisation-matrix';
import { testDatabases } from './databases';
import { startSeededApp, type SeededApp } from './seeded-app';
import type { Seed } from './role-fixtures';

const authSecret = 'privacy-test-auth-secret-'.padEnd(48, 'x');
const setupToken = 'privacy-test-setup-token-012345'.padEnd(32, '7');

type Member = 'person' | 'groupMate';
const accountNames: Record<Member, string> = { person: 'Pim Persoon', groupMate: 'Gijs Genoot' };

beforeAll(() => ensureFreshBuild(), 300_000);

describe.each(testDatabases())('a group member learns nothing of another member, on $name', (target) => {
	let app: SeededApp | undefined;
	let seed: Seed;
	let origin: string;

	const call = async (role: Member | 'groupLeader', method: string, path: string, json?: unknown) => {
		const headers = new Headers({ cookie: seed.cookie(role), accept: path.startsWith('/api/') ? 'application/json' : 'text/html', 'accept-language': 'nl' });
		if (method !== 'GET') {
			headers.set('sec-fetch-site', 'same-origin');
			headers.set('origin', origin);
		}
		if (json !== undefined) headers.set('content-type', 'application/json');
		const response = await fetch(`${origin}${path}`, { method, headers, body: json === undefined ? undefined : JSON.stringify(json), redirect: 'manual' });
		return { status: response.status, text: await response.text() };
	};

	beforeAll(async () => {
		app = await startSeededApp(target, { name: 'group-privacy', authSecret, setupToken });
		({ seed } = app);
		origin = app.server.origin;
		// Something of each member in the group: attendance, a check-in with a line, an afmelding.
		const { id, sessionIds, participantIds } = seed.group;
		// Today's session (the series began a week ago, before anyone joined) took place.
		const held = await call('groupLeader', 'PATCH', `/api/v1/groups/${id}/sessions/${sessionIds[1]}`, { status: 'held' });
		expect(held.status, held.text).toBe(200);
		for (const member of ['person', 'groupMate'] as const) {
			const attended = await call('groupLeader', 'PUT', `/api/v1/groups/${id}/sessions/${sessionIds[1]}/attendance/${participantIds[member]}`, { status: 'present' });
			expect(attended.status, attended.text).toBe(200);
			const checkIn = await call(member, 'PUT', `/api/v1/me/groups/${id}/sessions/${sessionIds[1]}/check-in`, { welcome: 4, enjoyed: 4, come_again: 5, line: `Groet van ${seed.group.names[member]}` });
			expect(checkIn.status, checkIn.text).toBe(200);
			const excused = await call(member, 'PUT', `/api/v1/me/groups/${id}/sessions/${sessionIds[2]}/excuse`);
			expect(excused.status, excused.text).toBe(200);
		}
	}, 180_000);

	afterAll(() => app?.stop());

	/** Every GET the matrix lets the member make, and group G's pages and API answers for each of its sessions. */
	const reachable = async (member: Member): Promise<string[]> => {
		const fromMatrix = await Promise.all(matrix.filter((entry) => entry.operation === 'GET' && entry.expect[member] === 'allow').map(async (entry) => (await entry.request(seed)).path));
		const { id, sessionIds } = seed.group;
		const perSession = sessionIds.flatMap((sessionId) => [`/nl/groep/${id}/terugblik/${sessionId}`, `/api/v1/me/groups/${id}/sessions/${sessionId}/check-in`]);
		return [...new Set([...fromMatrix, `/nl/groep/${id}`, `/en/group/${id}`, `/api/v1/me/groups/${id}`, ...perSession])];
	};

	const secretsOf = (member: Member) => [
		accountNames[member],
		seed.group.names[member],
		seed.accounts[member].email,
		seed.accounts[member].id,
		seed.group.participantIds[member]
	];

	it('shows the leader both members, so there is something to hide', async () => {
		const overview = await call('groupLeader', 'GET', `/api/v1/groups/${seed.group.id}`);
		expect(overview.status).toBe(200);
		for (const member of ['person', 'groupMate'] as const) expect(overview.text).toContain(seed.group.names[member]);
	});

	for (const [member, other] of [
		['groupMate', 'person'],
		['person', 'groupMate']
	] as const) {
		it(`gives ${member} no page or API answer that names ${other}`, async () => {
			const paths = await reachable(member);
			expect(paths.length).toBeGreaterThan(40);
			const own = await call(member, 'GET', `/api/v1/me/groups/${seed.group.id}`);
			expect(own.status).toBe(200);
			for (const path of paths) {
				const { status, text } = await call(member, 'GET', path);
				expect(status, path).toBeLessThan(500);
				for (const secret of secretsOf(other)) expect(text.includes(secret), `${path} shows ${other}'s "${secret}"`).toBe(false);
			}
		}, 180_000);
	}
});
