/**
 * Test support, imported by the FHIR tests only: stored measurements scored by the instruments' own rules, and what
 * a receiver reads back from a QuestionnaireResponse (its answers and scores), checked against its Questionnaire.
 */
import { expect } from 'vitest';
import { scoreInstrument, type Answers, type InstrumentDefinition } from '$lib/features/instruments/instruments';
import type { StoredMeasurement } from '$lib/features/measurements/measurements.server';
import type { Questionnaire, QuestionnaireResponse } from './fhir-types';
import { fhirCanonicalBase, scoreLinkIds } from './questionnaires';

/** An installation's canonical base, as `ORIGIN=https://brug.example.nl` gives it. */
export const base = fhirCanonicalBase('https://brug.example.nl');

export const takenAt = new Date('2026-03-01T09:30:00.000Z');
let counter = 0;
/** A stored measurement as `measurements.server` gives it: scored by the instrument's own function. */
export function measurement(def: InstrumentDefinition, answers: Answers, at = takenAt): StoredMeasurement {
	counter += 1;
	const id = `00000000-0000-4000-8000-${String(counter).padStart(12, '0')}`;
	return { id, score: scoreInstrument(def, answers), answers, takenAt: at };
}

/** Every item answered, cycling through the options so each option occurs. */
export function completeAnswers(def: InstrumentDefinition): Answers {
	return Object.fromEntries(
		def.items.map((item, index) => [item.number, def.options[index % def.options.length]!.id])
	);
}

export function withoutItems(answers: Answers, numbers: number[]): Answers {
	return Object.fromEntries(Object.entries(answers).filter(([key]) => !numbers.includes(Number(key))));
}

/** What a receiver reads back: the scores the response carries. */
export function scoresIn(response: QuestionnaireResponse) {
	const answer = (linkId: string) => response.item?.find((item) => item.linkId === linkId)?.answer[0];
	return {
		total: answer(scoreLinkIds.total)?.valueInteger ?? null,
		emotional: answer(scoreLinkIds.emotional)?.valueInteger ?? null,
		social: answer(scoreLinkIds.social)?.valueInteger ?? null,
		band: answer(scoreLinkIds.band)?.valueCoding?.code ?? null
	};
}

export function expectedScores(def: InstrumentDefinition, answers: Answers) {
	const score = scoreInstrument(def, answers);
	return {
		total: score.total,
		emotional: score.subscales?.emotional ?? null,
		social: score.subscales?.social ?? null,
		band: score.band
	};
}

/** Every response item is defined in the Questionnaire, and every coded answer is one of its answer options. */
export function expectConsistentWith(response: QuestionnaireResponse, questionnaire: Questionnaire) {
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
