import { describe, expect, it } from 'vitest';
import {
	allProgrammeContent,
	getProgramme,
	getProgrammeWeek,
	latestProgrammeVersion,
	parseProgrammeWeekFile,
	programmeContentProblems,
	programmeWeekNumbers,
	type ProgrammeToolkit,
	type ProgrammeWeekContent
} from './programme.content';
import { contentLocales, getExercise, getStep } from '$lib/features/exercises/exercises.content';

const fileName = (file: string) => file.split('/').pop()?.replace(/\.md$/, '');
const wordCount = (markdown: string) => markdown.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;

describe('the programme content files', () => {
	it('loads every file, its id equal to its file name and its place matching its programme and version', () => {
		const files = allProgrammeContent();
		expect(files.length).toBe(programmeWeekNumbers.length * contentLocales.length);
		for (const { file, item } of files) {
			expect(item.id, file).toBe(fileName(file));
			expect(file, file).toContain(`/content/${item.locale}/programme/${item.programmeId}/${item.version}/`);
			expect(item.html, file).toContain('<p>');
		}
	});

	it.each(contentLocales)('gives the eight-week programme in %s, weeks 0 to 9 in order', (locale) => {
		const programme = getProgramme(locale);
		expect(programme?.id).toBe('eight-weeks');
		expect(programme?.version).toBe(latestProgrammeVersion('eight-weeks'));
		expect(programme?.weeks.map((w) => w.week)).toEqual([...programmeWeekNumbers]);
		expect(programme?.weeks.map((w) => w.phase)).toEqual([
			'welcome',
			...Array(4).fill('inside'),
			...Array(4).fill('connection'),
			'follow_up'
		]);
		expect(programme?.weeks.filter((w) => w.measurement === 'djg-11').map((w) => w.week)).toEqual([0, 8, 9]);
	});

	it.each(contentLocales)('links an existing exercise and small step in each %s week, with a short reading', (locale) => {
		for (const week of getProgramme(locale)?.weeks ?? []) {
			expect(getExercise(locale, week.exercise), week.id).toBeDefined();
			expect(getStep(locale, week.step), week.id).toBeDefined();
			expect(week.exerciseMinutes, week.id).toBeLessThan(10);
			expect(wordCount(week.markdown), week.id).toBeGreaterThanOrEqual(200);
			expect(wordCount(week.markdown), week.id).toBeLessThanOrEqual(600);
		}
	});

	it('keeps the first exercise short, so starting is easy', () => {
		expect(getProgrammeWeek('nl', 'eight-weeks', 1, 0)?.exerciseMinutes).toBeLessThanOrEqual(3);
	});

	it('finds one week by number, and nothing for an unknown programme, version or week', () => {
		expect(getProgrammeWeek('en', 'eight-weeks', 1, 9)?.id).toBe('follow-up');
		expect(getProgrammeWeek('nl', 'eight-weeks', 1, 4)?.id).toBe('week-4');
		expect(getProgrammeWeek('nl', 'eight-weeks', 1, 10)).toBeUndefined();
		expect(getProgrammeWeek('nl', 'eight-weeks', 99, 0)).toBeUndefined();
		expect(getProgramme('nl', 'no-such-programme')).toBeUndefined();
		expect(getProgramme('nl', 'eight-weeks', 99)).toBeUndefined();
		expect(latestProgrammeVersion('no-such-programme')).toBeUndefined();
	});

	it('finds nothing wrong across the real files', () => {
		const toolkit: ProgrammeToolkit = {
			hasExercise: (locale, id) => getExercise(locale, id) !== undefined,
			hasStep: (locale, id) => getStep(locale, id) !== undefined
		};
		expect(programmeContentProblems(allProgrammeContent().map((f) => f.item), toolkit)).toEqual([]);
	});
});

