/**
 * The seven roles of the authorisation matrix, seeded with brug's own use-cases into the database a running server
 * uses, each with a session cookie that server accepts (the same BRUG_AUTH_SECRET signs them).
 *
 * Organisation A has its admin (`ownAdmin`) and two professionals: `linkedProfessional`, to whom `person` gives
 * consent (scopes measurements and programme), and `unlinkedProfessional`, who has no client. Organisation B has only its admin
 * (`otherAdmin`). `otherPerson` is a second person without any link. Professionals and admins have two-step sign-in
 * on, as their pages require. `groupLeader`, a third professional of A, leads group G and guides nobody; `person` and
 * `groupMate` are both in G, each by a code the leader made. `reportReader` reads A's outcome reports (role
 * report_reader); `funder` is the report reader of funder organisation F, with which A shared one of its two reports
 * and B its one (role-fixtures-reports.ts).
 */
import { instruments, type Answers } from '$lib/features/instruments/instruments';
import { createVerifiedAccount } from '$lib/features/accounts/accounts.server';
import type { SignedInAccount } from '$lib/server/auth/account';
import { startTwoFactorSetup } from '$lib/features/accounts/two-factor.server';
import { createClientInvitation } from '$lib/features/consent/consent.server';
import { acceptClientInvitation, changeConsentScopes } from '$lib/composers/consent-changes.server';
import { saveAnonymousMeasurement } from '$lib/features/measurements/measurements.server';
import { acceptMemberInvitation, createOrganisationWithAdmin, inviteMember } from '$lib/features/organisations/organisations.server';
import { createAuth, type Auth } from '$lib/server/auth/auth';
import type { DatabaseHandle } from '$lib/server/db/client';
import type { Database, MembershipRole } from '$lib/server/db/schema';
import type { Kysely } from 'kysely';
import type { Mailer } from '$lib/server/mail/mailer';
import { totpCode, unusedTotpCode } from '../support/totp';
import { seedGroupG, type GroupG } from './role-fixtures-group';
import { seedReportRoles } from './role-fixtures-reports';
import type { ReportIds } from './report-fixtures';

export const roles = [
	'anonymous',
	'person',
	'otherPerson',
	'linkedProfessional',
	'unlinkedProfessional',
	'otherAdmin',
	'ownAdmin',
	'groupLeader',
	'groupMate',
	'reportReader',
	'funder'
] as const;
export type Role = (typeof roles)[number];
export type AccountRole = Exclude<Role, 'anonymous'>;

const password = 'lang genoeg wachtwoord';

/** A better-auth instance on the server's database with the server's secret and origin, so its cookies are valid there. */
export function serverAuth(handle: DatabaseHandle, options: { secret: string; origin: string }): Auth {
	const unused = async () => {
		throw new Error('The role fixtures send no account mail.');
	};
	return createAuth({
		db: handle.db,
		kind: handle.kind,
		secret: options.secret,
		origin: options.origin,
		mailer: { sendVerification: unused, sendPasswordReset: unused, sendAlreadyRegistered: unused },
		linkFor: (kind, token, locale) => `${options.origin}/${locale}/account/${kind}?token=${token}`
	});
}

/** Mails of the seeding go nowhere: invitation tokens and codes are taken from the `linkFor` callbacks instead. */
const nowhere: Pick<Mailer, 'send'> = { send: async () => ({ delivered: 'outbox', messageId: 'role-fixtures' }) };

export interface SeededAccount {
	id: string;
	email: string;
	/** The TOTP secret, for the roles with two-step sign-in on. */
	totpSecret?: string;
}

export interface Seed {
	organisationA: string;
	organisationB: string;
	accounts: Record<AccountRole, SeededAccount>;
	/** The person's current consent to the linked professional, and the grant it replaced (ended, kept as history). */
	activeGrantId: string;
	endedGrantId: string;
	/** A member invitation of organisation A, for an address none of the roles has. */
	memberInvitationToken: string;
	/** A saved anonymous result. */
	resultToken: string;
	/** Group G of organisation A, led by `groupLeader`, with `person` and `groupMate` in it. */
	group: GroupG;
	/** Funder organisation F; the reports of A (one shared with F, one not) and of B (shared); a new one of A to delete. */
	funderId: string;
	reports: ReportIds;
	newReportId(): Promise<string>;
	/** The Cookie header of a role ('' for anonymous). */
	cookie(role: Role): string;
	/** A session of its own for one call that ends sessions (sign out); the role's usual session stays. */
	throwawaySession(role: AccountRole): Promise<string>;
	/** Signs the role in again, after a call that ended every session of the account. */
	renewSession(role: AccountRole): Promise<void>;
	/** A new saved anonymous result, for calls that claim or delete one. */
	newResultToken(): Promise<string>;
	/** A new open invitation of the linked professional, for calls that revoke one. */
	newClientInvitationId(): Promise<string>;
	/** How many rows a table has, to prove that a refused call changed nothing. */
	countRows(table: CountedTable): Promise<number>;
}

