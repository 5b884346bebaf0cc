import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit/hooks';
import type { RequestEvent } from '@sveltejs/kit';
import { building } from '$app/env';
import { randomUUID } from 'node:crypto';
import { paraglideMiddleware } from '$lib/paraglide/server';
import { config, ConfigError } from '$lib/server/env';
import { log } from '$lib/server/log';
import { databaseKind, db, startDatabase, stopDatabase } from '$lib/server/db';
import { dataKeyring, KeyringError, reencryptOnStart } from '$lib/server/crypto';
import { auth, startAuth } from '$lib/server/auth';
import { loadAuthSecret } from '$lib/server/auth/secret';
import { closeMailer } from '$lib/server/mail/mailer';
import { startHousekeeping } from '$lib/composers/housekeeping.server';
import { startProgrammeReminders } from '$lib/features/programme/reminder-jobs.server';
import { startGroupSessionMails } from '$lib/features/groups/session-mail.server';
import { startGroupReminders } from '$lib/features/groups/group-reminders.server';
import { pageLink } from '$lib/server/links';
import { startJobs, stopJobs } from '$lib/server/jobs';
import { currentAccount } from '$lib/features/accounts/accounts.server';
import { prepareSetupToken } from '$lib/features/organisations/setup-token.server';
import { loadDemoBanner } from '$lib/features/demo/demo.server';
import { applySecurityHeaders, isCrossSiteWrite, parseByteSize, siteCookie, siteCookieName } from '$lib/server/http/headers';
import { problem } from '$lib/server/http/problem';
import { plainPage, unusableFormPost } from '$lib/server/http/form';
import { databaseRetryAfterSeconds, isDatabaseUnavailable } from '$lib/server/db/unavailable';
import type { Locale } from '$lib/paraglide/runtime';
import { m } from '$lib/paraglide/messages';
import {
	defineServerLocaleStrategy,
	localeCookieName,
	localeInPath,
	localizedRedirectTarget
} from '$lib/i18n/locale';
import { canonicalPath, deLocalizePath } from '$lib/i18n/paths';

defineServerLocaleStrategy();

export const init: ServerInit = async () => {
	// Prerendering at build time needs no database, jobs or secrets: the pages it builds read content only.
	if (building) return;
	try {
		config();
		dataKeyring();
	} catch (error) {
		if (error instanceof ConfigError || error instanceof KeyringError) {
			console.error(error.message);
			process.exit(1);
		}
		throw error;
	}
	await startDatabase();
	// After `npm run rotate-key`: text written with an older key is rewritten with the current one.
	for (const column of await reencryptOnStart(db())) {
		if (column.rewritten || column.unreadable) log()[column.unreadable ? 'error' : 'info'](column, 're-encrypted');
	}
	startAuth();
	// A database `npm run demo` filled: every page says that the people in it are made up.
	await loadDemoBanner(db());
	await prepareSetupToken(db(), {
		configured: config().BRUG_SETUP_TOKEN,
		secret: loadAuthSecret({ dataDir: config().dataDir, configured: config().BRUG_AUTH_SECRET }),
		// The token is the only key to the setup page: whoever reads the server log runs the server. Every instance
		// logs the same token; `setupTokenMadeAt` tells the operator it is one token, not one per instance.
		announce: (setupToken, made) =>
			log().warn(
				{ setupToken, setupTokenMadeAt: made.madeAt, madeByThisInstance: made.byThisInstance, setupPage: '/nl/installatie' },
				'brug has no organisation yet: open the setup page and enter this setup token (it works once, on any instance)'
			)
	});
	await startJobs();
	await startHousekeeping();
	await startProgrammeReminders({ linkFor: pageLink, db });
	await startGroupSessionMails({ linkFor: pageLink, db });
	await startGroupReminders({ linkFor: pageLink, db });
	// adapter-node emits this after SIGTERM/SIGINT once open requests are finished; a running job is finished too.
	process.once('sveltekit:shutdown', (reason) => {
		void stopJobs()
			.catch((error: unknown) => log().warn({ error: error instanceof Error ? error.name : 'unknown' }, 'jobs did not stop cleanly'))
			.then(() => Promise.all([stopDatabase(), closeMailer()]))
			.then(() => log().info({ reason }, 'jobs, database and mailer closed'));
	});
	log().info({ database: databaseKind(), node: process.version }, 'brug started');
};

