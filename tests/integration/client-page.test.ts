/**
 * The client page's load (`openClientPage`) on both databases: the summary at the top, one timeline of everything the
 * client shares (measurements, health webs, the organisation's ratings and notes, programme weeks, the group's
 * attendance), filtered by kind, and each read audited as the use-case that reads it audits it; a kind the filter
 * leaves out is not read, so no audit event is written for it.
 */
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SignedInAccount } from '$lib/server/auth/account';
import type { DatabaseHandle } from '$lib/server/db/client';
import { openClientPage } from '$lib/composers/client-record/client-page.server';
import { addConversationNote } from '$lib/features/conversation-notes/conversation-notes.server';
import { saveHealthWeb } from '$lib/features/health-web/health-webs.server';
import { instruments } from '$lib/features/instruments/instruments';
import { saveMeasurementForAccount } from '$lib/features/measurements/measurements.server';
import { openWeek } from '$lib/features/programme/progress.server';
import { startProgrammeForClient } from '$lib/features/programme/guidance.server';
import { rateSelfSufficiency } from '$lib/features/self-sufficiency/ratings.server';
import { addDays } from '$lib/time';
import { testDatabases } from './databases';
import { groupFixtures } from './group-fixtures';
import { professionalFixtures, type ProfessionalFixtures, type TestOrganisation } from './professional-fixtures';
import { refusal } from './refusal';

vi.hoisted(() => {
	vi.stubEnv('BRUG_DATA_KEY', Buffer.from(globalThis.crypto.getRandomValues(new Uint8Array(32))).toString('base64'));
	vi.stubEnv('BRUG_DATA_DIR', `${process.env.TMPDIR ?? '/tmp'}/brug-client-page-no-key-file-${Date.now()}`);
});
afterAll(() => vi.unstubAllEnvs());

/** Noon in Amsterdam on a local day (March 2026 is winter time until the 29th). */
const noon = (day: string) => new Date(`${day}T11:00:00Z`);
const djg11 = instruments['djg-11'];
/** DJG-11 answers that score `total` (the first `total` items answered the lonely way). */
const scoring = (total: number) =>
	Object.fromEntries(djg11.items.map((item, index) => [item.number, (index < total) === (item.direction === 'negative') ? 'yes' : 'no']));
const web = (value: number) => ({
	scores: { bodily_functions: value, mental_wellbeing: value, meaningfulness: value, quality_of_life: value, participation: value, daily_functioning: value },
	discuss: []
});

