import { beforeAll, describe, expect, it } from 'vitest';
import { instruments, locales, type InstrumentId } from '$lib/features/instruments/instruments';
import type { StoredMeasurement } from '$lib/features/measurements/measurements.server';
import type { Bundle } from './fhir-types';
import { fhirBundle } from './questionnaire-response';
import type { ExportParties } from './parties';
import { base, completeAnswers, expectConsistentWith, expectedScores, measurement, scoresIn, withoutItems } from './measurement-fixtures.testing';
import { createR4Validator, type R4Validator } from './r4-validator.testing';

let r4: R4Validator;
beforeAll(() => {
	r4 = createR4Validator();
});

describe('fhirBundle', () => {
	const history = (): StoredMeasurement[] => [
		measurement(instruments['djg-11'], completeAnswers(instruments['djg-11']), new Date('2026-01-05T10:00:00Z')),
		measurement(instruments['ucla-3'], { 1: 'often', 3: 'some_of_the_time' }, new Date('2026-01-12T10:00:00Z')),
		measurement(instruments['djg-11'], withoutItems(completeAnswers(instruments['djg-11']), [5])),
		measurement(instruments['djg-6'], {})
	];
	const parties = (chosenName: string | null = 'Anna'): ExportParties => ({
		client: { id: '0a000000-0000-4000-8000-000000000001', chosenName },
		author: {
			id: '0b000000-0000-4000-8000-000000000002',
			name: 'Joris Smit',
			roleId: '0c000000-0000-4000-8000-000000000003',
			organisation: { id: '0d000000-0000-4000-8000-000000000004', name: 'Welzijn Noord' }
		}
	});
	const resourcesOf = <Type extends string>(bundle: Bundle, type: Type) =>
		(bundle.entry ?? []).flatMap((entry) => (entry.resource.resourceType === type ? [entry] : []));

	it.each(locales)('is a valid R4 collection of the parties, the Questionnaires used and one response each (%s)', (locale) => {
		const measurements = history();
		const bundle = fhirBundle(measurements, { locale, base, parties: parties(), timestamp: new Date('2026-03-02T12:00:00Z') });
		expect(r4.validate(bundle)).toEqual([]);
		expect(bundle.type).toBe('collection');
		expect(bundle.timestamp).toBe('2026-03-02T12:00:00.000Z');

		const entries = bundle.entry ?? [];
		const questionnaires = entries.flatMap((entry) =>
			entry.resource.resourceType === 'Questionnaire' ? [entry.resource] : []
		);
		const responses = entries.flatMap((entry) =>
			entry.resource.resourceType === 'QuestionnaireResponse' ? [entry.resource] : []
		);
		// The parties first, then each Questionnaire once, in registry order, before the responses.
		expect(entries.slice(0, 4).map((entry) => entry.resource.resourceType)).toEqual([
			'Patient',
			'Practitioner',
			'Organization',
			'PractitionerRole'
		]);
		expect(questionnaires.map((q) => q.id)).toEqual(['djg-11', 'djg-6', 'ucla-3']);
		expect(entries.slice(4, 7).every((entry) => entry.resource.resourceType === 'Questionnaire')).toBe(true);
		expect(responses.map((r) => r.id)).toEqual(measurements.map((m) => m.id));
		// Every canonical URL is under the installation's ORIGIN; nothing points at brug.example any more.
		expect(questionnaires.every((q) => q.url.startsWith('https://brug.example.nl/fhir/Questionnaire/'))).toBe(true);
		expect(JSON.stringify(bundle)).not.toMatch(/brug\.example\//);

		// bdl-7: full URLs are unique; a RESTful full URL ends in the resource's id.
		const fullUrls = entries.map((entry) => entry.fullUrl);
		expect(new Set(fullUrls).size).toBe(fullUrls.length);
		for (const entry of entries) {
			if (entry.fullUrl.startsWith('urn:uuid:')) expect(entry.fullUrl).toBe(`urn:uuid:${entry.resource.id}`);
			else expect(entry.fullUrl.endsWith(`/${entry.resource.resourceType}/${entry.resource.id}`)).toBe(true);
		}

		const [patient] = resourcesOf(bundle, 'Patient');
		const [role] = resourcesOf(bundle, 'PractitionerRole');
		for (const [index, response] of responses.entries()) {
			const questionnaire = questionnaires.find((q) => `${q.url}|${q.version}` === response.questionnaire);
			expect(questionnaire, `Questionnaire for ${response.questionnaire} in the bundle`).toBeDefined();
			expectConsistentWith(response, questionnaire!);
			const stored = measurements[index]!;
			expect(scoresIn(response)).toEqual(
				expectedScores(instruments[stored.score.instrument as InstrumentId], stored.answers)
			);
			// Whose answers they are, and who hands them over: both resolve inside the Bundle.
			expect(response.subject).toEqual({ reference: patient!.fullUrl });
			expect(response.author).toEqual({ reference: role!.fullUrl });
			expect(response.authored).toBe(stored.takenAt.toISOString());
		}
	});

	it('names the client by brug’s id (and a chosen name only), and the author with their organisation', () => {
		const bundle = fhirBundle(history(), { locale: 'nl', base, parties: parties() });
		const resource = (type: string) => resourcesOf(bundle, type)[0]?.resource;
		expect(resource('Patient')).toEqual({
			resourceType: 'Patient',
			id: '0a000000-0000-4000-8000-000000000001',
			identifier: [{ system: 'https://brug.example.nl/fhir/sid/client', value: '0a000000-0000-4000-8000-000000000001' }],
			name: [{ text: 'Anna' }]
		});
		expect(resource('Practitioner')).toMatchObject({
			identifier: [{ system: 'https://brug.example.nl/fhir/sid/professional', value: '0b000000-0000-4000-8000-000000000002' }],
			name: [{ text: 'Joris Smit' }]
		});
		expect(resource('Organization')).toMatchObject({
			identifier: [{ system: 'https://brug.example.nl/fhir/sid/organisation', value: '0d000000-0000-4000-8000-000000000004' }],
			name: 'Welzijn Noord'
		});
		expect(resource('PractitionerRole')).toEqual({
			resourceType: 'PractitionerRole',
			id: '0c000000-0000-4000-8000-000000000003',
			practitioner: { reference: 'urn:uuid:0b000000-0000-4000-8000-000000000002' },
			organization: { reference: 'urn:uuid:0d000000-0000-4000-8000-000000000004' }
		});

		// Without a chosen name the Patient has no name at all (FHIR allows no empty strings).
		for (const chosenName of [null, '  ']) {
			const anonymous = fhirBundle(history(), { locale: 'en', base, parties: parties(chosenName) });
			expect(resourcesOf(anonymous, 'Patient')[0]?.resource).not.toHaveProperty('name');
			expect(r4.validate(anonymous)).toEqual([]);
		}
	});

	it('is valid without measurements: no `entry` at all', () => {
		const bundle = fhirBundle([], { locale: 'nl', base, parties: parties() });
		expect(bundle).toEqual({ resourceType: 'Bundle', type: 'collection' });
		expect(r4.validate(bundle)).toEqual([]);
	});

	it('a broken bundle fails validation', () => {
		const bundle = fhirBundle(history(), { locale: 'en', base, parties: parties() });
		expect(r4.validate({ ...bundle, type: 'export' })).not.toEqual([]);
		const entries = structuredClone(bundle.entry ?? []) as unknown as Array<{ resource: Record<string, unknown> }>;
		entries[5]!.resource.resourceType = 'Questionary';
		expect(r4.validate({ ...bundle, entry: entries })).not.toEqual([]);
		const missingType = structuredClone(bundle) as unknown as { type?: string };
		delete missingType.type;
		expect(r4.validate(missingType)).toEqual(['/type is required (R4 1..1)']);
	});

	it('needs UUIDs for its urn:uuid full URLs', () => {
		const stored = measurement(instruments['ucla-3'], {});
		expect(() => fhirBundle([{ ...stored, id: 'measurement-1' }], { locale: 'en', base, parties: parties() })).toThrow(/UUID/);
		const badClient = { ...parties(), client: { id: 'client-1', chosenName: null } };
		expect(() => fhirBundle([stored], { locale: 'en', base, parties: badClient })).toThrow(/client id is not a lower-case UUID/);
	});
});
