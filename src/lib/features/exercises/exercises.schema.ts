/**
 * Front matter of the self-help content under /content/<locale>/{exercises,steps,glossary}, and the types built on it.
 * Strict objects: a misspelt field is an error, not a silently ignored line.
 */
import { z } from 'zod';

import { contactCircles, contentLocales, type ContactCircle, type ContentLocale } from './exercise-values';
export { contactCircles, contentLocales, type ContactCircle, type ContentLocale };

// The nine mechanisms live with the pattern check that names them; content refers to the same ids.
import { mechanismIds, type MechanismId } from '$lib/features/patterns/mechanisms';
export { mechanismIds, type MechanismId };

/** The five tools with their own page, then the two kinds of plain exercise. */
export const exerciseKinds = [
	'journal',
	'thought_record',
	'kind_moments',
	'breathing',
	'small_step',
	'reflection',
	'practice'
] as const;
export type ExerciseKind = (typeof exerciseKinds)[number];

/** How hard a step feels: 1 feels easy, 2 is a little step, 3 takes courage. */
export const stepEfforts = [1, 2, 3] as const;
export type StepEffort = (typeof stepEfforts)[number];

const contentId = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be kebab-case (a-z, 0-9 and -)');
const text = (max: number) => z.string().trim().min(1).max(max);
const mechanisms = z
	.array(z.enum(mechanismIds))
	.min(1)
	.refine((list) => new Set(list).size === list.length, 'lists a mechanism twice');

export const exerciseFrontMatterSchema = z.strictObject({
	id: contentId,
	title: text(80),
	summary: text(160).refine((s) => !/[.!?…]\s+\S/u.test(s), 'must be one sentence'),
	mechanisms,
	minutes: z.int().min(1).max(30),
	kind: z.enum(exerciseKinds)
});
export type ExerciseFrontMatter = z.infer<typeof exerciseFrontMatterSchema>;

export const stepFrontMatterSchema = z.strictObject({
	id: contentId,
	title: text(100),
	circle: z.enum(contactCircles),
	effort: z.literal(stepEfforts),
	mechanisms: mechanisms.optional()
});
export type StepFrontMatter = z.infer<typeof stepFrontMatterSchema>;

export const glossaryFrontMatterSchema = z.strictObject({
	id: contentId,
	term: text(60),
	summary: text(200)
});
export type GlossaryFrontMatter = z.infer<typeof glossaryFrontMatterSchema>;

/** What every loaded file carries besides its front matter: the Markdown body and its HTML. */
interface Rendered {
	locale: ContentLocale;
	markdown: string;
	html: string;
}

export type Exercise = ExerciseFrontMatter & Rendered;
export type Step = Omit<StepFrontMatter, 'mechanisms'> & Rendered & { mechanisms: MechanismId[] };
export type GlossaryEntry = GlossaryFrontMatter & Rendered;

export interface StepFilter {
	circle?: ContactCircle;
	effort?: StepEffort;
}