describe.each(testDatabases())('the client page on $name', (target) => {
	let handle: DatabaseHandle;
	let fixtures: ProfessionalFixtures;
	let noord: TestOrganisation;
	let piet: SignedInAccount;
	let anna: SignedInAccount;

	beforeEach(async () => {
		handle = await target.open();
		fixtures = professionalFixtures(handle);
		noord = await fixtures.organisation('Buurtteam Noord', { email: 'ada@noord.nl', name: 'Ada Admin' });
		piet = await fixtures.professional(noord, 'piet@noord.nl', 'Piet Prof');
		anna = await fixtures.person('anna@example.nl', 'Anna');
	});
	afterEach(() => handle.close());

	const actions = async (personId: string) =>
		(await handle.db.selectFrom('audit_event').select(['action', 'object']).where('subject_id', '=', personId).execute())
			.map((e) => `${e.action} ${e.action === 'client.programme.read' ? '' : e.object}`.trim())
			.sort();

	async function annaSharesEverything() {
		await fixtures.connect(anna, piet, ['measurements', 'health_web', 'programme']);
		await saveMeasurementForAccount(handle.db, { accountId: anna.id, instrument: djg11, answers: scoring(4), now: noon('2026-03-01') });
		await saveMeasurementForAccount(handle.db, { accountId: anna.id, instrument: djg11, answers: scoring(6), now: noon('2026-03-12') });
		await saveHealthWeb(handle.db, { actor: anna, web: web(7), now: noon('2026-03-03') });
		await saveHealthWeb(handle.db, { actor: anna, web: web(3), now: noon('2026-03-11') });
		await saveHealthWeb(handle.db, { actor: anna, web: web(5), now: noon('2026-02-01') });
		await rateSelfSufficiency(handle.db, { actor: piet, personId: anna.id, rating: { finances: { level: 2, source: 'network', note: null } }, now: noon('2026-03-05') });
		await addConversationNote(handle.db, { actor: piet, personId: anna.id, input: { day: '2026-03-06', body: 'Anna vertelde over haar buurvrouw.', summary: null, share: false } });
		expect(await startProgrammeForClient(handle.db, { actor: piet, personId: anna.id, input: { welcome: null }, now: noon('2026-03-02') })).toMatchObject({ ok: true });
		await openWeek(handle.db, { actor: anna, week: 0, now: noon('2026-03-02') });
		await handle.db.deleteFrom('audit_event').execute();
	}

	it('puts everything the client shares in one timeline, newest first, with the summary on top; each read audited once', async () => {
		await annaSharesEverything();
		const page = await openClientPage(handle.db, { actor: piet, personId: anna.id, filters: [], now: noon('2026-03-13') });
		expect(page.timeline.map((e) => [e.day, e.kind])).toEqual([
			['2026-03-12', 'measurement'],
			['2026-03-11', 'health_web'],
			['2026-03-06', 'conversation_note'],
			['2026-03-05', 'rating'],
			['2026-03-03', 'health_web'],
			['2026-03-02', 'programme_week'],
			['2026-03-01', 'measurement'],
			['2026-02-01', 'health_web']
		]);
		expect(page.timeline[2]).toMatchObject({ by: 'Piet Prof', excerpt: 'Anna vertelde over haar buurvrouw.', summaryShared: false });
		expect(page.available.sort()).toEqual(['conversation_note', 'health_web', 'measurement', 'programme_week', 'rating']);
		expect(page.summary.latest).toMatchObject({ instrument: 'djg-11', total: 6, previous: 4, change: 2 });
		expect(page.summary.signals.map((s) => s.id)).toEqual(['score_worsened', 'health_web_drop']);
		expect(page.summary.programme).toEqual({ state: 'active', week: 1 });
		expect(await actions(anna.id)).toEqual([
			'client.notes.read list',
			'client.programme.read',
			'client.ratings.read list',
			'client.record.read measurements,programme,health_web',
			'client.scope.read health_web',
			'client.scope.read measurements',
			'client.scope.read programme'
		]);
	});

	it('filters by kind, and reads (and audits) no notes or ratings when the filter leaves them out', async () => {
		await annaSharesEverything();
		const page = await openClientPage(handle.db, { actor: piet, personId: anna.id, filters: ['uitslag'], now: noon('2026-03-13') });
		expect(page.timeline.map((e) => e.kind)).toEqual(['measurement', 'measurement']);
		expect(await actions(anna.id)).not.toContain('client.notes.read list');
		expect(await actions(anna.id)).not.toContain('client.ratings.read list');

		await handle.db.deleteFrom('audit_event').execute();
		const notes = await openClientPage(handle.db, { actor: piet, personId: anna.id, filters: ['notitie'], now: noon('2026-03-13') });
		expect(notes.timeline.map((e) => e.kind)).toEqual(['conversation_note']);
		expect(await actions(anna.id)).toContain('client.notes.read list');
		expect(await actions(anna.id)).not.toContain('client.ratings.read list');
	});

	it('shows only the consented scopes: without measurements no result and no measurement read', async () => {
		await fixtures.connect(anna, piet, ['health_web']);
		await saveMeasurementForAccount(handle.db, { accountId: anna.id, instrument: djg11, answers: scoring(9), now: noon('2026-03-01') });
		await handle.db.deleteFrom('audit_event').execute();
		const page = await openClientPage(handle.db, { actor: piet, personId: anna.id, filters: [], now: noon('2026-03-13') });
		expect(page.timeline).toEqual([]);
		expect(page.summary).toEqual({ signals: [], discussCount: 0, programme: null, nextSession: null, latest: null });
		expect(await actions(anna.id)).toEqual(['client.notes.read list', 'client.ratings.read list', 'client.record.read health_web', 'client.scope.read health_web']);
	});

	it('for a group’s leader: the group’s sessions with attendance and the next session, no notes or ratings', async () => {
		const groups = groupFixtures(handle);
		const days = Array.from({ length: 4 }, (_, i) => addDays('2026-03-02', 7 * i));
		const group = await groups.group(noord, [piet], { name: 'Samen op maandag', days });
		const bea = await fixtures.person('bea@example.nl', 'Bea');
		const beaIn = await groups.join(bea, group, { name: 'Bea B.' });
		await groups.attend(group.sessionIds[0]!, beaIn, 'present', { by: piet });
		await groups.attend(group.sessionIds[1]!, beaIn, 'absent', { by: piet });
		await handle.db.deleteFrom('audit_event').execute();
		const page = await openClientPage(handle.db, { actor: piet, personId: bea.id, filters: [], now: noon('2026-03-13') });
		expect(page.record.guides).toBe(false);
		expect(page.timeline.map((e) => [e.day, e.kind, e.kind === 'group_session' ? e.attendance : null])).toEqual([
			['2026-03-09', 'group_session', 'absent'],
			['2026-03-02', 'group_session', 'present']
		]);
		expect(page.summary.nextSession).toMatchObject({ groupName: 'Samen op maandag', day: '2026-03-16' });
		expect(page.available.sort()).toEqual(['group_check_in', 'group_note', 'group_session']);
		expect(await actions(bea.id)).toEqual([`client.group.read ${group.id}`, 'client.record.read group']);
	});

	it('refuses a professional the client does not share with, and writes nothing', async () => {
		const kees = await fixtures.professional(noord, 'kees@noord.nl', 'Kees');
		await fixtures.connect(anna, piet, ['measurements']);
		await handle.db.deleteFrom('audit_event').execute();
		expect(await refusal(openClientPage(handle.db, { actor: kees, personId: anna.id, filters: [] }))).toEqual({ status: 403, reason: 'no_access' });
		expect(await actions(anna.id)).toEqual([]);
	});
});
