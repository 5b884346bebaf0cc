import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { selfSufficiencyDomains } from './domains';
import {
	ratingFormInput,
	ratingNoteMaxLength,
	selfSufficiencyFieldErrorIds,
	selfSufficiencyRatingSchema as schema
} from './self-sufficiency.schema';

/** Every issue of a failed parse as "path:message". */
function problems(result: z.ZodSafeParseResult<unknown>): string[] {
	expect(result.success).toBe(false);
	return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}:${issue.message}`);
}

describe('selfSufficiencyRatingSchema', () => {
	it('takes the domains that were rated, from form strings, and leaves skipped ones out', () => {
		expect(
			schema.parse({
				finances: { level: '3', source: 'own', note: '  Budget loopt  ' },
				social_network: { level: 4, source: '', note: '' },
				housing: { level: '', source: '', note: '' },
				justice: undefined
			})
		).toEqual({
			finances: { level: 3, source: 'own', note: 'Budget loopt' },
			social_network: { level: 4, source: null, note: null }
		});
	});

	it('keeps a note without a level (a domain talked about but not rated)', () => {
		expect(schema.parse({ finances: { level: 2 }, housing: { note: 'volgende keer' } })).toEqual({
			finances: { level: 2, source: null, note: null },
			housing: { level: null, source: null, note: 'volgende keer' }
		});
	});

	it('needs at least one level', () => {
		expect(problems(schema.safeParse({}))).toEqual([':rating_empty']);
		expect(problems(schema.safeParse({ housing: { note: 'alleen een notitie' } }))).toEqual([':rating_empty']);
	});

	it('takes levels 1 to 5 only', () => {
		for (const level of [1, 2, 3, 4, 5, '1', ' 5 ']) expect(schema.safeParse({ housing: { level } }).success).toBe(true);
		for (const level of [0, 6, 2.5, '2.5', 'drie', '10', -1, true, []]) {
			expect(problems(schema.safeParse({ housing: { level }, finances: { level: 3 } }))).toEqual(['housing.level:level_invalid']);
		}
	});

	it('takes a known source of strength only, and only beside a level', () => {
		expect(problems(schema.safeParse({ housing: { level: 3, source: 'family' } }))).toEqual(['housing.source:source_invalid']);
		expect(problems(schema.safeParse({ finances: { level: 3 }, housing: { source: 'network' } }))).toEqual([
			'housing.source:source_without_level'
		]);
	});

	it('takes a note of at most 500 characters after trimming', () => {
		expect(schema.parse({ housing: { level: 3, note: ` ${'x'.repeat(ratingNoteMaxLength)} ` } }).housing!.note).toHaveLength(500);
		expect(problems(schema.safeParse({ housing: { level: 3, note: 'x'.repeat(501) } }))).toEqual(['housing.note:note_too_long']);
		expect(problems(schema.safeParse({ housing: { level: 3, note: 42 } }))).toEqual(['housing.note:note_too_long']);
	});

	it('refuses a domain that is not an object, and a rating that is not one', () => {
		expect(problems(schema.safeParse({ housing: 3, finances: { level: 3 } }))).toEqual(['housing:domain_invalid']);
		expect(problems(schema.safeParse('everything fine'))).toEqual([':domain_invalid']);
	});

	it('ignores unknown domains and other fields', () => {
		expect(schema.parse({ housing: { level: 5 }, hobbies: { level: 9 }, csrf: 'x' })).toEqual({ housing: { level: 5, source: null, note: null } });
	});

	it('gives only its own message ids, whatever comes in', () => {
		const anything = fc.oneof(fc.string({ maxLength: 3 }), fc.integer({ min: -2, max: 8 }), fc.constant(null), fc.constantFrom('own', 'network', '3'));
		const domainInput = fc.oneof(anything, fc.record({ level: anything, source: anything, note: anything }, { requiredKeys: [] }));
		fc.assert(
			fc.property(fc.dictionary(fc.constantFrom(...selfSufficiencyDomains), domainInput), (input) => {
				const result = schema.safeParse(input);
				if (result.success) {
					for (const rated of Object.values(result.data)) expect(rated.level === null || (rated.level >= 1 && rated.level <= 5)).toBe(true);
					return;
				}
				for (const issue of result.error.issues) expect(selfSufficiencyFieldErrorIds).toContain(issue.message);
			})
		);
	});
});

describe('ratingFormInput', () => {
	it('turns flat form fields into the nested input, leaving out other and unknown fields', () => {
		const form = new FormData();
		form.set('finances.level', '3');
		form.set('finances.source', 'own');
		form.set('social_network.level', '4');
		form.set('social_network.note', 'Zus komt wekelijks');
		form.set('hobbies.level', '5');
		form.set('__proto__.level', '5');
		form.set('csrf', 'token');
		const input = ratingFormInput(form);
		expect(input).toEqual({
			finances: { level: '3', source: 'own' },
			social_network: { level: '4', note: 'Zus komt wekelijks' }
		});
		expect(schema.parse(input)).toEqual({
			finances: { level: 3, source: 'own', note: null },
			social_network: { level: 4, source: null, note: 'Zus komt wekelijks' }
		});
	});
});