/** Paths that are not pages: they carry no locale and are never redirected. */
function isMachinePath(pathname: string): boolean {
	// /agenda/<token>.ics: the calendar feed, fetched by calendar apps that know no locale and no session.
	// /weergave.css: the display settings as a stylesheet, linked from every page in every language.
	return pathname.startsWith('/api/') || pathname.startsWith('/agenda/') || pathname === '/healthz' || pathname.startsWith('/_app/') || pathname === '/weergave.css';
}

/**
 * RFC 8058: a mail app's one-click "unsubscribe" POSTs to the stop link in the List-Unsubscribe header, from its own
 * servers, without a session or a CSRF token. The token in the path is the only key, and all it can do is stop
 * reminders, so exactly these routes (the programme's and the groups' reminders), with a token-shaped last segment,
 * are let through the cross-site check.
 */
function isOneClickStop(request: Request, pathname: string): boolean {
	return request.method === 'POST' && /^\/(programma|groep)\/herinneringen\/[A-Za-z0-9-]{1,64}\.[A-Za-z0-9_-]{32}$/.test(deLocalizePath(pathname));
}

export const handle: Handle = async ({ event, resolve }) => {
	const started = performance.now();
	const { request } = event;
	event.locals.account = null;
	let response: Response;
	try {
		response = await respond(event, resolve);
	} catch (error) {
		// The session lookup runs here, before SvelteKit's own error handling: a database outage must still be a 503.
		if (!isDatabaseUnavailable(error)) throw error;
		noteDatabaseUnavailable(event, error);
		response = databaseUnavailablePage(pageLocale(event.url.pathname));
	}
	// handleError saw the database fail while the page or endpoint ran.
	if (event.locals.databaseUnavailable && response.status >= 500) response = unavailable(event, response);

	applySecurityHeaders(response, config().ORIGIN);
	log().info(
		{
			method: request.method,
			route: event.route.id ?? null,
			status: response.status,
			ms: Math.round(performance.now() - started)
		},
		'request'
	);
	return response;
};

async function respond(event: RequestEvent, resolve: Parameters<Handle>[0]['resolve']): Promise<Response> {
	const { url, request } = event;
	const declared = Number(request.headers.get('content-length') ?? '0');
	if (declared > parseByteSize(config().BODY_SIZE_LIMIT)) {
		return problem({ title: 'The request body is too large.', status: 413 });
	}
	if (isMachinePath(url.pathname)) return resolve(event);
	if (isCrossSiteWrite(request, url.origin) && !isOneClickStop(request, url.pathname)) {
		return new Response('Cross-site form submissions are refused.', { status: 403, headers: { 'content-type': 'text/plain; charset=utf-8' } });
	}
	if (!localeInPath(url.pathname)) {
		return new Response(null, {
			status: 307,
			headers: { location: localizedRedirectTarget(request, url), vary: 'Cookie, Accept-Language' }
		});
	}
	// An old address (a Dutch word under /en, an exercise's id under /nl) moves for good to the page's own words.
	const canonical = canonicalPath(url.pathname);
	if (canonical !== url.pathname && canonical !== url.pathname.replace(/\/+$/, '')) {
		return new Response(null, { status: 308, headers: { location: canonical + url.search } });
	}
	const unusable = await unusableFormPost(request);
	if (unusable) {
		const locale = pageLocale(url.pathname);
		return plainPage({
			locale,
			status: unusable === 'unsupported-type' ? 415 : 400,
			message: m.error_form_unreadable({}, { locale }),
			backLabel: m.error_home({}, { locale }),
			back: `/${locale}`
		});
	}
	// Only a request that carries a session cookie costs a session lookup.
	event.locals.account = hasSessionCookie(event.cookies.getAll())
		? await currentAccount(auth(), { headers: request.headers })
		: null;
	// The locale is in the path and reroute (src/hooks.ts) strips it, so Paraglide's copy of the request has the
	// same URL: the page reads the original request.
	const response = await paraglideMiddleware(request, ({ locale }) => {
		event.locals.locale = locale;
		return resolve(event, {
			transformPageChunk: ({ html }) => html.replace('%paraglide.lang%', locale)
		});
	});
	rememberLocale(event.cookies.get(localeCookieName), event.locals.locale, response);
	// The answer to a form post may hold a new secret (an API key, an invitation code): never cached.
	if (request.method === 'POST' && !response.headers.has('cache-control')) {
		response.headers.set('cache-control', 'private, no-store');
	}
	if (!event.cookies.get(siteCookieName)) response.headers.append('set-cookie', siteCookie(url.protocol === 'https:'));
	return response;
}

