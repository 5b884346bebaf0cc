/**
 * What the reports feature accepts and returns. Issues carry the kernel's message ids ($lib/kernel/form-errors).
 * - `reportDefinitionSchema`: title (1–120), kind, programme (for a programme report), groups (for a groups report;
 *   none means all), quarters from/to ('2025 K1'; both required for a period report), scale SD (0.5–10, default 3.0)
 *   and reliability (0.5–0.99, default 0.88). Whether the programme and groups exist is the server's check.
 * - `reportFormInput(form)`: a posted form as the schema's input (every ticked group).
 * - `shareSchema`: the funder to share with.
 * - `apiFilterQuerySchema`: the API's `from`, `to`, `setting` (for the OpenAPI document; `parseApiFilter` parses).
 * - `outcomeReportSchema`: the `OutcomeReport` type in Zod, for the OpenAPI document (a type test keeps them equal).
 */
import { z } from 'zod';
import { emptyIsMissing } from '$lib/form-values';
import { defaultReliability, defaultScaleSd } from './statistics';
import { parseQuarter, quarterFirstDay } from './filters';

export const reportKinds = ['programme', 'groups', 'period'] as const;
export const reportLimits = { title: 120, minScaleSd: 0.5, maxScaleSd: 10, minReliability: 0.5, maxReliability: 0.99, maxGroups: 200 };

/** A decimal from a form (a comma is fine), a number from JSON; anything else stays as it is and is refused. */
const decimal = (min: number, max: number, message: 'report_scale_sd_invalid' | 'report_reliability_invalid', fallback: number) =>
	z.preprocess(
		(value) => {
			const given = emptyIsMissing(value);
			return typeof given === 'string' && /^\s*\d{1,3}([.,]\d{1,4})?\s*$/.test(given) ? Number(given.replace(',', '.')) : given;
		},
		z.number({ error: message }).min(min, message).max(max, message).default(fallback)
	);

const quarter = z.preprocess(
	emptyIsMissing,
	z
		.string({ error: 'report_quarter_invalid' })
		.max(20, 'report_quarter_invalid')
		.transform((value, context) => {
			const parsed = parseQuarter(value);
			if (!parsed) {
				context.addIssue({ code: 'custom', message: 'report_quarter_invalid' });
				return z.NEVER;
			}
			return parsed;
		})
		.optional()
		.transform((value) => value ?? null)
);

const groupIds = z.preprocess(
	(value) => (value === undefined || value === null || value === '' ? [] : typeof value === 'string' ? [value] : value),
	z
		.array(z.string({ error: 'report_groups_invalid' }).trim().min(1, 'report_groups_invalid').max(100, 'report_groups_invalid'), {
			error: 'report_groups_invalid'
		})
		.max(reportLimits.maxGroups, 'report_groups_invalid')
		.transform((ids) => [...new Set(ids)])
);

export const reportDefinitionSchema = z
	.object({
		title: z.string({ error: 'report_title_missing' }).trim().min(1, 'report_title_missing').max(reportLimits.title, 'report_title_too_long'),
		kind: z.enum(reportKinds, { error: 'report_kind_invalid' }),
		programmeId: z.preprocess(emptyIsMissing, z.string({ error: 'report_programme_invalid' }).trim().max(100, 'report_programme_invalid').optional()),
		groupIds,
		from: quarter,
		to: quarter,
		scaleSd: decimal(reportLimits.minScaleSd, reportLimits.maxScaleSd, 'report_scale_sd_invalid', defaultScaleSd),
		reliability: decimal(reportLimits.minReliability, reportLimits.maxReliability, 'report_reliability_invalid', defaultReliability)
	})
	.superRefine((value, context) => {
		if (value.kind === 'programme' && !value.programmeId) {
			context.addIssue({ code: 'custom', path: ['programmeId'], message: 'report_programme_invalid' });
		}
		if (value.kind === 'period') {
			if (!value.from) context.addIssue({ code: 'custom', path: ['from'], message: 'report_period_required' });
			if (!value.to) context.addIssue({ code: 'custom', path: ['to'], message: 'report_period_required' });
		}
		if (value.from && value.to && quarterFirstDay(value.from) > quarterFirstDay(value.to)) {
			context.addIssue({ code: 'custom', path: ['to'], message: 'report_quarter_order' });
		}
	})
	.transform((value) => ({
		...value,
		programmeId: value.kind === 'programme' ? (value.programmeId ?? null) : null,
		groupIds: value.kind === 'groups' ? value.groupIds : []
	}));
