/**
 * Authorisation matrix entries: a person's own side of group trainings. Every signed-in account is a person too and
 * acts on its own place; a group nobody in the seed is in is "not found" for everyone (the same answer as a group
 * someone else is in, so ids cannot be probed). The stop link's token is the only key.
 */
import { action, all, nobodysEntry, notYoursPage, page, signedInPage, type MatrixEntry } from './authorisation-matrix-presets';

const stopToken = `${nobodysEntry}.${'A'.repeat(32)}`;
const group = `/groep/${nobodysEntry}`;

export const groupPersonMatrix: MatrixEntry[] = [
	{ route: '/(public)/groep/herinneringen/[token]', operation: 'GET', request: page(`/groep/herinneringen/${stopToken}`), expect: all('not-found') },
	{ route: '/(public)/groep/herinneringen/[token]', operation: '?/default', request: action(`/groep/herinneringen/${stopToken}`), expect: all('not-found') },
	{ route: '/(person)/groep', operation: 'GET', request: page('/groep'), expect: signedInPage },
	{ route: '/(person)/groep', operation: '?/join', request: action('/groep'), expect: signedInPage },
	{ route: '/(person)/groep/[id]', operation: 'GET', request: page(group), expect: notYoursPage },
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
	}
];
