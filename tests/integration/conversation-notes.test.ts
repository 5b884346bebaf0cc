/**
 * Conversation notes: a professional's dated notes about a client, kept by the organisation, encrypted at
 * rest, every read audited; an optional summary shared with the client, who sees it (also after withdrawing consent),
 * marks it seen, and finds it in their export, where the working note itself never is. Deleting the account removes
 * the notes about it.
 */
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SignedInAccount } from '$lib/server/auth/account';
import { deleteAccount, exportPersonalData } from '$lib/composers/personal-data/personal-data.server';
import { listAuditEventsAboutPerson } from '$lib/features/audit/audit.server';
import { auditActionText } from '$lib/features/audit/audit-words';
import { withdrawConsent } from '$lib/composers/consent-changes.server';
import { conversationNoteSchema } from '$lib/features/conversation-notes/conversation-notes.schema';
import {
	addConversationNote,
	deleteConversationNote,
	getConversationNote,
	listConversationNotes,
	listSharedSummaries,
	markSummariesSeen,
	unseenSummaryCount,
	updateConversationNote,
	type ConversationNoteInput
} from '$lib/features/conversation-notes/conversation-notes.server';
import type { DatabaseHandle } from '$lib/server/db/client';
import { testDatabases } from './databases';
import { professionalFixtures, type ProfessionalFixtures, type TestOrganisation } from './professional-fixtures';
import { refusal } from './refusal';

// Notes are encrypted: a data key of this file's own, so no key file is read or written.
vi.hoisted(() => {
	vi.stubEnv('BRUG_DATA_KEY', Buffer.from(globalThis.crypto.getRandomValues(new Uint8Array(32))).toString('base64'));
	vi.stubEnv('BRUG_DATA_DIR', `${process.env.TMPDIR ?? '/tmp'}/brug-notes-no-key-file-${Date.now()}`);
});
afterAll(() => vi.unstubAllEnvs());

const noAccess = { status: 403, reason: 'no_access' };
const signInRequired = { status: 401, reason: 'sign_in_required' };

const at = (instant: string) => new Date(instant);
const note = (fields: Partial<ConversationNoteInput> = {}): ConversationNoteInput => ({ day: '2026-03-10', body: 'Werknotitie', summary: null, share: false, ...fields });

