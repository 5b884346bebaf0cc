/**
 * The people a journey starts with, made with brug's own use-cases in the run's SQLite database: an organisation and
 * its admin, professionals who joined through the admin's invitation with two-step sign-in on, people with a
 * confirmed account, consent from a person to a professional, and groups with held sessions and attendance. Each
 * account that should be signed in gets a real session (password, and for two-step accounts the first code), whose
 * cookies the journey gives its browser. Runs in its own Node process (seed-process.ts), where brug's modules load
 * as the demo seed loads them; tests/e2e/seed.ts starts it.
 *
 * The use-cases write into a scratch database of the same schema; its rows then go into the run's database in one
 * short transaction. The server is the only other writer there: one commit at once, rather than dozens over a few
 * seconds, leaves it no time to find the database busy in the middle of a request of another journey.
 */
import { createAuth } from '$lib/server/auth/auth';
import { loadAuthSecret } from '$lib/server/auth/secret';
import { config } from '$lib/server/env';
import { openDatabase } from '$lib/server/db/client';
import type { SignedInAccount } from '$lib/server/auth/account';
import { grantableScopes, type GrantableScope } from '$lib/kernel/consent-scopes';
import { createVerifiedAccount } from '$lib/features/accounts/accounts.server';
import { startTwoFactorSetup } from '$lib/features/accounts/two-factor.server';
import { acceptMemberInvitation, createOrganisationWithAdmin, inviteMember } from '$lib/features/organisations/organisations.server';
import { createClientInvitation } from '$lib/features/consent/consent.server';
import { acceptClientInvitation } from '$lib/composers/consent-changes.server';
import { createGroup } from '$lib/features/groups/group.server';
import { newGroupSchema } from '$lib/features/groups/group.schema';
import { createGroupCode } from '$lib/features/groups/codes.server';
import { joinGroup } from '$lib/features/groups/participation.server';
import { joinGroupSchema } from '$lib/features/groups/participation.schema';
import { recordAttendance } from '$lib/features/groups/leading.server';
import { addDays, localDay, localInstant } from '$lib/time';
import { totpCode } from '../../scripts/bench/two-step.js';
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { sql, type Kysely } from 'kysely';
import type { Database } from '$lib/server/db';
import { migrateToLatest } from '$lib/server/db/migrate';

export interface WorldPlan {
	origin: string;
	password: string;
	organisation: string;
	admin: { name: string; email: string; signIn?: boolean };
	professionals: { name: string; email: string }[];
	/** New people, signed in; or, with `existing`, a person who made an account through the pages (not signed in here). */
	people: { name: string; email: string; existing?: boolean }[];
	/** People (by index) who typed a professional's (by index) code and share these scopes (or all there are) under `personName`. */
	links: { person: number; professional: number; scopes: GrantableScope[] | 'all'; personName: string }[];
	/**
	 * Weekly groups led by professionals (by index), the first session `firstDayFromToday` days from today; each
	 * member joined with the group's code and was present at the sessions (by index) in `present`, which are held.
	 */
	groups: { name: string; leaders: number[]; firstDayFromToday: number; count: number; members: { person: number; personName: string; present: number[] }[] }[];
}

export interface SeededAccount {
	id: string;
	email: string;
	/** The cookies of a signed-in session, as the browser would hold them after signing in; none when not signed in. */
	cookies: { name: string; value: string }[];
}

export interface World {
	organisationId: string;
	admin: SeededAccount;
	professionals: SeededAccount[];
	people: SeededAccount[];
	groups: { id: string; sessionIds: string[] }[];
}

const nowhere = { send: async () => ({ delivered: 'outbox' as const, messageId: 'e2e-seed' }) };
const refuseMail = async () => {
	throw new Error('the e2e seed sends no account mail');
};

/** `name=value` pairs of Set-Cookie headers, later ones replacing earlier ones of the same name. */
function mergeCookies(into: Map<string, string>, response: Response): void {
	for (const header of response.headers.getSetCookie()) {
		const [pair = ''] = header.split(';');
		const at = pair.indexOf('=');
		const maxAge = /;\s*max-age=(-?\d+)/i.exec(header)?.[1];
		if (maxAge !== undefined && Number(maxAge) <= 0) into.delete(pair.slice(0, at));
		else into.set(pair.slice(0, at), pair.slice(at + 1));
	}
}

const cookieHeader = (jar: Map<string, string>) => [...jar].map(([name, value]) => `${name}=${value}`).join('; ');

/** A new, migrated, empty database file in the data dir; migrated once per run, then copied. */
async function scratchDatabase(dataDir: string): Promise<string> {
	const template = path.join(dataDir, 'e2e-seed-template.sqlite');
	if (!fs.existsSync(template)) {
		const made = path.join(dataDir, `e2e-seed-template-${process.pid}.sqlite`);
		const handle = openDatabase({ kind: 'sqlite', file: made });
		try {
			await migrateToLatest(handle.db);
		} finally {
			await handle.close();
		}
		// Two first seeds at once each make one; either is the same.
		fs.renameSync(made, template);
	}
	const scratch = path.join(dataDir, `e2e-seed-${process.pid}.sqlite`);
	fs.copyFileSync(template, scratch);
	return scratch;
}