export type ReportDefinitionInput = z.infer<typeof reportDefinitionSchema>;

/** A posted form as the schema's input: text fields, and every ticked group. */
export function reportFormInput(form: FormData): Record<string, unknown> {
	const text = (name: string) => {
		const value = form.get(name);
		return typeof value === 'string' ? value : undefined;
	};
	return {
		title: text('title'),
		kind: text('kind'),
		programmeId: text('programmeId'),
		groupIds: form.getAll('groupIds').filter((value) => typeof value === 'string'),
		from: text('from'),
		to: text('to'),
		scaleSd: text('scaleSd'),
		reliability: text('reliability')
	};
}

export const shareSchema = z.object({
	funderId: z.string({ error: 'report_funder_invalid' }).trim().min(1, 'report_funder_invalid').max(100, 'report_funder_invalid')
});

const quarterQuery = z.string().regex(/^\d{4}-[QK][1-4]$/i).optional().describe("A quarter, e.g. '2025-Q1'; both ends included.");
export const apiFilterQuerySchema = z.object({
	from: quarterQuery,
	to: quarterQuery,
	setting: z.enum(['all', 'group', 'alone']).optional().describe("'group': units in a group; 'alone': units outside any group.")
});

const shown = z.number().nullable();
const interval = z.object({ lower: z.number(), upper: z.number() });
const changeFigures = z.object({
	n: z.number().int(),
	meanBefore: z.number(),
	meanAfter: z.number(),
	sdBefore: z.number(),
	sdAfter: z.number(),
	meanChange: z.number(),
	interval,
	gAv: z.number().nullable(),
	gInterval: interval.nullable()
});
const reportFilter = z.object({
	from: z.string().nullable(),
	to: z.string().nullable(),
	setting: z.enum(['all', 'group', 'alone'])
});

export const outcomeReportSchema = z.object({
	madeAt: z.string(),
	minimumCell: z.number().int(),
	filter: z.object({
		requested: reportFilter,
		applied: z.boolean(),
		refusal: z.enum(['narrows_below_minimum']).nullable()
	}),
	funnel: z.object({ started: shown, completed: shown, measuredBefore: shown, completePairs: shown }),
	outputs: z.object({ groups: z.number().int(), sessionsHeld: z.number().int(), attendanceRate: shown }).nullable(),
	countsOnly: z.boolean(),
	change: z.object({ total: changeFigures, emotional: changeFigures, social: changeFigures }).nullable(),
	reliableChange: z
		.object({
			settings: z.object({ sd: z.number(), reliability: z.number() }),
			sDiff: z.number(),
			thresholdPoints: z.number(),
			improved: shown,
			recovered: shown,
			unchanged: shown,
			worse: shown
		})
		.nullable(),
	bands: z
		.object({
			bands: z.array(z.enum(['not_lonely', 'moderately_lonely', 'severely_lonely', 'very_severely_lonely'])),
			before: z.array(shown),
			after: z.array(shown),
			shift: z.array(z.array(shown))
		})
		.nullable(),
	followUp: z.object({ n: shown, change: changeFigures.nullable() }).nullable(),
	context: z.object({
		year: z.number().int(),
		source: z.string(),
		url: z.string(),
		scale: z.literal('DJG-11'),
		population: z.literal('adults_18_plus'),
		lonelyPercent: z.number(),
		severelyLonelyPercent: z.number()
	})
});
