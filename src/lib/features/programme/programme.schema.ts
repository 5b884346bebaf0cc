/**
 * The programme's content: front matter of the week files under
 * /content/<locale>/programme/<programme-id>/<version>/<week-id>.md, and the types built on it.
 * Strict objects: a misspelt field is an error, not a silently ignored line. Rules that concern one file (its id,
 * phase and measurement follow from its week) are checked here, so the error names that file and field.
 */
import { z } from 'zod';
import type { ContentLocale } from '$lib/features/exercises/exercises.schema';

import {
	measuredWeeks,
	programmePhases,
	programmeMeasurements,
	programmePhaseOfWeek,
	programmeWeekId,
	type ProgrammeMeasurement,
	type ProgrammePhase
} from './programme-values';

// The plain values live apart so pages can use them without bringing Zod to the browser; this module still offers them.
export * from './programme-values';

const contentId = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be kebab-case (a-z, 0-9 and -)');
const text = (max: number) => z.string().trim().min(1).max(max);

export const programmeWeekFrontMatterSchema = z
	.strictObject({
		id: z.string().regex(/^(?:week-[0-8]|follow-up)$/, 'must be week-0 … week-8 or follow-up'),
		week: z.int().min(0).max(9),
		phase: z.enum(programmePhases),
		title: text(80),
		summary: text(160).refine((s) => !/[.!?…]\s+\S/u.test(s), 'must be one sentence'),
		reading_minutes: z.int().min(1).max(5),
		exercise: contentId,
		exercise_minutes: z.int().min(1).max(9),
		step: contentId,
		measurement: z.enum(programmeMeasurements).optional()
	})
	.superRefine((front, ctx) => {
		if (front.id !== programmeWeekId(front.week)) {
			ctx.addIssue({ code: 'custom', path: ['week'], message: `week ${front.week} belongs in ${programmeWeekId(front.week)}.md` });
		}
		const phase = programmePhaseOfWeek(front.week);
		if (front.phase !== phase) {
			ctx.addIssue({ code: 'custom', path: ['phase'], message: `week ${front.week} is in phase ${phase}` });
		}
		const measured = measuredWeeks.includes(front.week);
		if (measured && front.measurement === undefined) {
			ctx.addIssue({ code: 'custom', path: ['measurement'], message: `week ${front.week} asks for the djg-11 measurement` });
		} else if (!measured && front.measurement !== undefined) {
			ctx.addIssue({ code: 'custom', path: ['measurement'], message: 'only weeks 0, 8 and the follow-up have a measurement' });
		}
	});
export type ProgrammeWeekFrontMatter = z.infer<typeof programmeWeekFrontMatterSchema>;

/** One week of one version of a programme in one language, ready to show. */
export interface ProgrammeWeekContent {
	programmeId: string;
	version: number;
	locale: ContentLocale;
	/** week-0 … week-8, follow-up. */
	id: string;
	/** 0–8; 9 is the follow-up. */
	week: number;
	phase: ProgrammePhase;
	title: string;
	summary: string;
	readingMinutes: number;
	/** An exercise id in the same locale's toolkit. */
	exercise: string;
	exerciseMinutes: number;
	/** A small-step id in the same locale. */
	step: string;
	measurement: ProgrammeMeasurement | null;
	/** The reading. */
	markdown: string;
	html: string;
}

/** One version of a programme in one language: its weeks ordered 0 … 9. */
export interface ProgrammeContent {
	id: string;
	version: number;
	locale: ContentLocale;
	weeks: ProgrammeWeekContent[];
}
