/**
 * The professional's part of the OpenAPI document: the caseload and, per client who shares with the caller, the
 * record summary, measurements (also as FHIR), measurement requests, health webs, self-sufficiency ratings and
 * conversation notes. Professionals need two-step sign-in on; a client's data needs that person's active consent
 * (with the scope named per operation). Every read of a client's data is audited: the person sees it.
 * The schemas are in openapi-professional-schemas.ts.
 */
import { jsonBodyProblems, jsonContent, jsonRequest, localeParams, problemResponse, refusals, secured } from './openapi-parts';
import { pathParameter, queryParameters } from './contract';
import { caseloadQuerySchema } from './professional-api';

const personIdParam = pathParameter('personId', 'The account id of a person who shares with you (the caseload lists them)');
const requestIdParam = pathParameter('requestId', 'The id of one of your open measurement requests for this client');
const noteIdParam = pathParameter('noteId', "The id of one of your organisation's conversation notes about this client");

const noConsent = (scope?: string) =>
	problemResponse(
		`Not allowed: not a professional, two-step sign-in off, or no active consent from this person${scope ? ` that shares ${scope}` : ''} (an unknown person id gets the same answer); \`reason\` says which`
	);
/** The door of a client's data: refused without consent, or without the scope the data belongs to. */
const clientRefusals = (scope?: string) => ({ ...refusals, '403': noConsent(scope) });
const missingRequest = problemResponse("Not one of your open requests for this client: unknown, somebody else's or ended (the answer is the same)");
const missingNote = problemResponse("Not one of your organisation's notes about this client: unknown or another's (the answer is the same)");
const noteExample = { day: '2026-03-20', body: 'Gesprek over de buurtkamer; wil het proberen.', summary: 'We spraken af dat je dinsdag naar de buurtkamer gaat.', share: true };

