import { beforeAll, describe, expect, it } from 'vitest';
import { instrumentIds, instruments, locales } from '$lib/features/instruments/instruments';
import {
	answerCodeSystem,
	bandCodeSystem,
	brugQuestionnaires,
	fhirCanonicalBase,
	leadInLinkId,
	questionnaireCanonical,
	questionnaireFor,
	questionnaireUrl,
	scoreLinkIds
} from './questionnaires';
import { createR4Validator, type R4Validator } from './r4-validator.testing';

let r4: R4Validator;
beforeAll(() => {
	r4 = createR4Validator();
});

/** An installation's canonical base, as `ORIGIN=https://brug.example.nl` gives it. */
const base = fhirCanonicalBase('https://brug.example.nl');
const cases = instrumentIds.flatMap((id) => locales.map((locale) => ({ id, locale })));

describe('the R4 schema check itself', () => {
	it('accepts a minimal valid resource and rejects broken ones, so a pass means something', () => {
		expect(r4.validate({ resourceType: 'Questionnaire', status: 'active' })).toEqual([]);
		// status is 1..1 (checked beside the schema, which requires no primitives)
		expect(r4.validate({ resourceType: 'Questionnaire' })).toEqual(['/status is required (R4 1..1)']);
		const absent = { url: 'http://hl7.org/fhir/StructureDefinition/data-absent-reason', valueCode: 'unknown' };
		expect(r4.validate({ resourceType: 'Questionnaire', _status: { extension: [absent] } })).toEqual([]);
		expect(r4.validate({ resourceType: 'Questionnaire', status: 'active', _title: { extension: [{}] } })).toEqual(
			['/_title/extension/0/url is required (R4 1..1)']
		);
		const nested = { linkId: '1', item: [{ type: 'display' }] };
		expect(r4.validate({ resourceType: 'Questionnaire', status: 'active', item: [nested] })).toEqual([
			'/item/0/type is required (R4 1..1)',
			'/item/0/item/0/linkId is required (R4 1..1)'
		]);
		// not an R4 element
		expect(r4.validate({ resourceType: 'Questionnaire', status: 'active', colour: 'blue' })).not.toEqual([]);
		// not an R4 resource type
		expect(r4.validate({ resourceType: 'Questionary', status: 'active' })).not.toEqual([]);
	});

	it('is the official schema, tightened only where FHIR JSON is stricter than the schema file', () => {
		const exact = createR4Validator({ exact: true });
		const loose = {
			resourceType: 'QuestionnaireResponse',
			status: 'completed',
			item: [{ linkId: '1', answer: [{ valueCoding: 'yes' }, { valueInteger: 1.5 }] }]
		};
		expect(exact.validate(loose)).toEqual([]);
		const errors = r4.validate(loose);
		expect(errors.some((line) => line.startsWith('/item/0/answer/0/valueCoding must be object'))).toBe(true);
		expect(errors.some((line) => line.startsWith('/item/0/answer/1/valueInteger must be integer'))).toBe(true);
		for (const questionnaire of brugQuestionnaires({ locale: 'nl', base })) {
			expect(exact.validate(questionnaire)).toEqual([]);
		}
	});

	it('rejects a broken brug Questionnaire with a readable error', () => {
		const broken = structuredClone(questionnaireFor(instruments['djg-11'], { locale: 'nl', base })) as unknown as {
			status: string;
			item: Array<{ type: string }>;
		};
		broken.status = 'published';
		broken.item[1]!.type = 'radio';
		const errors = r4.validate(broken);
		expect(errors.some((line) => line.startsWith('/status '))).toBe(true);
		expect(errors.some((line) => line.startsWith('/item/1/type '))).toBe(true);
	});

	it('rejects a non-canonical url and a bad id', () => {
		const questionnaire = questionnaireFor(instruments['ucla-3'], { locale: 'en', base });
		expect(r4.validate({ ...questionnaire, url: 'has spaces in it' })).not.toEqual([]);
		expect(r4.validate({ ...questionnaire, id: 'ucla 3' })).not.toEqual([]);
	});
});

