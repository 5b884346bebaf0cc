/**
 * The building blocks of the authorisation matrix (authorisation-matrix.ts explains the outcomes): the types, the
 * usual expectations per kind of route, and request helpers. Shared by the matrix files of each area. A report reader
 * (`reportReader`, `funder`) is a person like any other and a stranger to the work and organisation pages: only the
 * reports let them in (authorisation-matrix-reports.ts).
 */
import { localizePath } from '$lib/i18n/paths';
import { roles, type AccountRole, type CountedTable, type Role, type Seed } from './role-fixtures';

export type Outcome = 'allow' | 'sign-in' | 'forbidden' | 'unauthenticated' | 'not-found';
export type Expectations = Record<Role, Outcome>;
/** An HTTP method, or a form action as `?/name` (`?/default` for a page's default action). */
export type Operation = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | `?/${string}`;

export interface RequestSpec {
	/** With the locale for pages (/nl/…); for a form action, the page's path. */
	path: string;
	/** A form action's fields (url-encoded). */
	form?: Record<string, string>;
	/** An API request's JSON body. */
	json?: unknown;
}

export interface MatrixEntry {
	/** The route id as SvelteKit names it: the folder under src/routes, groups included. */
	route: string;
	operation: Operation;
	/** When a route has more than one entry for an operation: what this one adds. */
	variant?: string;
	request(seed: Seed): RequestSpec | Promise<RequestSpec>;
	expect: Expectations;
	/** The call ends the session it is made with: each role makes it with a session of its own. */
	session?: 'throwaway';
	/** The call deletes the caller's account: it runs after every other entry, so the roles exist until then. */
	last?: true;
	/** A refused call must leave this table as it was. */
	unchangedWhenRefused?: CountedTable;
}

export const signedInRoles: AccountRole[] = roles.filter((role): role is AccountRole => role !== 'anonymous');
export const all = (outcome: Outcome): Expectations =>
	({ anonymous: outcome, ...Object.fromEntries(signedInRoles.map((role) => [role, outcome])) }) as Expectations;

/** Public pages and endpoints: nobody is refused. */
export const everyone = all('allow');
/** A person's own pages: every account is a person too. */
export const signedInPage: Expectations = { ...everyone, anonymous: 'sign-in' };
/** One of a person's own rows by id, asked for with an id that is nobody's: signed in, it is simply not there. */
export const notYoursPage: Expectations = { ...all('not-found'), anonymous: 'sign-in' };
/** The personal API, and actions that need an account: the same, but the answer is 401 instead of a redirect. */
export const signedInCall: Expectations = { ...everyone, anonymous: 'unauthenticated' };
/** Work pages: professionals of any organisation, with two-step sign-in on. */
export const professionalPage: Expectations = {
	anonymous: 'sign-in',
	person: 'forbidden',
	otherPerson: 'forbidden',
	linkedProfessional: 'allow',
	unlinkedProfessional: 'allow',
	otherAdmin: 'forbidden',
	ownAdmin: 'forbidden',
	groupLeader: 'allow',
	groupMate: 'forbidden',
	reportReader: 'forbidden',
	funder: 'forbidden'
};
/** A form action or API call of professionals: the use-case refuses by itself (no layout runs). */
export const professionalCall: Expectations = { ...professionalPage, anonymous: 'unauthenticated' };
/**
 * One client's record: only the professional the person shares with. An admin never sees it without a grant, and
 * neither does the leader of a group the person is in (only the client page itself opens for them).
 */
export const clientRecord: Expectations = {
	anonymous: 'sign-in',
	person: 'forbidden',
	otherPerson: 'forbidden',
	linkedProfessional: 'allow',
	unlinkedProfessional: 'forbidden',
	otherAdmin: 'forbidden',
	ownAdmin: 'forbidden',
	groupLeader: 'forbidden',
	groupMate: 'forbidden',
	reportReader: 'forbidden',
	funder: 'forbidden'
};
/** The organisation pages as a whole: admins of any organisation. */
export const adminPage: Expectations = {
	anonymous: 'sign-in',
	person: 'forbidden',
	otherPerson: 'forbidden',
	linkedProfessional: 'forbidden',
	unlinkedProfessional: 'forbidden',
	otherAdmin: 'allow',
	ownAdmin: 'allow',
	groupLeader: 'forbidden',
	groupMate: 'forbidden',
	reportReader: 'forbidden',
	funder: 'forbidden'
};
/** Organisation A itself: its own admin only. */
export const organisationA: Expectations = { ...adminPage, otherAdmin: 'forbidden' };
export const organisationACall: Expectations = { ...organisationA, anonymous: 'unauthenticated' };

export const page = (path: string) => () => ({ path: localizePath(path, 'nl') });
export const action = (path: string, form: Record<string, string> = {}) => () => ({ path: localizePath(path, 'nl'), form });
export const api = (path: string, json?: unknown) => () => ({ path, json });

/** An id that belongs to nobody: whoever is let in gets the 404 that somebody else's id gets too. */
export const nobodysEntry = '00000000-0000-4000-8000-00000000e404';

