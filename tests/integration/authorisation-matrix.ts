/**
 * Who may do what: every route and API endpoint (each method, each form action) × every role, with the expected
 * outcome. Data only; authorisation-matrix.test.ts sends each request to the built app and fails for a route in
 * src/routes that is missing here.
 *
 * Outcomes:
 * - 'allow': authorisation passed. Pages: 200, or a redirect that is not to sign-in or to two-step sign-in. Form
 *   actions: success, a redirect as above, or a validation failure (400/404: the request was read, so it was let in).
 *   API: any status except 401 and 403.
 * - 'sign-in': 303 to /nl/account/inloggen?terug=<this path>.
 * - 'forbidden': 403.
 * - 'unauthenticated': 401 (problem+json on the API).
 * - 'not-found': a page or file answers 404: the caller was let in, but the row is not theirs (or nobody's), and
 *   somebody else's row is never told apart from one that does not exist.
 *
 * Form actions are posted as `use:enhance` does (Accept: application/json). SvelteKit then runs the action alone,
 * without the loads of the page and its layouts, so only the action's own check (the use-case's policy call) stands
 * between the caller and the data. Bodies are empty or minimal, so an allowed call changes nothing or next to nothing.
 */
import {
	action,
	adminPage,
	all,
	api,
	clientRecord,
	everyone,
	nobodysEntry,
	notYoursPage,
	organisationA,
	organisationACall,
	page,
	professionalCall,
	professionalPage,
	signedInCall,
	signedInPage,
	type MatrixEntry
} from './authorisation-matrix-presets';
import { notesMatrix } from './authorisation-matrix-notes';
import { professionalApiMatrix } from './authorisation-matrix-professional-api';
import { programmeMatrix } from './authorisation-matrix-programme';
import { groupPersonMatrix } from './authorisation-matrix-groups-person';
import { groupLeaderMatrix } from './authorisation-matrix-groups-leader';
import { programmeProfessionalMatrix } from './authorisation-matrix-programme-professional';

export type { Expectations, MatrixEntry, Operation, Outcome, RequestSpec } from './authorisation-matrix-presets';

