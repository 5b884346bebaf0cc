import { describe, expect, it } from 'vitest';
import {
	allExerciseContent,
	contactCircles,
	contentLocales,
	getExercise,
	getGlossaryEntry,
	getStep,
	listExercises,
	listGlossary,
	listSteps,
	mechanismIds,
	parseExerciseFile,
	parseGlossaryFile,
	parseStepFile,
	stepEfforts,
	type ContentFile
} from './exercises.content';

const requiredExercises = {
	journal: 'journal',
	'thought-check': 'thought_record',
	'kind-moments': 'kind_moments',
	breathing: 'breathing',
	'one-small-step': 'small_step'
} as const;
const glossaryIds = ['vulnerability', 'mindfulness', 'self-sabotage', 'limiting-beliefs', 'external-validation'];

const content = allExerciseContent();
const fileName = (file: string) => file.split('/').pop()?.replace(/\.md$/, '');
const idsIn = (files: readonly ContentFile<{ id: string; locale: string }>[], locale: string) =>
	files
		.filter((f) => f.item.locale === locale)
		.map((f) => f.item.id)
		.sort();

describe('exercise content files', () => {
	it('loads every file with valid front matter, its id equal to its file name', () => {
		for (const { file, item } of [...content.exercises, ...content.steps, ...content.glossary]) {
			expect(item.id, file).toBe(fileName(file));
			expect(file, file).toContain(`/content/${item.locale}/`);
			expect(item.html.trim(), file).not.toBe('');
		}
	});

	it.each([
		['exercises', content.exercises],
		['steps', content.steps],
		['glossary', content.glossary]
	] as const)('has exactly the same %s ids in Dutch and English', (_, files) => {
		expect(idsIn(files, 'en')).toEqual(idsIn(files, 'nl'));
	});

	it('keeps the same kind, minutes, mechanisms, circle and effort across languages', () => {
		for (const nl of listExercises('nl')) {
			const en = getExercise('en', nl.id);
			expect({ kind: en?.kind, minutes: en?.minutes, mechanisms: en?.mechanisms }, nl.id).toEqual({
				kind: nl.kind,
				minutes: nl.minutes,
				mechanisms: nl.mechanisms
			});
		}
		for (const nl of listSteps('nl')) {
			const en = getStep('en', nl.id);
			expect({ circle: en?.circle, effort: en?.effort, mechanisms: en?.mechanisms }, nl.id).toEqual({
				circle: nl.circle,
				effort: nl.effort,
				mechanisms: nl.mechanisms
			});
		}
	});
});

describe.each(contentLocales)('the %s library', (locale) => {
	it('has at least 12 exercises, including the five tools with their kinds', () => {
		expect(listExercises(locale).length).toBeGreaterThanOrEqual(12);
		for (const [id, kind] of Object.entries(requiredExercises)) {
			expect(getExercise(locale, id)?.kind, id).toBe(kind);
		}
	});

	it('helps with every mechanism in at least one exercise', () => {
		const helped = new Set(listExercises(locale).flatMap((e) => e.mechanisms));
		for (const mechanism of mechanismIds) expect(helped, mechanism).toContain(mechanism);
	});

	it('points every exercise to the help page', () => {
		const helpPage = locale === 'nl' ? '/nl/hulp' : '/en/help';
		for (const exercise of listExercises(locale)) expect(exercise.markdown, exercise.id).toContain(`](${helpPage})`);
	});

	it('has at least 40 steps, at least 12 per circle and at least 8 per effort', () => {
		expect(listSteps(locale).length).toBeGreaterThanOrEqual(40);
		for (const circle of contactCircles) {
			const steps = listSteps(locale, { circle });
			expect(steps.length, circle).toBeGreaterThanOrEqual(12);
			expect(steps.every((s) => s.circle === circle)).toBe(true);
		}
		for (const effort of stepEfforts) {
			expect(listSteps(locale, { effort }).length, `effort ${effort}`).toBeGreaterThanOrEqual(8);
		}
		expect(listSteps(locale, { circle: 'community', effort: 1 }).every((s) => s.circle === 'community' && s.effort === 1)).toBe(
			true
		);
	});

	it('explains the five glossary terms', () => {
		expect(
			listGlossary(locale)
				.map((g) => g.id)
				.sort()
		).toEqual([...glossaryIds].sort());
		for (const id of glossaryIds) expect(getGlossaryEntry(locale, id)?.html, id).toContain('<h2');
	});

	it('finds nothing for an unknown id', () => {
		expect(getExercise(locale, 'no-such-exercise')).toBeUndefined();
		expect(getStep(locale, 'no-such-step')).toBeUndefined();
		expect(getGlossaryEntry(locale, 'no-such-term')).toBeUndefined();
	});
});

describe('a broken file', () => {
	const exercise = (front: string) => `---\n${front}\n---\nBody.`;
	const valid = 'id: x\ntitle: X\nsummary: Een zin.\nmechanisms: [waiting]\nminutes: 5\nkind: practice';

	it('parses when it is valid', () => {
		expect(parseExerciseFile('/content/nl/exercises/x.md', exercise(valid)).html).toContain('<p>Body.</p>');
	});

	it.each([
		['no front matter', 'Just text.', /x\.md: missing front matter/],
		['a missing field', exercise(valid.replace('minutes: 5\n', '')), /x\.md: .*minutes/],
		['an unknown field', exercise(`${valid}\nextra: 1`), /x\.md: .*extra/],
		['an unknown mechanism', exercise(valid.replace('[waiting]', '[boredom]')), /x\.md: .*mechanisms/],
		['too many minutes', exercise(valid.replace('minutes: 5', 'minutes: 31')), /x\.md: .*minutes/],
		['an unknown kind', exercise(valid.replace('kind: practice', 'kind: therapy')), /x\.md: .*kind/],
		['a summary of two sentences', exercise(valid.replace('Een zin.', 'Een zin. En nog een.')), /x\.md: .*summary/],
		['an id that is not the file name', exercise(valid.replace('id: x', 'id: y')), /x\.md: id "y" must equal the file name "x"/],
		['an empty body', `---\n${valid}\n---\n`, /x\.md: the body is empty/]
	])('throws naming the file and the field: %s', (_, raw, message) => {
		expect(() => parseExerciseFile('/content/nl/exercises/x.md', raw)).toThrow(message);
	});

	it('rejects a step with an effort out of range or an unknown circle', () => {
		const step = (front: string) => `---\nid: s\ntitle: Doe iets\n${front}\n---\nTip.`;
		expect(parseStepFile('/content/en/steps/s.md', step('circle: friends\neffort: 2')).mechanisms).toEqual([]);
		expect(() => parseStepFile('/content/en/steps/s.md', step('circle: friends\neffort: 4'))).toThrow(/s\.md: .*effort/);
		expect(() => parseStepFile('/content/en/steps/s.md', step('circle: family\neffort: 1'))).toThrow(/s\.md: .*circle/);
	});

	it('rejects a glossary entry without a term, and a file in the wrong place', () => {
		expect(() => parseGlossaryFile('/content/nl/glossary/g.md', '---\nid: g\nsummary: S\n---\nText.')).toThrow(/g\.md: .*term/);
		expect(() => parseGlossaryFile('/content/de/glossary/g.md', '---\nid: g\nterm: T\nsummary: S\n---\nText.')).toThrow(
			/not a glossary file/
		);
	});
});
