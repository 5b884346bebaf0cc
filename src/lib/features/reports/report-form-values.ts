/**
 * The report form's values to show again: what was posted (after an error), or a stored definition (to edit), as
 * the strings the form's fields hold.
 */
import { formatNumber } from '$lib/i18n/format';
import type { Locale } from '$lib/paraglide/runtime';
import { quarterLabel } from './filters';
import type { ReportDefinition } from './reports.server';

export type ReportFormValues = Record<string, string | string[]>;

export function formValues(form: FormData): ReportFormValues {
	const values: ReportFormValues = {};
	for (const name of ['title', 'kind', 'programmeId', 'from', 'to', 'scaleSd', 'reliability']) {
		const value = form.get(name);
		if (typeof value === 'string') values[name] = value;
	}
	values.groupIds = form.getAll('groupIds').filter((value): value is string => typeof value === 'string');
	return values;
}

export function definitionValues(definition: ReportDefinition, locale: Locale): ReportFormValues {
	return {
		title: definition.title,
		kind: definition.kind,
		programmeId: definition.programmeId ?? '',
		groupIds: definition.groupIds,
		from: definition.from ? quarterLabel(definition.from, locale) : '',
		to: definition.to ? quarterLabel(definition.to, locale) : '',
		scaleSd: formatNumber(definition.scaleSd, 2, locale),
		reliability: formatNumber(definition.reliability, 2, locale)
	};
}