export const professionalPaths = {
	'/api/v1/caseload': {
		get: {
			operationId: 'listCaseload',
			summary: 'Your caseload: clients with the signals that ask for attention first, then the more severe latest result, then name; 50 to a page',
			description: 'Each client on the page is audited as shown to you (client.caseload.read).',
			security: secured,
			parameters: queryParameters(caseloadQuerySchema),
			responses: {
				'200': { description: 'One page of the caseload', content: jsonContent('CaseloadPage') },
				...refusals,
				'422': problemResponse('signal, band, q or page is wrong; invalid-params names it')
			}
		}
	},
	'/api/v1/clients/{personId}': {
		get: {
			operationId: 'getClient',
			summary: 'Who the client is to you, in which organisation, since when, and what they share (audited as opening their record)',
			security: secured,
			parameters: [personIdParam],
			responses: { '200': { description: 'The client', content: jsonContent('ClientSummary') }, ...clientRefusals() }
		}
	},
	'/api/v1/clients/{personId}/measurements': {
		get: {
			operationId: 'listClientMeasurements',
			summary: "The client's loneliness measurements, newest first: scores only (the FHIR export has the answers); audited",
			security: secured,
			parameters: [personIdParam],
			responses: { '200': { description: 'The measurements', content: jsonContent('ClientMeasurementList') }, ...clientRefusals('measurements') }
		}
	},
	'/api/v1/clients/{personId}/fhir': {
		get: {
			operationId: 'exportClientFhir',
			summary: "The client's measurements as a FHIR R4 collection Bundle: brug's Questionnaires and one QuestionnaireResponse per measurement; audited",
			security: secured,
			parameters: [personIdParam, ...localeParams],
			responses: {
				'200': { description: 'The Bundle (FHIR R4, 4.0.1)', content: { 'application/fhir+json': { schema: { $ref: '#/components/schemas/FhirBundle' } } } },
				...clientRefusals('measurements'),
				'400': problemResponse('Unknown locale')
			}
		}
	},
	'/api/v1/clients/{personId}/measurement-requests': {
		get: {
			operationId: 'listMeasurementRequests',
			summary: 'Your questionnaire requests for this client: open ones first by due day, then the 50 newest ended ones',
			security: secured,
			parameters: [personIdParam],
			responses: { '200': { description: 'The requests', content: jsonContent('MeasurementRequestList') }, ...clientRefusals('measurements') }
		},
		post: {
			operationId: 'requestMeasurement',
			summary: 'Ask the client to fill in a scale, once or every few weeks; from the start day on they see it as a task',
			security: secured,
			parameters: [personIdParam],
			requestBody: jsonRequest('MeasurementRequestRequest', { instrument: 'djg-11', startDay: '2026-05-01', repeatWeeks: 4 }),
			responses: {
				'201': { description: 'The new request', content: jsonContent('MeasurementRequest') },
				...clientRefusals('measurements'),
				...jsonBodyProblems
			}
		}
	},
	'/api/v1/clients/{personId}/measurement-requests/{requestId}': {
		delete: {
			operationId: 'cancelMeasurementRequest',
			summary: 'Withdraw one of your open requests; the client no longer sees it',
			security: secured,
			parameters: [personIdParam, requestIdParam],
			responses: { '204': { description: 'Withdrawn' }, ...clientRefusals('measurements'), '404': missingRequest }
		}
	},
	'/api/v1/clients/{personId}/health-webs': {
		get: {
			operationId: 'listClientHealthWebs',
			summary: "The client's health webs (Positive Health), newest first, up to 100; audited",
			security: secured,
			parameters: [personIdParam],
			responses: { '200': { description: 'The health webs', content: jsonContent('HealthWebList') }, ...clientRefusals('health_web') }
		}
	},
	'/api/v1/clients/{personId}/self-sufficiency-ratings': {
		get: {
			operationId: 'listSelfSufficiencyRatings',
			summary: "Your organisation's observed self-sufficiency ratings of this client, newest first, up to 200",
			security: secured,
			parameters: [personIdParam],
			responses: { '200': { description: 'The ratings', content: jsonContent('SelfSufficiencyRatingList') }, ...clientRefusals() }
		},
		post: {
			operationId: 'rateSelfSufficiency',
			summary: 'Rate the client in conversation: per domain a level 1–5, where the strength comes from, and a note (encrypted at rest); skip what you did not discuss',
			security: secured,
			parameters: [personIdParam],
			requestBody: jsonRequest('SelfSufficiencyRatingRequest', { finances: { level: 3, source: 'network' }, social_network: { level: 2, note: 'Weinig contact sinds de verhuizing.' } }),
			responses: {
				'201': { description: 'The new rating', content: jsonContent('SelfSufficiencyRating') },
				...clientRefusals(),
				...jsonBodyProblems,
				'409': problemResponse('Your organisation saved the same rating of this client less than a minute ago (a repeated call); nothing was stored')
			}
		}
	},
	'/api/v1/clients/{personId}/notes': {
		get: {
			operationId: 'listConversationNotes',
			summary: "Your organisation's conversation notes about this client, newest day first (audited)",
			security: secured,
			parameters: [personIdParam],
			responses: { '200': { description: 'The notes', content: jsonContent('ConversationNoteList') }, ...clientRefusals() }
		},
		post: {
			operationId: 'addConversationNote',
			summary: 'Write a note about a conversation; with share, the client sees the summary (never the note itself)',
			security: secured,
			parameters: [personIdParam],
			requestBody: jsonRequest('ConversationNoteRequest', noteExample),
			responses: {
				'201': { description: 'The new note', content: jsonContent('ConversationNote') },
				...clientRefusals(),
				...jsonBodyProblems
			}
		}
	},
	'/api/v1/clients/{personId}/notes/{noteId}': {
		get: {
			operationId: 'getConversationNote',
			summary: 'One conversation note (audited)',
			security: secured,
			parameters: [personIdParam, noteIdParam],
			responses: { '200': { description: 'The note', content: jsonContent('ConversationNote') }, ...clientRefusals(), '404': missingNote }
		},
		patch: {
			operationId: 'changeConversationNote',
			summary: 'Change a note: the fields sent replace the stored ones, those left out stay (share left out keeps the summary shared or not); a changed shared summary counts as unseen again',
			description:
				"Only a saved change is audited as a read of the note (client.notes.read), since its answer holds the whole note. A refused change (422) or a conflict (409) writes nothing to the client's access log, and the 409 does not hold the note.",
			security: secured,
			parameters: [personIdParam, noteIdParam],
			requestBody: jsonRequest('ConversationNotePatch', { summary: 'We spraken af dat je donderdag naar de buurtkamer gaat.' }),
			responses: {
				'200': { description: 'The note as it is now', content: jsonContent('ConversationNote') },
				...clientRefusals(),
				...jsonBodyProblems,
				'404': missingNote,
				'409': problemResponse('Somebody saved the note since the version you started from (`updatedAt`, or during this request); nothing changed and the note is not in the answer: GET it again')
			}
		},
		delete: {
			operationId: 'deleteConversationNote',
			summary: 'Delete a note; a shared summary goes with it',
			security: secured,
			parameters: [personIdParam, noteIdParam],
			responses: { '204': { description: 'Deleted' }, ...clientRefusals(), '404': missingNote }
		}
	}
};
