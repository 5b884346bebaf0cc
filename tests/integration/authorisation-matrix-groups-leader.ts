/**
 * Authorisation matrix entries: the leader's side of group trainings. Group G (role-fixtures.ts) is led by
 * `groupLeader`; organisation A's admin manages it (settings, sessions, codes) but never sees a participant or the
 * session in the room, and A's other professionals see nothing of it. The group pages admit professionals and admins. Actions are sent with forms that stop short of a change (a missing field,
 * a session of nobody), except making a code and archiving the spare group.
 */
import {
	action,
	api,
	nobodysEntry,
	organisationACall,
	professionalCall,
	professionalPage,
	type Expectations,
	type MatrixEntry
} from './authorisation-matrix-presets';
import type { Seed } from './role-fixtures';

/** The group's own pages: its leader only. */
const leaderPage: Expectations = { ...professionalPage, linkedProfessional: 'forbidden', unlinkedProfessional: 'forbidden' };
/** Actions only a leader takes (attendance, held, notes). */
const leaderCall: Expectations = { ...professionalCall, linkedProfessional: 'forbidden', unlinkedProfessional: 'forbidden' };
/** Managing the group (settings, sessions, codes): its leader and the organisation's admin. */
const managerCall: Expectations = { ...leaderCall, ownAdmin: 'allow' };
const managerPage: Expectations = { ...leaderPage, ownAdmin: 'allow' };
/** The list of groups and a new group: professionals and admins, each for their own organisations. */
const groupsPage: Expectations = { ...professionalPage, otherAdmin: 'allow', ownAdmin: 'allow' };
const groupsCall: Expectations = { ...professionalCall, otherAdmin: 'allow', ownAdmin: 'allow' };

const group = (s: Seed, rest = '') => `/nl/werk/groepen/${s.group.id}${rest}`;
const at = (path: (s: Seed) => string, form: Record<string, string> = {}) => (s: Seed) => ({ path: path(s), form });
const session = (s: Seed) => group(s, `/${s.group.sessionIds[0]}`);
const nobodysSession = (s: Seed) => group(s, `/${nobodysEntry}`);
const sessions = (s: Seed) => group(s, '/bijeenkomsten');

const page = (route: string, path: (s: Seed) => string, expect: Expectations = leaderPage): MatrixEntry => ({ route, operation: 'GET', request: (s) => ({ path: path(s) }), expect });

const groupRoute = '/(groups)/werk/groepen/[id]';
const sessionRoute = '/(groups)/werk/groepen/[id]/[sessionId]';
const sessionsRoute = '/(groups)/werk/groepen/[id]/bijeenkomsten';
const codeRoute = '/(groups)/werk/groepen/[id]/code';

export const groupLeaderMatrix: MatrixEntry[] = [
	page('/(groups)/werk/groepen', () => '/nl/werk/groepen', groupsPage),
	page('/(groups)/werk/groepen/nieuw', () => '/nl/werk/groepen/nieuw', groupsPage),
	{ route: '/(groups)/werk/groepen/nieuw', operation: '?/default', request: action('/werk/groepen/nieuw'), expect: groupsCall, unchangedWhenRefused: 'group_training' },
	page(groupRoute, (s) => group(s), managerPage),
	{
		route: groupRoute,
		operation: 'GET',
		variant: 'a group of nobody',
		request: () => ({ path: `/nl/werk/groepen/${nobodysEntry}` }),
		expect: { ...leaderPage, groupLeader: 'forbidden', otherAdmin: 'forbidden' }
	},
	{ route: groupRoute, operation: '?/update', request: at((s) => group(s)), expect: managerCall },
	{ route: groupRoute, operation: '?/archive', request: (s) => ({ path: `/nl/werk/groepen/${s.group.spareId}`, form: {} }), expect: managerCall },
	{ route: groupRoute, operation: '?/code', request: at((s) => group(s)), expect: managerCall },
	{ route: groupRoute, operation: '?/revoke', request: at((s) => group(s), { code: nobodysEntry }), expect: managerCall },
	page(sessionsRoute, sessions, managerPage),
	{ route: sessionsRoute, operation: '?/add', request: at(sessions), expect: managerCall },
	{ route: sessionsRoute, operation: '?/move', request: at(sessions, { sessionId: nobodysEntry }), expect: managerCall },
	{ route: sessionsRoute, operation: '?/cancel', request: at(sessions, { sessionId: nobodysEntry }), expect: managerCall },
	page(codeRoute, (s) => group(s, '/code'), managerPage),
	{ route: codeRoute, operation: '?/make', request: at((s) => group(s, '/code')), expect: managerCall },
	page(sessionRoute, session),
	{ route: sessionRoute, operation: '?/attend', request: at(nobodysSession, { participantId: nobodysEntry }), expect: leaderCall },
	{ route: sessionRoute, operation: '?/everyone', request: at(nobodysSession), expect: leaderCall },
	{ route: sessionRoute, operation: '?/held', request: at(nobodysSession), expect: leaderCall },
	{ route: sessionRoute, operation: '?/note', request: at(nobodysSession, { participantId: nobodysEntry }), expect: leaderCall },
	{ route: sessionRoute, operation: '?/deleteNote', request: at(nobodysSession, { participantId: nobodysEntry }), expect: leaderCall },
	// The leader's API: the same people as the pages, but answered 401/403 instead of a redirect.
	{ route: '/api/v1/groups', operation: 'GET', request: api('/api/v1/groups'), expect: professionalCall },
	{ route: '/api/v1/groups/[groupId]', operation: 'GET', request: (s) => ({ path: `/api/v1/groups/${s.group.id}` }), expect: leaderCall },
	{ route: '/api/v1/groups/[groupId]/sessions/[sessionId]', operation: 'GET', request: (s) => ({ path: `/api/v1/groups/${s.group.id}/sessions/${s.group.sessionIds[0]}` }), expect: leaderCall },
	// An empty change changes nothing; the answer is the session as its managers see it.
	{ route: '/api/v1/groups/[groupId]/sessions/[sessionId]', operation: 'PATCH', request: (s) => ({ path: `/api/v1/groups/${s.group.id}/sessions/${s.group.sessionIds[0]}`, json: {} }), expect: managerCall },
	{
		route: '/api/v1/groups/[groupId]/sessions/[sessionId]/attendance/[participantId]',
		operation: 'PUT',
		request: (s) => ({ path: `/api/v1/groups/${s.group.id}/sessions/${s.group.sessionIds[0]}/attendance/${s.group.participantIds.person}`, json: {} }),
		expect: leaderCall
	},
	// An admin of A makes a group from the organisation page; an empty form is let in and turned down.
	{
		route: '/(organisation)/organisatie/[id]',
		operation: '?/createGroup',
		request: (s) => ({ path: `/nl/organisatie/${s.organisationA}`, form: {} }),
		expect: organisationACall,
		unchangedWhenRefused: 'group_training'
	}
];
