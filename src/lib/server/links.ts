/**
 * Absolute links to brug's own pages, for mails: `pageLink('/account/koppelen', 'en', { code })` gives
 * `https://brug.example.nl/en/account/connect?code=…`. Paths are written in Dutch and localised here.
 */
import { localizePath } from '$lib/i18n/paths';
import { publicOrigin } from '$lib/server/auth';

export function pageLink(path: string, locale: 'nl' | 'en', query: Record<string, string> = {}): string {
	const url = new URL(localizePath(path, locale), publicOrigin());
	for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
	return url.href;
}
