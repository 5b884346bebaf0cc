/**
 * A report as CSV: its aggregates only, one figure per row. Pure: no I/O.
 * - `reportCsv(report, definition, locale)`: columns section, measure, value, lower, upper, n (headings in the
 *   page's language; sections and measures as stable codes, so a spreadsheet can look them up). A hidden figure has
 *   an empty value and "<10" in the n column. RFC 4180: comma separated, CRLF line ends, quoted where needed.
 */
import { m } from '$lib/paraglide/messages';
import type { ChangeFigures, OutcomeReport, Shown } from './outcome-report';

export interface CsvDefinition {
	title: string;
	kind: string;
	from: string | null;
	to: string | null;
}

type Cell = string | number | null;

/** RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled. */
export function csvField(value: Cell): string {
	const text = value === null ? '' : typeof value === 'number' ? String(Number(value.toFixed(4))) : value;
	return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

const hiddenMark = '<10';

export function reportCsv(report: OutcomeReport, definition: CsvDefinition, locale: 'nl' | 'en'): string {
	const rows: Cell[][] = [
		[m.report_csv_section({}, { locale }), m.report_csv_measure({}, { locale }), m.report_csv_value({}, { locale }), m.report_csv_lower({}, { locale }), m.report_csv_upper({}, { locale }), m.report_csv_n({}, { locale })]
	];
	const add = (section: string, measure: string, value: Cell, lower: Cell = null, upper: Cell = null, n: Cell = null) => rows.push([section, measure, value, lower, upper, n]);
	const count = (section: string, measure: string, value: Shown) => add(section, measure, value, null, null, value === null ? hiddenMark : null);

	add('report', 'title', definition.title);
	add('report', 'kind', definition.kind);
	add('report', 'period_from', definition.from);
	add('report', 'period_to', definition.to);
	add('report', 'made_at', report.madeAt);
	add('report', 'minimum_cell', report.minimumCell);
	add('report', 'counts_only', report.countsOnly ? 'true' : 'false');
	add('filter', 'applied', report.filter.applied ? 'true' : 'false');
	add('filter', 'refusal', report.filter.refusal);

	for (const [measure, value] of Object.entries(report.funnel)) count('funnel', snake(measure), value);
	if (report.outputs) {
		add('outputs', 'groups', report.outputs.groups);
		add('outputs', 'sessions_held', report.outputs.sessionsHeld);
		count('outputs', 'attendance_rate', report.outputs.attendanceRate);
	}
	const change = (section: string, figures: ChangeFigures) => {
		add(section, 'mean_before', figures.meanBefore, null, null, figures.n);
		add(section, 'mean_after', figures.meanAfter, null, null, figures.n);
		add(section, 'mean_change', figures.meanChange, figures.interval.lower, figures.interval.upper, figures.n);
		add(section, 'g_av', figures.gAv, figures.gInterval?.lower ?? null, figures.gInterval?.upper ?? null, figures.n);
	};
	if (report.change) {
		change('change_total', report.change.total);
		change('change_emotional', report.change.emotional);
		change('change_social', report.change.social);
	}
	const reliable = report.reliableChange;
	if (reliable) {
		add('reliable_change', 'scale_sd', reliable.settings.sd);
		add('reliable_change', 'reliability', reliable.settings.reliability);
		add('reliable_change', 'threshold_points', reliable.thresholdPoints);
		count('reliable_change', 'improved_not_recovered', reliable.improved);
		count('reliable_change', 'recovered', reliable.recovered);
		count('reliable_change', 'unchanged', reliable.unchanged);
		count('reliable_change', 'worse', reliable.worse);
	}
	if (report.bands) {
		const { bands, before, after, shift } = report.bands;
		bands.forEach((band, i) => count('bands_before', band, before[i] ?? null));
		bands.forEach((band, i) => count('bands_after', band, after[i] ?? null));
		bands.forEach((from, i) => bands.forEach((to, j) => count('band_shift', `${from}>${to}`, shift[i]?.[j] ?? null)));
	}
	if (report.followUp) {
		count('follow_up', 'n', report.followUp.n);
		if (report.followUp.change) change('follow_up_total', report.followUp.change);
	}
	const context = report.context;
	add('national_context', 'lonely_percent', context.lonelyPercent, null, null, `${context.scale}, ${context.year}, ${context.source}`);
	add('national_context', 'severely_lonely_percent', context.severelyLonelyPercent, null, null, `${context.scale}, ${context.year}, ${context.source}`);
	return rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

function snake(name: string): string {
	return name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}
