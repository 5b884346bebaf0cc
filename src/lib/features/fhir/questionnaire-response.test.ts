import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import {
	instrumentIds,
	instruments,
	locales,
	scoreInstrument,
	type Answers,
	type InstrumentDefinition,
	type InstrumentId,
	type Locale
} from '$lib/features/instruments/instruments';
import type { StoredMeasurement } from '$lib/features/measurements/measurements.server';
import type { Bundle, Questionnaire, QuestionnaireResponse } from './fhir-types';
import { fhirBundle, questionnaireResponse } from './questionnaire-response';
import type { ExportParties } from './parties';
import { fhirCanonicalBase, questionnaireCanonical, questionnaireFor, scoreLinkIds } from './questionnaires';
import { createR4Validator, type R4Validator } from './r4-validator.testing';

/** An installation's canonical base, as `ORIGIN=https://brug.example.nl` gives it. */
const base = fhirCanonicalBase('https://brug.example.nl');

let r4: R4Validator;
beforeAll(() => {
	r4 = createR4Validator();
});

const takenAt = new Date('2026-03-01T09:30:00.000Z');
let counter = 0;
/** A stored measurement as `measurements.server` gives it: scored by the instrument's own function. */
function measurement(def: InstrumentDefinition, answers: Answers, at = takenAt): StoredMeasurement {
	counter += 1;
	const id = `00000000-0000-4000-8000-${String(counter).padStart(12, '0')}`;
	return { id, score: scoreInstrument(def, answers), answers, takenAt: at };
}

/** Every item answered, cycling through the options so each option occurs. */
function completeAnswers(def: InstrumentDefinition): Answers {
	return Object.fromEntries(
		def.items.map((item, index) => [item.number, def.options[index % def.options.length]!.id])
	);
}

function withoutItems(answers: Answers, numbers: number[]): Answers {
	return Object.fromEntries(Object.entries(answers).filter(([key]) => !numbers.includes(Number(key))));
}

/** What a receiver reads back: the scores the response carries. */
function scoresIn(response: QuestionnaireResponse) {
	const answer = (linkId: string) => response.item?.find((item) => item.linkId === linkId)?.answer[0];
	return {
		total: answer(scoreLinkIds.total)?.valueInteger ?? null,
		emotional: answer(scoreLinkIds.emotional)?.valueInteger ?? null,
		social: answer(scoreLinkIds.social)?.valueInteger ?? null,
		band: answer(scoreLinkIds.band)?.valueCoding?.code ?? null
	};
}

function expectedScores(def: InstrumentDefinition, answers: Answers) {
	const score = scoreInstrument(def, answers);
	return {
		total: score.total,
		emotional: score.subscales?.emotional ?? null,
		social: score.subscales?.social ?? null,
		band: score.band
	};
}

/** Every response item is defined in the Questionnaire, and every coded answer is one of its answer options. */
function expectConsistentWith(response: QuestionnaireResponse, questionnaire: Questionnaire) {
	expect(response.questionnaire).toBe(`${questionnaire.url}|${questionnaire.version}`);
	const definitions = new Map(questionnaire.item.map((item) => [item.linkId, item]));
	const order = questionnaire.item.map((item) => item.linkId);
	for (const item of response.item ?? []) {
		const definition = definitions.get(item.linkId);
		expect(definition, `linkId ${item.linkId} in the Questionnaire`).toBeDefined();
		expect(item.text).toBe(definition?.text);
		expect(item.answer).toHaveLength(1);
		const [answer] = item.answer;
		if (definition?.type === 'choice') {
			const offered = definition.answerOption?.map(({ valueCoding: { system, code, display } }) => ({
				system,
				code,
				display
			}));
			expect(offered).toContainEqual(answer?.valueCoding);
		} else {
			expect(definition?.type).toBe('integer');
			expect(Number.isInteger(answer?.valueInteger)).toBe(true);
		}
	}
	// Same order as the Questionnaire.
	const positions = (response.item ?? []).map((item) => order.indexOf(item.linkId));
	expect(positions).toEqual([...positions].sort((a, b) => a - b));
}

