import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { instrumentIds, instruments, locales, type Answers, type InstrumentId, type Locale } from '$lib/features/instruments/instruments';
import { questionnaireResponse } from './questionnaire-response';
import { base, completeAnswers, expectConsistentWith, expectedScores, measurement, scoresIn, withoutItems } from './measurement-fixtures.testing';
import { questionnaireCanonical, questionnaireFor, scoreLinkIds } from './questionnaires';
import { createR4Validator, type R4Validator } from './r4-validator.testing';

let r4: R4Validator;
beforeAll(() => {
	r4 = createR4Validator();
});

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