export type CountedTable =
	| 'client_invitation'
	| 'organisation_invitation'
	| 'membership'
	| 'consent_grant'
	| 'api_token'
	| 'measurement_request'
	| 'self_sufficiency_rating'
	| 'conversation_note'
	| 'programme_enrolment'
	| 'programme_message'
	| 'group_training'
	| 'outcome_report'
	| 'outcome_report_share';

/** Cookies set by better-auth, read back from its response as a browser would. */
function cookieHeader(response: Response, previous = ''): string {
	const jar = new Map(previous.split('; ').filter(Boolean).map((c) => c.split('=') as [string, string]));
	for (const cookie of response.headers.getSetCookie()) {
		const [pair] = cookie.split(';');
		const [name, value] = pair!.split('=') as [string, string];
		if (value === '' || /max-age=0/i.test(cookie)) jar.delete(name);
		else jar.set(name, value);
	}
	return [...jar].map(([n, v]) => `${n}=${v}`).join('; ');
}

/** Only the session cookie: what a browser holds after signing in. */
function sessionCookie(header: string): string {
	const session = header.split('; ').find((pair) => pair.startsWith('brug.session_token='));
	if (!session) throw new Error('signing in gave no session cookie');
	return session;
}

async function signInCookie(auth: Auth, db: Kysely<Database>, account: SeededAccount): Promise<string> {
	const first = await auth.api.signInEmail({ body: { email: account.email, password }, asResponse: true });
	if (first.status !== 200) throw new Error(`${account.email} could not sign in (${first.status})`);
	const cookie = cookieHeader(first);
	if (!account.totpSecret) return sessionCookie(cookie);
	// With two-step sign-in on, the password opens only the second step. The matrix signs one account in many times a
	// minute, while an app gives one code per 30 s and brug takes each once: the fixture forgets the step last taken.
	await db.updateTable('auth_two_factor').set({ last_used_step: null }).where('account_id', '=', account.id).execute();
	const second = await auth.api.verifyTOTP({
		body: { code: totpCode(account.totpSecret) },
		headers: new Headers({ cookie }),
		asResponse: true
	});
	if (second.status !== 200) throw new Error(`${account.email} failed the second step (${second.status})`);
	return sessionCookie(cookieHeader(second, cookie));
}

/** Turns two-step sign-in on as a person does on /account/tweestaps: password, then a first code from the app. */
async function turnOnTwoFactor(auth: Auth, account: SeededAccount): Promise<string> {
	const cookie = cookieHeader(await auth.api.signInEmail({ body: { email: account.email, password }, asResponse: true }));
	const started = await startTwoFactorSetup(auth, { password, headers: new Headers({ cookie }) });
	if (!started.ok) throw new Error(`two-step sign-in did not start for ${account.email}`);
	const confirmed = await auth.api.verifyTOTP({
		body: { code: await unusedTotpCode(started.setup.secret) },
		headers: new Headers({ cookie }),
		asResponse: true
	});
	if (confirmed.status !== 200) throw new Error(`two-step sign-in was not confirmed for ${account.email}`);
	return started.setup.secret;
}

const answers: Answers = { 1: 'no', 2: 'yes', 3: 'yes', 4: 'more_or_less', 5: 'yes', 6: 'more_or_less', 7: 'no', 8: 'yes', 9: 'yes', 10: 'yes', 11: 'yes' };