describe('a broken week file', () => {
	const file = '/content/nl/programme/eight-weeks/1/week-3.md';
	const valid =
		'id: week-3\nweek: 3\nphase: inside\ntitle: Patronen\nsummary: Een zin.\nreading_minutes: 3\nexercise: breathing\nexercise_minutes: 3\nstep: daily-walk';
	const week = (front: string) => `---\n${front}\n---\nDe tekst.`;

	it('parses when it is valid, taking programme and version from its folder', () => {
		const parsed = parseProgrammeWeekFile(file, week(valid));
		expect(parsed).toMatchObject({ programmeId: 'eight-weeks', version: 1, locale: 'nl', week: 3, measurement: null });
		expect(parsed.html).toContain('<p>De tekst.</p>');
	});

	it.each([
		['a missing field', week(valid.replace('step: daily-walk', '')), /week-3\.md: .*step/],
		['an unknown field', week(`${valid}\nstreak: 3`), /week-3\.md: .*streak/],
		['a reading of more than five minutes', week(valid.replace('reading_minutes: 3', 'reading_minutes: 6')), /week-3\.md: .*reading_minutes/],
		['an exercise of ten minutes', week(valid.replace('exercise_minutes: 3', 'exercise_minutes: 10')), /week-3\.md: .*exercise_minutes/],
		['a week that is not the file name', week(valid.replace('week: 3', 'week: 4')), /week-3\.md: .*week: week 4 belongs in week-4\.md/],
		['the wrong phase', week(valid.replace('phase: inside', 'phase: connection')), /week-3\.md: .*phase: week 3 is in phase inside/],
		['a measurement outside weeks 0, 8 and 9', week(`${valid}\nmeasurement: djg-11`), /week-3\.md: .*measurement/],
		['an unknown measurement', week(`${valid}\nmeasurement: ucla`), /week-3\.md: .*measurement/],
		['a summary of two sentences', week(valid.replace('Een zin.', 'Een zin. Nog een.')), /week-3\.md: .*summary/],
		['an empty body', `---\n${valid}\n---\n`, /week-3\.md: the body is empty/]
	])('throws naming the file and the field: %s', (_, raw, message) => {
		expect(() => parseProgrammeWeekFile(file, raw)).toThrow(message);
	});

	it('asks for the measurement in week 8 and refuses a file in the wrong place', () => {
		const week8 = valid.replace('id: week-3', 'id: week-8').replace('week: 3', 'week: 8').replace('phase: inside', 'phase: connection');
		expect(() => parseProgrammeWeekFile('/content/en/programme/eight-weeks/1/week-8.md', week(week8))).toThrow(
			/week-8\.md: .*measurement: week 8 asks for the djg-11 measurement/
		);
		expect(() => parseProgrammeWeekFile('/content/nl/programme/eight-weeks/week-3.md', week(valid))).toThrow(/not a programme file/);
		expect(() => parseProgrammeWeekFile('/content/de/programme/eight-weeks/1/week-3.md', week(valid))).toThrow(/not a programme/);
	});
});

describe('the checks across files', () => {
	const fake = (locale: 'nl' | 'en', week: number, change: Partial<ProgrammeWeekContent> = {}): ProgrammeWeekContent => ({
		programmeId: 'eight-weeks',
		version: 1,
		locale,
		id: week === 9 ? 'follow-up' : `week-${week}`,
		week,
		phase: week === 0 ? 'welcome' : week <= 4 ? 'inside' : week <= 8 ? 'connection' : 'follow_up',
		title: 'T',
		summary: 'S.',
		readingMinutes: 3,
		exercise: 'breathing',
		exerciseMinutes: 3,
		step: 'daily-walk',
		measurement: [0, 8, 9].includes(week) ? 'djg-11' : null,
		markdown: 'Text.',
		html: '<p>Text.</p>',
		...change
	});
	const complete = (locale: 'nl' | 'en') => programmeWeekNumbers.map((w) => fake(locale, w));
	const toolkit: ProgrammeToolkit = {
		hasExercise: (locale, id) => id === 'breathing' || (locale === 'nl' && id === 'only-in-dutch'),
		hasStep: (_, id) => id === 'daily-walk'
	};

	it('accepts a complete programme in both languages', () => {
		expect(programmeContentProblems([...complete('nl'), ...complete('en')], toolkit)).toEqual([]);
	});

	it('names a missing week and a week given twice', () => {
		const english = complete('en').filter((w) => w.week !== 5);
		const dutch = [...complete('nl'), fake('nl', 2)];
		expect(programmeContentProblems([...dutch, ...english], toolkit)).toEqual([
			'/content/nl/programme/eight-weeks/1: week 2 appears 2 times',
			'/content/en/programme/eight-weeks/1: week 5 is missing'
		]);
	});

	it('names a version that one language lacks', () => {
		const newer = complete('nl').map((w) => ({ ...w, version: 2 }));
		const problems = programmeContentProblems([...complete('nl'), ...complete('en'), ...newer], toolkit);
		expect(problems).toHaveLength(programmeWeekNumbers.length);
		expect(problems[0]).toBe('/content/en/programme/eight-weeks/2: week 0 is missing');
	});

	it('names an unknown exercise or step, also one that exists only in the other language', () => {
		const dutch = complete('nl').map((w) => (w.week === 3 ? { ...w, exercise: 'no-such-exercise' } : w));
		const english = complete('en').map((w) => (w.week === 4 ? { ...w, exercise: 'only-in-dutch', step: 'no-such-step' } : w));
		expect(programmeContentProblems([...dutch, ...english], toolkit)).toEqual([
			'/content/nl/programme/eight-weeks/1/week-3.md: exercise "no-such-exercise" is not in /content/nl/exercises',
			'/content/en/programme/eight-weeks/1/week-3.md: exercise "breathing" differs from the Dutch week ("no-such-exercise")',
			'/content/en/programme/eight-weeks/1/week-4.md: exercise "only-in-dutch" is not in /content/en/exercises',
			'/content/en/programme/eight-weeks/1/week-4.md: step "no-such-step" is not in /content/en/steps',
			'/content/en/programme/eight-weeks/1/week-4.md: exercise "only-in-dutch" differs from the Dutch week ("breathing")',
			'/content/en/programme/eight-weeks/1/week-4.md: step "no-such-step" differs from the Dutch week ("daily-walk")'
		]);
	});

	it('names an English week whose measurement differs from the Dutch one', () => {
		const english = complete('en').map((w) => (w.week === 8 ? { ...w, measurement: null } : w));
		expect(programmeContentProblems([...complete('nl'), ...english], toolkit)).toEqual([
			'/content/en/programme/eight-weeks/1/week-8.md: measurement "none" differs from the Dutch week ("djg-11")'
		]);
	});
});
