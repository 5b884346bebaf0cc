/**
 * Where to find help, kept as data (one file per country) so an organisation can correct it.
 * - `supportCountries`: every country with its lines, in display order.
 * - `crisisLines(country)`: the lines shown in the prominent help block (severe results, crisis signals).
 */
import type { Localized } from '$lib/features/instruments/instruments';
import { netherlands } from './lines/nl';
import { belgium } from './lines/be';

export interface SupportLine {
	id: string;
	name: string;
	/** How to reach it, e.g. "Bel 113 of 0800-0113". */
	how: Localized;
	/** tel: value of the main number, digits only; absent for "your own GP". */
	phone?: string;
	website?: string;
	when: Localized;
	notes: Localized;
	/** Shown in the prominent help block. */
	crisis: boolean;
}

export interface SupportCountry {
	id: 'nl' | 'be';
	name: Localized;
	/** ISO date on which these facts were last compared with the services' own pages. */
	lastChecked: string;
	lines: SupportLine[];
}

export const supportCountries: SupportCountry[] = [netherlands, belgium];

export function crisisLines(country: SupportCountry['id'] = 'nl'): SupportLine[] {
	return supportCountries.find((c) => c.id === country)?.lines.filter((l) => l.crisis) ?? [];
}
