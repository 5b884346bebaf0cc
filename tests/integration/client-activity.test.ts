/**
 * The client page's toolkit activity (scope `programme`): counts per week of exercises, journal entries,
 * kind moments and small steps, and the last active day. Never what the person wrote; only with the scope; audited.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { SignedInAccount } from '$lib/server/auth/account';
import { listAuditEventsAboutPerson } from '$lib/features/audit/audit.server';
import { openClientRecord } from '$lib/composers/client-record/clients.server';
import { changeConsentScopes } from '$lib/composers/consent-changes.server';
import { logExerciseDone } from '$lib/features/exercises/exercise-log.server';
import { createJournalEntry } from '$lib/features/journal/journal.server';
import { noteKindMoment } from '$lib/features/journal/kind-moments.server';
import { markStepDone, planStep } from '$lib/features/small-steps/step-plans.server';
import type { DatabaseHandle } from '$lib/server/db/client';
import { localInstant } from '$lib/time';
import { testDatabases } from './databases';
import { professionalFixtures } from './professional-fixtures';

const on = (day: string, time = '10:00') => localInstant(day, time);
const secret = 'Mijn buurvrouw Cornelia groette me niet';

describe.each(testDatabases())('client activity on $name', (target) => {
	let handle: DatabaseHandle;
	let piet: SignedInAccount;
	let anna: SignedInAccount;
	let fixtures: ReturnType<typeof professionalFixtures>;

	beforeEach(async () => {
		handle = await target.open();
		fixtures = professionalFixtures(handle);
		const noord = await fixtures.organisation('Buurtteam Noord', { email: 'ada@noord.nl', name: 'Ada Admin' });
		piet = await fixtures.professional(noord, 'piet@noord.nl', 'Piet Prof');
		anna = await fixtures.person('anna@example.nl', 'Anna');
		// Anna's month: two exercises in the last week (one at half past midnight), a journal entry and a kind moment
		// two weeks back, a small step done late in the evening, and an exercise long ago.
		await logExerciseDone(handle.db, { actor: anna, exerciseId: 'breathing', now: on('2026-03-31') });
		await logExerciseDone(handle.db, { actor: anna, exerciseId: 'journal', now: on('2026-03-26', '00:30') });
		await createJournalEntry(handle.db, { actor: anna, input: { mood: 3, body: secret, wentWell: null }, now: on('2026-03-17') });
		await noteKindMoment(handle.db, { actor: anna, input: { body: `${secret} maar zwaaide wel` }, now: on('2026-03-16') });
		const planned = await planStep(handle.db, { actor: anna, input: { stepId: 'ask-for-a-tip', plannedDay: '2026-03-09' }, now: on('2026-03-01') });
		if (!planned.ok) throw new Error(planned.reason);
		await markStepDone(handle.db, { actor: anna, id: planned.id, input: { howItWent: 4, note: secret }, now: on('2026-03-09', '23:45') });
		await logExerciseDone(handle.db, { actor: anna, exerciseId: 'breathing', now: on('2026-01-05') });
	});

	it('shows counts per week and the last active day with the programme scope, and audits the read', async () => {
		await fixtures.connect(anna, piet, ['programme']);
		const record = await openClientRecord(handle.db, { actor: piet, personId: anna.id, now: on('2026-03-31', '12:00') });
		expect(record.activity).toEqual({
			weeks: [
				{ from: '2026-03-04', to: '2026-03-10', counts: { exercise: 0, journal: 0, thought: 0, kind_moment: 0, small_step: 1 } },
				{ from: '2026-03-11', to: '2026-03-17', counts: { exercise: 0, journal: 1, thought: 0, kind_moment: 1, small_step: 0 } },
				{ from: '2026-03-18', to: '2026-03-24', counts: { exercise: 0, journal: 0, thought: 0, kind_moment: 0, small_step: 0 } },
				{ from: '2026-03-25', to: '2026-03-31', counts: { exercise: 2, journal: 0, thought: 0, kind_moment: 0, small_step: 0 } }
			],
			totals: { exercise: 2, journal: 1, thought: 0, kind_moment: 1, small_step: 1 },
			lastActiveDay: '2026-03-31'
		});
		expect(JSON.stringify(record)).not.toContain('Cornelia');
		const seen = await listAuditEventsAboutPerson(handle.db, { account: anna });
		expect(seen.map((event) => [event.action, event.object])).toContainEqual(['client.scope.read', 'programme']);
	});

	it('leaves activity out without the programme scope', async () => {
		await fixtures.connect(anna, piet, ['measurements']);
		const record = await openClientRecord(handle.db, { actor: piet, personId: anna.id, now: on('2026-03-31', '12:00') });
		expect(record.activity).toBeUndefined();
		const seen = await listAuditEventsAboutPerson(handle.db, { account: anna });
		expect(seen.map((event) => event.object)).not.toContain('programme');
	});

	it('counts contacts and results toward the last active day only when those are shared too', async () => {
		await fixtures.connect(anna, piet, ['programme']);
		const relations = await import('$lib/features/relationships/relations.server');
		const added = await relations.addRelation(handle.db, { actor: anna, input: { nickname: 'Cor', circle: 'friends', brings: [], rhythm: 'no_goal', note: null }, now: on('2026-04-01') });
		const contact = await relations.logContact(handle.db, { actor: anna, relationId: added.id, input: { kind: 'meeting', feeling: 4, day: '2026-04-01' } });
		expect(contact.ok).toBe(true);
		const record = await openClientRecord(handle.db, { actor: piet, personId: anna.id, now: on('2026-04-02', '12:00') });
		// The contact on 1 April is not shared (no relationship_summary): the last active day stays the exercise.
		expect(record.activity?.lastActiveDay).toBe('2026-03-31');
		// Once the relationship summary is shared too, the contact counts.
		const [grant] = await handle.db.selectFrom('consent_grant').select('id').where('ended_at', 'is', null).execute();
		await changeConsentScopes(handle.db, { actor: anna, grantId: grant!.id, scopes: ['programme', 'relationship_summary'] });
		const both = await openClientRecord(handle.db, { actor: piet, personId: anna.id, now: on('2026-04-02', '12:00') });
		expect(both.activity?.lastActiveDay).toBe('2026-04-01');
	});
});
