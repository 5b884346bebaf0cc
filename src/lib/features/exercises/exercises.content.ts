/**
 * The self-help library as content: exercises, small steps and glossary entries, Markdown with front matter under
 * /content/<locale>/. Every file is parsed and validated once when this module loads, so a broken file fails the
 * build and the tests (naming the file and the field), never a visitor.
 * - `listExercises(locale)`: all exercises, the five tools first, then by title.
 * - `getExercise(locale, id)`: one exercise, or undefined.
 * - `listSteps(locale, filter?)`: the small steps, by circle, then effort, then title; optionally one circle or effort.
 * - `getStep(locale, id)`: one small step, or undefined.
 * - `listGlossary(locale)`: the glossary, by term.
 * - `getGlossaryEntry(locale, id)`: one glossary entry, or undefined.
 * - `allExerciseContent()`: every parsed file with its path, for tests.
 */
import { parseMarkdownFile } from '$lib/features/content/markdown-file';
import {
	contactCircles,
	exerciseFrontMatterSchema,
	exerciseKinds,
	glossaryFrontMatterSchema,
	stepFrontMatterSchema,
	type ContentLocale,
	type Exercise,
	type GlossaryEntry,
	type Step,
	type StepFilter
} from './exercises.schema';

export * from './exercises.schema';

/** A parsed file together with where it came from. */
export interface ContentFile<T> {
	file: string;
	item: T;
}

// Vite needs the glob options written out as literals.
const exerciseFiles = import.meta.glob<string>('/content/*/exercises/*.md', { query: '?raw', import: 'default', eager: true });
const stepFiles = import.meta.glob<string>('/content/*/steps/*.md', { query: '?raw', import: 'default', eager: true });
const glossaryFiles = import.meta.glob<string>('/content/*/glossary/*.md', { query: '?raw', import: 'default', eager: true });

/** Parses one exercise file; exported so tests can show how a broken file fails. */
export function parseExerciseFile(file: string, raw: string): Exercise {
	return parseMarkdownFile('exercises', exerciseFrontMatterSchema, file, raw);
}

/** Parses one small-step file. */
export function parseStepFile(file: string, raw: string): Step {
	const { mechanisms, ...step } = parseMarkdownFile('steps', stepFrontMatterSchema, file, raw);
	return { ...step, mechanisms: mechanisms ?? [] };
}

/** Parses one glossary file. */
export function parseGlossaryFile(file: string, raw: string): GlossaryEntry {
	return parseMarkdownFile('glossary', glossaryFrontMatterSchema, file, raw);
}

function load<T>(files: Record<string, string>, parse: (file: string, raw: string) => T): ContentFile<T>[] {
	return Object.entries(files)
		.sort(([a], [b]) => a.localeCompare(b))
		.map(([file, raw]) => ({ file, item: parse(file, raw) }));
}

const byTitle = (locale: ContentLocale) => (a: { title: string }, b: { title: string }) =>
	a.title.localeCompare(b.title, locale);

const exercises = load(exerciseFiles, parseExerciseFile);
const steps = load(stepFiles, parseStepFile);
const glossary = load(glossaryFiles, parseGlossaryFile);

export function listExercises(locale: ContentLocale): Exercise[] {
	return exercises
		.map((e) => e.item)
		.filter((e) => e.locale === locale)
		.sort((a, b) => exerciseKinds.indexOf(a.kind) - exerciseKinds.indexOf(b.kind) || byTitle(locale)(a, b));
}

export function getExercise(locale: ContentLocale, id: string): Exercise | undefined {
	return exercises.find((e) => e.item.locale === locale && e.item.id === id)?.item;
}

export function listSteps(locale: ContentLocale, filter: StepFilter = {}): Step[] {
	return steps
		.map((s) => s.item)
		.filter(
			(s) =>
				s.locale === locale &&
				(filter.circle === undefined || s.circle === filter.circle) &&
				(filter.effort === undefined || s.effort === filter.effort)
		)
		.sort(
			(a, b) =>
				contactCircles.indexOf(a.circle) - contactCircles.indexOf(b.circle) ||
				a.effort - b.effort ||
				byTitle(locale)(a, b)
		);
}

export function getStep(locale: ContentLocale, id: string): Step | undefined {
	return steps.find((s) => s.item.locale === locale && s.item.id === id)?.item;
}

export function listGlossary(locale: ContentLocale): GlossaryEntry[] {
	return glossary
		.map((g) => g.item)
		.filter((g) => g.locale === locale)
		.sort((a, b) => a.term.localeCompare(b.term, locale));
}

export function getGlossaryEntry(locale: ContentLocale, id: string): GlossaryEntry | undefined {
	return glossary.find((g) => g.item.locale === locale && g.item.id === id)?.item;
}

export function allExerciseContent(): {
	exercises: readonly ContentFile<Exercise>[];
	steps: readonly ContentFile<Step>[];
	glossary: readonly ContentFile<GlossaryEntry>[];
} {
	return { exercises, steps, glossary };
}