function pageLocale(pathname: string): Locale {
	return localeInPath(pathname) ?? 'nl';
}

function noteDatabaseUnavailable(event: RequestEvent, error: unknown): void {
	event.locals.databaseUnavailable = true;
	const code = (error as { code?: unknown }).code;
	// The code and the error's name only: a driver's message may quote the query.
	log().warn({ route: event.route.id ?? null, code: typeof code === 'string' ? code : null, name: error instanceof Error ? error.name : typeof error }, 'database unavailable');
}

const retryAfter = { 'retry-after': String(databaseRetryAfterSeconds), 'cache-control': 'no-store' };

function databaseUnavailablePage(locale: Locale): Response {
	return plainPage({
		locale,
		status: 503,
		message: `${m.error_unavailable_title({}, { locale })}. ${m.error_unavailable_body({}, { locale })}`,
		backLabel: m.error_home({}, { locale }),
		back: `/${locale}`,
		headers: retryAfter
	});
}

/**
 * A database outage is a 503 with Retry-After, not a 500: the API answers problem+json, a page keeps the error page
 * SvelteKit rendered (it says so calmly, in the person's language) or, for a form post sent by script, its JSON.
 */
function unavailable(event: RequestEvent, response: Response): Response {
	if (isMachinePath(event.url.pathname)) {
		return problem(
			{ title: 'Service unavailable.', status: 503, detail: `The database cannot be reached right now. Try again in ${databaseRetryAfterSeconds} seconds.` },
			retryAfter
		);
	}
	const headers = new Headers(response.headers);
	for (const [name, value] of Object.entries(retryAfter)) headers.set(name, value);
	return new Response(response.body, { status: 503, headers });
}

function hasSessionCookie(cookies: { name: string }[]): boolean {
	return cookies.some((cookie) => cookie.name.endsWith('brug.session_token'));
}

/** Keeps the chosen language for the next visit to "/" (a functional cookie, see the privacy page). */
function rememberLocale(saved: string | undefined, locale: string | undefined, response: Response) {
	if (!locale || saved === locale) return;
	response.headers.append(
		'set-cookie',
		`${localeCookieName}=${locale}; Path=/; Max-Age=31536000; SameSite=Lax`
	);
}

export const handleError: HandleServerError = ({ kind, error, event }) => {
	// An error(...) thrown by brug already says what the page needs (message, reason): kept as it is.
	if (kind === 'app') return;
	if (isDatabaseUnavailable(error)) {
		noteDatabaseUnavailable(event, error);
		return { message: 'Service unavailable', databaseUnavailable: true };
	}
	const status = kind === 'unknown' ? 500 : error.status;
	const errorId = randomUUID();
	if (status >= 500) {
		// Only the route and the error; never the request body, which may hold answers.
		log().error(
			{ errorId, route: event.route.id ?? null, err: error instanceof Error ? { name: error.name, message: error.message, stack: error.stack } : String(error) },
			'unhandled error'
		);
	}
	return { message: status === 404 ? 'Not found' : 'Internal error', errorId };
};