export const matrix: MatrixEntry[] = [
	// Public pages.
	{ route: '/(public)', operation: 'GET', request: () => ({ path: '/nl' }), expect: everyone },
	{ route: '/(public)/over', operation: 'GET', request: page('/over'), expect: everyone },
	{ route: '/(public)/privacy', operation: 'GET', request: page('/privacy'), expect: everyone },
	{ route: '/(public)/hulp', operation: 'GET', request: page('/hulp'), expect: everyone },
	// Display settings live in a cookie of the browser: for everyone, signed in or not.
	{ route: '/(public)/weergave', operation: 'GET', request: page('/weergave'), expect: everyone },
	{ route: '/(public)/weergave', operation: '?/default', request: action('/weergave', { textSize: '150' }), expect: everyone },
	// Self-help content and the pattern check are open to everyone; the check stores nothing.
	{ route: '/(public)/oefeningen', operation: 'GET', request: page('/oefeningen'), expect: everyone },
	{ route: '/(public)/oefeningen/[id]', operation: 'GET', request: page('/oefeningen/journal'), expect: everyone },
	// Keeping what you did needs an account; the exercise itself does not.
	{ route: '/(public)/oefeningen/[id]', operation: '?/journal', request: action('/oefeningen/journal'), expect: signedInPage },
	{ route: '/(public)/oefeningen/[id]', operation: '?/thought', request: action('/oefeningen/thought-check'), expect: signedInPage },
	{ route: '/(public)/oefeningen/[id]', operation: '?/kind', request: action('/oefeningen/kind-moments'), expect: signedInPage },
	{ route: '/(public)/oefeningen/[id]', operation: '?/plan', request: action('/oefeningen/one-small-step'), expect: signedInPage },
	{ route: '/(public)/oefeningen/[id]', operation: '?/done', request: action('/oefeningen/breathing'), expect: signedInPage },
	{ route: '/(public)/woordenlijst', operation: 'GET', request: page('/woordenlijst'), expect: everyone },
	{ route: '/(public)/woordenlijst/[id]', operation: 'GET', request: page('/woordenlijst/mindfulness'), expect: everyone },
	{ route: '/(public)/stappen', operation: 'GET', request: page('/stappen?kring=friends&moeite=1'), expect: everyone },
	{ route: '/(public)/patronen', operation: 'GET', request: page('/patronen'), expect: everyone },
	{ route: '/(public)/patronen', operation: '?/score', request: action('/patronen'), expect: everyone },
	{ route: '/(public)/patronen', operation: '?/keep', request: action('/patronen'), expect: everyone },
	{ route: '/(public)/patronen/uitslag', operation: 'GET', request: page('/patronen/uitslag'), expect: everyone },
	{ route: '/(public)/patronen/uitslag', operation: '?/clear', request: action('/patronen/uitslag'), expect: everyone },
	{ route: '/(public)/test', operation: 'GET', request: page('/test'), expect: everyone },
	{ route: '/(public)/test/uitslag', operation: 'GET', request: page('/test/uitslag'), expect: everyone },
	{ route: '/(public)/test/uitslag', operation: '?/score', request: action('/test/uitslag'), expect: everyone },
	{ route: '/(public)/test/uitslag', operation: '?/save', request: action('/test/uitslag'), expect: everyone },
	{ route: '/(public)/test/uitslag', operation: '?/clear', request: action('/test/uitslag'), expect: everyone },
	{ route: '/(public)/uitslag/[token]', operation: 'GET', request: (s) => ({ path: `/nl/uitslag/${s.resultToken}` }), expect: everyone },
	// Claiming moves the result into the account and deleting removes it: each call gets a result of its own.
	{
		route: '/(public)/uitslag/[token]',
		operation: '?/claim',
		request: async (s) => ({ path: `/nl/uitslag/${await s.newResultToken()}`, form: {} }),
		expect: signedInPage
	},
	// The personal link is the key: whoever holds it may delete the result, signed in or not.
	{
		route: '/(public)/uitslag/[token]',
		operation: '?/delete',
		request: async (s) => ({ path: `/nl/uitslag/${await s.newResultToken()}`, form: {} }),
		expect: everyone
	},
	{ route: '/(public)/account/registreren', operation: 'GET', request: page('/account/registreren'), expect: everyone },
	{ route: '/(public)/account/registreren', operation: '?/default', request: action('/account/registreren'), expect: everyone },
	{ route: '/(public)/account/inloggen', operation: 'GET', request: page('/account/inloggen'), expect: everyone },
	{ route: '/(public)/account/inloggen', operation: '?/default', request: action('/account/inloggen'), expect: everyone },
	{ route: '/(public)/account/inloggen/code', operation: 'GET', request: page('/account/inloggen/code'), expect: everyone },
	{ route: '/(public)/account/inloggen/code', operation: '?/default', request: action('/account/inloggen/code'), expect: everyone },
	{ route: '/(public)/account/bevestigen', operation: 'GET', request: page('/account/bevestigen'), expect: everyone },
	{ route: '/(public)/account/bevestigen', operation: '?/default', request: action('/account/bevestigen'), expect: everyone },
	{ route: '/(public)/account/wachtwoord-vergeten', operation: 'GET', request: page('/account/wachtwoord-vergeten'), expect: everyone },
	{ route: '/(public)/account/wachtwoord-vergeten', operation: '?/default', request: action('/account/wachtwoord-vergeten'), expect: everyone },
	{ route: '/(public)/account/nieuw-wachtwoord', operation: 'GET', request: page('/account/nieuw-wachtwoord'), expect: everyone },
	{ route: '/(public)/account/nieuw-wachtwoord', operation: '?/default', request: action('/account/nieuw-wachtwoord'), expect: everyone },
	// The setup token is the key here, not an account.
	{ route: '/(public)/installatie', operation: 'GET', request: page('/installatie'), expect: everyone },
	{ route: '/(public)/installatie', operation: '?/default', request: action('/installatie'), expect: everyone },
	{ route: '/(public)/uitnodiging/[token]', operation: 'GET', request: (s) => ({ path: `/nl/uitnodiging/${s.memberInvitationToken}` }), expect: everyone },
	// Accepting needs an account (for another address it is refused as a failure: nobody here is the invitee).
	{
		route: '/(public)/uitnodiging/[token]',
		operation: '?/accept',
		request: (s) => ({ path: `/nl/uitnodiging/${s.memberInvitationToken}`, form: {} }),
		expect: signedInCall
	},
	{ route: '/(public)/uitnodiging/[token]', operation: '?/join', request: (s) => ({ path: `/nl/uitnodiging/${s.memberInvitationToken}`, form: {} }), expect: everyone },
	// The stop link in programme reminders: the token is the only key; one that belongs to no enrolment is a 404.
	{ route: '/(public)/programma/herinneringen/[token]', operation: 'GET', request: page(`/programma/herinneringen/${nobodysEntry}.${'A'.repeat(32)}`), expect: all('not-found') },
	{ route: '/(public)/programma/herinneringen/[token]', operation: '?/default', request: action(`/programma/herinneringen/${nobodysEntry}.${'A'.repeat(32)}`), expect: all('not-found') },

	// A person's own pages.
	{ route: '/(person)/account', operation: 'GET', request: page('/account'), expect: signedInPage },
	{ route: '/(person)/account', operation: '?/signOut', request: action('/account'), expect: signedInPage, session: 'throwaway' },
	// Ending every session of an account needs to know the account.
	{ route: '/(person)/account', operation: '?/signOutEverywhere', request: action('/account'), expect: signedInPage, session: 'throwaway' },
	// The overview: a person's own things only (the use-cases check the account again).
	{ route: '/(person)/overzicht', operation: 'GET', request: page('/overzicht'), expect: signedInPage },
	{ route: '/(person)/overzicht', operation: '?/keepCheck', request: action('/overzicht'), expect: signedInPage },
	{ route: '/(person)/overzicht', operation: '?/forgetCheck', request: action('/overzicht'), expect: signedInPage },
	{ route: '/(person)/overzicht', operation: '?/stepDone', request: action('/overzicht'), expect: signedInPage },
	{ route: '/(person)/overzicht', operation: '?/discuss', request: action('/overzicht'), expect: signedInPage },
	{ route: '/(person)/overzicht', operation: '?/delete', request: action('/overzicht'), expect: signedInPage },
	{ route: '/(person)/overzicht', operation: '?/momentOutcome', request: action('/overzicht', { moment: nobodysEntry, happened: 'no' }), expect: signedInPage },
	// Questionnaires a professional asked for, and the person's own result: an id of nobody is "not found".
	{ route: '/(person)/metingen/[id]', operation: 'GET', request: page(`/metingen/${nobodysEntry}`), expect: notYoursPage },
	{ route: '/(person)/metingen/[id]', operation: '?/default', request: action(`/metingen/${nobodysEntry}`), expect: signedInPage },
	{ route: '/(person)/metingen/uitslag/[id]', operation: 'GET', request: page(`/metingen/uitslag/${nobodysEntry}`), expect: notYoursPage },
	// The health web: a person's own.
	{ route: '/(person)/gezondheidsweb', operation: 'GET', request: page('/gezondheidsweb'), expect: signedInPage },
	{ route: '/(person)/gezondheidsweb', operation: '?/save', request: action('/gezondheidsweb'), expect: signedInPage },
	{ route: '/(person)/gezondheidsweb', operation: '?/delete', request: action('/gezondheidsweb', { id: nobodysEntry }), expect: signedInPage },
	// The programme: a person's own enrolment, weeks and plan (the use-cases check the account again).
	{ route: '/(person)/programma', operation: 'GET', request: page('/programma'), expect: signedInPage },
	{ route: '/(person)/programma', operation: '?/start', request: action('/programma', { reminders: 'none' }), expect: signedInPage },
	{ route: '/(person)/programma', operation: '?/pause', request: action('/programma'), expect: signedInPage },
	{ route: '/(person)/programma', operation: '?/resume', request: action('/programma'), expect: signedInPage },
	{ route: '/(person)/programma', operation: '?/stop', request: action('/programma'), expect: signedInPage },
	{ route: '/(person)/programma', operation: '?/reminders', request: action('/programma', { reminders: 'none' }), expect: signedInPage },
	{ route: '/(person)/programma/week/[week]', operation: 'GET', request: page('/programma/week/0'), expect: signedInPage },
	{ route: '/(person)/programma/week/[week]', operation: '?/item', request: action('/programma/week/1', { item: 'step', done: 'on' }), expect: signedInPage },
	{ route: '/(person)/programma/week/[week]', operation: '?/checkIn', request: action('/programma/week/1', { wentWell: 'Een wandeling.' }), expect: signedInPage },
	{ route: '/(person)/programma/week/[week]', operation: '?/measure', request: action('/programma/week/1'), expect: signedInPage },
	{ route: '/(person)/programma/plan', operation: 'GET', request: page('/programma/plan'), expect: signedInPage },
	{ route: '/(person)/programma/plan', operation: '?/save', request: action('/programma/plan', { restartSteps: 'no-such-step' }), expect: signedInPage },
	// The relationship map. Rows are somebody's own: an id of nobody (or of somebody else) is "not found" for all.
	{ route: '/(person)/mensen', operation: 'GET', request: page('/mensen'), expect: signedInPage },
	{ route: '/(person)/mensen/nieuw', operation: 'GET', request: page('/mensen/nieuw'), expect: signedInPage },
	{ route: '/(person)/mensen/nieuw', operation: '?/default', request: action('/mensen/nieuw'), expect: signedInPage },
	{ route: '/(person)/mensen/[id]', operation: 'GET', request: page(`/mensen/${nobodysEntry}`), expect: notYoursPage },
	{ route: '/(person)/mensen/[id]', operation: '?/contact', request: action(`/mensen/${nobodysEntry}`, { feeling: '4', kind: 'call' }), expect: signedInPage },
	{ route: '/(person)/mensen/[id]', operation: '?/plan', request: action(`/mensen/${nobodysEntry}`), expect: signedInPage },
	{ route: '/(person)/mensen/[id]', operation: '?/move', request: action(`/mensen/${nobodysEntry}`), expect: signedInPage },
	{ route: '/(person)/mensen/[id]', operation: '?/outcome', request: action(`/mensen/${nobodysEntry}`, { moment: nobodysEntry, happened: 'no' }), expect: signedInPage },
	{ route: '/(person)/mensen/[id]', operation: '?/deleteContact', request: action(`/mensen/${nobodysEntry}`, { id: nobodysEntry }), expect: signedInPage },
	{ route: '/(person)/mensen/[id]', operation: '?/deletePlan', request: action(`/mensen/${nobodysEntry}`, { id: nobodysEntry }), expect: signedInPage },
	{ route: '/(person)/mensen/[id]', operation: '?/delete', request: action(`/mensen/${nobodysEntry}`), expect: signedInPage },
	{ route: '/(person)/mensen/[id]/bewerken', operation: 'GET', request: page(`/mensen/${nobodysEntry}/bewerken`), expect: notYoursPage },
	{ route: '/(person)/mensen/[id]/bewerken', operation: '?/default', request: action(`/mensen/${nobodysEntry}/bewerken`), expect: signedInPage },
	{ route: '/(person)/mensen/afspraak/[id]', operation: 'GET', request: page(`/mensen/afspraak/${nobodysEntry}`), expect: notYoursPage },
	{ route: '/(person)/mensen/agenda', operation: 'GET', request: page('/mensen/agenda'), expect: signedInPage },
	// Each account that is let in makes (or renews) its own feed; stopping one that is not there is "not found".
	{ route: '/(person)/mensen/agenda', operation: '?/start', request: action('/mensen/agenda'), expect: signedInPage },
	{ route: '/(person)/mensen/agenda', operation: '?/stop', request: action('/mensen/agenda'), expect: signedInPage },
	// The calendar feed: the token is the only key, for everyone alike; a token of nobody is "not found".
	{ route: '/agenda/[token]', operation: 'GET', request: () => ({ path: `/agenda/${'A'.repeat(43)}.ics` }), expect: all('not-found') },
	{ route: '/(person)/account/gegevens', operation: 'GET', request: page('/account/gegevens'), expect: signedInPage },
	{ route: '/(person)/account/gegevens/download', operation: 'GET', request: page('/account/gegevens/download'), expect: signedInPage },
	{ route: '/(person)/account/tweestaps', operation: 'GET', request: page('/account/tweestaps'), expect: signedInPage },
	// Without a password (start, off) or a code (confirm) nothing changes for those let in.
	{ route: '/(person)/account/tweestaps', operation: '?/start', request: action('/account/tweestaps'), expect: signedInPage },
	{ route: '/(person)/account/tweestaps', operation: '?/confirm', request: action('/account/tweestaps'), expect: signedInPage },
	{ route: '/(person)/account/tweestaps', operation: '?/off', request: action('/account/tweestaps'), expect: signedInPage },
	{ route: '/(person)/account/verwijderen', operation: 'GET', request: page('/account/verwijderen'), expect: signedInPage },
	{
		route: '/(person)/account/verwijderen',
		operation: '?/default',
		request: action('/account/verwijderen'),
		expect: signedInPage,
		last: true
	},
	{ route: '/(person)/account/koppelen', operation: 'GET', request: page('/account/koppelen'), expect: signedInPage },
	{ route: '/(person)/account/koppelen', operation: '?/accept', request: action('/account/koppelen'), expect: signedInPage },
	{ route: '/(person)/account/delen', operation: 'GET', request: page('/account/delen'), expect: signedInPage },
	// A valid form, so the check is reached; the grant has ended, so it is "not found" for everyone let in.
	{
		route: '/(person)/account/delen',
		operation: '?/change',
		request: (s) => ({ path: '/nl/account/delen', form: { grant: s.endedGrantId, scopes: 'measurements' } }),
		expect: signedInPage,
		unchangedWhenRefused: 'consent_grant'
	},
	// An ended grant: nothing to withdraw, so "not found" for everyone let in.
	{ route: '/(person)/account/delen', operation: '?/withdraw', request: (s) => ({ path: '/nl/account/delen', form: { grant: s.endedGrantId } }), expect: signedInPage },
	// Counting in the figures of an organisation nobody here has a grant with: "not found" for everyone let in.
	{ route: '/(person)/account/delen', operation: '?/counting', request: (s) => ({ path: '/nl/account/delen', form: { organisation: s.organisationB, on: 'yes' } }), expect: signedInPage },
	{ route: '/(person)/account/inzage', operation: 'GET', request: page('/account/inzage'), expect: signedInPage },
	{ route: '/(person)/account/api-sleutels', operation: 'GET', request: page('/account/api-sleutels'), expect: signedInPage },
	// A valid label, so the check is reached (an empty one is turned down before it): each account gets a key.
	{
		route: '/(person)/account/api-sleutels',
		operation: '?/create',
		request: action('/account/api-sleutels', { label: 'autorisatiematrix' }),
		expect: signedInPage,
		unchangedWhenRefused: 'api_token'
	},
	{ route: '/(person)/account/api-sleutels', operation: '?/revoke', request: action('/account/api-sleutels'), expect: signedInPage },

	// Work pages of professionals.
	{ route: '/(professional)/werk/clienten', operation: 'GET', request: page('/werk/clienten'), expect: professionalPage },
	// The leader of a group the person is in opens the client page too (it shows them the group part only).
	{
		route: '/(professional)/werk/clienten/[id]',
		operation: 'GET',
		request: (s) => ({ path: `/nl/werk/clienten/${s.accounts.person.id}` }),
		expect: { ...clientRecord, groupLeader: 'allow' }
	},
	{
		route: '/(professional)/werk/clienten/[id]',
		operation: 'GET',
		variant: 'a person who shares with nobody',
		request: (s) => ({ path: `/nl/werk/clienten/${s.accounts.otherPerson.id}` }),
		expect: { ...clientRecord, linkedProfessional: 'forbidden' }
	},
	// Asking a client for a questionnaire: only the professional the person shares measurements with. An empty form
	// is let in and turned down (no questionnaire chosen); withdrawing an id of nobody is "not found".
	{
		route: '/(professional)/werk/clienten/[id]',
		operation: '?/request',
		request: (s) => ({ path: `/nl/werk/clienten/${s.accounts.person.id}`, form: {} }),
		expect: { ...clientRecord, anonymous: 'unauthenticated' }
	},
	{
		route: '/(professional)/werk/clienten/[id]',
		operation: '?/cancelRequest',
		request: (s) => ({ path: `/nl/werk/clienten/${s.accounts.person.id}`, form: { id: nobodysEntry } }),
		expect: { ...clientRecord, anonymous: 'unauthenticated' }
	},
	// The self-sufficiency rating and the conversation view: only the professional the person shares with.
	{ route: '/(professional)/werk/clienten/[id]/zelfredzaamheid', operation: 'GET', request: (s) => ({ path: `/nl/werk/clienten/${s.accounts.person.id}/zelfredzaamheid` }), expect: clientRecord },
	{
		route: '/(professional)/werk/clienten/[id]/zelfredzaamheid',
		operation: '?/rate',
		request: (s) => ({ path: `/nl/werk/clienten/${s.accounts.person.id}/zelfredzaamheid`, form: {} }),
		expect: { ...clientRecord, anonymous: 'unauthenticated' }
	},
	// Exports of a client's measurements: endpoints, not pages, so no sign-in redirect: 401 without an account.
	{
		route: '/(professional)/werk/clienten/[id]/metingen.csv',
		operation: 'GET',
		request: (s) => ({ path: `/nl/werk/clienten/${s.accounts.person.id}/metingen.csv` }),
		expect: { ...clientRecord, anonymous: 'unauthenticated' }
	},
	{
		route: '/(professional)/werk/clienten/[id]/fhir',
		operation: 'GET',
		request: (s) => ({ path: `/nl/werk/clienten/${s.accounts.person.id}/fhir` }),
		expect: { ...clientRecord, anonymous: 'unauthenticated' }
	},
	{ route: '/(professional)/werk/clienten/[id]/gesprek', operation: 'GET', request: (s) => ({ path: `/nl/werk/clienten/${s.accounts.person.id}/gesprek` }), expect: clientRecord },
	{ route: '/(professional)/werk/uitnodigen', operation: 'GET', request: page('/werk/uitnodigen'), expect: professionalPage },
	// An empty form is a valid one (no address: the code is handed over in person), so a professional makes one.
	{
		route: '/(professional)/werk/uitnodigen',
		operation: '?/create',
		request: action('/werk/uitnodigen'),
		expect: professionalCall,
		unchangedWhenRefused: 'client_invitation'
	},
	{ route: '/(professional)/werk/uitnodigen', operation: '?/revoke', request: action('/werk/uitnodigen'), expect: professionalCall },
	// The knowledge base: content for professionals, no client data.
	{ route: '/(professional)/werk/kennis', operation: 'GET', request: page('/werk/kennis'), expect: professionalPage },
	{ route: '/(professional)/werk/kennis/[id]', operation: 'GET', request: page('/werk/kennis/lonely-brain'), expect: professionalPage },

	// Organisation pages of admins.
	{ route: '/(organisation)/organisatie', operation: 'GET', request: page('/organisatie'), expect: adminPage },
	{ route: '/(organisation)/organisatie/[id]', operation: 'GET', request: (s) => ({ path: `/nl/organisatie/${s.organisationA}` }), expect: organisationA },
	{
		route: '/(organisation)/organisatie/[id]',
		operation: 'GET',
		variant: 'the other organisation',
		request: (s) => ({ path: `/nl/organisatie/${s.organisationB}` }),
		expect: { ...organisationA, otherAdmin: 'allow', ownAdmin: 'forbidden' }
	},
	// The admin's own address and role: a valid form that the use-case turns down as "already a member".
	{
		route: '/(organisation)/organisatie/[id]',
		operation: '?/invite',
		request: (s) => ({ path: `/nl/organisatie/${s.organisationA}`, form: { email: s.accounts.ownAdmin.email, role: 'admin' } }),
		expect: organisationACall,
		unchangedWhenRefused: 'organisation_invitation'
	},
	{ route: '/(organisation)/organisatie/[id]', operation: '?/revoke', request: (s) => ({ path: `/nl/organisatie/${s.organisationA}`, form: {} }), expect: organisationACall },
	{
		route: '/(organisation)/organisatie/[id]',
		operation: '?/remove',
		request: (s) => ({ path: `/nl/organisatie/${s.organisationA}`, form: {} }),
		expect: organisationACall,
		unchangedWhenRefused: 'membership'
	},

	// Public API and machine endpoints.
	{ route: '/healthz', operation: 'GET', request: api('/healthz'), expect: everyone },
	{ route: '/weergave.css', operation: 'GET', request: api('/weergave.css'), expect: everyone },
	{ route: '/api/openapi.json', operation: 'GET', request: api('/api/openapi.json'), expect: everyone },
	{ route: '/api/v1/instruments', operation: 'GET', request: api('/api/v1/instruments'), expect: everyone },
	{ route: '/api/v1/instruments/[id]', operation: 'GET', request: api('/api/v1/instruments/djg-11'), expect: everyone },
	{ route: '/api/v1/instruments/[id]/score', operation: 'POST', request: api('/api/v1/instruments/djg-11/score', {}), expect: everyone },

	// The personal API.
	{ route: '/api/v1/me/consents', operation: 'GET', request: api('/api/v1/me/consents'), expect: signedInCall },
	{ route: '/api/v1/me/consents', operation: 'POST', request: api('/api/v1/me/consents', {}), expect: signedInCall, unchangedWhenRefused: 'consent_grant' },
	// The ended grant: a current one would really be withdrawn, and the linked professional is needed further on.
	// Anyone signed in gets "not found" for a grant that is not one of their current ones.
	{ route: '/api/v1/me/consents/[id]', operation: 'PATCH', request: (s) => ({ path: `/api/v1/me/consents/${s.endedGrantId}`, json: {} }), expect: signedInCall },
	{ route: '/api/v1/me/consents/[id]', operation: 'DELETE', request: (s) => ({ path: `/api/v1/me/consents/${s.endedGrantId}` }), expect: signedInCall },
	// A person's own self-help entries. New ones are posted empty (422 for those let in, so nothing is made); one entry
	// is asked for by an id of nobody's, with a valid body, so those let in reach the use-case and get 404.
	{ route: '/api/v1/me/journal', operation: 'GET', request: api('/api/v1/me/journal'), expect: signedInCall },
	{ route: '/api/v1/me/journal', operation: 'POST', request: api('/api/v1/me/journal', {}), expect: signedInCall },
	{ route: '/api/v1/me/journal/[id]', operation: 'GET', request: api(`/api/v1/me/journal/${nobodysEntry}`), expect: signedInCall },
	{ route: '/api/v1/me/journal/[id]', operation: 'PUT', request: api(`/api/v1/me/journal/${nobodysEntry}`, { mood: 3 }), expect: signedInCall },
	{ route: '/api/v1/me/journal/[id]', operation: 'PATCH', request: api(`/api/v1/me/journal/${nobodysEntry}`, { discuss: true }), expect: signedInCall },
	{ route: '/api/v1/me/journal/[id]', operation: 'DELETE', request: api(`/api/v1/me/journal/${nobodysEntry}`), expect: signedInCall },
	{ route: '/api/v1/me/thought-checks', operation: 'GET', request: api('/api/v1/me/thought-checks'), expect: signedInCall },
	{ route: '/api/v1/me/thought-checks', operation: 'POST', request: api('/api/v1/me/thought-checks', {}), expect: signedInCall },
	{ route: '/api/v1/me/thought-checks/[id]', operation: 'GET', request: api(`/api/v1/me/thought-checks/${nobodysEntry}`), expect: signedInCall },
	{
		route: '/api/v1/me/thought-checks/[id]',
		operation: 'PUT',
		request: api(`/api/v1/me/thought-checks/${nobodysEntry}`, { situation: 'Thuis', thought: 'Niemand belt', beliefBefore: 50 }),
		expect: signedInCall
	},
	{ route: '/api/v1/me/thought-checks/[id]', operation: 'PATCH', request: api(`/api/v1/me/thought-checks/${nobodysEntry}`, { discuss: true }), expect: signedInCall },
	{ route: '/api/v1/me/thought-checks/[id]', operation: 'DELETE', request: api(`/api/v1/me/thought-checks/${nobodysEntry}`), expect: signedInCall },
	{ route: '/api/v1/me/kind-moments', operation: 'GET', request: api('/api/v1/me/kind-moments'), expect: signedInCall },
	{ route: '/api/v1/me/kind-moments', operation: 'POST', request: api('/api/v1/me/kind-moments', {}), expect: signedInCall },
	{ route: '/api/v1/me/kind-moments/[id]', operation: 'GET', request: api(`/api/v1/me/kind-moments/${nobodysEntry}`), expect: signedInCall },
	{ route: '/api/v1/me/kind-moments/[id]', operation: 'PUT', request: api(`/api/v1/me/kind-moments/${nobodysEntry}`, { body: 'Een groet' }), expect: signedInCall },
	{ route: '/api/v1/me/kind-moments/[id]', operation: 'DELETE', request: api(`/api/v1/me/kind-moments/${nobodysEntry}`), expect: signedInCall },
	{ route: '/api/v1/me/step-plans', operation: 'GET', request: api('/api/v1/me/step-plans'), expect: signedInCall },
	{ route: '/api/v1/me/step-plans', operation: 'POST', request: api('/api/v1/me/step-plans', {}), expect: signedInCall },
	{ route: '/api/v1/me/step-plans/[id]', operation: 'GET', request: api(`/api/v1/me/step-plans/${nobodysEntry}`), expect: signedInCall },
	{ route: '/api/v1/me/step-plans/[id]', operation: 'PATCH', request: api(`/api/v1/me/step-plans/${nobodysEntry}`, { howItWent: 3 }), expect: signedInCall },
	{ route: '/api/v1/me/step-plans/[id]', operation: 'DELETE', request: api(`/api/v1/me/step-plans/${nobodysEntry}`), expect: signedInCall },
	// A person's relationship map, the same way: new relations posted empty; an id of nobody's in the path, with a valid
	// body, gives 404. A relationId of nobody's in a body or query gives 422 for those let in (a wrong field).
	{ route: '/api/v1/me/relations', operation: 'GET', request: api('/api/v1/me/relations'), expect: signedInCall },
	{ route: '/api/v1/me/relations', operation: 'POST', request: api('/api/v1/me/relations', {}), expect: signedInCall },
	{ route: '/api/v1/me/relations/[id]', operation: 'GET', request: api(`/api/v1/me/relations/${nobodysEntry}`), expect: signedInCall },
	{
		route: '/api/v1/me/relations/[id]',
		operation: 'PUT',
		request: api(`/api/v1/me/relations/${nobodysEntry}`, { nickname: 'Els', circle: 'friends' }),
		expect: signedInCall
	},
	{ route: '/api/v1/me/relations/[id]', operation: 'DELETE', request: api(`/api/v1/me/relations/${nobodysEntry}`), expect: signedInCall },
	{
		route: '/api/v1/me/relations/[id]/contact-moments',
		operation: 'GET',
		request: api(`/api/v1/me/relations/${nobodysEntry}/contact-moments`),
		expect: signedInCall
	},
	{
		route: '/api/v1/me/relations/[id]/contact-moments',
		operation: 'POST',
		request: api(`/api/v1/me/relations/${nobodysEntry}/contact-moments`, { kind: 'call', feeling: 3 }),
		expect: signedInCall
	},
	{ route: '/api/v1/me/contact-moments/[id]', operation: 'GET', request: api(`/api/v1/me/contact-moments/${nobodysEntry}`), expect: signedInCall },
	{ route: '/api/v1/me/contact-moments/[id]', operation: 'DELETE', request: api(`/api/v1/me/contact-moments/${nobodysEntry}`), expect: signedInCall },
	{ route: '/api/v1/me/planned-moments', operation: 'GET', request: api(`/api/v1/me/planned-moments?relationId=${nobodysEntry}`), expect: signedInCall },
	{
		route: '/api/v1/me/planned-moments',
		operation: 'POST',
		request: api('/api/v1/me/planned-moments', { relationId: nobodysEntry, day: '2099-01-01', time: '10:00' }),
		expect: signedInCall
	},
	{ route: '/api/v1/me/planned-moments/[id]', operation: 'GET', request: api(`/api/v1/me/planned-moments/${nobodysEntry}`), expect: signedInCall },
	{
		route: '/api/v1/me/planned-moments/[id]',
		operation: 'PUT',
		request: api(`/api/v1/me/planned-moments/${nobodysEntry}`, { day: '2099-01-01', time: '10:00' }),
		expect: signedInCall
	},
	{ route: '/api/v1/me/planned-moments/[id]', operation: 'DELETE', request: api(`/api/v1/me/planned-moments/${nobodysEntry}`), expect: signedInCall },
	{
		route: '/api/v1/me/planned-moments/[id]/outcome',
		operation: 'POST',
		request: api(`/api/v1/me/planned-moments/${nobodysEntry}/outcome`, { happened: false }),
		expect: signedInCall
	},
	{ route: '/api/v1/me/audit-events', operation: 'GET', request: api('/api/v1/me/audit-events'), expect: signedInCall },
	{ route: '/api/v1/me/export', operation: 'GET', request: api('/api/v1/me/export'), expect: signedInCall },
	{ route: '/api/v1/invitations', operation: 'GET', request: api('/api/v1/invitations'), expect: professionalCall },
	// Not an e-mail address: a professional gets 422, so nothing is made.
	{
		route: '/api/v1/invitations',
		operation: 'POST',
		request: api('/api/v1/invitations', { email: 'geen-adres' }),
		expect: professionalCall,
		unchangedWhenRefused: 'client_invitation'
	},
	// A fresh invitation of the linked professional each time: the linked professional really revokes it.
	{
		route: '/api/v1/invitations/[id]',
		operation: 'DELETE',
		request: async (s) => ({ path: `/api/v1/invitations/${await s.newClientInvitationId()}` }),
		expect: professionalCall,
		unchangedWhenRefused: 'client_invitation'
	},
	...notesMatrix,
	...professionalApiMatrix,
	...programmeMatrix,
	...groupPersonMatrix,
	...groupLeaderMatrix,
	...programmeProfessionalMatrix
];
