/**
 * Who is calling the personal JSON API, and how its refusals look.
 * - `resolveApiCaller(request, context)`: `Authorization: Bearer brug_…` (a personal API token), otherwise the session
 *   cookie; an Authorization header that is not a valid token never falls back to the cookie.
 * - `apiHandler(handle)`: wraps a route handler: refuses cross-site cookie calls that change something, answers 401
 *   without a caller, turns the policy module's HttpErrors into problem+json, and marks every answer no-store.
 *   `createApiHandler(context)` is the same with its own database and sign-in layer (tests).
 * - `limitApiAttempt(action, event, account)`: the abuse limits of the forms, as 429 problem+json with Retry-After
 *   (503 when a code attempt cannot be counted).
 * Nothing here logs a token, a cookie or a body.
 */
import { isHttpError, type HttpError, type RequestEvent } from '@sveltejs/kit';
import type { Kysely } from 'kysely';
import type { Database } from '$lib/server/db';
import { db } from '$lib/server/db';
import type { Auth } from '$lib/server/auth/auth';
import { auth } from '$lib/server/auth';
import { currentAccount } from '$lib/features/accounts/accounts.server';
import type { SignedInAccount } from '$lib/server/auth/account';
import { limitAttempt, type LimitedAction } from '$lib/features/accounts/abuse-limits.server';
import { accountForApiToken } from '$lib/features/api-tokens/api-tokens.server';
import { requireSignedIn } from '$lib/kernel/policy.server';
import { problem, type Problem } from '$lib/server/http/problem';
import { isCrossSiteWrite } from '$lib/server/http/headers';

export interface ApiContext {
	db: Kysely<Database>;
	auth: Auth;
	now?: () => Date;
}

export interface ApiCaller {
	account: SignedInAccount | null;
	/** How the caller identified themselves; null when they sent nothing. */
	via: 'token' | 'cookie' | null;
}

function bearerToken(authorization: string): string | null {
	const match = /^Bearer[ ]+([^\s]+)[ ]*$/i.exec(authorization);
	return match ? match[1]! : null;
}

/** The same test as hooks.server.ts: better-auth may prefix the name (`__Secure-` over https). */
function hasSessionCookie(request: Request): boolean {
	const header = request.headers.get('cookie') ?? '';
	return header.split(';').some((pair) => (pair.split('=')[0] ?? '').trim().endsWith('brug.session_token'));
}

export async function resolveApiCaller(request: Request, context: ApiContext): Promise<ApiCaller> {
	const authorization = request.headers.get('authorization');
	if (authorization !== null) {
		const token = bearerToken(authorization);
		const account = token ? await accountForApiToken(context.db, token, context.now?.() ?? new Date()) : null;
		return { account, via: 'token' };
	}
	if (!hasSessionCookie(request)) return { account: null, via: null };
	return { account: await currentAccount(context.auth, { headers: request.headers }), via: 'cookie' };
}

/**
 * A browser sends the session cookie along with a request that another site starts. A change made by cookie must
 * come from brug's own pages, by the same rule as a form post (`isCrossSiteWrite`). A bearer token is not sent by a
 * browser on its own, so a call with one is not a cookie call.
 */
export function isCrossSiteCookieChange(request: Request, ownOrigin: string): boolean {
	if (request.headers.has('authorization') || !hasSessionCookie(request)) return false;
	return isCrossSiteWrite(request, ownOrigin);
}

const authenticationHint = 'Sign in, or send a personal API token as "Authorization: Bearer brug_…".';

const forbiddenDetails: Record<NonNullable<App.Error['reason']>, string> = {
	sign_in_required: 'Sign in first.',
	two_factor_required: 'Turn on two-step sign-in first.',
	no_access: 'You do not have access to this.'
};

/** The policy module's HttpError as problem+json, with the same status; `reason` stays machine-readable. */
export function problemFromHttpError(error: HttpError, caller?: ApiCaller): Response {
	const reason = error.body.reason;
	if (error.status === 401) {
		// RFC 6750 §3.1: say why when a token was sent but not accepted.
		if (caller?.via === 'token') {
			const detail = 'The API token is unknown, revoked or expired. Make a new one on your account page.';
			return problem({ title: 'Authentication required.', status: 401, detail }, { 'www-authenticate': 'Bearer error="invalid_token"' });
		}
		return problem({ title: 'Authentication required.', status: 401, detail: authenticationHint }, { 'www-authenticate': 'Bearer' });
	}
	if (error.status === 403) {
		const body: Problem & { reason?: string } = {
			title: 'Forbidden.',
			status: 403,
			detail: (reason && forbiddenDetails[reason]) || error.body.message,
			...(reason ? { reason } : {})
		};
		return problem(body);
	}
	return problem({ title: error.body.message, status: error.status });
}

function crossSiteProblem(): Response {
	return problem({
		title: 'Forbidden.',
		status: 403,
		detail: 'A change made with the session cookie must come from brug itself. Scripts use a personal API token.'
	});
}

export type ApiHandle<Event extends RequestEvent> = (event: Event, actor: SignedInAccount) => Promise<Response>;

export function createApiHandler(context: () => ApiContext) {
	return <Event extends RequestEvent>(handle: ApiHandle<Event>) =>
		async (event: Event): Promise<Response> => {
			let response: Response;
			let caller: ApiCaller | undefined;
			try {
				if (isCrossSiteCookieChange(event.request, event.url.origin)) {
					response = crossSiteProblem();
				} else {
					caller = await resolveApiCaller(event.request, context());
					response = await handle(event, requireSignedIn(caller.account));
				}
			} catch (error) {
				if (!isHttpError(error)) throw error;
				response = problemFromHttpError(error, caller);
			}
			// Personal data: never kept by a browser or proxy cache.
			response.headers.set('cache-control', 'no-store');
			return response;
		};
}

/** The wrapper for route files, on brug's own database and sign-in layer. */
export const apiHandler = createApiHandler(() => ({ db: db(), auth: auth() }));

/** null when the attempt may go ahead; otherwise the 429 (or 503) to send. */
export async function limitApiAttempt(
	action: Extract<LimitedAction, 'invite' | 'connect' | 'groupCode'>,
	event: Pick<RequestEvent, 'getClientAddress'>,
	account: SignedInAccount
): Promise<Response | null> {
	const refusal = await limitAttempt(action, { client: event.getClientAddress(), email: account.email });
	if (refusal === null) return null;
	const retryAfter = { 'retry-after': String(refusal.retryAfterSeconds) };
	if (refusal.reason === 'unavailable') {
		return problem({ title: 'Service unavailable.', status: 503, detail: 'This cannot be checked right now. Try again in a minute.' }, retryAfter);
	}
	return problem(
		{ title: 'Too many requests.', status: 429, detail: `Try again in ${Math.ceil(refusal.retryAfterSeconds / 60)} minute(s).` },
		retryAfter
	);
}
