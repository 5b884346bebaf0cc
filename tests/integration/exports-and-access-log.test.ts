/**
 * What leaves brug about a client, and what the client sees of it, through the built app on both databases:
 * - the professional's FHIR and CSV downloads: a valid R4 Bundle whose QuestionnaireResponses all name the client
 *   (a Patient in the Bundle, by brug's id and chosen name only) and the exporting professional with their
 *   organisation (a PractitionerRole); canonical URLs and identifier systems under ORIGIN; file names with the
 *   chosen name and the day;
 * - the person's access log as visits: one professional's reads in one sitting on one line, the detail one fold away,
 *   paged by whole visits, in Dutch and English; reading it writes nothing to the log.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordAuditEvent } from '$lib/kernel/audit.server';
import type { AuditAction } from '$lib/kernel/audit-actions';
import type { BundleEntry, QuestionnaireResponse } from '$lib/features/fhir/fhir-types';
import { createR4Validator, type R4Validator } from '$lib/features/fhir/r4-validator.testing';
import { instruments } from '$lib/features/instruments/instruments';
import { saveMeasurementForAccount } from '$lib/features/measurements/measurements.server';
import { localDay } from '$lib/time';
import { ensureFreshBuild } from './app-server';
import { testDatabases } from './databases';
import { startSeededApp, type SeededApp } from './seeded-app';
import type { AccountRole, Seed } from './role-fixtures';

const authSecret = 'exports-test-auth-secret-'.padEnd(48, 'x');
const setupToken = 'exports-test-setup-token-0123456'.padEnd(32, '7');

let r4: R4Validator;
beforeAll(async () => {
	await ensureFreshBuild();
	r4 = createR4Validator();
}, 300_000);

/** The text of the HTML, tags and comments gone, white space as single spaces. */
const textOf = (html: string) =>
	html
		.replace(/<!--.*?-->/gs, '')
		.replace(/<[^>]+>/g, ' ')
		.replace(/&amp;/g, '&')
		.replace(/&#39;|&apos;/g, "'")
		.replace(/\s+/g, ' ');
const count = (html: string, pattern: RegExp) => html.match(pattern)?.length ?? 0;

describe.each(testDatabases())('exports and the access log, on $name', (target) => {
	let app: SeededApp | undefined;
	let seed: Seed;
	let origin: string;

	beforeAll(async () => {
		app = await startSeededApp(target, { name: 'exports', authSecret, setupToken });
		({ seed } = app);
		origin = app.server.origin;
		const djg11 = instruments['djg-11'];
		for (const at of ['2026-11-02T10:00:00Z', '2026-11-30T10:00:00Z']) {
			const answers = Object.fromEntries(djg11.items.map((item) => [item.number, 'more_or_less']));
			await saveMeasurementForAccount(app.handle.db, { accountId: seed.accounts.person.id, instrument: djg11, answers, now: new Date(at) });
		}
	}, 180_000);
	afterAll(() => app?.stop());

	const get = async (role: AccountRole, path: string) => {
		const response = await fetch(`${origin}${path}`, { headers: { cookie: seed.cookie(role), 'accept-language': 'nl' }, redirect: 'manual' });
		return { status: response.status, headers: response.headers, text: await response.text() };
	};
	const eventsAboutPerson = async () =>
		Number(
			(
				await app!.handle.db
					.selectFrom('audit_event')
					.select((eb) => eb.fn.countAll().as('n'))
					.where('subject_id', '=', seed.accounts.person.id)
					.where('actor_id', '!=', seed.accounts.person.id)
					.executeTakeFirstOrThrow()
			).n
		);

	it('exports FHIR R4 with the client as subject and the professional as author, under ORIGIN, named by name and day', async () => {
		const { person, linkedProfessional } = seed.accounts;
		const response = await get('linkedProfessional', `/nl/werk/clienten/${person.id}/fhir`);
		expect(response.status).toBe(200);
		const day = localDay();
		expect(response.headers.get('content-disposition')).toBe(
			`attachment; filename="brug-metingen-pim-${day}.fhir.json"; filename*=UTF-8''brug-metingen-pim-${day}.fhir.json`
		);
		const bundle = JSON.parse(response.text) as { entry: BundleEntry[] };
		expect(r4.validate(bundle)).toEqual([]);

		const byUrl = new Map(bundle.entry.map((entry) => [entry.fullUrl, entry.resource]));
		const responses = bundle.entry.flatMap((entry) => (entry.resource.resourceType === 'QuestionnaireResponse' ? [entry.resource as QuestionnaireResponse] : []));
		expect(responses).toHaveLength(2);
		for (const answer of responses) {
			expect(byUrl.get(answer.subject!.reference)).toEqual({
				resourceType: 'Patient',
				id: person.id,
				identifier: [{ system: `${origin}/fhir/sid/client`, value: person.id }],
				name: [{ text: 'Pim' }]
			});
			const role = byUrl.get(answer.author!.reference);
			expect(role?.resourceType).toBe('PractitionerRole');
			if (role?.resourceType !== 'PractitionerRole') continue;
			expect(byUrl.get(role.practitioner.reference)).toMatchObject({
				resourceType: 'Practitioner',
				identifier: [{ system: `${origin}/fhir/sid/professional`, value: linkedProfessional.id }],
				name: [{ text: 'Gerda Gekoppeld' }]
			});
			expect(byUrl.get(role.organization.reference)).toMatchObject({
				resourceType: 'Organization',
				identifier: [{ system: `${origin}/fhir/sid/organisation`, value: seed.organisationA }],
				name: 'Buurtteam A'
			});
			expect(answer.questionnaire).toBe(`${origin}/fhir/Questionnaire/djg-11|${instruments['djg-11'].version}`);
		}
		// Pseudonymous: no address of anyone, and nothing under another installation's base.
		expect(response.text).not.toContain(person.email);
		expect(response.text).not.toContain(linkedProfessional.email);
		expect(response.text).not.toContain('brug.example/');

		const csv = await get('linkedProfessional', `/nl/werk/clienten/${person.id}/metingen.csv`);
		expect(csv.status).toBe(200);
		expect(csv.headers.get('content-disposition')).toBe(
			`attachment; filename="brug-metingen-pim-${day}.csv"; filename*=UTF-8''brug-metingen-pim-${day}.csv`
		);
	});

	it('shows the access log as visits, paged by whole visits, and reading it writes nothing', async () => {
		const { db } = app!.handle;
		const { person, linkedProfessional, unlinkedProfessional } = seed.accounts;
		const read = (actorId: string, at: string, action: AuditAction, object: string | null = null) =>
			recordAuditEvent(db, { actorId, organisationId: seed.organisationA, subjectId: person.id, action, object, now: new Date(at) });
		// One sitting on 6 December, 14:02 in Amsterdam: the page, results, the same entry twice and another.
		await read(linkedProfessional.id, '2026-12-06T13:02:00Z', 'client.record.read', 'measurements,programme');
		await read(linkedProfessional.id, '2026-12-06T13:02:01Z', 'client.scope.read', 'measurements');
		await read(linkedProfessional.id, '2026-12-06T13:02:02Z', 'client.shared_entry.read', 'entry-1');
		await read(linkedProfessional.id, '2026-12-06T13:10:00Z', 'client.shared_entry.read', 'entry-2');
		await read(linkedProfessional.id, '2026-12-06T13:39:59Z', 'client.shared_entry.read', 'entry-1');
		// A colleague an hour later.
		await read(unlinkedProfessional.id, '2026-12-06T14:30:00Z', 'client.record.read', 'measurements');
		// 30 older sittings of three reads each, a day apart (10:00 in Amsterdam): more than one page of visits.
		for (let day = 1; day <= 30; day += 1) {
			const at = (minute: number) => `2026-11-${String(day).padStart(2, '0')}T09:0${minute}:00Z`;
			for (const minute of [0, 1, 2]) await read(linkedProfessional.id, at(minute), 'client.scope.read', 'measurements');
		}

		const before = await eventsAboutPerson();
		const first = await get('person', '/nl/account/inzage');
		expect(first.status).toBe(200);
		const text = textOf(first.text);
		expect(text).toContain(
			'Gerda Gekoppeld (Buurtteam A) bekeek op 6 dec 2026 om 14:02: je pagina, je uitslagen en 2 stukjes die jij wilde bespreken'
		);
		expect(text).toContain('Lotte Los (Buurtteam A) bekeek op 6 dec 2026 om 15:30: je pagina');
		// The detail is one fold away: each read with its time, in words.
		const sitting = first.text.slice(first.text.indexOf('bekeek op 6 dec 2026 om 14:02'));
		const detail = textOf(sitting.slice(0, sitting.indexOf('</details>')));
		expect(detail).toMatch(/14:02 Heeft je pagina geopend 14:02 Heeft bekeken: Mijn uitslagen 14:02 Heeft een stukje gelezen .* 14:10 .* 14:39 /);
		expect(count(first.text, /<details class="visit/g)).toBe(20);
		expect(await eventsAboutPerson()).toBe(before);

		// The next pages hold the other visits whole: every event exactly once over all pages.
		const pages = [first.text];
		const older = /href="(\/nl\/account\/inzage\?voor=[^"]+)"/;
		for (let next = first.text.match(older)?.[1]; next; ) {
			const page = await get('person', next.replace(/&amp;/g, '&'));
			expect(page.status).toBe(200);
			pages.push(page.text);
			next = page.text.match(older)?.[1];
		}
		expect(pages.length).toBeGreaterThan(1);
		const events = pages.reduce((sum, page) => sum + count(page, /<time datetime=/g), 0);
		expect(events).toBe(before);
		const olderSittings = textOf(pages.join(' ')).match(/bekeek op \d+ nov 2026 om 10:00: je uitslagen /g) ?? [];
		expect(olderSittings).toHaveLength(30);
		expect(await eventsAboutPerson()).toBe(before);

		const english = await get('person', '/en/account/access-log');
		expect(textOf(english.text)).toContain(
			'Gerda Gekoppeld (Buurtteam A) looked on 6 Dec 2026 at 14:02: your page, your results and 2 pieces you wanted to discuss'
		);
	});
});
