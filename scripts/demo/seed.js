/**
 * The demo workspace, written through brug's own use-cases (so names and notes are encrypted, consent and audit
 * hold as in use): organisation "Welzijn Zonnedauw" with its admin, two professionals (two-step sign-in on, as their
 * pages require), 30 made-up clients who share with them, their DJG-11 results (scored by the app), health webs,
 * self-sufficiency ratings, conversation notes, journal entries marked "bespreek dit", programme progress, and a group
 * training with sessions and attendance. Dates are relative to now, so the caseload shows a mix of signals: severe
 * results, worse scores, questions to discuss, a programme never opened, a drop in the health web, people gone quiet.
 * Generated from a fixed seed: every demo has the same people and results.
 *
 * Call `seedDemo(...)` after `useAppModules()` (app-modules.js): it imports the app's TypeScript modules.
 */
import { djg11Answers, random } from '../bench/djg11.js';
import { totpCode } from '../bench/two-step.js';

export const demoPassword = 'demo-wachtwoord-brug';
const demoDomain = 'demo.brug.example';
const dayMs = 24 * 60 * 60 * 1000;

/** Made-up people: common Dutch first names with surnames no one has. */
const firstNames = ['Anouk', 'Bram', 'Carla', 'Dirk', 'Els', 'Frits', 'Greet', 'Henk', 'Ineke', 'Jan', 'Karin', 'Lars', 'Marja', 'Niels', 'Oda', 'Piet', 'Riet', 'Sander', 'Truus', 'Ursula', 'Vincent', 'Wilma', 'Yvonne', 'Zeger', 'Agnes', 'Bert', 'Corrie', 'Dolf', 'Emma', 'Fons'];
const surnames = ['Wolkenveld', 'Klaverdijk', 'Zonnedauw', 'Regenboog', 'Lindeblad', 'Maanzaad', 'Heidebloem', 'Sterrenweg', 'Duinroos', 'Vlinderhof'];

/**
 * @typedef {object} DemoAccount
 * @property {string} role
 * @property {string} name
 * @property {string} email
 * @property {string} [totpSecret]
 */

/**
 * What the demo made and how to sign in.
 * @typedef {object} DemoResult
 * @property {string[]} accountIds
 * @property {DemoAccount[]} signIns   the admin and the two professionals
 * @property {number} clients
 * @property {Record<string, number>} counts
 */

/**
 * @param {{ db: import('kysely').Kysely<any>, kind: 'sqlite' | 'postgres', authSecret: string, origin: string, now?: Date }} options
 * @returns {Promise<DemoResult>}
 */
