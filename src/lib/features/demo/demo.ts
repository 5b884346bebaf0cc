/**
 * The demo workspace (`npm run demo`, docs/demo.md). Pure: what a run may do with the database it finds.
 * - Empty (no account at all): fill it.
 * - Only accounts the demo made, and the demo marker: rebuild it (the dates move on with time, so a fresh demo
 *   shows recent activity again).
 * - Any other account: refuse, and change nothing. A real account is never deleted or mixed with made-up people.
 * `demoBannerMarkup()`: the banner as the root layout renders it, per language, for the pages built as files.
 */
import { m } from '$lib/paraglide/messages';
import { locales, type Locale } from '$lib/paraglide/runtime';

export type DemoPlan = { kind: 'fill' } | { kind: 'rebuild' } | { kind: 'refuse'; otherAccounts: number };

export function demoPlan(options: { accountIds: readonly string[]; demoAccountIds: readonly string[] | null }): DemoPlan {
	const made = new Set(options.demoAccountIds ?? []);
	const others = options.accountIds.filter((id) => !made.has(id)).length;
	if (others > 0) return { kind: 'refuse', otherAccounts: others };
	if (options.demoAccountIds !== null) return { kind: 'rebuild' };
	return { kind: 'fill' };
}

/** The account ids stored with the marker; an unreadable value counts as none, so the run refuses. */
export function parseDemoAccountIds(text: string): string[] {
	try {
		const value: unknown = JSON.parse(text);
		return Array.isArray(value) ? value.filter((id): id is string => typeof id === 'string') : [];
	} catch {
		return [];
	}
}

const escapeText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The banner's HTML in each language, the same as src/routes/+layout.svelte renders it (its style is global). */
export function demoBannerMarkup(): Record<Locale, string> {
	const banner = (locale: Locale) =>
		`<p class="demo-banner" data-testid="demo-banner"><strong>${escapeText(m.demo_banner_title({}, { locale }))}</strong> ${escapeText(m.demo_banner_text({}, { locale }))}</p>`;
	return Object.fromEntries(locales.map((locale) => [locale, banner(locale)])) as Record<Locale, string>;
}
