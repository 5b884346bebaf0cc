/** Authorisation matrix entries: Conversation notes: the professional pages and actions, and the client's page of shared summaries. */
import { clientRecord, nobodysEntry, page, signedInPage, type MatrixEntry } from './authorisation-matrix-presets';

const notes = '/(professional)/werk/clienten/[id]/notities';
const notesPath = (personId: string) => `/nl/werk/clienten/${personId}/notities`;
/** Actions refuse by themselves (no layout runs): 401 without an account instead of the sign-in page. */
const notesAction: MatrixEntry['expect'] = { ...clientRecord, anonymous: 'unauthenticated' };

export const notesMatrix: MatrixEntry[] = [
	// Every visit is an audited read of the client's notes: only the professional the person shares with.
	{ route: notes, operation: 'GET', request: (s) => ({ path: notesPath(s.accounts.person.id) }), expect: clientRecord },
	// A valid note: the linked professional adds one; a refused call must not leave one behind.
	{
		route: notes,
		operation: '?/add',
		request: (s) => ({ path: notesPath(s.accounts.person.id), form: { body: 'Notitie van de matrix' } }),
		expect: notesAction,
		unchangedWhenRefused: 'conversation_note'
	},
	// A valid note for an id that is nobody's: let in, it is simply not there (404).
	{
		route: notes,
		operation: '?/update',
		request: (s) => ({ path: notesPath(s.accounts.person.id), form: { id: nobodysEntry, day: '2026-01-05', body: 'Notitie' } }),
		expect: notesAction
	},
	{ route: notes, operation: '?/delete', request: (s) => ({ path: notesPath(s.accounts.person.id), form: { id: nobodysEntry } }), expect: notesAction },
	// The summaries shared with the person: every account is a person too (an empty list for most).
	{ route: '/(person)/gesprekken', operation: 'GET', request: page('/gesprekken'), expect: signedInPage }
];