export async function seedRoles(handle: DatabaseHandle, auth: Auth): Promise<Seed> {
	const { db } = handle;
	const actor = (account: SeededAccount): SignedInAccount => ({
		id: account.id,
		email: account.email,
		locale: 'nl',
		twoFactorEnabled: account.totpSecret !== undefined
	});

	const organisation = async (name: string, adminEmail: string) => {
		const created = await createOrganisationWithAdmin(db, auth, {
			organisation: { name, kind: 'welfare' },
			admin: { name: `Admin ${name}`, email: adminEmail, password, locale: 'nl' }
		});
		if (!created.ok) throw new Error(created.reason);
		return { organisationId: created.organisationId, admin: { id: created.accountId, email: adminEmail } };
	};
	const a = await organisation('Buurtteam A', 'admin@a.example');
	const b = await organisation('Praktijk B', 'admin@b.example');

	const account = async (email: string, name: string): Promise<SeededAccount> => {
		const created = await createVerifiedAccount(auth, { email, password, name, locale: 'nl' });
		if (!created.ok) throw new Error(created.reason);
		return { id: created.accountId, email };
	};
	const accounts: Record<AccountRole, SeededAccount> = {
		person: await account('persoon@example.nl', 'Pim Persoon'),
		otherPerson: await account('ander@example.nl', 'Olga Ander'),
		linkedProfessional: await account('gekoppeld@a.example', 'Gerda Gekoppeld'),
		unlinkedProfessional: await account('los@a.example', 'Lotte Los'),
		otherAdmin: b.admin,
		ownAdmin: a.admin,
		groupLeader: await account('groepsleider@a.example', 'Greet Groepsleider'),
		groupMate: await account('groepsgenoot@example.nl', 'Gijs Genoot'),
		reportReader: await account('rapporten@a.example', 'Rita Rapportlezer'),
		funder: await account('beleid@gemeente.example', 'Frits Financier')
	};
	for (const role of ['linkedProfessional', 'unlinkedProfessional', 'otherAdmin', 'ownAdmin', 'groupLeader', 'reportReader', 'funder'] as const) {
		accounts[role].totpSecret = await turnOnTwoFactor(auth, accounts[role]);
	}

	/** An invitation by A's admin; the token comes from the link the mail would carry. */
	const inviteToA = async (email: string, role: MembershipRole): Promise<string> => {
		let token = '';
		const outcome = await inviteMember(db, {
			actor: actor(accounts.ownAdmin),
			organisationId: a.organisationId,
			email,
			role,
			locale: 'nl',
			mailer: nowhere,
			linkFor: (given) => {
				token = given;
				return `https://brug.test/nl/uitnodiging/${given}`;
			}
		});
		if (!outcome.ok) throw new Error(outcome.reason);
		return token;
	};
	for (const role of ['linkedProfessional', 'unlinkedProfessional', 'groupLeader'] as const) {
		const token = await inviteToA(accounts[role].email, 'professional');
		const joined = await acceptMemberInvitation(db, { token, actor: actor(accounts[role]) });
		if (!joined.ok) throw new Error(joined.reason);
	}
	const memberInvitationToken = await inviteToA('nog-niet-lid@example.nl', 'professional');

	const clientInvitation = async () =>
		createClientInvitation(db, {
			actor: actor(accounts.linkedProfessional),
			organisationId: a.organisationId,
			locale: 'nl',
			mailer: nowhere,
			linkFor: (code) => `https://brug.test/nl/account/koppelen?code=${code}`
		});
	const accepted = await acceptClientInvitation(db, {
		actor: actor(accounts.person),
		code: (await clientInvitation()).code,
		scopes: ['measurements', 'programme'],
		personName: 'Pim'
	});
	if (!accepted.ok) throw new Error(accepted.reason);
	// The same scopes again: the grant ends and a new one starts, so an ended grant exists too.
	const changed = await changeConsentScopes(db, { actor: actor(accounts.person), grantId: accepted.grantId, scopes: ['measurements', 'programme'] });
	if (!changed.ok) throw new Error(changed.reason);

	const group = await seedGroupG(db, {
		organisationId: a.organisationId,
		leader: actor(accounts.groupLeader),
		members: { person: actor(accounts.person), groupMate: actor(accounts.groupMate) }
	});

	const reportRoles = await seedReportRoles(db, auth, {
		organisationA: a.organisationId,
		organisationB: b.organisationId,
		adminA: actor(accounts.ownAdmin),
		adminB: b.admin.id,
		reportReader: actor(accounts.reportReader),
		funder: actor(accounts.funder)
	});

	const newResultToken = async () =>
		(await saveAnonymousMeasurement(db, { instrument: instruments['djg-11'], answers })).token;

	const cookies = new Map<Role, string>([['anonymous', '']]);
	for (const role of roles) {
		if (role !== 'anonymous') cookies.set(role, await signInCookie(auth, db, accounts[role]));
	}

	return {
		organisationA: a.organisationId,
		organisationB: b.organisationId,
		accounts,
		activeGrantId: changed.grantId,
		endedGrantId: accepted.grantId,
		memberInvitationToken,
		resultToken: await newResultToken(),
		group,
		funderId: reportRoles.funderId,
		reports: reportRoles.reports,
		newReportId: reportRoles.newReportId,
		cookie: (role) => cookies.get(role) ?? '',
		throwawaySession: (role) => signInCookie(auth, db, accounts[role]),
		renewSession: async (role) => void cookies.set(role, await signInCookie(auth, db, accounts[role])),
		newResultToken,
		newClientInvitationId: async () => (await clientInvitation()).id,
		countRows: async (table) => {
			const row = await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
			return Number(row.n);
		}
	};
}
