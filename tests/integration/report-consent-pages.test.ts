/**
 * Counting in the figures through the pages, as a browser without JavaScript sends them (the built app, both
 * databases): connecting with a professional's code with the box ticked and unticked, and the switch on
 * /account/delen, which says plainly what switching off means and refuses an organisation the person has no link with.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClientInvitation } from '$lib/features/consent/consent.server';
import { ensureFreshBuild } from './app-server';
import { testDatabases } from './databases';
import { startSeededApp, type SeededApp } from './seeded-app';
import type { AccountRole, Seed } from './role-fixtures';

const authSecret = 'counting-test-auth-secret-'.padEnd(48, 'x');
const setupToken = 'counting-test-setup-token-01234'.padEnd(32, '7');

beforeAll(() => ensureFreshBuild(), 300_000);

describe.each(testDatabases())('counting in the figures through the pages, on $name', (target) => {
	let app: SeededApp | undefined;
	let seed: Seed;
	let origin: string;

	beforeAll(async () => {
		app = await startSeededApp(target, { name: 'report-consent', authSecret, setupToken });
		({ seed } = app);
		origin = app.server.origin;
	}, 180_000);
	afterAll(() => app?.stop());

	const call = async (role: AccountRole, path: string, form?: Record<string, string | string[]>) => {
		const headers = new Headers({ cookie: seed.cookie(role), accept: 'text/html', 'accept-language': 'nl' });
		let body: string | undefined;
		if (form) {
			headers.set('origin', origin);
			headers.set('sec-fetch-site', 'same-origin');
			headers.set('content-type', 'application/x-www-form-urlencoded');
			body = new URLSearchParams(Object.entries(form).flatMap(([key, value]) => (Array.isArray(value) ? value.map((v) => [key, v]) : [[key, value]]))).toString();
		}
		const response = await fetch(`${origin}${path}`, { method: form ? 'POST' : 'GET', headers, body, redirect: 'manual' });
		return { status: response.status, location: response.headers.get('location'), text: await response.text() };
	};

	const open = (personId: string) =>
		app!.handle.db.selectFrom('report_consent').select(['organisation_id', 'ended_at']).where('person_id', '=', personId).where('ended_at', 'is', null).execute();

	const codeOfLinkedProfessional = async () =>
		(
			await createClientInvitation(app!.handle.db, {
				actor: { ...seed.accounts.linkedProfessional, locale: 'nl', twoFactorEnabled: true },
				organisationId: seed.organisationA,
				locale: 'nl',
				mailer: { send: async () => ({ delivered: 'outbox' as const, messageId: 'x' }) },
				linkFor: () => 'https://brug.test/'
			})
		).code;

	it('asks when connecting, unticked; an unticked box leaves the person out, a ticked one counts them', async () => {
		const code = await codeOfLinkedProfessional();
		const page = await call('otherPerson', `/nl/account/koppelen?code=${code}`);
		expect(page.status).toBe(200);
		expect(page.text).toMatch(/<input type="checkbox" name="countInReports" value="yes"\s*\/?>/);
		const unticked = await call('otherPerson', `/nl/account/koppelen?/accept&code=${code}`, { code, scopes: 'measurements' });
		expect(unticked.status, unticked.text).toBe(303);
		expect(await open(seed.accounts.otherPerson.id)).toEqual([]);

		const again = await codeOfLinkedProfessional();
		const ticked = await call('otherPerson', `/nl/account/koppelen?/accept&code=${again}`, { code: again, scopes: 'measurements', countInReports: 'yes' });
		expect(ticked.status, ticked.text).toBe(303);
		expect(await open(seed.accounts.otherPerson.id)).toEqual([{ organisation_id: seed.organisationA, ended_at: null }]);
	});

	it('switches on and off on /account/delen, and says what off means', async () => {
		const person = seed.accounts.person.id;
		const before = await call('person', '/nl/account/delen');
		expect(before.text).toContain('Meetellen in de cijfers');
		expect(before.text).toContain('Je telt niet mee in de cijfers.');

		const on = await call('person', '/nl/account/delen?/counting', { organisation: seed.organisationA, on: 'yes' });
		expect(on.status).toBe(303);
		expect(on.location).toBe('/nl/account/delen?meetellen');
		expect(await open(person)).toEqual([{ organisation_id: seed.organisationA, ended_at: null }]);
		const shown = await call('person', on.location!);
		expect(shown.text).toContain('Je telt nu mee in de cijfers. Zonder je naam.');
		expect(shown.text).toContain('Niet meer meetellen');

		const off = await call('person', '/nl/account/delen?/counting', { organisation: seed.organisationA, on: 'no' });
		expect(off.location).toBe('/nl/account/delen?nietmeetellen');
		expect(await open(person)).toEqual([]);
		expect((await call('person', off.location!)).text).toContain('Cijfers die vanaf nu gemaakt worden, tellen jou niet mee.');
	});

	it('refuses an organisation without a link, and a malformed choice, changing nothing', async () => {
		const person = seed.accounts.person.id;
		const elsewhere = await call('person', '/nl/account/delen?/counting', { organisation: seed.organisationB, on: 'yes' });
		expect(elsewhere.status).toBe(404);
		expect(elsewhere.text).toContain('Dit kon niet.');
		const malformed = await call('person', '/nl/account/delen?/counting', { organisation: seed.organisationA, on: 'misschien' });
		expect(malformed.status).toBe(400);
		expect(await open(person)).toEqual([]);
	});
});