/**
 * Every seeded row into the run's database, in one transaction; an account that was already there stays as it was.
 * The report units are derived: the run's own triggers mark what the copied rows change, so they are not copied.
 */
function copyInto(target: string, scratch: string): void {
	const live = new SQLite(target, { timeout: 20_000 });
	try {
		live.pragma('foreign_keys = OFF');
		// As the server writes: no fsync at commit (WAL), so a slow disk cannot keep the write lock past its busy timeout.
		live.pragma('synchronous = NORMAL');
		live.prepare('attach database ? as seed').run(scratch);
		const tables = live
			.prepare("select name from seed.sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like 'brug_migration%' and name not in ('report_stale', 'report_unit')")
			.pluck()
			.all() as string[];
		live
			.transaction(() => {
				for (const table of tables) {
					const already = table === 'account' ? ' where id not in (select id from main.account)' : '';
					live.prepare(`insert into main."${table}" select * from seed."${table}"${already}`).run();
				}
			})
			.immediate();
		live.prepare('detach database seed').run();
	} finally {
		live.close();
	}
}

export async function seedWorld(plan: WorldPlan): Promise<World> {
	const { dataDir, BRUG_AUTH_SECRET } = config();
	const target = path.join(dataDir, 'brug.sqlite');
	const scratch = await scratchDatabase(dataDir);
	try {
		const handle = openDatabase({ kind: 'sqlite', file: scratch });
		let world: World;
		try {
			world = await seed(handle.db, plan, { target, authSecret: loadAuthSecret({ dataDir, configured: BRUG_AUTH_SECRET }) });
		} finally {
			await handle.close();
		}
		copyInto(target, scratch);
		return world;
	} finally {
		for (const file of [scratch, `${scratch}-wal`, `${scratch}-shm`]) fs.rmSync(file, { force: true });
	}
}

