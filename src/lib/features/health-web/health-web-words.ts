/**
 * The words around a health web chart, in the page's language: title, a summary for screen readers (each score,
 * with the previous one, and what the person wants to talk about), legend and table headers.
 */
import { m } from '$lib/paraglide/messages';
import type { HealthWebDimension } from './health-web';
import type { HealthWebChartModel } from './health-web-chart';

export function webChartWords(input: { takenOn: string; previousOn: string | null; model: HealthWebChartModel; labels: Record<HealthWebDimension, string> }) {
	const scores = input.model.rows
		.map((row) => `${input.labels[row.dimension]} ${row.current}${row.previous === null ? '' : ` (${m.web_was({ score: row.previous })})`}`)
		.join(', ');
	const marked = input.model.rows.filter((row) => row.discuss).map((row) => input.labels[row.dimension]);
	return {
		title: m.web_chart_title({ day: input.takenOn }),
		description: `${scores}.${marked.length > 0 ? ` ${m.web_chart_marked({ what: marked.join(', ') })}` : ''}`,
		legend: { current: m.web_legend_now({ day: input.takenOn }), previous: input.previousOn ? m.web_legend_previous({ day: input.previousOn }) : m.web_legend_none() },
		columnHeaders: { dimension: m.web_col_dimension(), previous: m.web_col_previous(), current: m.web_col_now(), change: m.web_col_change(), marked: m.web_col_marked() },
		markedText: m.web_discuss(),
		tableSummary: m.history_show_table()
	};
}
