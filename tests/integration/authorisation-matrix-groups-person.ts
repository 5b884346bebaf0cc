/**
 * Authorisation matrix entries: a person's own side of group trainings. Every signed-in account is a person too and
 * acts on its own place; a group nobody in the seed is in is "not found" for everyone (the same answer as a group
 * someone else is in, so ids cannot be probed); group G is open to its two participants, `person` and `groupMate`,
 * each for their own place. The stop link's token is the only key.
 */
import { action, all, api, nobodysEntry, notYoursPage, page, signedInCall, signedInPage, type MatrixEntry } from './authorisation-matrix-presets';

const stopToken = `${nobodysEntry}.${'A'.repeat(32)}`;
const group = `/groep/${nobodysEntry}`;

export const groupPersonMatrix: MatrixEntry[] = [
	{ route: '/(public)/groep/herinneringen/[token]', operation: 'GET', request: page(`/groep/herinneringen/${stopToken}`), expect: all('not-found') },
	{ route: '/(public)/groep/herinneringen/[token]', operation: '?/default', request: action(`/groep/herinneringen/${stopToken}`), expect: all('not-found') },
	{ route: '/(person)/groep', operation: 'GET', request: page('/groep'), expect: signedInPage },
	{ route: '/(person)/groep', operation: '?/join', request: action('/groep'), expect: signedInPage },
	{ route: '/(person)/groep/[id]', operation: 'GET', request: page(group), expect: notYoursPage },
	// Group G: its two participants see their own place in it; its leader, as a person, has none.
	{
		route: '/(person)/groep/[id]',
		operation: 'GET',
		variant: 'a group two roles are in',
		request: (s) => ({ path: `/nl/groep/${s.group.id}` }),
		expect: { ...notYoursPage, person: 'allow', groupMate: 'allow' }
	},
	// Valid forms, so the check is reached: the person has no place in this group (a failure 404: let in, found nothing).
	{ route: '/(person)/groep/[id]', operation: '?/excuse', request: action(group, { session: nobodysEntry }), expect: signedInPage },
	{ route: '/(person)/groep/[id]', operation: '?/takeBack', request: action(group, { session: nobodysEntry }), expect: signedInPage },
	{ route: '/(person)/groep/[id]', operation: '?/settings', request: action(group, { reminders: 'none' }), expect: signedInPage },
	{ route: '/(person)/groep/[id]', operation: '?/leave', request: action(group), expect: signedInPage, unchangedWhenRefused: 'consent_grant' },
	{ route: '/(person)/groep/[id]/terugblik/[sessionId]', operation: 'GET', request: page(`${group}/terugblik/${nobodysEntry}`), expect: notYoursPage },
	{
		route: '/(person)/groep/[id]/terugblik/[sessionId]',
		operation: '?/default',
		request: action(`${group}/terugblik/${nobodysEntry}`, { welcome: '3', enjoyed: '3', come_again: '3' }),
		expect: notYoursPage
	},
	// The person's API: every account is a person; someone else's group answers 404, as a group of nobody does.
	{ route: '/api/v1/me/groups', operation: 'GET', request: api('/api/v1/me/groups'), expect: signedInCall },
	{ route: '/api/v1/me/groups', operation: 'POST', request: api('/api/v1/me/groups', {}), expect: signedInCall, unchangedWhenRefused: 'consent_grant' },
	{ route: '/api/v1/me/groups/[groupId]', operation: 'GET', request: (s) => ({ path: `/api/v1/me/groups/${s.group.id}` }), expect: signedInCall },
	{ route: '/api/v1/me/groups/[groupId]', operation: 'PATCH', request: (s) => ({ path: `/api/v1/me/groups/${s.group.id}`, json: {} }), expect: signedInCall },
	{ route: '/api/v1/me/groups/[groupId]', operation: 'DELETE', request: api(`/api/v1/me/groups/${nobodysEntry}`), expect: signedInCall, unchangedWhenRefused: 'consent_grant' },
	{ route: '/api/v1/me/groups/[groupId]/sessions/[sessionId]/excuse', operation: 'PUT', request: (s) => ({ path: `/api/v1/me/groups/${s.group.id}/sessions/${nobodysEntry}/excuse` }), expect: signedInCall },
	{ route: '/api/v1/me/groups/[groupId]/sessions/[sessionId]/excuse', operation: 'DELETE', request: (s) => ({ path: `/api/v1/me/groups/${s.group.id}/sessions/${nobodysEntry}/excuse` }), expect: signedInCall },
	{
		route: '/api/v1/me/groups/[groupId]/sessions/[sessionId]/check-in',
		operation: 'PUT',
		request: (s) => ({ path: `/api/v1/me/groups/${s.group.id}/sessions/${s.group.sessionIds[0]}/check-in`, json: {} }),
		expect: signedInCall
	}
];