async function seed(db: Kysely<Database>, plan: WorldPlan, options: { target: string; authSecret: string }): Promise<World> {
	const auth = createAuth({
		db,
		kind: 'sqlite',
		secret: options.authSecret,
		origin: plan.origin,
		mailer: { sendVerification: refuseMail, sendPasswordReset: refuseMail, sendAlreadyRegistered: refuseMail },
		linkFor: (kind, token, locale) => `${plan.origin}/${locale}/account/${kind}?token=${token}`
	});
	const actor = (who: { id: string; email: string }, twoFactorEnabled: boolean): SignedInAccount => ({ id: who.id, email: who.email, locale: 'nl', twoFactorEnabled });

	const signIn = async (email: string): Promise<Map<string, string>> => {
		const jar = new Map<string, string>();
		const signedIn = await auth.api.signInEmail({ body: { email, password: plan.password }, asResponse: true });
		if (signedIn.status !== 200) throw new Error(`${email} could not sign in: ${signedIn.status}`);
		mergeCookies(jar, signedIn);
		return jar;
	};
	// As a person does it on /account/tweestaps: the password, then a first code; the session goes on after it.
	const turnOnTwoStep = async (email: string): Promise<Map<string, string>> => {
		const jar = await signIn(email);
		const started = await startTwoFactorSetup(auth, { password: plan.password, headers: new Headers({ cookie: cookieHeader(jar) }) });
		if (!started.ok) throw new Error(`two-step sign-in did not start for ${email}`);
		const confirmed = await auth.api.verifyTOTP({ body: { code: totpCode(started.setup.secret) }, headers: new Headers({ cookie: cookieHeader(jar) }), asResponse: true });
		if (confirmed.status !== 200) throw new Error(`two-step sign-in was not confirmed for ${email}`);
		mergeCookies(jar, confirmed);
		return jar;
	};
	const seeded = (id: string, email: string, jar?: Map<string, string>): SeededAccount => ({
		id,
		email,
		cookies: jar ? [...jar].map(([name, value]) => ({ name, value })) : []
	});

	const organisation = await createOrganisationWithAdmin(db, auth, {
		organisation: { name: plan.organisation, kind: 'welfare' },
		admin: { name: plan.admin.name, email: plan.admin.email, password: plan.password, locale: 'nl' }
	});
	if (!organisation.ok) throw new Error(`could not make the organisation: ${organisation.reason}`);
	const adminJar = await turnOnTwoStep(plan.admin.email);
	const admin = seeded(organisation.accountId, plan.admin.email, plan.admin.signIn ? adminJar : undefined);

	const professionals: SeededAccount[] = [];
	for (const { name, email } of plan.professionals) {
		const created = await createVerifiedAccount(auth, { email, password: plan.password, name, locale: 'nl' });
		if (!created.ok) throw new Error(`could not make ${email}: ${created.reason}`);
		const jar = await turnOnTwoStep(email);
		let token = '';
		const invited = await inviteMember(db, {
			actor: actor(admin, true),
			organisationId: organisation.organisationId,
			email,
			role: 'professional',
			locale: 'nl',
			mailer: nowhere,
			linkFor: (given) => ((token = given), `${plan.origin}/nl/uitnodiging/${given}`)
		});
		if (!invited.ok) throw new Error(`could not invite ${email}: ${invited.reason}`);
		const joined = await acceptMemberInvitation(db, { token, actor: actor({ id: created.accountId, email }, true) });
		if (!joined.ok) throw new Error(`${email} could not join: ${joined.reason}`);
		professionals.push(seeded(created.accountId, email, jar));
	}

	const people: SeededAccount[] = [];
	for (const { name, email, existing } of plan.people) {
		if (existing) {
			// Their row, so that what refers to it can be written here; copyInto leaves the real one as it is.
			await sql`attach database ${options.target} as live`.execute(db);
			await sql`insert into account select * from live.account where email = ${email}`.execute(db);
			await sql`detach database live`.execute(db);
			const found = await db.selectFrom('account').select('id').where('email', '=', email).executeTakeFirstOrThrow();
			people.push(seeded(found.id, email));
			continue;
		}
		const created = await createVerifiedAccount(auth, { email, password: plan.password, name, locale: 'nl' });
		if (!created.ok) throw new Error(`could not make ${email}: ${created.reason}`);
		people.push(seeded(created.accountId, email, await signIn(email)));
	}

	for (const link of plan.links) {
		const { code } = await createClientInvitation(db, {
			actor: actor(professionals[link.professional]!, true),
			organisationId: organisation.organisationId,
			locale: 'nl',
			mailer: nowhere,
			linkFor: (given) => `${plan.origin}/nl/account/koppelen?code=${given}`
		});
		const scopes = link.scopes === 'all' ? [...grantableScopes] : link.scopes;
		const shared = await acceptClientInvitation(db, { actor: actor(people[link.person]!, false), code, scopes, personName: link.personName });
		if (!shared.ok) throw new Error(`could not connect: ${shared.reason}`);
	}

	const groups: World['groups'] = [];
	const today = localDay(new Date());
	// The group was made and joined a month ago, before its first session.
	const monthAgo = new Date(Date.now() - 30 * 86_400_000);
	for (const plannedGroup of plan.groups) {
		const leaders = plannedGroup.leaders.map((index) => actor(professionals[index]!, true));
		const input = newGroupSchema.parse({
			name: plannedGroup.name,
			leaderIds: leaders.map((leader) => leader.id),
			firstDay: addDays(today, plannedGroup.firstDayFromToday),
			count: String(plannedGroup.count),
			startsAt: '10:00',
			endsAt: '11:30',
			place: 'Buurthuis De Brug',
			completeAfter: String(plannedGroup.count)
		});
		const created = await createGroup(db, { actor: leaders[0]!, organisationId: organisation.organisationId, input, now: monthAgo });
		if (!created.ok) throw new Error(`could not make the group: ${JSON.stringify(created.errors)}`);
		const sessions = await db.selectFrom('group_session').select(['id', 'day']).where('group_id', '=', created.groupId).where('is_return', '=', 0).orderBy('day').execute();
		const held = new Set<number>();
		for (const member of plannedGroup.members) {
			const { code } = await createGroupCode(db, { actor: leaders[0]!, groupId: created.groupId, now: monthAgo });
			const person = actor(people[member.person]!, false);
			const joined = await joinGroup(db, { actor: person, input: joinGroupSchema.parse({ code, personName: member.personName, shareCheckIns: false }), now: monthAgo });
			if (!joined.ok) throw new Error(`could not join the group: ${joined.reason}`);
			const place = await db.selectFrom('group_participant').select('id').where('group_id', '=', created.groupId).where('account_id', '=', person.id).executeTakeFirstOrThrow();
			for (const index of member.present) {
				const session = sessions[index]!;
				const saved = await recordAttendance(db, { actor: leaders[0]!, groupId: created.groupId, sessionId: session.id, participantId: place.id, status: 'present', now: localInstant(session.day, '12:00') });
				if (saved !== 'saved') throw new Error(`attendance not recorded: ${saved}`);
				held.add(index);
			}
		}
		// Held, written as a row (as tests/integration/group-fixtures.ts does): markSessionHeld would also ask the
		// members for a DJG-11 at the first session, which would stand beside the requests a journey makes itself.
		for (const index of held) {
			const heldAt = localInstant(sessions[index]!.day, '11:30').toISOString();
			await db.updateTable('group_session').set({ status: 'held', held_at: heldAt, updated_at: heldAt }).where('id', '=', sessions[index]!.id).execute();
		}
		groups.push({ id: created.groupId, sessionIds: sessions.map((session) => session.id) });
	}

	return { organisationId: organisation.organisationId, admin, professionals, people, groups };
}