describe.each(testDatabases())('conversation notes on $name', (target) => {
	let handle: DatabaseHandle;
	let fixtures: ProfessionalFixtures;
	/** Buurtteam Noord with Piet and his colleague Petra; Wijkteam Zuid with Karel. */
	let noord: TestOrganisation;
	let zuid: TestOrganisation;
	let piet: SignedInAccount;
	let petra: SignedInAccount;
	let karel: SignedInAccount;
	let anna: SignedInAccount;
	let ben: SignedInAccount;
	let annaGrant: string;

	beforeEach(async () => {
		handle = await target.open();
		fixtures = professionalFixtures(handle);
		noord = await fixtures.organisation('Buurtteam Noord', { email: 'ada@noord.nl', name: 'Ada Admin' });
		zuid = await fixtures.organisation('Wijkteam Zuid', { email: 'zora@zuid.nl', name: 'Zora Admin' });
		piet = await fixtures.professional(noord, 'piet@noord.nl', 'Piet Prof');
		petra = await fixtures.professional(noord, 'petra@noord.nl', 'Petra Collega');
		karel = await fixtures.professional(zuid, 'karel@zuid.nl', 'Karel Zuid');
		anna = await fixtures.person('anna@example.nl', 'Anna');
		ben = await fixtures.person('ben@example.nl', 'Ben');
		annaGrant = await fixtures.connect(anna, piet, ['programme']);
	});
	afterEach(() => handle.close());

	const rows = () => handle.db.selectFrom('conversation_note').selectAll().orderBy('id').execute();
	const audits = (subjectId: string) => handle.db.selectFrom('audit_event').selectAll().where('subject_id', '=', subjectId).orderBy('at').orderBy('id').execute();
	const noteReads = async (subjectId: string) => (await audits(subjectId)).filter((e) => e.action === 'client.notes.read');
	const add = (actor: SignedInAccount | null, fields: Partial<ConversationNoteInput> = {}, now = '2026-03-10T10:00:00Z', personId = anna.id) =>
		addConversationNote(handle.db, { actor, personId, input: note(fields), now: at(now) });

	it('adds, lists newest day first, reads, updates and deletes, with the author’s name; the texts are ciphertext in the table', async () => {
		const input = conversationNoteSchema.parse({ day: '2026-03-02', body: '  Anna mist haar zus Cornelia.  ', summary: ' Volgende week samen naar de breiclub. ', share: 'on' });
		const first = await addConversationNote(handle.db, { actor: piet, personId: anna.id, input, now: at('2026-03-02T15:00:00Z') });
		expect(first).toEqual({
			id: expect.any(String),
			personId: anna.id,
			organisationId: noord.id,
			authorId: piet.id,
			authorName: 'Piet Prof',
			day: '2026-03-02',
			body: 'Anna mist haar zus Cornelia.',
			summary: 'Volgende week samen naar de breiclub.',
			sharedAt: '2026-03-02T15:00:00.000Z',
			seenAt: null,
			createdAt: '2026-03-02T15:00:00.000Z',
			updatedAt: '2026-03-02T15:00:00.000Z'
		});
		// Written later about an earlier day, and one about a later day: the list goes by the day of the conversation.
		const earlier = await add(piet, { day: '2026-02-20', body: 'Eerste kennismaking.' }, '2026-03-05T09:00:00Z');
		const later = await add(piet, { day: '2026-03-09', body: 'Telefoontje.' }, '2026-03-09T09:00:00Z');
		expect((await listConversationNotes(handle.db, { actor: piet, personId: anna.id })).map((n) => n.id)).toEqual([later.id, first.id, earlier.id]);
		expect(await getConversationNote(handle.db, { actor: piet, personId: anna.id, noteId: first.id })).toEqual(first);

		for (const row of await rows()) {
			expect(row.body).toMatch(/^v1\./);
			expect(row.summary === null || row.summary.startsWith('v1.')).toBe(true);
			expect(JSON.stringify(row)).not.toMatch(/Cornelia|breiclub|kennismaking|Telefoontje/);
		}

		const changed = await updateConversationNote(handle.db, { actor: piet, personId: anna.id, noteId: earlier.id, input: note({ day: '2026-02-21', body: 'Kennismaking, bijgewerkt.' }), now: at('2026-03-11T08:00:00Z') });
		expect(changed).toEqual({ ...earlier, day: '2026-02-21', body: 'Kennismaking, bijgewerkt.', updatedAt: '2026-03-11T08:00:00.000Z' });
		expect(await deleteConversationNote(handle.db, { actor: piet, personId: anna.id, noteId: later.id })).toBe(true);
		expect(await deleteConversationNote(handle.db, { actor: piet, personId: anna.id, noteId: later.id })).toBe(false);
		expect(await listConversationNotes(handle.db, { actor: piet, personId: anna.id })).toEqual([first, changed]);
	});

	it('belongs to the organisation: a colleague with access to the client (own grant or team consent) sees and edits the notes; the author stays', async () => {
		const written = await add(piet, { body: 'Van Piet' });
		await fixtures.connect(anna, petra, ['measurements']);
		expect(await listConversationNotes(handle.db, { actor: petra, personId: anna.id })).toEqual([written]);
		const edited = await updateConversationNote(handle.db, { actor: petra, personId: anna.id, noteId: written.id, input: note({ body: 'Aangevuld door Petra' }) });
		expect(edited).toMatchObject({ authorId: piet.id, authorName: 'Piet Prof', body: 'Aangevuld door Petra' });
		// Piet still edits the version he opened before Petra saved: refused, and Petra's words stay.
		const stale = await updateConversationNote(handle.db, { actor: piet, personId: anna.id, noteId: written.id, input: note({ body: 'Oud' }), ifUpdatedAt: written.updatedAt });
		expect(stale).toBe('changed');
		expect(await getConversationNote(handle.db, { actor: piet, personId: anna.id, noteId: written.id })).toMatchObject({ body: 'Aangevuld door Petra' });
		const current = (await getConversationNote(handle.db, { actor: piet, personId: anna.id, noteId: written.id }))!;
		expect(await updateConversationNote(handle.db, { actor: piet, personId: anna.id, noteId: written.id, input: note({ body: 'Nieuw' }), ifUpdatedAt: current.updatedAt })).toMatchObject({ body: 'Nieuw' });

		// Consent to the whole team lets Petra in without a grant of her own; Karel's organisation stays out.
		await fixtures.connect(ben, piet, ['programme'], { audience: 'organisation' });
		const aboutBen = await add(piet, { body: 'Over Ben' }, '2026-03-10T10:00:00Z', ben.id);
		expect(await listConversationNotes(handle.db, { actor: petra, personId: ben.id })).toEqual([aboutBen]);
		expect(await refusal(listConversationNotes(handle.db, { actor: karel, personId: ben.id }))).toEqual(noAccess);
	});

	it('refuses a professional without a grant, one of another organisation, a person and nobody, and nothing changes', async () => {
		const written = await add(piet, { summary: 'Gedeeld', share: true });
		const before = { notes: await rows(), audits: await audits(anna.id) };
		const calls = (actor: SignedInAccount | null) => [
			() => listConversationNotes(handle.db, { actor, personId: anna.id }),
			() => getConversationNote(handle.db, { actor, personId: anna.id, noteId: written.id }),
			() => addConversationNote(handle.db, { actor, personId: anna.id, input: note({ body: 'Mag niet' }) }),
			() => updateConversationNote(handle.db, { actor, personId: anna.id, noteId: written.id, input: note({ body: 'Mag niet' }) }),
			() => deleteConversationNote(handle.db, { actor, personId: anna.id, noteId: written.id })
		];
		for (const actor of [petra, karel, ben, anna]) {
			for (const call of calls(actor)) expect(await refusal(call()), actor.email).toEqual(noAccess);
		}
		for (const call of calls(null)) expect(await refusal(call())).toEqual(signInRequired);
		expect(await rows()).toEqual(before.notes);
		expect(await audits(anna.id)).toEqual(before.audits);
	});

	it('after withdrawal refuses the professional (403) and changes nothing, while the client keeps the shared summary', async () => {
		const written = await add(piet, { summary: 'Tot dinsdag', share: true });
		expect(await withdrawConsent(handle.db, { actor: anna, grantId: annaGrant })).toBe(true);
		const before = { notes: await rows(), audits: await audits(anna.id) };
		expect(await refusal(listConversationNotes(handle.db, { actor: piet, personId: anna.id }))).toEqual(noAccess);
		expect(await refusal(add(piet, { body: 'Na intrekken' }))).toEqual(noAccess);
		expect(await refusal(deleteConversationNote(handle.db, { actor: piet, personId: anna.id, noteId: written.id }))).toEqual(noAccess);
		expect(await rows()).toEqual(before.notes);
		expect(await audits(anna.id)).toEqual(before.audits);
		expect((await listSharedSummaries(handle.db, { actor: anna })).map((s) => s.summary)).toEqual(['Tot dinsdag']);
	});

	it('treats another organisation’s note, or another client’s, as unknown', async () => {
		await fixtures.connect(anna, karel, ['programme']);
		await fixtures.connect(ben, piet, ['programme']);
		const karels = await add(karel, { body: 'Van Zuid' });
		const bens = await add(piet, { body: 'Over Ben' }, '2026-03-10T10:00:00Z', ben.id);
		const before = await rows();
		for (const noteId of [karels.id, bens.id, crypto.randomUUID()]) {
			expect(await getConversationNote(handle.db, { actor: piet, personId: anna.id, noteId })).toBeNull();
			expect(await updateConversationNote(handle.db, { actor: piet, personId: anna.id, noteId, input: note({ body: 'Overschreven' }) })).toBeNull();
			expect(await deleteConversationNote(handle.db, { actor: piet, personId: anna.id, noteId })).toBe(false);
		}
		expect(await rows()).toEqual(before);
		expect(await listConversationNotes(handle.db, { actor: piet, personId: anna.id })).toEqual([]);
		expect(await listConversationNotes(handle.db, { actor: karel, personId: anna.id })).toEqual([karels]);
	});

	it('audits every read in the same call, and the client sees it in their access log', async () => {
		const written = await add(piet);
		expect(await noteReads(anna.id)).toEqual([]);
		await listConversationNotes(handle.db, { actor: piet, personId: anna.id, now: at('2026-03-12T09:00:00Z') });
		await getConversationNote(handle.db, { actor: piet, personId: anna.id, noteId: written.id, now: at('2026-03-12T09:05:00Z') });
		await getConversationNote(handle.db, { actor: piet, personId: anna.id, noteId: crypto.randomUUID() });
		const reads = await noteReads(anna.id);
		expect(reads.map(({ at: when, actor_id, organisation_id, subject_id, object }) => ({ when, actor_id, organisation_id, subject_id, object }))).toEqual([
			{ when: '2026-03-12T09:00:00.000Z', actor_id: piet.id, organisation_id: noord.id, subject_id: anna.id, object: 'list' },
			{ when: '2026-03-12T09:05:00.000Z', actor_id: piet.id, organisation_id: noord.id, subject_id: anna.id, object: written.id }
		]);
		const log = await listAuditEventsAboutPerson(handle.db, { account: anna });
		const seen = log.filter((e) => e.action === 'client.notes.read');
		expect(seen.map((e) => [e.actorName, e.organisationName])).toEqual([['Piet Prof', 'Buurtteam Noord'], ['Piet Prof', 'Buurtteam Noord']]);
		expect(auditActionText('client.notes.read', 'list')).toBe('Heeft de gespreksnotities over jou gelezen');
		expect(await noteReads(ben.id)).toEqual([]);
	});

	it('shares a summary with the client: unseen, seen, edited (unseen again), unshared (gone), and only for her', async () => {
		const shared = await add(piet, { summary: 'Je wilt de buurvrouw vragen voor koffie.', share: true }, '2026-03-10T10:00:00Z');
		await add(piet, { day: '2026-03-11', summary: 'Nog niet delen', share: false });
		expect(await listSharedSummaries(handle.db, { actor: anna })).toEqual([
			{ id: shared.id, day: '2026-03-10', summary: 'Je wilt de buurvrouw vragen voor koffie.', organisationName: 'Buurtteam Noord', authorName: 'Piet Prof', sharedAt: '2026-03-10T10:00:00.000Z', seenAt: null }
		]);
		expect(await unseenSummaryCount(handle.db, { actor: anna })).toBe(1);
		expect(await listSharedSummaries(handle.db, { actor: ben })).toEqual([]);

		// Ben cannot mark Anna's summary; Anna can.
		await markSummariesSeen(handle.db, { actor: ben, ids: [shared.id] });
		expect(await unseenSummaryCount(handle.db, { actor: anna })).toBe(1);
		await markSummariesSeen(handle.db, { actor: anna, ids: [shared.id], now: at('2026-03-10T18:00:00Z') });
		expect(await unseenSummaryCount(handle.db, { actor: anna })).toBe(0);
		expect((await getConversationNote(handle.db, { actor: piet, personId: anna.id, noteId: shared.id }))?.seenAt).toBe('2026-03-10T18:00:00.000Z');

		const update = (fields: Partial<ConversationNoteInput>, now: string) =>
			updateConversationNote(handle.db, { actor: piet, personId: anna.id, noteId: shared.id, input: note(fields), now: at(now) });
		// Only the working note changes: the client has seen this summary already.
		expect(await update({ body: 'Alleen de notitie', summary: 'Je wilt de buurvrouw vragen voor koffie.', share: true }, '2026-03-11T08:00:00Z')).toMatchObject({ sharedAt: '2026-03-10T10:00:00.000Z', seenAt: '2026-03-10T18:00:00.000Z' });
		// New words stay shared and are new to her.
		expect(await update({ summary: 'Je vraagt de buurvrouw zaterdag.', share: true }, '2026-03-11T09:00:00Z')).toMatchObject({ sharedAt: '2026-03-10T10:00:00.000Z', seenAt: null });
		expect(await unseenSummaryCount(handle.db, { actor: anna })).toBe(1);
		expect((await listSharedSummaries(handle.db, { actor: anna }))[0]?.summary).toBe('Je vraagt de buurvrouw zaterdag.');

		expect(await update({ summary: 'Je vraagt de buurvrouw zaterdag.', share: false }, '2026-03-12T09:00:00Z')).toMatchObject({ sharedAt: null, seenAt: null });
		expect(await listSharedSummaries(handle.db, { actor: anna })).toEqual([]);
		expect(await unseenSummaryCount(handle.db, { actor: anna })).toBe(0);
		expect(await update({ summary: 'Weer gedeeld', share: true }, '2026-03-13T09:00:00Z')).toMatchObject({ sharedAt: '2026-03-13T09:00:00.000Z', seenAt: null });

		// Without ids, every shared summary counts as seen.
		await markSummariesSeen(handle.db, { actor: anna });
		expect(await unseenSummaryCount(handle.db, { actor: anna })).toBe(0);
		expect(await refusal(listSharedSummaries(handle.db, { actor: null }))).toEqual(signInRequired);
		expect(await refusal(markSummariesSeen(handle.db, { actor: null }))).toEqual(signInRequired);
		expect(await refusal(unseenSummaryCount(handle.db, { actor: null }))).toEqual(signInRequired);
	});

	it('exports the shared summaries, never the working notes or an unshared summary', async () => {
		await add(piet, { body: 'Geheime werknotitie over de schuldhulp', summary: 'Samen naar de bibliotheek', share: true }, '2026-03-10T10:00:00Z');
		await add(piet, { day: '2026-03-11', body: 'Nog een werknotitie', summary: 'Nog niet gedeelde samenvatting', share: false });
		await markSummariesSeen(handle.db, { actor: anna, now: at('2026-03-10T20:00:00Z') });
		const data = await exportPersonalData(handle.db, { account: anna });
		expect(data.conversationSummaries).toEqual([
			{ day: '2026-03-10', organisation: 'Buurtteam Noord', by: 'Piet Prof', summary: 'Samen naar de bibliotheek', sharedAt: '2026-03-10T10:00:00.000Z', seenAt: '2026-03-10T20:00:00.000Z' }
		]);
		expect(JSON.stringify(data)).not.toMatch(/werknotitie|Nog niet gedeelde/);
	});

	it('deleting the client’s account removes the notes about her; a professional’s leaves the notes without an author', async () => {
		await fixtures.connect(ben, piet, ['programme']);
		await add(piet, { summary: 'Voor Anna', share: true });
		const bens = await add(piet, { body: 'Over Ben' }, '2026-03-10T10:00:00Z', ben.id);
		expect(await deleteAccount(handle.db, { account: anna })).toEqual({ ok: true });
		expect((await rows()).map((r) => r.id)).toEqual([bens.id]);

		expect(await deleteAccount(handle.db, { account: piet })).toEqual({ ok: true });
		expect(await rows()).toEqual([expect.objectContaining({ id: bens.id, person_id: ben.id, professional_id: null })]);
		await fixtures.connect(ben, petra, ['programme']);
		expect(await listConversationNotes(handle.db, { actor: petra, personId: ben.id })).toEqual([{ ...bens, authorId: null, authorName: null }]);
	});
});
