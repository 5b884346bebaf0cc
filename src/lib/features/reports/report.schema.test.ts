import { describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import { fieldErrors } from '$lib/kernel/form-errors';
import type { OutcomeReport } from './outcome-report';
import { buildOutcomeReport } from './build-report';
import { defaultReliableChangeSettings } from './statistics';
import { outcomeReportSchema, reportDefinitionSchema, reportFormInput, shareSchema } from './report.schema';

describe('outcomeReportSchema', () => {
	it('has exactly the OutcomeReport type', () => {
		expectTypeOf<z.infer<typeof outcomeReportSchema>>().toEqualTypeOf<OutcomeReport>();
	});

	it('accepts a built report', () => {
		const combos = Array.from({ length: 10 }, (_, i) => ({ beforeEmotional: 3, beforeSocial: 2, afterEmotional: i % 4, afterSocial: 1, followUpTotal: null, n: 2 }));
		const report = buildOutcomeReport(
			{ funnel: { started: 30, completed: 20, measuredBefore: 20 }, combinations: combos, outputs: { groups: 1, sessionsHeld: 8, participants: 20, attended: 100, expected: 160 } },
			defaultReliableChangeSettings,
			{ requested: { from: null, to: null, setting: 'all' }, applied: false, refusal: null }
		);
		expect(outcomeReportSchema.parse(report)).toEqual(report);
	});
});

describe('reportDefinitionSchema', () => {
	const form = (fields: Record<string, string | string[]>) => {
		const data = new FormData();
		for (const [name, value] of Object.entries(fields)) for (const one of [value].flat()) data.append(name, one);
		return reportFormInput(data);
	};
	const errors = (input: unknown) => {
		const parsed = reportDefinitionSchema.safeParse(input);
		return parsed.success ? {} : fieldErrors(parsed.error);
	};

	it('a programme report with the default settings', () => {
		expect(reportDefinitionSchema.parse(form({ title: ' Acht weken 2025 ', kind: 'programme', programmeId: 'eight-weeks', from: '2025 K1', to: '' }))).toEqual({
			title: 'Acht weken 2025',
			kind: 'programme',
			programmeId: 'eight-weeks',
			groupIds: [],
			from: '2025-Q1',
			to: null,
			scaleSd: 3,
			reliability: 0.88
		});
	});

	it('a groups report keeps its groups; a comma is a decimal point', () => {
		const parsed = reportDefinitionSchema.parse(form({ title: 'Groepen', kind: 'groups', groupIds: ['g-1', 'g-2', 'g-1'], scaleSd: '2,5', reliability: '0,9' }));
		expect(parsed).toMatchObject({ groupIds: ['g-1', 'g-2'], programmeId: null, scaleSd: 2.5, reliability: 0.9 });
	});

	it('gives a field error for each wrong field', () => {
		expect(errors(form({ title: '', kind: 'period', scaleSd: '0.1', reliability: '1' }))).toEqual({
			title: 'report_title_missing',
			from: 'report_period_required',
			to: 'report_period_required',
			scaleSd: 'report_scale_sd_invalid',
			reliability: 'report_reliability_invalid'
		});
		expect(errors(form({ title: 'x'.repeat(121), kind: 'programme' }))).toEqual({ title: 'report_title_too_long', programmeId: 'report_programme_invalid' });
		expect(errors(form({ title: 'x', kind: 'everything' }))).toEqual({ kind: 'report_kind_invalid' });
		expect(errors(form({ title: 'x', kind: 'period', from: '2025-K3', to: '2025-K1' }))).toEqual({ to: 'report_quarter_order' });
		expect(errors(form({ title: 'x', kind: 'period', from: 'zomer', to: '2025-K1' }))).toEqual({ from: 'report_quarter_invalid' });
	});

	it('the share form needs a funder', () => {
		expect(shareSchema.safeParse({ funderId: '' }).success).toBe(false);
		expect(shareSchema.parse({ funderId: ' org-1 ' })).toEqual({ funderId: 'org-1' });
	});
});