const cases = instrumentIds.flatMap((id) => locales.map((locale) => ({ id, locale })));

describe('questionnaireResponse', () => {
	it.each(cases)('$id ($locale), complete: valid R4 with answers and the instrument’s scores', ({ id, locale }) => {
		const def = instruments[id];
		const answers = completeAnswers(def);
		const response = questionnaireResponse(measurement(def, answers), { locale, base });

		expect(r4.validate(response)).toEqual([]);
		expect(response).toMatchObject({
			resourceType: 'QuestionnaireResponse',
			status: 'completed',
			language: locale,
			questionnaire: questionnaireCanonical(def, base),
			authored: '2026-03-01T09:30:00.000Z'
		});
		expect(response.subject).toBeUndefined();
		expectConsistentWith(response, questionnaireFor(def, { locale, base }));
		const answered = response.item?.filter((item) => !item.linkId.startsWith('score-'));
		expect(answered?.map((item) => [item.linkId, item.answer[0]?.valueCoding?.code])).toEqual(
			def.items.map((item) => [String(item.number), answers[item.number]])
		);
		const scores = scoresIn(response);
		expect(scores).toEqual(expectedScores(def, answers));
		expect(scores.total).not.toBeNull();
	});

	it.each(cases)('$id ($locale), with gaps: valid R4, gaps left out, scores by the rule', ({ id, locale }) => {
		const def = instruments[id];
		const missingOne = withoutItems(completeAnswers(def), [def.items[0]!.number]);
		const missingTwo = withoutItems(completeAnswers(def), def.items.slice(0, 2).map((item) => item.number));
		for (const answers of [missingOne, missingTwo]) {
			const response = questionnaireResponse(measurement(def, answers), { locale, base });
			expect(r4.validate(response)).toEqual([]);
			expectConsistentWith(response, questionnaireFor(def, { locale, base }));
			expect(response.item?.some((item) => item.linkId === String(def.items[0]!.number))).toBe(false);
			expect(scoresIn(response)).toEqual(expectedScores(def, answers));
		}
	});

	it('follows each instrument’s missing rule: DJG-6 keeps its total with one gap, DJG-11 and UCLA-3 do not', () => {
		const djg6 = instruments['djg-6'];
		// Item 3 is emotional: the emotional subscale goes, the social one and the total stay.
		const djg6Scores = scoresIn(
			questionnaireResponse(measurement(djg6, withoutItems(completeAnswers(djg6), [3])), { locale: 'nl', base })
		);
		expect(djg6Scores.total).not.toBeNull();
		expect(djg6Scores.band).not.toBeNull();
		expect(djg6Scores.emotional).toBeNull();
		expect(djg6Scores.social).not.toBeNull();

		for (const id of ['djg-11', 'ucla-3'] as const) {
			const def = instruments[id];
			const response = questionnaireResponse(measurement(def, withoutItems(completeAnswers(def), [1])), {
				locale: 'en',
				base
			});
			expect(response.item?.map((item) => item.linkId)).not.toContain(scoreLinkIds.total);
			expect(response.item?.map((item) => item.linkId)).not.toContain(scoreLinkIds.band);
		}
	});

	it('leaves `item` out when nothing was answered (FHIR JSON has no empty arrays), and is still valid', () => {
		for (const id of instrumentIds) {
			const response = questionnaireResponse(measurement(instruments[id], {}), { locale: 'nl', base });
			expect(response.item).toBeUndefined();
			expect(r4.validate(response)).toEqual([]);
		}
	});

	it('names the subject and the author when given', () => {
		const response = questionnaireResponse(measurement(instruments['ucla-3'], completeAnswers(instruments['ucla-3'])), {
			locale: 'en',
			base,
			subject: { reference: 'urn:uuid:00000000-0000-4000-8000-0000000000aa' },
			author: { reference: 'urn:uuid:00000000-0000-4000-8000-0000000000bb' }
		});
		expect(response.subject).toEqual({ reference: 'urn:uuid:00000000-0000-4000-8000-0000000000aa' });
		expect(response.author).toEqual({ reference: 'urn:uuid:00000000-0000-4000-8000-0000000000bb' });
		expect(r4.validate(response)).toEqual([]);
	});

	it('gives the band and answers in the export language', () => {
		const def = instruments['djg-11'];
		const answers: Answers = Object.fromEntries(def.items.map((item) => [item.number, 'more_or_less']));
		const nl = questionnaireResponse(measurement(def, answers), { locale: 'nl', base });
		const en = questionnaireResponse(measurement(def, answers), { locale: 'en', base });
		expect(nl.item?.[0]?.answer[0]?.valueCoding?.display).toBe('min of meer');
		expect(en.item?.[0]?.answer[0]?.valueCoding?.display).toBe('more or less');
		// 11 × "more or less" = 11 points: very severely lonely.
		expect(nl.item?.at(-1)?.answer[0]?.valueCoding).toEqual({
			system: 'https://brug.example.nl/fhir/CodeSystem/djg-11-band',
			code: 'very_severely_lonely',
			display: 'zeer sterk eenzaam'
		});
	});

	it('matches the instrument’s scoring and stays valid R4 for any answers (property)', () => {
		const arbitraryCase = fc
			.constantFrom(...instrumentIds)
			.chain((id) =>
				fc.record({
					id: fc.constant(id),
					locale: fc.constantFrom<Locale>(...locales),
					answers: fc.record(
						Object.fromEntries(
							instruments[id].items.map((item) => [
								item.number,
								fc.constantFrom(...instruments[id].options.map((option) => option.id))
							])
						),
						{ requiredKeys: [] }
					)
				})
			);
		fc.assert(
			fc.property(arbitraryCase, ({ id, locale, answers }) => {
				const def = instruments[id];
				const response = questionnaireResponse(measurement(def, answers as Answers), { locale, base });
				expect(r4.validate(response)).toEqual([]);
				expectConsistentWith(response, questionnaireFor(def, { locale, base }));
				expect(scoresIn(response)).toEqual(expectedScores(def, answers as Answers));
			}),
			{ numRuns: 60 }
		);
	});

	it('a broken response fails validation', () => {
		const def = instruments['djg-6'];
		const response = questionnaireResponse(measurement(def, completeAnswers(def)), { locale: 'nl', base });
		const broken = structuredClone(response) as unknown as {
			authored: string;
			item: Array<{ answer: Array<Record<string, unknown>> }>;
		};
		broken.authored = '1 maart 2026';
		broken.item[0]!.answer[0] = { valueCoding: 'yes' };
		const errors = r4.validate(broken);
		expect(errors.some((line) => line.startsWith('/authored '))).toBe(true);
		expect(errors.some((line) => line.startsWith('/item/0/answer/0/valueCoding '))).toBe(true);
		expect(r4.validate({ ...response, status: 'done' })).not.toEqual([]);
	});

	it('refuses what it cannot describe: another instrument version, or an answer that is not an option', () => {
		const def = instruments['ucla-3'];
		const stored = measurement(def, completeAnswers(def));
		expect(() =>
			questionnaireResponse({ ...stored, score: { ...stored.score, version: '1999' } }, { locale: 'en', base })
		).toThrow(/version 1999/);
		expect(() => questionnaireResponse({ ...stored, answers: { 1: 'always' } }, { locale: 'en', base })).toThrow(
			/unknown option "always"/
		);
		expect(() => questionnaireResponse({ ...stored, id: 'not a FHIR id' }, { locale: 'en', base })).toThrow(/FHIR id/);
	});
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
