/** The caseload's signals and band filters in words, in the page's language. Never colour alone. */
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { healthWebDefinitions } from '$lib/features/health-web/health-web';
import { getInstrument } from '$lib/features/instruments/instruments';
import type { CaseloadBandFilter } from './caseload-list';
import { signalWords } from '$lib/features/groups/group-words';
import type { CaseloadSignal, CaseloadSignalId } from './signals';
import { changeDirection } from './caseload-triage';

/** A change of score with its direction in words ("2 hoger: eenzamer"), so a number never stands alone. */
export function changeWords(change: number, locale?: 'nl' | 'en'): string {
	const options = locale ? { locale } : {};
	switch (changeDirection(change)) {
		case 'lonelier':
			return m.triage_change_higher({ amount: change }, options);
		case 'less_lonely':
			return m.triage_change_lower({ amount: -change }, options);
		case 'same':
			return m.triage_change_same({}, options);
	}
}

export function signalNames(): Record<CaseloadSignalId, string> {
	return {
		severe_band: m.signal_severe(),
		score_worsened: m.signal_worsened(),
		discuss_unread: m.signal_discuss(),
		week1_unopened: m.signal_week1_unopened(),
		no_step: m.signal_no_step(),
		group_dropout: m.groupfile_signal(),
		health_web_drop: m.signal_web_drop(),
		inactive: m.signal_inactive()
	};
}

/**
 * One signal with its data, e.g. "Score 2 of meer hoger: De Jong Gierveld-eenzaamheidsschaal (11 uitspraken) 7 → 9";
 * `short` names a scale by its code ("DJG-11 7 → 9"), for a badge's title where the row shows the rest.
 */
export function signalText(signal: CaseloadSignal, options: { short?: boolean } = {}): string {
	const locale = getLocale();
	const title = (id: string) => (options.short ? id.toUpperCase() : (getInstrument(id)?.title[locale] ?? id));
	switch (signal.id) {
		case 'severe_band':
			return m.signal_severe_text({ what: signal.results.map((r) => `${title(r.instrument)} ${r.total}`).join(', ') });
		case 'score_worsened':
			return m.signal_worsened_text({ what: signal.changes.map((c) => `${title(c.instrument)} ${c.previous} → ${c.latest}`).join(', ') });
		case 'discuss_unread':
			return m.signal_discuss_text({ count: signal.count });
		case 'week1_unopened':
			return m.signal_week1_unopened_text({ day: signal.day });
		case 'no_step':
			return m.signal_no_step_text({ days: signal.days });
		case 'health_web_drop':
			return m.signal_web_drop_text({ what: signal.drops.map((d) => `${healthWebDefinitions[d.dimension].name[locale]} ${d.previous} → ${d.current}`).join(', ') });
		case 'inactive':
			return signal.days === null ? m.signal_inactive_long() : m.signal_inactive_text({ days: signal.days });
		case 'group_dropout':
			return signal.groups.map((g) => `${m.groupfile_in_group({ name: g.groupName })}: ${g.signals.map((kind) => signalWords(kind).text).join(', ')}`).join('; ');
	}
}

/** A badge on the caseload: the signal's words, the client's own facts for screen readers, and its whole sentence. */
export interface SignalBadge {
	id: CaseloadSignalId;
	/** What the badge shows beside its icon: "Score hoger", or a group's drop-out kind ("Gestopt"). */
	label: string;
	/** This client's facts in words ("DJG-11 van 7 naar 9"), read after the label; the legend says what the kind means. */
	facts: string;
	/** The whole sentence, for a pointer resting on the badge. */
	title: string;
}

/** What each kind of signal means, once for the whole list: the same for every client. */
export function signalLegend(): Record<CaseloadSignalId, string> {
	return {
		severe_band: m.triage_legend_severe_band(),
		score_worsened: m.triage_legend_score_worsened(),
		discuss_unread: m.triage_legend_discuss_unread(),
		week1_unopened: m.triage_legend_week1_unopened(),
		no_step: m.triage_legend_no_step(),
		group_dropout: m.triage_legend_group_dropout(),
		health_web_drop: m.triage_legend_health_web_drop(),
		inactive: m.triage_legend_inactive()
	};
}

/** The facts of one signal that differ per client, in words (no arrows: a screen reader says "right arrow"). */
function signalFacts(signal: Exclude<CaseloadSignal, { id: 'group_dropout' }>): string {
	const fromTo = (what: string, previous: number, latest: number) => m.triage_badge_from_to({ what, previous, latest });
	switch (signal.id) {
		case 'severe_band':
			return signal.results.map((r) => `${r.instrument.toUpperCase()} ${r.total}`).join(', ');
		case 'score_worsened':
			return signal.changes.map((c) => fromTo(c.instrument.toUpperCase(), c.previous, c.latest)).join(', ');
		case 'discuss_unread':
			return m.triage_badge_discuss({ count: signal.count });
		case 'week1_unopened':
			return m.triage_badge_day({ day: signal.day });
		case 'no_step':
			return m.triage_badge_days({ days: signal.days });
		case 'health_web_drop':
			return signal.drops.map((d) => fromTo(healthWebDefinitions[d.dimension].name[getLocale()], d.previous, d.current)).join(', ');
		case 'inactive':
			return signal.days === null ? m.triage_badge_long() : m.triage_badge_days({ days: signal.days });
	}
}

/** One badge per signal, and one per drop-out kind of each group (the group's name as its facts). */
export function signalBadges(signals: readonly CaseloadSignal[]): SignalBadge[] {
	const names = signalNames();
	return signals.flatMap((signal): SignalBadge[] => {
		if (signal.id !== 'group_dropout') return [{ id: signal.id, label: names[signal.id], facts: signalFacts(signal), title: signalText(signal, { short: true }) }];
		return signal.groups.flatMap((group) => {
			const inGroup = m.groupfile_in_group({ name: group.groupName });
			return group.signals.map((kind) => ({ id: signal.id, label: signalWords(kind).text, facts: inGroup, title: inGroup }));
		});
	});
}

/**
 * The kind messages a professional may send as they are, or change, for the programme's drop-out signals. The key
 * travels in the programme page's address (`?bericht=week1`), so the page fills in the text in its own language.
 */
export const suggestedMessageKeys = ['week1', 'stap'] as const;
export type SuggestedMessageKey = (typeof suggestedMessageKeys)[number];

export function suggestedMessage(key: SuggestedMessageKey): string {
	return key === 'week1' ? m.programme_pro_suggest_week1() : m.programme_pro_suggest_step();
}

/** The suggestion that goes with a signal, or null when the signal has none. */
export function suggestionFor(signal: CaseloadSignal): SuggestedMessageKey | null {
	return signal.id === 'week1_unopened' ? 'week1' : signal.id === 'no_step' ? 'stap' : null;
}

export function bandFilterNames(): Record<CaseloadBandFilter, string> {
	const bands = getInstrument('djg-11')!.bands;
	const label = (id: string) => bands.find((b) => b.id === id)?.label[getLocale()] ?? id;
	return {
		not_lonely: label('not_lonely'),
		moderately_lonely: label('moderately_lonely'),
		severely_lonely: label('severely_lonely'),
		very_severely_lonely: label('very_severely_lonely'),
		indication: m.caseload_band_indication(),
		no_result: m.caseload_band_none()
	};
}
