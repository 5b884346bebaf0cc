/**
 * Authorisation matrix entries: a client's programme page for the professional. Only the professional the person
 * shares the programme with (the seeded person shares measurements and programme); every visit is an audited read.
 * Actions refuse by themselves (no layout runs): 401 without an account instead of the sign-in page. Their bodies are
 * refused by the schemas (400) once let in, so the outcome never depends on whether a programme runs (that is 409).
 */
import { clientRecord, type Expectations, type MatrixEntry } from './authorisation-matrix-presets';
import type { Seed } from './role-fixtures';

const route = '/(professional)/werk/clienten/[id]/programma';
const path = (s: Seed) => `/nl/werk/clienten/${s.accounts.person.id}/programma`;
const strangerPath = (s: Seed) => `/nl/werk/clienten/${s.accounts.otherPerson.id}/programma`;
const programmeAction: Expectations = { ...clientRecord, anonymous: 'unauthenticated' };
const tooLong = 'Welkom! '.repeat(100);
/** A person who shares nothing with anyone: nobody gets in. */
const refusedToAll: Expectations = { ...programmeAction, linkedProfessional: 'forbidden' };

export const programmeProfessionalMatrix: MatrixEntry[] = [
	{ route, operation: 'GET', request: (s) => ({ path: path(s) }), expect: clientRecord },
	{ route, operation: 'GET', variant: 'a person who shares with nobody', request: (s) => ({ path: strangerPath(s) }), expect: { ...clientRecord, linkedProfessional: 'forbidden' } },
	{
		route,
		operation: '?/start',
		request: (s) => ({ path: path(s), form: { welcome: tooLong } }),
		expect: programmeAction,
		unchangedWhenRefused: 'programme_enrolment'
	},
	{
		route,
		operation: '?/start',
		variant: 'a person who shares with nobody',
		request: (s) => ({ path: strangerPath(s), form: { welcome: tooLong } }),
		expect: refusedToAll,
		unchangedWhenRefused: 'programme_enrolment'
	},
	{
		route,
		operation: '?/message',
		request: (s) => ({ path: path(s), form: { body: '' } }),
		expect: programmeAction,
		unchangedWhenRefused: 'programme_message'
	},
	{ route, operation: '?/discuss', request: (s) => ({ path: path(s), form: { week: 'tien', discussFirst: 'off' } }), expect: programmeAction },
	{ route, operation: '?/held', request: (s) => ({ path: path(s), form: { week: '10' } }), expect: programmeAction }
];
