/**
 * Planned moments of connection with the people on your relationship map (openapi-relationships.ts has the map
 * itself): plan, move, call off, and afterwards say how it went.
 */
import {
	idPathParam,
	jsonBodyProblems,
	jsonContent,
	jsonRequest,
	listOf,
	localDay,
	notYours,
	problemResponse,
	ref,
	refusals,
	secured
} from './openapi-parts';
import { queryParameters } from './contract';
import { plannedMomentListQuerySchema } from './relationships-api';

const plannedMomentIdParam = idPathParam('The id of one of your planned moments');
const notYourRelation = problemResponse(
	"A field is missing or wrong, or relationId is not one of your relations (unknown or somebody else's: the answer is the same); invalid-params names it"
);

export const plannedMomentPaths = {
	'/api/v1/me/planned-moments': {
		get: {
			operationId: 'listMyPlannedMoments',
			summary: 'Your planned moments: open ones by start (default), or closed ones newest first (one list, no pages)',
			security: secured,
			parameters: queryParameters(plannedMomentListQuerySchema),
			responses: {
				'200': { description: 'The planned moments', content: jsonContent('PlannedMomentList') },
				...refusals,
				'422': problemResponse('state or limit is wrong, or relationId is not one of your relations; invalid-params names it')
			}
		},
		post: {
			operationId: 'planMyMoment',
			summary: 'Plan a moment of connection with one of your relations, from today on',
			security: secured,
			requestBody: jsonRequest('PlannedMomentRequest', {
				relationId: '0b7e2a52-6f5d-4c1e-9a57-2d3c4b5a6f70',
				kind: 'meeting',
				day: '2026-05-01',
				time: '15:00',
				place: 'Café de Brug'
			}),
			responses: {
				'201': { description: 'The new planned moment', content: jsonContent('PlannedMoment') },
				...refusals,
				...jsonBodyProblems,
				'422': notYourRelation
			}
		}
	},
	'/api/v1/me/planned-moments/{id}': {
		get: {
			operationId: 'getMyPlannedMoment',
			summary: 'One of your planned moments',
			security: secured,
			parameters: [plannedMomentIdParam],
			responses: {
				'200': { description: 'The planned moment', content: jsonContent('PlannedMoment') },
				...refusals,
				'404': notYours('planned moments')
			}
		},
		put: {
			operationId: 'replaceMyPlannedMoment',
			summary: 'Move or reword an open planned moment (kind, day, time, place, note); the relation stays',
			security: secured,
			parameters: [plannedMomentIdParam],
			requestBody: jsonRequest('PlannedMomentChange', { kind: 'call', day: '2026-05-02', time: '19:30' }),
			responses: {
				'200': { description: 'The planned moment as it is now', content: jsonContent('PlannedMoment') },
				...refusals,
				...jsonBodyProblems,
				'404': notYours('planned moments'),
				'409': problemResponse('It is closed: you said how it went, so it stays as it was')
			}
		},
		delete: {
			operationId: 'deleteMyPlannedMoment',
			summary: 'Call off a planned moment, or clear a closed one; a contact moment it became stays',
			security: secured,
			parameters: [plannedMomentIdParam],
			responses: {
				'204': { description: 'Deleted' },
				...refusals,
				'404': notYours('planned moments')
			}
		}
	},
	'/api/v1/me/planned-moments/{id}/outcome': {
		post: {
			operationId: 'answerMyPlannedMoment',
			summary: 'How did it go? Once, from its start on: it happened (a contact moment on the planned day) or it did not',
			security: secured,
			parameters: [plannedMomentIdParam],
			requestBody: jsonRequest('MomentOutcomeRequest', { happened: true, feeling: 4 }),
			responses: {
				'200': {
					description: 'The planned moment, now closed; contactMomentId is the id of the contact moment it became (null when it did not happen)',
					content: jsonContent('PlannedMoment')
				},
				...refusals,
				...jsonBodyProblems,
				'404': notYours('planned moments'),
				'409': problemResponse('Answered already, or it has not started yet; detail says which (and when it starts)')
			}
		}
	}
};

export const plannedMomentSchemas = {
	PlannedMoment: {
		type: 'object',
		required: ['id', 'relationId', 'kind', 'day', 'time', 'place', 'note', 'closedAt', 'happened', 'contactMomentId', 'started', 'createdAt', 'updatedAt'],
		properties: {
			id: { type: 'string' },
			relationId: { type: 'string' },
			kind: ref('ContactKind'),
			day: localDay('The local day'),
			time: { type: 'string', description: 'Local time, HH:MM' },
			place: { type: ['string', 'null'] },
			note: { type: ['string', 'null'] },
			closedAt: { type: ['string', 'null'], format: 'date-time', description: 'When you said how it went; null while open' },
			happened: { type: ['boolean', 'null'], description: 'Your answer to "how did it go?": whether it happened; null while open' },
			contactMomentId: {
				type: ['string', 'null'],
				description: 'The contact moment it became when it happened; null while open, when it did not happen, or once that contact moment is deleted'
			},
			started: { type: 'boolean', description: 'Its day and time have come: time to say how it went' },
			createdAt: { type: 'string', format: 'date-time' },
			updatedAt: { type: 'string', format: 'date-time' }
		}
	},
	PlannedMomentList: listOf('PlannedMoment'),
};
