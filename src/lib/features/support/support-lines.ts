/**
 * Where to find help, kept as data (one file per country) so an organisation can correct it.
 * - `supportCountries`: every country with its lines, in display order.
 * - `crisisLines(country)`: the lines shown in the prominent help block (severe results, crisis signals).
 * - `callableCrisisLines(country)`: the crisis lines that have a number, for the footer of every page.
 * - `telHref(number)`: the `tel:` address of a number as people write it ("0800-0113" → "tel:08000113").
 * - `siteName(url)`: a web address as people say it ("https://www.113.nl" → "113.nl").
 */
import type { Localized } from '$lib/features/instruments/instruments';
import { netherlands } from './lines/nl';
import { belgium } from './lines/be';

export interface SupportLine {
	id: string;
	name: string;
	/** How to reach it in words, e.g. "Bel 113 of 0800-0113"; shown where the line has no number to tap. */
	how: Localized;
	/** Numbers as people write and say them, each shown as a `tel:` link; empty for "your own GP". */
	phones: string[];
	website?: string;
	/** Where the line's chat starts, when it has one. */
	chat?: string;
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

export function callableCrisisLines(country: SupportCountry['id'] = 'nl'): SupportLine[] {
	return crisisLines(country).filter((line) => line.phones.length > 0);
}

export function telHref(number: string): string {
	const digits = number.replace(/[^\d+]/g, '');
	return `tel:${digits}`;
}

export function siteName(url: string): string {
	return url.replace(/^https?:\/\/(www\.)?/, '').replace(/\/$/, '');
}
