/** Authorisation matrix entries: The professional JSON API (/api/v1/clients/…, /api/v1/caseload). */
import { api, clientRecord, nobodysEntry, professionalCall, type Expectations, type MatrixEntry } from './authorisation-matrix-presets';
import type { Seed } from './role-fixtures';

/** A client's data over the API: only the professional the person shares with; 401 instead of a sign-in redirect. */
const clientCall: Expectations = { ...clientRecord, anonymous: 'unauthenticated' };
/**
 * Nobody gets in: a person who shares with nobody, an id that is nobody's, or a scope the seeded person does not share
 * (they share measurements and programme only).
 */
const refusedToAll: Expectations = { ...clientCall, linkedProfessional: 'forbidden' };

const client = (rest = '') => (s: Seed) => ({ path: `/api/v1/clients/${s.accounts.person.id}${rest}` });
const clientWith = (rest: string, json: unknown) => (s: Seed) => ({ path: `/api/v1/clients/${s.accounts.person.id}${rest}`, json });

export const professionalApiMatrix: MatrixEntry[] = [
	{ route: '/api/v1/caseload', operation: 'GET', request: api('/api/v1/caseload'), expect: professionalCall },
	// A query the caseload does not know is read after the door: a person is refused before it is looked at.
	{ route: '/api/v1/caseload', operation: 'GET', variant: 'a query that is wrong', request: api('/api/v1/caseload?signal=nonsense&page=0'), expect: professionalCall },
	{ route: '/api/v1/clients/[personId]', operation: 'GET', request: client(), expect: clientCall },
	{
		route: '/api/v1/clients/[personId]',
		operation: 'GET',
		variant: 'a person who shares with nobody',
		request: (s) => ({ path: `/api/v1/clients/${s.accounts.otherPerson.id}` }),
		expect: refusedToAll
	},
	{ route: '/api/v1/clients/[personId]', operation: 'GET', variant: 'an id that is nobody', request: api(`/api/v1/clients/${nobodysEntry}`), expect: refusedToAll },
	{ route: '/api/v1/clients/[personId]/measurements', operation: 'GET', request: client('/measurements'), expect: clientCall },
	{ route: '/api/v1/clients/[personId]/fhir', operation: 'GET', request: client('/fhir'), expect: clientCall },
	{ route: '/api/v1/clients/[personId]/health-webs', operation: 'GET', request: client('/health-webs'), expect: refusedToAll },
	// A valid body: the linked professional's request is made, nobody else's call leaves a row behind.
	{ route: '/api/v1/clients/[personId]/measurement-requests', operation: 'GET', request: client('/measurement-requests'), expect: clientCall },
	{
		route: '/api/v1/clients/[personId]/measurement-requests',
		operation: 'POST',
		request: clientWith('/measurement-requests', { instrument: 'djg-6' }),
		expect: clientCall,
		unchangedWhenRefused: 'measurement_request'
	},
	{
		route: '/api/v1/clients/[personId]/measurement-requests/[requestId]',
		operation: 'DELETE',
		request: client(`/measurement-requests/${nobodysEntry}`),
		expect: clientCall
	},
	// Ratings and notes need a grant with any scope; valid bodies, so a refused call would show as a new row.
	{ route: '/api/v1/clients/[personId]/self-sufficiency-ratings', operation: 'GET', request: client('/self-sufficiency-ratings'), expect: clientCall },
	{
		route: '/api/v1/clients/[personId]/self-sufficiency-ratings',
		operation: 'POST',
		request: clientWith('/self-sufficiency-ratings', { social_network: { level: 3 } }),
		expect: clientCall,
		unchangedWhenRefused: 'self_sufficiency_rating'
	},
	{ route: '/api/v1/clients/[personId]/notes', operation: 'GET', request: client('/notes'), expect: clientCall },
	{
		route: '/api/v1/clients/[personId]/notes',
		operation: 'POST',
		request: clientWith('/notes', { body: 'Een notitie van de matrix.' }),
		expect: clientCall,
		unchangedWhenRefused: 'conversation_note'
	},
	{ route: '/api/v1/clients/[personId]/notes/[noteId]', operation: 'GET', request: client(`/notes/${nobodysEntry}`), expect: clientCall },
	{ route: '/api/v1/clients/[personId]/notes/[noteId]', operation: 'PATCH', request: clientWith(`/notes/${nobodysEntry}`, { body: 'Nieuw' }), expect: clientCall },
	{ route: '/api/v1/clients/[personId]/notes/[noteId]', operation: 'DELETE', request: client(`/notes/${nobodysEntry}`), expect: clientCall }
];
