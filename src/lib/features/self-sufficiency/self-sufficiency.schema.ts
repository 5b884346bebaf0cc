/**
 * What the self-sufficiency form and the JSON API accept. Issues carry message ids (see relationships.schema.ts), never
 * texts, on the field that is wrong (path: domain, then level, source or note).
 * - `selfSufficiencyFieldErrorIds`: every message id this schema can give.
 * - `selfSufficiencyRatingSchema`: per domain an optional level 1–5 (a professional may skip domains), an optional
 *   source of strength and an optional note of at most `ratingNoteMaxLength` characters; at least one level overall.
 * - `ratingFormInput(entries)`: a form's flat fields (`finances.level`, `finances.source`, …) as the schema's input.
 * Types: `SelfSufficiencyFieldError`, `SelfSufficiencyRatingInput`.
 */
import { z } from 'zod';
import { emptyIsMissing } from '$lib/form-values';
import {
	selfSufficiencyDomains,
	strengthSources,
	type DomainRating,
	type SelfSufficiencyDomain,
	type SelfSufficiencyLevel,
	type SelfSufficiencyRating
} from './domains';

export const selfSufficiencyFieldErrorIds = [
	'domain_invalid',
	'level_invalid',
	'source_invalid',
	'source_without_level',
	'note_too_long',
	'rating_empty'
] as const;
export type SelfSufficiencyFieldError = (typeof selfSufficiencyFieldErrorIds)[number];

import { ratingNoteMaxLength } from './domains';
export { ratingNoteMaxLength };


const level = z.preprocess(
	(value) => {
		const given = emptyIsMissing(value);
		return typeof given === 'string' && /^\s*\d\s*$/.test(given) ? Number(given) : given;
	},
	z
		.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)], { error: 'level_invalid' })
		.optional()
);

const source = z.preprocess(emptyIsMissing, z.enum(strengthSources, { error: 'source_invalid' }).optional());

const note = z.preprocess(
	emptyIsMissing,
	z.string({ error: 'note_too_long' }).trim().max(ratingNoteMaxLength, 'note_too_long').optional()
);

const domainRating = z
	.preprocess(emptyIsMissing, z.object({ level, source, note }, { error: 'domain_invalid' }).optional())
	.superRefine((rated, context) => {
		// Where the strength comes from only means something beside a level.
		if (rated?.source !== undefined && rated.level === undefined) {
			context.addIssue({ code: 'custom', message: 'source_without_level', path: ['source'] });
		}
	});

const domainShape = Object.fromEntries(selfSufficiencyDomains.map((id) => [id, domainRating])) as Record<
	SelfSufficiencyDomain,
	typeof domainRating
>;

export const selfSufficiencyRatingSchema = z
	.object(domainShape, { error: 'domain_invalid' })
	.superRefine((rating, context) => {
		if (!selfSufficiencyDomains.some((id) => rating[id]?.level !== undefined)) {
			context.addIssue({ code: 'custom', message: 'rating_empty', path: [] });
		}
	})
	.transform((rating): SelfSufficiencyRating => {
		const result: SelfSufficiencyRating = {};
		for (const id of selfSufficiencyDomains) {
			const rated = rating[id];
			if (!rated || (rated.level === undefined && rated.note === undefined)) continue;
			const entry: DomainRating = {
				level: (rated.level ?? null) as SelfSufficiencyLevel | null,
				source: rated.source ?? null,
				note: rated.note || null
			};
			result[id] = entry;
		}
		return result;
	});

/** What a form or the API sends. */
export type SelfSufficiencyRatingInput = z.input<typeof selfSufficiencyRatingSchema>;

const formField = /^([a-z_]+)\.(level|source|note)$/;

/**
 * A form's flat fields (`finances.level=3`, `finances.source=own`, `finances.note=…`), e.g. `[...formData]`, as the
 * nested input of the schema. Fields of unknown domains and other fields are left out; a repeated field keeps its
 * last value.
 */
export function ratingFormInput(entries: Iterable<readonly [string, unknown]>): Record<string, Record<string, unknown>> {
	const input: Record<string, Record<string, unknown>> = {};
	const known = new Set<string>(selfSufficiencyDomains);
	for (const [name, value] of entries) {
		const match = formField.exec(name);
		if (!match || !known.has(match[1]!)) continue;
		(input[match[1]!] ??= {})[match[2]!] = typeof value === 'string' ? value : undefined;
	}
	return input;
}
