/**
 * Localized paths, pure and fast (a plain table instead of URL patterns: Paraglide's URLPattern polyfill took about
 * 80 µs per link on Node 20, a third of the time of a page; see docs/decisions/005-locale-in-url.md).
 * - `localeInPath(pathname)`: the locale a path starts with, if any.
 * - `localizePath(path, locale)`: a route path ("/over", "/account/inloggen?x") as a URL path ("/en/about",
 *   "/en/account/sign-in?x").
 * - `deLocalizePath(pathname)`: the other way round; a path without a locale comes back as it is. Old addresses
 *   (a Dutch word under /en, an exercise's stable id under /nl) still come back as their route.
 * - `canonicalPath(pathname)`: the address a localized path should have, to redirect old addresses to.
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
	weergave: 'display',
	overzicht: 'overview',
	herinneringen: 'reminders',
	'metingen.csv': 'measurements.csv',
	groepen: 'groups',
	bijeenkomsten: 'sessions',
	groep: 'group',
	terugblik: 'check-in',
	rapporten: 'reports',
	financier: 'funder',
	samen: 'combined'
}));
const routeSlugs: ReadonlyMap<string, string> = new Map([...englishSlugs].map(([route, english]) => [english, route]));

/**
 * Exercises keep their stable English id in the database, the content files and the route; a Dutch address uses a
 * Dutch word for it (the segment after /oefeningen).
 */
const dutchExerciseSlugs: ReadonlyMap<string, string> = new Map(Object.entries({
	'be-visible': 'laat-je-zien',
	breathing: 'ademen',
	'contact-or-approval': 'contact-of-goedkeuring',
	'fact-or-assumption': 'feit-of-aanname',
	'greet-by-name': 'groet-bij-naam',
	journal: 'dagboek',
	'kind-moments': 'vriendelijke-momenten',
	'one-honest-sentence': 'een-eerlijke-zin',
	'one-small-step': 'een-kleine-stap',
	'plan-for-next-time': 'plan-voor-de-volgende-keer',
	'read-your-thoughts-aloud': 'lees-je-gedachten-hardop',
	'share-what-matters': 'deel-wat-je-belangrijk-vindt',
	'slow-down-when-close': 'rustig-aan-als-het-dichtbij-komt',
	'ten-minutes-for-yourself': 'tien-minuten-voor-jezelf',
	'thought-check': 'gedachtencheck',
	'when-old-pain-stirs': 'als-oude-pijn-opspeelt'
}));
const exerciseIds: ReadonlyMap<string, string> = new Map([...dutchExerciseSlugs].map(([id, dutch]) => [dutch, id]));

/** Segments after these are content ids, never route words (a knowledge article is called "health-web"). */
const idParents: ReadonlySet<string> = new Set(['oefeningen', 'kennis', 'woordenlijst']);

/** The exercise ids that have a Dutch address word (a test checks every exercise has one). */
export const exerciseIdsWithDutchSlug: readonly string[] = [...dutchExerciseSlugs.keys()];

export function localeInPath(pathname: string): Locale | undefined {
	const first = pathname.split('/', 2)[1] ?? '';
	return isLocale(first) ? first : undefined;
}

export function localizePath(path: string, locale: Locale): string {
	const cut = path.search(/[?#]/);
	const pathname = cut === -1 ? path : path.slice(0, cut);
	const rest = cut === -1 ? '' : path.slice(cut);
	const segments = pathname.split('/').slice(1);
	const slugs = segments.map((s, i) => {
		const parent = segments[i - 1] ?? '';
		if (idParents.has(parent)) return locale === 'nl' && parent === 'oefeningen' ? (dutchExerciseSlugs.get(s) ?? s) : s;
		return locale === 'en' ? (englishSlugs.get(s) ?? s) : s;
	});
	return ['', locale, ...slugs].join('/').replace(/\/+$/, '') + rest;
}

export function deLocalizePath(pathname: string): string {
	const locale = localeInPath(pathname);
	if (!locale) return pathname;
	const slugs: string[] = [];
	for (const s of pathname.split('/').slice(2)) {
		const parent = slugs.at(-1) ?? '';
		if (idParents.has(parent)) slugs.push(parent === 'oefeningen' ? (exerciseIds.get(s) ?? s) : s);
		else slugs.push(routeSlugs.get(s) ?? s);
	}
	return ['', ...slugs].join('/') || '/';
}

export function canonicalPath(pathname: string): string {
	const locale = localeInPath(pathname);
	return locale ? localizePath(deLocalizePath(pathname), locale) : pathname;
}
