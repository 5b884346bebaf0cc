/**
 * The relationship map's part of the OpenAPI document: the people in your life (relations) and the contacts you had
 * with them (contact moments). Planned moments are in openapi-planned-moments.ts.
 */
import { contactBrings, contactCircles, contactKinds, contactRhythms } from '$lib/features/relationships/relationships';
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
import { requestField } from './openapi-requests';
import { queryParameters } from './contract';
import { contactMomentListQuerySchema } from './relationships-api';

const relationIdParam = idPathParam('The id of one of your relations');
const contactMomentIdParam = idPathParam('The id of one of your contact moments');

export const relationshipPaths = {
	'/api/v1/me/relations': {
		get: {
			operationId: 'listMyRelations',
			summary: 'The people in your life, by name, each with how contact stands (one list, no pages)',
			security: secured,
			responses: {
				'200': { description: 'Your relations', content: jsonContent('RelationList') },
				...refusals
			}
		},
		post: {
			operationId: 'addMyRelation',
			summary: 'Add someone to your relationship map: a first name or nickname and a circle are enough',
			security: secured,
			requestBody: jsonRequest('RelationRequest', { nickname: 'Els', circle: 'friends', brings: ['fun', 'deep_talks'], rhythm: 'every_two_weeks' }),
			responses: {
				'201': { description: 'The new relation', content: jsonContent('Relation') },
				...refusals,
				...jsonBodyProblems
			}
		}
	},
	'/api/v1/me/relations/{id}': {
		get: {
			operationId: 'getMyRelation',
			summary: 'One of your relations, with how contact stands',
			security: secured,
			parameters: [relationIdParam],
			responses: {
				'200': { description: 'The relation', content: jsonContent('Relation') },
				...refusals,
				'404': notYours('relations')
			}
		},
		put: {
			operationId: 'replaceMyRelation',
			summary: 'Replace name, circle, what they bring, rhythm and note (left out: none, no goal, no note); the day added stays',
			security: secured,
			parameters: [relationIdParam],
			requestBody: jsonRequest('RelationRequest', { nickname: 'Els', circle: 'intimate', brings: ['support'], rhythm: 'weekly', note: 'Buurvrouw' }),
			responses: {
				'200': { description: 'The relation as it is now', content: jsonContent('Relation') },
				...refusals,
				...jsonBodyProblems,
				'404': notYours('relations')
			}
		},
		delete: {
			operationId: 'deleteMyRelation',
			summary: 'Delete one of your relations, with its contact moments and planned moments',
			security: secured,
			parameters: [relationIdParam],
			responses: {
				'204': { description: 'Deleted' },
				...refusals,
				'404': notYours('relations')
			}
		}
	},
	'/api/v1/me/relations/{id}/contact-moments': {
		get: {
			operationId: 'listMyContactMoments',
			summary: 'Your contacts with one relation, newest first (by day, then by when they were logged)',
			security: secured,
			parameters: [relationIdParam, ...queryParameters(contactMomentListQuerySchema)],
			responses: {
				'200': { description: 'The newest `limit` contact moments (the data export holds them all)', content: jsonContent('ContactMomentList') },
				...refusals,
				'404': notYours('relations'),
				'422': problemResponse('limit or from is wrong; invalid-params names it')
			}
		},
		post: {
			operationId: 'logMyContact',
			summary: 'Log a contact that happened: how, which day (default today; never a day still to come) and how it felt',
			security: secured,
			parameters: [relationIdParam],
			requestBody: jsonRequest('ContactMomentRequest', { kind: 'call', feeling: 4 }),
			responses: {
				'201': { description: 'The new contact moment', content: jsonContent('ContactMoment') },
				...refusals,
				...jsonBodyProblems,
				'404': notYours('relations')
			}
		}
	},
	'/api/v1/me/contact-moments/{id}': {
		get: {
			operationId: 'getMyContactMoment',
			summary: 'One of your contact moments',
			security: secured,
			parameters: [contactMomentIdParam],
			responses: {
				'200': { description: 'The contact moment', content: jsonContent('ContactMoment') },
				...refusals,
				'404': notYours('contact moments')
			}
		},
		delete: {
			operationId: 'deleteMyContactMoment',
			summary: 'Delete one of your contact moments (a planned moment it came from stays answered)',
			security: secured,
			parameters: [contactMomentIdParam],
			responses: {
				'204': { description: 'Deleted' },
				...refusals,
				'404': notYours('contact moments')
			}
		}
	}
};

export const relationshipSchemas = {
	ContactCircle: { type: 'string', enum: [...contactCircles], description: 'intimate: closest; friends; community: neighbours, colleagues, club' },
	ContactBring: { type: 'string', enum: [...contactBrings] },
	ContactRhythm: {
		type: 'string',
		enum: [...contactRhythms],
		description: 'How often you would like contact, on your own terms; no_goal: no due day and no reminders'
	},
	ContactKind: { type: 'string', enum: [...contactKinds] },
	Relation: {
		type: 'object',
		required: ['id', 'nickname', 'circle', 'brings', 'rhythm', 'note', 'addedDay', 'createdAt', 'updatedAt', 'lastContactDay', 'due', 'status'],
		properties: {
			id: { type: 'string' },
			nickname: { type: 'string' },
			circle: ref('ContactCircle'),
			brings: { type: 'array', items: ref('ContactBring'), description: 'What contact with them brings you' },
			rhythm: ref('ContactRhythm'),
			note: { type: ['string', 'null'] },
			addedDay: localDay('The local day they were added: the rhythm runs from here until the first contact'),
			createdAt: { type: 'string', format: 'date-time' },
			updatedAt: { type: 'string', format: 'date-time' },
			lastContactDay: { type: ['string', 'null'], format: 'date', description: 'The last contact that happened; null without any' },
			due: {
				type: ['string', 'null'],
				format: 'date',
				description: 'When the next contact is due: the last contact (or the day added) plus the rhythm; null without a goal'
			},
			status: {
				type: 'string',
				enum: ['on_track', 'due_soon', 'overdue', 'no_goal'],
				description: 'due_soon from a quarter of the rhythm (2 to 14 days) before the due day'
			}
		}
	},
	RelationList: listOf('Relation'),
	ContactMoment: {
		type: 'object',
		required: ['id', 'relationId', 'kind', 'day', 'feeling', 'plannedMomentId', 'createdAt'],
		properties: {
			id: { type: 'string' },
			relationId: { type: 'string' },
			kind: ref('ContactKind'),
			day: localDay('The local day it happened'),
			feeling: requestField('ContactMomentRequest', 'feeling', { description: '1 not good … 5 very good' }),
			plannedMomentId: { type: ['string', 'null'], description: 'The planned moment it came from, if any' },
			createdAt: { type: 'string', format: 'date-time' }
		}
	},
	ContactMomentList: listOf('ContactMoment')
};
