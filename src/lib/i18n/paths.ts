/**
 * Localized paths, pure and fast (a plain table instead of URL patterns: Paraglide's URLPattern polyfill took about
 * 80 µs per link on Node 20, a third of the time of a page; see docs/decisions/005-locale-in-url.md).
 * - `localeInPath(pathname)`: the locale a path starts with, if any.
 * - `localizePath(path, locale)`: a route path ("/over", "/account/inloggen?x") as a URL path ("/en/about",
 *   "/en/account/sign-in?x").
 * - `deLocalizePath(pathname)`: the other way round; a path without a locale comes back as it is.
 */
import { isLocale, type Locale } from '$lib/paraglide/runtime';

/** Routes are named by their Dutch slugs; English gets its own word where it differs, segment by segment. */
const englishSlugs: ReadonlyMap<string, string> = new Map(Object.entries({
	over: 'about',
	hulp: 'help',
	uitslag: 'result',
	registreren: 'sign-up',
	inloggen: 'sign-in',
	bevestigen: 'verify',
	'wachtwoord-vergeten': 'forgot-password',
	'nieuw-wachtwoord': 'new-password',
	gegevens: 'data',
	verwijderen: 'delete',
	tweestaps: 'two-step',
	installatie: 'setup',
	uitnodiging: 'invitation',
	organisatie: 'organisation',
	werk: 'work',
	clienten: 'clients',
	uitnodigen: 'invite',
	kennis: 'knowledge',
	koppelen: 'connect',
	delen: 'sharing',
	inzage: 'access-log',
	'api-sleutels': 'api-keys',
	oefeningen: 'exercises',
	woordenlijst: 'glossary',
	stappen: 'small-steps',
	patronen: 'patterns',
	mensen: 'people',
	nieuw: 'new',
	bewerken: 'edit',
	afspraak: 'appointment',
	agenda: 'calendar',
	metingen: 'measurements',
	gezondheidsweb: 'health-web',
	zelfredzaamheid: 'self-sufficiency',
	gesprek: 'conversation',
	notities: 'notes',
	gesprekken: 'conversations',
	programma: 'programme',
	weergave: 'display'
}));
const routeSlugs: ReadonlyMap<string, string> = new Map([...englishSlugs].map(([route, english]) => [english, route]));

export function localeInPath(pathname: string): Locale | undefined {
	const first = pathname.split('/', 2)[1] ?? '';
	return isLocale(first) ? first : undefined;
}

export function localizePath(path: string, locale: Locale): string {
	const cut = path.search(/[?#]/);
	const pathname = cut === -1 ? path : path.slice(0, cut);
	const rest = cut === -1 ? '' : path.slice(cut);
	const segments = pathname.split('/').slice(1);
	const slugs = locale === 'en' ? segments.map((s) => englishSlugs.get(s) ?? s) : segments;
	return ['', locale, ...slugs].join('/').replace(/\/+$/, '') + rest;
}

export function deLocalizePath(pathname: string): string {
	const locale = localeInPath(pathname);
	if (!locale) return pathname;
	const segments = pathname.split('/').slice(2);
	const slugs = locale === 'en' ? segments.map((s) => routeSlugs.get(s) ?? s) : segments;
	return ['', ...slugs].join('/') || '/';
}
