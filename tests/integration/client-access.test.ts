/**
 * The one rule of access, set-based: `clientGrants` answers "which of these people may this professional read, for
 * this scope" for one person and for a list alike, and every path that decides consent (the client page, the
 * caseload, questionnaire requests) asks it.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SignedInAccount } from '$lib/server/auth/account';
import { clientGrants } from '$lib/kernel/client-access.server';
import { requireClientAccess } from '$lib/kernel/policy.server';
import { removeMember } from '$lib/composers/consent-changes.server';
import { deleteAccount } from '$lib/composers/personal-data/personal-data.server';
import { openCaseload } from '$lib/composers/caseload/caseload.server';
import type { DatabaseHandle } from '$lib/server/db/client';
import { testDatabases } from './databases';
import { professionalFixtures, type TestOrganisation } from './professional-fixtures';
import { refusal } from './refusal';

describe.each(testDatabases())('clientGrants on $name', (target) => {
	let handle: DatabaseHandle;
	let fixtures: ReturnType<typeof professionalFixtures>;
	let noord: TestOrganisation;
	let piet: SignedInAccount;
	let kees: SignedInAccount;
	let olaf: SignedInAccount;

	beforeEach(async () => {
		handle = await target.open();
		fixtures = professionalFixtures(handle);
		noord = await fixtures.organisation('Buurtteam Noord', { email: 'ada@noord.nl', name: 'Ada Admin' });
		piet = await fixtures.professional(noord, 'piet@noord.nl', 'Piet Prof');
		kees = await fixtures.professional(noord, 'kees@noord.nl', 'Kees Collega');
		const zuid = await fixtures.organisation('Buurtteam Zuid', { email: 'zora@zuid.nl', name: 'Zora Admin' });
		olaf = await fixtures.professional(zuid, 'olaf@zuid.nl', 'Olaf Zuid');
	});
	afterEach(() => handle.close());

	const people = async (...names: string[]) => Promise.all(names.map((name) => fixtures.person(`${name.toLowerCase()}@example.nl`, name)));

	it('answers for a list at once: own grants, team grants, colleagues’ own grants, scopes and strangers', async () => {
		const [anna, ben, cas, dirk, eva] = await people('Anna', 'Ben', 'Cas', 'Dirk', 'Eva');
		await fixtures.connect(anna!, piet, ['measurements']);
		await fixtures.connect(ben!, kees, ['measurements', 'health_web'], { audience: 'organisation' });
		await fixtures.connect(cas!, kees, ['measurements']);
		await fixtures.connect(dirk!, piet, ['health_web']);
		await fixtures.connect(eva!, olaf, ['measurements']);
		const ids = [anna!, ben!, cas!, dirk!, eva!].map((p) => p.id);

		const all = await clientGrants(handle.db, { professionalId: piet.id, personIds: ids });
		expect([...all.keys()].sort()).toEqual([anna!.id, ben!.id, dirk!.id].sort());
		expect(all.get(ben!.id)).toMatchObject({ organisationId: noord.id, scopes: ['measurements', 'health_web'], sharedWithTeam: true, personName: 'Ben' });
		expect(all.get(anna!.id)).toMatchObject({ scopes: ['measurements'], sharedWithTeam: false });

		const measurements = await clientGrants(handle.db, { professionalId: piet.id, personIds: ids, scope: 'measurements' });
		expect([...measurements.keys()].sort()).toEqual([anna!.id, ben!.id].sort());

		// Without a list: everyone the professional may read; the same answer as the list gives.
		const everyone = await clientGrants(handle.db, { professionalId: piet.id });
		expect([...everyone.keys()].sort()).toEqual([...all.keys()].sort());
		// The client page and the caseload ask the same rule, so they agree.
		expect((await openCaseload(handle.db, { actor: piet })).entries.map((e) => e.facts.personId).sort()).toEqual([...all.keys()].sort());
		for (const person of [cas!, eva!]) {
			expect(await refusal(requireClientAccess(handle.db, piet, { personId: person.id }))).toEqual({ status: 403, reason: 'no_access' });
		}
	});

	it('reaches nobody once the professional left the organisation, or their account is gone; a team grant stays for colleagues', async () => {
		const [anna, ben] = await people('Anna', 'Ben');
		await fixtures.connect(anna!, piet, ['measurements']);
		await fixtures.connect(ben!, piet, ['measurements'], { audience: 'organisation' });
		const membership = await handle.db
			.selectFrom('membership')
			.select('id')
			.where('account_id', '=', piet.id)
			.where('organisation_id', '=', noord.id)
			.executeTakeFirstOrThrow();
		expect(await removeMember(handle.db, { actor: noord.admin, organisationId: noord.id, membershipId: membership.id })).toMatchObject({ ok: true });
		expect((await clientGrants(handle.db, { professionalId: piet.id })).size).toBe(0);
		expect([...(await clientGrants(handle.db, { professionalId: kees.id })).keys()]).toEqual([ben!.id]);
		expect(await deleteAccount(handle.db, { account: piet })).toEqual({ ok: true });
		expect([...(await clientGrants(handle.db, { professionalId: kees.id })).keys()]).toEqual([ben!.id]);
	});

	it('narrows to one organisation when asked (a request made there), and never lets a professional read their own record', async () => {
		const [anna] = await people('Anna');
		await fixtures.connect(anna!, piet, ['measurements']);
		expect((await clientGrants(handle.db, { professionalId: piet.id, organisationId: noord.id })).has(anna!.id)).toBe(true);
		const elsewhere = await fixtures.organisation('Elders', { email: 'eli@elders.nl', name: 'Eli Admin' });
		expect((await clientGrants(handle.db, { professionalId: piet.id, organisationId: elsewhere.id })).size).toBe(0);
		// Kees is also a client of his own team: the team grant never lets him read himself.
		await fixtures.connect(kees, piet, ['measurements'], { audience: 'organisation' });
		expect((await clientGrants(handle.db, { professionalId: kees.id })).has(kees.id)).toBe(false);
		expect((await clientGrants(handle.db, { professionalId: piet.id })).has(kees.id)).toBe(true);
		expect((await clientGrants(handle.db, { professionalId: piet.id, personIds: [] })).size).toBe(0);
	});
});
