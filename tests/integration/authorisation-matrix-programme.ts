/**
 * Authorisation matrix entries: the programme in the JSON API. A person's own programme is theirs alone (every account
 * is a person too, so each signed-in role acts on its own); a client's programme only for the professional the person
 * shares the programme with (the seeded person shares measurements and programme).
 */
import { api, clientRecord, signedInCall, type Expectations, type MatrixEntry } from './authorisation-matrix-presets';
import type { Seed } from './role-fixtures';

const clientCall: Expectations = { ...clientRecord, anonymous: 'unauthenticated' };
/** A person who shares nothing with anyone: nobody gets in. */
const refusedToAll: Expectations = { ...clientCall, linkedProfessional: 'forbidden' };

const me = '/api/v1/me/programme';
const client = (rest = '', json?: unknown) => (s: Seed) => ({ path: `/api/v1/clients/${s.accounts.person.id}/programme${rest}`, json });
const stranger = (rest = '', json?: unknown) => (s: Seed) => ({ path: `/api/v1/clients/${s.accounts.otherPerson.id}/programme${rest}`, json });
const allAnswers = Object.fromEntries(Array.from({ length: 11 }, (_, i) => [String(i + 1), 'more_or_less']));

export const programmeMatrix: MatrixEntry[] = [
	// The person's own: valid bodies, so those let in reach the use-case (a 409 when the state does not allow it).
	{ route: '/api/v1/me/programme', operation: 'GET', request: api(me), expect: signedInCall },
	{ route: '/api/v1/me/programme', operation: 'POST', request: api(me, {}), expect: signedInCall },
	{ route: '/api/v1/me/programme/pause', operation: 'POST', request: api(`${me}/pause`), expect: signedInCall },
	{ route: '/api/v1/me/programme/resume', operation: 'POST', request: api(`${me}/resume`), expect: signedInCall },
	{ route: '/api/v1/me/programme/reminders', operation: 'PUT', request: api(`${me}/reminders`, { reminders: 'none' }), expect: signedInCall },
	{ route: '/api/v1/me/programme/weeks/[week]', operation: 'GET', request: api(`${me}/weeks/1`), expect: signedInCall },
	{ route: '/api/v1/me/programme/weeks/[week]/open', operation: 'POST', request: api(`${me}/weeks/0/open`), expect: signedInCall },
	{ route: '/api/v1/me/programme/weeks/[week]/items/[item]', operation: 'PUT', request: api(`${me}/weeks/0/items/step`, { done: true }), expect: signedInCall },
	{ route: '/api/v1/me/programme/weeks/[week]/check-in', operation: 'PUT', request: api(`${me}/weeks/0/check-in`, { wentWell: 'Een wandeling.' }), expect: signedInCall },
	{ route: '/api/v1/me/programme/weeks/[week]/measurement', operation: 'POST', request: api(`${me}/weeks/0/measurement`, { answers: allAnswers }), expect: signedInCall },
	{ route: '/api/v1/me/programme/plan', operation: 'GET', request: api(`${me}/plan`), expect: signedInCall },
	{ route: '/api/v1/me/programme/plan', operation: 'PUT', request: api(`${me}/plan`, { whatHelps: 'Even naar buiten.' }), expect: signedInCall },
	{ route: '/api/v1/me/programme/plan', operation: 'DELETE', request: api(`${me}/plan`), expect: signedInCall },
	{ route: '/api/v1/me/programme/stop', operation: 'POST', request: api(`${me}/stop`), expect: signedInCall },

	// A client's programme: the professional with the programme scope only; valid bodies, so a refused call would
	// show as a new row.
	{ route: '/api/v1/clients/[personId]/programme', operation: 'GET', request: client(), expect: clientCall },
	{ route: '/api/v1/clients/[personId]/programme', operation: 'GET', variant: 'a person who shares with nobody', request: stranger(), expect: refusedToAll },
	{
		route: '/api/v1/clients/[personId]/programme',
		operation: 'POST',
		request: client('', { welcome: 'Welkom bij het programma.' }),
		expect: clientCall,
		unchangedWhenRefused: 'programme_enrolment'
	},
	{
		route: '/api/v1/clients/[personId]/programme',
		operation: 'POST',
		variant: 'a person who shares with nobody',
		request: stranger('', { welcome: 'Welkom.' }),
		expect: refusedToAll,
		unchangedWhenRefused: 'programme_enrolment'
	},
	{
		route: '/api/v1/clients/[personId]/programme/messages',
		operation: 'POST',
		request: client('/messages', { body: 'Goed bezig deze week.' }),
		expect: clientCall,
		unchangedWhenRefused: 'programme_message'
	},
	{ route: '/api/v1/clients/[personId]/programme/weeks/[week]', operation: 'PUT', request: client('/weeks/2', { discussFirst: false }), expect: clientCall },
	{
		route: '/api/v1/clients/[personId]/programme/weeks/[week]',
		operation: 'PUT',
		variant: 'a person who shares with nobody',
		request: stranger('/weeks/2', { discussFirst: true }),
		expect: refusedToAll
	},
	{ route: '/api/v1/clients/[personId]/programme/weeks/[week]/conversation-held', operation: 'POST', request: client('/weeks/2/conversation-held'), expect: clientCall }
];