describe('questionnaireFor', () => {
	it.each(cases)('$id ($locale) is valid FHIR R4', ({ id, locale }) => {
		expect(r4.validate(questionnaireFor(instruments[id], { locale, base }))).toEqual([]);
	});

	it('has stable canonical identifiers in one base, under the installation’s ORIGIN', () => {
		expect(base).toBe('https://brug.example.nl/fhir');
		// Only the origin counts: a trailing slash or a path would give a second identity for the same resources.
		expect(fhirCanonicalBase('https://brug.example.nl/')).toBe(base);
		expect(fhirCanonicalBase('https://brug.example.nl/nl/werk')).toBe(base);
		expect(fhirCanonicalBase('http://localhost:3000')).toBe('http://localhost:3000/fhir');
		expect(questionnaireUrl('djg-11', base)).toBe('https://brug.example.nl/fhir/Questionnaire/djg-11');
		expect(questionnaireCanonical(instruments['djg-6'], base)).toBe('https://brug.example.nl/fhir/Questionnaire/djg-6|2006');
		expect(answerCodeSystem('ucla-3', base)).toBe('https://brug.example.nl/fhir/CodeSystem/ucla-3-answer');
		expect(bandCodeSystem('djg-11', base)).toBe('https://brug.example.nl/fhir/CodeSystem/djg-11-band');
	});

	it.each(cases)('$id ($locale) is generated from the instrument definition', ({ id, locale }) => {
		const def = instruments[id];
		const questionnaire = questionnaireFor(def, { locale, base });
		expect(questionnaire).toMatchObject({
			resourceType: 'Questionnaire',
			id,
			language: locale,
			url: questionnaireUrl(id, base),
			version: def.version,
			title: def.title[locale],
			status: 'active'
		});

		const [leadIn, ...rest] = questionnaire.item;
		expect(leadIn).toMatchObject({ linkId: leadInLinkId, type: 'display', text: def.leadIn[locale] });
		const questions = rest.slice(0, def.items.length);
		expect(questions.map((item) => item.linkId)).toEqual(def.items.map((item) => String(item.number)));
		for (const [index, question] of questions.entries()) {
			const item = def.items[index]!;
			expect(question.type).toBe('choice');
			expect(question.text).toBe(item.text[locale]);
			expect(question.answerOption?.map((option) => option.valueCoding)).toEqual(
				def.options.map((option) =>
					expect.objectContaining({
						system: answerCodeSystem(id, base),
						code: option.id,
						display: option.label[locale]
					})
				)
			);
		}
	});

	it.each(cases)('$id ($locale) carries the other language as R4 translations', ({ id, locale }) => {
		const def = instruments[id];
		const other = locale === 'nl' ? 'en' : 'nl';
		const questionnaire = questionnaireFor(def, { locale, base });
		const translation = {
			url: 'http://hl7.org/fhir/StructureDefinition/translation',
			extension: [
				{ url: 'lang', valueCode: other },
				{ url: 'content', valueString: def.title[other] }
			]
		};
		expect(questionnaire._title?.extension).toEqual([translation]);
		expect(questionnaire._description?.extension[0]?.extension).toContainEqual({
			url: 'content',
			valueString: questionnaireFor(def, { locale: other, base }).description
		});
		expect(questionnaire._copyright?.extension[0]?.extension).toContainEqual({
			url: 'content',
			valueString: questionnaireFor(def, { locale: other, base }).copyright
		});
		const first = questionnaire.item.find((item) => item.linkId === String(def.items[0]!.number));
		expect(first?._text?.extension[0]?.extension).toContainEqual({
			url: 'content',
			valueString: def.items[0]!.text[other]
		});
		expect(first?.answerOption?.[0]?.valueCoding._display?.extension[0]?.extension).toContainEqual({
			url: 'content',
			valueString: def.options[0]!.label[other]
		});
	});

	it('offers read-only score items for the total, subscales and band where the instrument has them', () => {
		const scoreItems = (id: (typeof instrumentIds)[number]) =>
			questionnaireFor(instruments[id], { locale: 'en', base }).item.filter((item) => item.linkId.startsWith('score-'));

		expect(scoreItems('djg-11').map((item) => [item.linkId, item.type, item.readOnly])).toEqual([
			[scoreLinkIds.total, 'integer', true],
			[scoreLinkIds.emotional, 'integer', true],
			[scoreLinkIds.social, 'integer', true],
			[scoreLinkIds.band, 'choice', true]
		]);
		expect(scoreItems('djg-11')[0]?.text).toBe('Total score (0–11)');
		expect(scoreItems('djg-6')[1]?.text).toBe('Emotional loneliness subscale (0–3)');
		const band = scoreItems('djg-6').find((item) => item.linkId === scoreLinkIds.band);
		expect(band?.answerOption?.map((option) => option.valueCoding.code)).toEqual(
			instruments['djg-6'].bands.map((b) => b.id)
		);
		expect(band?.answerOption?.every((option) => option.valueCoding.system === bandCodeSystem('djg-6', base))).toBe(true);
		// UCLA-3 has neither subscales nor bands: its ">= 6" indication is not a band of the scale.
		expect(scoreItems('ucla-3').map((item) => item.linkId)).toEqual([scoreLinkIds.total]);
	});

	it.each(cases)('$id ($locale) keeps the R4 invariants the JSON schema cannot check', ({ id, locale }) => {
		const questionnaire = questionnaireFor(instruments[id], { locale, base });
		// que-0: a computable name
		expect(questionnaire.name).toMatch(/^[A-Z]([A-Za-z0-9_]){0,254}$/);
		// que-2: linkIds are unique
		const linkIds = questionnaire.item.map((item) => item.linkId);
		expect(new Set(linkIds).size).toBe(linkIds.length);
		for (const item of questionnaire.item) {
			// que-5: answer options only on choice items; que-9: display items are not read-only
			if (item.answerOption) expect(item.type).toBe('choice');
			if (item.type === 'display') expect(item.readOnly).toBeUndefined();
			expect(item.text).toBeTruthy();
		}
	});

	it('names each instrument computably and cites its source', () => {
		expect(brugQuestionnaires({ locale: 'en', base }).map((q) => q.name)).toEqual(['DJG11', 'DJG6', 'UCLA3']);
		for (const locale of locales) {
			for (const questionnaire of brugQuestionnaires({ locale, base })) {
				const def = instruments[questionnaire.id as (typeof instrumentIds)[number]];
				expect(questionnaire.copyright).toContain(def.citation.text);
				expect(questionnaire.copyright).toContain(def.citation.terms[locale]);
				if (def.citation.url) expect(questionnaire.copyright).toContain(def.citation.url);
				expect(questionnaire.description).toContain('LOINC');
				expect(questionnaire.description).toContain(def.missingRule.description[locale]);
			}
		}
	});

	it('says in the UCLA-3 description that the Dutch wording is brug’s own translation', () => {
		const ucla3 = instruments['ucla-3'];
		expect(questionnaireFor(ucla3, { locale: 'nl', base }).description).toContain(ucla3.translationNote?.nl);
		expect(questionnaireFor(instruments['djg-11'], { locale: 'nl', base }).description).not.toContain('eigen vertaling');
	});

	it('gives the same questionnaire for the same input (pure)', () => {
		expect(questionnaireFor(instruments['djg-6'], { locale: 'nl', base })).toEqual(
			questionnaireFor(instruments['djg-6'], { locale: 'nl', base })
		);
	});
});