export async function seedDemo({ db, kind, authSecret, origin, now = new Date() }) {
	const { createAuth } = await import('../../src/lib/server/auth/auth.ts');
	const { createVerifiedAccount } = await import('../../src/lib/features/accounts/accounts.server.ts');
	const { startTwoFactorSetup } = await import('../../src/lib/features/accounts/two-factor.server.ts');
	const { createOrganisationWithAdmin, inviteMember, acceptMemberInvitation } = await import('../../src/lib/features/organisations/organisations.server.ts');
	const { createClientInvitation } = await import('../../src/lib/features/consent/consent.server.ts');
	const { acceptClientInvitation } = await import('../../src/lib/composers/consent-changes.server.ts');
	const { instruments } = await import('../../src/lib/features/instruments/instruments.ts');
	const { saveMeasurementForAccount } = await import('../../src/lib/features/measurements/measurements.server.ts');
	const { saveHealthWeb } = await import('../../src/lib/features/health-web/health-webs.server.ts');
	const { healthWebDimensions } = await import('../../src/lib/features/health-web/health-web.ts');
	const { rateSelfSufficiency } = await import('../../src/lib/features/self-sufficiency/ratings.server.ts');
	const { selfSufficiencyDomains } = await import('../../src/lib/features/self-sufficiency/domains.ts');
	const { addConversationNote } = await import('../../src/lib/features/conversation-notes/conversation-notes.server.ts');
	const { conversationNoteSchema } = await import('../../src/lib/features/conversation-notes/conversation-notes.schema.ts');
	const { createJournalEntry } = await import('../../src/lib/features/journal/journal.server.ts');
	const { setDiscuss } = await import('../../src/lib/features/journal/shared-entries.server.ts');
	const { startProgrammeForClient } = await import('../../src/lib/features/programme/guidance.server.ts');
	const { openWeek, markWeekItem } = await import('../../src/lib/features/programme/progress.server.ts');
	const { createGroup } = await import('../../src/lib/features/groups/group.server.ts');
	const { markSessionHeld } = await import('../../src/lib/features/groups/sessions.server.ts');
	const { createGroupCode } = await import('../../src/lib/features/groups/codes.server.ts');
	const { joinGroup } = await import('../../src/lib/features/groups/participation.server.ts');
	const { recordAttendance } = await import('../../src/lib/features/groups/leading.server.ts');
	const { newGroupSchema } = await import('../../src/lib/features/groups/group.schema.ts');
	const { joinGroupSchema } = await import('../../src/lib/features/groups/participation.schema.ts');
	const { addDays, localDay } = await import('../../src/lib/time.ts');

	const rng = random(19);
	const pick = (/** @type {number} */ n) => Math.floor(rng() * n);
	// Never later than a few minutes ago: an hour of the day given for today may not have come yet.
	const daysAgo = (/** @type {number} */ days, /** @type {number} */ hour = 11) =>
		new Date(Math.min(now.getTime() - days * dayMs + (hour - 12) * 3_600_000, now.getTime() - 5 * 60_000));
	const today = localDay(now);
	/** @type {Record<string, number>} */
	const counts = { measurements: 0, healthWebs: 0, ratings: 0, notes: 0, journalEntries: 0, programmes: 0, groupSessions: 0, attendance: 0 };
	/** @type {string[]} */
	const accountIds = [];

	// Mails of the seeding go nowhere; the invitation tokens come from the `linkFor` callbacks.
	const nowhere = { send: async () => ({ delivered: /** @type {const} */ ('outbox'), messageId: 'demo' }) };
	const refuseMail = async () => {
		throw new Error('the demo sends no account mail');
	};
	const auth = createAuth({
		db,
		kind,
		secret: authSecret,
		origin,
		mailer: { sendVerification: refuseMail, sendPasswordReset: refuseMail, sendAlreadyRegistered: refuseMail },
		linkFor: (linkKind, token, locale) => `${origin}/${locale}/account/${linkKind}?token=${token}`
	});
	/** @param {{ id: string, email: string, twoFactor?: boolean }} who */
	const actor = (who) => ({ id: who.id, email: who.email, locale: /** @type {const} */ ('nl'), twoFactorEnabled: who.twoFactor ?? false });
	/** @param {string} email @param {string} name */
	const account = async (email, name) => {
		const created = await createVerifiedAccount(auth, { email, password: demoPassword, name, locale: 'nl' });
		if (!created.ok) throw new Error(`could not make the account ${email}: ${created.reason}`);
		accountIds.push(created.accountId);
		return { id: created.accountId, email };
	};
	/** Two-step sign-in switched on as a person does it on /account/tweestaps: password, then a first code. */
	const turnOnTwoStep = async (/** @type {string} */ email) => {
		const signedIn = await auth.api.signInEmail({ body: { email, password: demoPassword }, asResponse: true });
		const cookie = signedIn.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
		const started = await startTwoFactorSetup(auth, { password: demoPassword, headers: new Headers({ cookie }) });
		if (!started.ok) throw new Error(`two-step sign-in did not start for ${email}`);
		const confirmed = await auth.api.verifyTOTP({ body: { code: totpCode(started.setup.secret) }, headers: new Headers({ cookie }), asResponse: true });
		if (confirmed.status !== 200) throw new Error(`two-step sign-in was not confirmed for ${email}`);
		// The seeding's own sign-ins end here; the people using the demo sign in themselves.
		await db.deleteFrom('auth_session').execute();
		return started.setup.secret;
	};

	// The organisation, its admin and the two professionals.
	const adminEmail = `beheer@${demoDomain}`;
	const organisation = await createOrganisationWithAdmin(db, auth, {
		organisation: { name: 'Welzijn Zonnedauw (demo)', kind: 'welfare' },
		admin: { name: 'Bea Beheerder', email: adminEmail, password: demoPassword, locale: 'nl' }
	});
	if (!organisation.ok) throw new Error(`could not make the organisation: ${organisation.reason}`);
	accountIds.push(organisation.accountId);
	const admin = { id: organisation.accountId, email: adminEmail, twoFactor: true, totpSecret: await turnOnTwoStep(adminEmail) };
	const professionals = [];
	for (const [email, name] of [[`sanne@${demoDomain}`, 'Sanne Klaverdijk'], [`omar@${demoDomain}`, 'Omar Lindeblad']]) {
		const made = await account(/** @type {string} */ (email), /** @type {string} */ (name));
		const totpSecret = await turnOnTwoStep(made.email);
		let token = '';
		const invited = await inviteMember(db, {
			actor: actor(admin),
			organisationId: organisation.organisationId,
			email: made.email,
			role: 'professional',
			locale: 'nl',
			mailer: nowhere,
			linkFor: (/** @type {string} */ given) => ((token = given), `${origin}/nl/uitnodiging/${given}`)
		});
		if (!invited.ok) throw new Error(`could not invite ${made.email}: ${invited.reason}`);
		const joined = await acceptMemberInvitation(db, { token, actor: actor({ ...made, twoFactor: true }) });
		if (!joined.ok) throw new Error(`${made.email} could not join: ${joined.reason}`);
		professionals.push({ ...made, name: /** @type {string} */ (name), twoFactor: true, totpSecret });
	}
	const [sanne, omar] = /** @type {[typeof professionals[0], typeof professionals[0]]} */ (professionals);

	// Omar leads a group training that began four weeks ago: eight weekly sessions.
	const groupStart = addDays(today, -29);
	const group = await createGroup(db, {
		actor: actor(omar),
		organisationId: organisation.organisationId,
		input: newGroupSchema.parse({ name: 'Samen op pad (demo)', leaderIds: [omar.id], firstDay: groupStart, count: '8', startsAt: '14:00', endsAt: '16:00', place: 'Buurthuis De Linde' })
	});
	if (!group.ok) throw new Error(`could not make the group: ${JSON.stringify(group.errors)}`);
	const sessions = await db.selectFrom('group_session').select(['id', 'day']).where('group_id', '=', group.groupId).orderBy('day').execute();
	const pastSessions = sessions.filter((session) => session.day < today);
	counts.groupSessions = sessions.length;

	const clients = firstNames.length;
	for (let i = 0; i < clients; i += 1) {
		const name = `${firstNames[i]} ${surnames[i % surnames.length]}`;
		const client = await account(`${(firstNames[i] ?? 'client').toLowerCase()}.${i + 1}@${demoDomain}`, name);
		const professional = i % 5 === 4 ? omar : sanne;
		const { code } = await createClientInvitation(db, {
			actor: actor(professional),
			organisationId: organisation.organisationId,
			locale: 'nl',
			mailer: nowhere,
			linkFor: (/** @type {string} */ given) => `${origin}/nl/account/koppelen?code=${given}`
		});
		const shared = await acceptClientInvitation(db, {
			actor: actor(client),
			code,
			scopes: ['measurements', 'programme', 'health_web', 'relationship_summary'],
			personName: firstNames[i] ?? name
		});
		if (!shared.ok) throw new Error(`${name} could not share with ${professional.email}: ${shared.reason}`);

		// The story of this client: one in seven went quiet three weeks ago; the others were here in the last days.
		const quiet = i % 7 === 3;
		const lastDay = quiet ? 21 + pick(10) : pick(4);
		// Results from lonelier to less lonely for most; some got worse; some are severe now.
		const severeNow = i % 6 === 0;
		const worse = i % 6 === 2;
		const first = 4 + pick(6);
		const results = [first, Math.max(0, first - 1 - pick(2)), severeNow ? 9 + pick(3) : worse ? Math.min(11, first + 2) : Math.max(0, first - 2 - pick(3))];
		const spacing = 35;
		for (const [n, total] of results.entries()) {
			const at = daysAgo(lastDay + (results.length - 1 - n) * spacing, 10);
			await saveMeasurementForAccount(db, { accountId: client.id, instrument: instruments['djg-11'], answers: djg11Answers(total, rng).answers, now: at });
			counts.measurements += 1;
		}

		// Health webs: two for half of the clients; for some a dimension dropped by 3 or more.
		if (i % 2 === 0) {
			const drop = i % 8 === 0;
			/** @type {Record<string, number>} */
			const before = Object.fromEntries(healthWebDimensions.map((d) => [d, 5 + pick(4)]));
			const after = Object.fromEntries(Object.entries(before).map(([d, score], n) => [d, drop && n === 1 ? score - 4 : Math.min(10, score + pick(2))]));
			await saveHealthWeb(db, { actor: actor(client), web: { scores: /** @type {any} */ (before), discuss: [] }, now: daysAgo(lastDay + 40, 15) });
			await saveHealthWeb(db, { actor: actor(client), web: { scores: /** @type {any} */ (after), discuss: drop ? [healthWebDimensions[1]] : [] }, now: daysAgo(lastDay + 1, 15) });
			counts.healthWebs += 2;
		}

		// A journal entry; for one in five it is marked "bespreek dit", which the professional has not seen yet.
		const entry = await createJournalEntry(db, {
			actor: actor(client),
			input: { mood: 2 + pick(3), body: 'Vandaag even met de buurvrouw gepraat bij de brievenbus. Dat deed me goed.', wentWell: 'Ik ben naar buiten gegaan.' },
			now: daysAgo(lastDay, 20)
		});
		counts.journalEntries += 1;
		if (i % 5 === 1) await setDiscuss(db, { actor: actor(client), kind: 'journal', id: entry.id, discuss: true });

		// The professional's own work: a rating of self-sufficiency and conversation notes (stored encrypted).
		/** @type {Record<string, { level: number, source: string | null, note: string | null }>} */
		const rating = {};
		for (const domain of selfSufficiencyDomains.slice(0, 6)) rating[domain] = { level: 2 + pick(3), source: pick(2) === 0 ? 'network' : 'own', note: null };
		await rateSelfSufficiency(db, { actor: actor(professional), personId: client.id, rating: /** @type {any} */ (rating), now: daysAgo(lastDay + 30) });
		counts.ratings += 1;
		for (const [n, ago] of [lastDay + 28, lastDay + 2].entries()) {
			const input = conversationNoteSchema.parse({
				day: localDay(daysAgo(ago)),
				body: n === 0 ? `Kennismaking met ${firstNames[i]}. Voelt zich vaak alleen sinds de verhuizing. Wil graag iets in de buurt doen.` : `${firstNames[i]} is een keer naar de koffieochtend geweest. Dat was spannend, maar het ging goed.`,
				summary: n === 1 ? 'Je bent naar de koffieochtend geweest. Volgende keer kijken we samen naar een tweede stap.' : '',
				share: n === 1 ? 'on' : ''
			});
			await addConversationNote(db, { actor: actor(professional), personId: client.id, input, now: daysAgo(ago, 16) });
			counts.notes += 1;
		}

		// The programme: started by the professional for one in three; most opened their weeks, one never did.
		if (i % 3 === 0) {
			const startedDaysAgo = lastDay + 12 + pick(20);
			const started = await startProgrammeForClient(db, { actor: actor(professional), personId: client.id, input: { welcome: 'Fijn dat je meedoet. We kijken er samen naar.' }, now: daysAgo(startedDaysAgo, 9) });
			if (!started.ok) throw new Error(`the programme did not start for ${name}: ${started.reason}`);
			counts.programmes += 1;
			// Week 0 starts the clock; week n opens n weeks later. A few never began.
			const neverOpened = i % 9 === 3;
			const lastWeek = neverOpened ? -1 : Math.min(Math.floor((startedDaysAgo - 1 - lastDay) / 7), 3);
			for (let week = 0; week <= lastWeek; week += 1) {
				const at = daysAgo(startedDaysAgo - week * 7 - 1, 19);
				const opened = await openWeek(db, { actor: actor(client), week, now: at });
				if (!opened.ok) throw new Error(`${name} could not open week ${week}: ${opened.reason}`);
				await markWeekItem(db, { actor: actor(client), week, input: { item: 'exercise', done: true }, now: at });
				if (week < lastWeek) await markWeekItem(db, { actor: actor(client), week, input: { item: 'step', done: true }, now: at });
			}
		}

		// Ten clients are in Omar's group; one stopped coming.
		if (i % 3 === 1) {
			const { code: groupCode } = await createGroupCode(db, { actor: actor(omar), groupId: group.groupId, now: daysAgo(30) });
			const joined = await joinGroup(db, { actor: actor(client), input: joinGroupSchema.parse({ code: groupCode, personName: firstNames[i], shareCheckIns: 'yes' }), now: daysAgo(30) });
			if (!joined.ok) throw new Error(`${name} could not join the group: ${joined.reason}`);
			const participant = await db.selectFrom('group_participant').select('id').where('group_id', '=', group.groupId).where('account_id', '=', client.id).executeTakeFirstOrThrow();
			const absentLately = i % 9 === 7;
			for (const [n, session] of pastSessions.entries()) {
				const status = absentLately && n >= pastSessions.length - 2 ? 'absent' : pick(6) === 0 ? 'excused' : 'present';
				await recordAttendance(db, { actor: actor(omar), groupId: group.groupId, sessionId: session.id, participantId: participant.id, status, now: daysAgo(0) });
				counts.attendance += 1;
			}
		}
	}
	for (const session of pastSessions) await markSessionHeld(db, { actor: actor(omar), groupId: group.groupId, sessionId: session.id, held: true });

	// Only the accounts that sign in are given to the visitor; the clients' own pages are not part of the demo tour.
	const signIns = [
		{ role: 'professional', name: sanne.name, email: sanne.email, totpSecret: sanne.totpSecret },
		{ role: 'professional (group leader)', name: omar.name, email: omar.email, totpSecret: omar.totpSecret },
		{ role: 'admin', name: 'Bea Beheerder', email: admin.email, totpSecret: admin.totpSecret }
	];
	return { accountIds, signIns, clients, counts };
}
