import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit/hooks';
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
import { startJobs, stopJobs } from '$lib/server/jobs';
import { currentAccount } from '$lib/features/accounts/accounts.server';
import { prepareSetupToken } from '$lib/features/organisations/setup-token.server';
import { applySecurityHeaders, isCrossSiteFormPost, parseByteSize, siteCookieName } from '$lib/server/http/headers';
import { problem } from '$lib/server/http/problem';
import { isFormPost, isReadableForm, unreadableFormPage } from '$lib/server/http/form';
import { m } from '$lib/paraglide/messages';
import {
	defineServerLocaleStrategy,
	localeCookieName,
	localeInPath,
	localizedRedirectTarget
} from '$lib/i18n/locale';

defineServerLocaleStrategy();

export const init: ServerInit = async () => {
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
	return pathname.startsWith('/api/') || pathname.startsWith('/agenda/') || pathname === '/healthz' || pathname.startsWith('/_app/');
}

export const handle: Handle = async ({ event, resolve }) => {
	const started = performance.now();
	const { url, request } = event;
	event.locals.account = null;
	let response: Response;

	const declared = Number(request.headers.get('content-length') ?? '0');
	if (declared > parseByteSize(config().BODY_SIZE_LIMIT)) {
		response = problem({ title: 'The request body is too large.', status: 413 });
	} else if (isMachinePath(url.pathname)) {
		response = await resolve(event);
	} else if (isCrossSiteFormPost(request, url.origin, event.cookies.get(siteCookieName) !== undefined)) {
		response = new Response('Cross-site form submissions are refused.', { status: 403, headers: { 'content-type': 'text/plain; charset=utf-8' } });
	} else if (!localeInPath(url.pathname)) {
		response = new Response(null, {
			status: 307,
			headers: { location: localizedRedirectTarget(request, url), vary: 'Cookie, Accept-Language' }
		});
	} else if (isFormPost(request) && !(await isReadableForm(request))) {
		const locale = localeInPath(url.pathname) ?? 'nl';
		response = unreadableFormPage(locale, m.error_form_unreadable({}, { locale }), m.error_home({}, { locale }), `/${locale}`);
	} else {
		// Only a request that carries a session cookie costs a session lookup.
		event.locals.account = hasSessionCookie(event.cookies.getAll())
			? await currentAccount(auth(), { headers: request.headers })
			: null;
		// The locale is in the path and reroute (src/hooks.ts) strips it, so Paraglide's copy of the request has the
		// same URL: the page reads the original request.
		response = await paraglideMiddleware(request, ({ locale }) => {
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
		if (!event.cookies.get(siteCookieName)) {
			const secure = url.protocol === 'https:' ? '; Secure' : '';
			response.headers.append('set-cookie', `${siteCookieName}=1; Path=/; Max-Age=31536000; HttpOnly; SameSite=Strict${secure}`);
		}
	}

	applySecurityHeaders(response);
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
