/**
 * The programme as content: one Markdown file per week under
 * /content/<locale>/programme/<programme-id>/<version>/<week-id>.md. A new version is a new folder and old versions
 * stay, so a running enrolment keeps the text it started with. Every file is parsed and validated when this module
 * loads, and the files are checked against each other, so a broken file fails the build and the tests, never a visitor.
 * - `getProgramme(locale, id?, version?)`: one version (the latest unless named), its weeks ordered 0 … 9.
 * - `getProgrammeWeek(locale, id, version, week)`: one week, or undefined.
 * - `latestProgrammeVersion(id)`: the highest version of a programme, or undefined for an unknown id.
 * - `programmeContentProblems(weeks, toolkit)`: what is wrong across files (missing weeks, unknown links, languages
 *   that disagree); exported so tests can feed it fakes.
 * - `parseProgrammeWeekFile(file, raw)`: one file, exported so tests can show how a broken file fails.
 * - `allProgrammeContent()`: every parsed file with its path, for tests.
 */
import { parseMarkdownFile } from '$lib/features/content/markdown-file';
import { contentLocales, getExercise, getStep, type ContentFile, type ContentLocale } from '$lib/features/exercises/exercises.content';
import {
	defaultProgrammeId,
	programmeWeekFrontMatterSchema,
	programmeWeekNumbers,
	type ProgrammeContent,
	type ProgrammeWeekContent
} from './programme.schema';

export * from './programme.schema';

// Vite needs the glob options written out as literals.
const weekFiles = import.meta.glob<string>('/content/*/programme/*/*/*.md', { query: '?raw', import: 'default', eager: true });

export function parseProgrammeWeekFile(file: string, raw: string): ProgrammeWeekContent {
	const place = /^\/content\/[^/]+\/programme\/([a-z0-9]+(?:-[a-z0-9]+)*)\/([1-9][0-9]*)\/[^/]+\.md$/.exec(file);
	if (!place) throw new Error(`${file}: not a programme file (expected /content/nl|en/programme/<programme-id>/<version>/<week-id>.md)`);
	const programmeId = place[1] ?? '';
	const version = Number(place[2]);
	const parsed = parseMarkdownFile(`programme/${programmeId}/${version}`, programmeWeekFrontMatterSchema, file, raw);
	return {
		programmeId,
		version,
		locale: parsed.locale,
		id: parsed.id,
		week: parsed.week,
		phase: parsed.phase,
		title: parsed.title,
		summary: parsed.summary,
		readingMinutes: parsed.reading_minutes,
		exercise: parsed.exercise,
		exerciseMinutes: parsed.exercise_minutes,
		step: parsed.step,
		measurement: parsed.measurement ?? null,
		markdown: parsed.markdown,
		html: parsed.html
	};
}

/** What a week may link to: does this exercise or small step exist in this locale? */
export interface ProgrammeToolkit {
	hasExercise(locale: ContentLocale, id: string): boolean;
	hasStep(locale: ContentLocale, id: string): boolean;
}

/**
 * Checks across files: every locale has each week 0 … 9 exactly once per programme version, each week links an
 * exercise and a small step that exist in its own locale, and every language links the same exercise, step and
 * measurement in the same week as Dutch does. Returns one line per problem; none means the content fits together.
 */
export function programmeContentProblems(
	weeks: readonly ProgrammeWeekContent[],
	toolkit: ProgrammeToolkit,
	locales: readonly ContentLocale[] = contentLocales
): string[] {
	const problems: string[] = [];
	const versions = new Set(weeks.map((w) => `${w.programmeId}/${w.version}`));
	for (const version of [...versions].sort()) {
		const ofVersion = weeks.filter((w) => `${w.programmeId}/${w.version}` === version);
		for (const locale of locales) {
			const folder = `/content/${locale}/programme/${version}`;
			for (const week of programmeWeekNumbers) {
				const count = ofVersion.filter((w) => w.locale === locale && w.week === week).length;
				if (count === 0) problems.push(`${folder}: week ${week} is missing`);
				if (count > 1) problems.push(`${folder}: week ${week} appears ${count} times`);
			}
		}
		for (const week of ofVersion) {
			const file = `/content/${week.locale}/programme/${version}/${week.id}.md`;
			if (!toolkit.hasExercise(week.locale, week.exercise)) {
				problems.push(`${file}: exercise "${week.exercise}" is not in /content/${week.locale}/exercises`);
			}
			if (!toolkit.hasStep(week.locale, week.step)) {
				problems.push(`${file}: step "${week.step}" is not in /content/${week.locale}/steps`);
			}
			const dutch = ofVersion.find((w) => w.locale === 'nl' && w.week === week.week);
			if (!dutch || week.locale === 'nl') continue;
			for (const field of ['exercise', 'step', 'measurement'] as const) {
				if (week[field] !== dutch[field]) {
					problems.push(`${file}: ${field} "${week[field] ?? 'none'}" differs from the Dutch week ("${dutch[field] ?? 'none'}")`);
				}
			}
		}
	}
	return problems;
}

const files: ContentFile<ProgrammeWeekContent>[] = Object.entries(weekFiles)
	.sort(([a], [b]) => a.localeCompare(b))
	.map(([file, raw]) => ({ file, item: parseProgrammeWeekFile(file, raw) }));

const problems = programmeContentProblems(
	files.map((f) => f.item),
	{
		hasExercise: (locale, id) => getExercise(locale, id) !== undefined,
		hasStep: (locale, id) => getStep(locale, id) !== undefined
	}
);
if (problems.length > 0) throw new Error(`The programme content does not fit together:\n${problems.join('\n')}`);

export function latestProgrammeVersion(id: string): number | undefined {
	const versions = files.filter((f) => f.item.programmeId === id).map((f) => f.item.version);
	return versions.length > 0 ? Math.max(...versions) : undefined;
}

export function getProgramme(
	locale: ContentLocale,
	id: string = defaultProgrammeId,
	version: number | undefined = latestProgrammeVersion(id)
): ProgrammeContent | undefined {
	const weeks = files
		.map((f) => f.item)
		.filter((w) => w.locale === locale && w.programmeId === id && w.version === version)
		.sort((a, b) => a.week - b.week);
	if (weeks.length === 0 || version === undefined) return undefined;
	return { id, version, locale, weeks };
}

export function getProgrammeWeek(locale: ContentLocale, id: string, version: number, week: number): ProgrammeWeekContent | undefined {
	return files.find(
		(f) => f.item.locale === locale && f.item.programmeId === id && f.item.version === version && f.item.week === week
	)?.item;
}

export function allProgrammeContent(): readonly ContentFile<ProgrammeWeekContent>[] {
	return files;
}
