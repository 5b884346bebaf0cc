/**
 * The relationship map's part of the OpenAPI document (openapi.ts spreads it in): the people in your life
 * (relations), the contacts you had with them (contact moments) and planned moments of connection.
 * `relationshipOpenApi(parts)` takes the shared building blocks of openapi.ts (problem answers, refusals, security),
 * so every operation refuses in the same words as the rest of the API; it gives `paths` and `schemas`.
 */
import { contactBrings, contactCircles, contactKinds, contactRhythms } from '$lib/features/relationships/relationships';
import { nicknameMaxLength, noteMaxLength, placeMaxLength } from '$lib/features/relationships/relationships.schema';

export interface OpenApiParts {
	problemResponse(description: string): object;
	secured: Record<string, string[]>[];
	refusals: object;
	jsonBodyProblems: object;
	notYours(what: string): object;
	idPathParam(description: string): object;
	jsonContent(ref: string): object;
	jsonRequest(ref: string, example: Record<string, unknown>): object;
	nullableText(maxLength: number): object;
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const listOf = (name: string) => ({
	type: 'object',
	required: ['items'],
	properties: { items: { type: 'array', items: ref(name) } }
});
const limitParam = (fallback: number) => ({
	name: 'limit',
	in: 'query',
	required: false,
	schema: { type: 'integer', minimum: 1, maximum: 100, default: fallback }
});
const localDay = (description: string) => ({ type: 'string', format: 'date', description });

export function relationshipOpenApi(parts: OpenApiParts) {
	const { problemResponse, secured, refusals, jsonBodyProblems, notYours, idPathParam, jsonContent, jsonRequest, nullableText } = parts;
	const relationIdParam = idPathParam('The id of one of your relations');
	const contactMomentIdParam = idPathParam('The id of one of your contact moments');
	const plannedMomentIdParam = idPathParam('The id of one of your planned moments');
	const notYourRelation = problemResponse(
		"A field is missing or wrong, or relationId is not one of your relations (unknown or somebody else's: the answer is the same); invalid-params names it"
	);

	const plannedMomentFields = {
		kind: { ...ref('ContactKind'), default: 'meeting' },
		day: localDay('From today on (Europe/Amsterdam)'),
		time: { type: 'string', pattern: '^(?:[01]\\d|2[0-3]):[0-5]\\d$', description: 'Local time, HH:MM on a 24-hour clock', example: '19:30' },
		place: { ...nullableText(placeMaxLength), description: 'Where, or by what (phone, video call); empty or left out: none' },
		note: { ...nullableText(noteMaxLength), description: 'Empty or left out: none' }
	};

	const paths = {
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
				parameters: [
					relationIdParam,
					limitParam(20),
					{
						name: 'from',
						in: 'query',
						required: false,
						description: 'Only contacts on this day or later (YYYY-MM-DD)',
						schema: { type: 'string', format: 'date' }
					}
				],
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
		},
		'/api/v1/me/planned-moments': {
			get: {
				operationId: 'listMyPlannedMoments',
				summary: 'Your planned moments: open ones by start (default), or closed ones newest first (one list, no pages)',
				security: secured,
				parameters: [
					{ name: 'state', in: 'query', required: false, schema: { type: 'string', enum: ['open', 'closed'], default: 'open' } },
					{
						name: 'relationId',
						in: 'query',
						required: false,
						description: 'Only the planned moments with this relation',
						schema: { type: 'string', maxLength: 100 }
					},
					limitParam(100)
				],
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

	const schemas = {
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
		RelationRequest: {
			type: 'object',
			required: ['nickname', 'circle'],
			properties: {
				nickname: { type: 'string', minLength: 1, maxLength: nicknameMaxLength, description: 'A first name or nickname is enough' },
				circle: ref('ContactCircle'),
				brings: { type: 'array', items: ref('ContactBring'), maxItems: contactBrings.length, default: [], description: 'Repeats are dropped' },
				rhythm: { ...ref('ContactRhythm'), default: 'no_goal' },
				note: { ...nullableText(noteMaxLength), description: 'Empty or left out: none' }
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
				feeling: { type: 'integer', minimum: 1, maximum: 5, description: '1 not good … 5 very good' },
				plannedMomentId: { type: ['string', 'null'], description: 'The planned moment it came from, if any' },
				createdAt: { type: 'string', format: 'date-time' }
			}
		},
		ContactMomentRequest: {
			type: 'object',
			required: ['kind', 'feeling'],
			properties: {
				kind: ref('ContactKind'),
				day: localDay('Today or earlier (Europe/Amsterdam); left out: today'),
				feeling: { type: 'integer', minimum: 1, maximum: 5, description: '1 not good … 5 very good' }
			}
		},
		ContactMomentList: listOf('ContactMoment'),
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
		PlannedMomentChange: {
			type: 'object',
			required: ['day', 'time'],
			properties: plannedMomentFields
		},
		PlannedMomentRequest: {
			type: 'object',
			required: ['relationId', 'day', 'time'],
			properties: {
				relationId: { type: 'string', maxLength: 100, description: 'One of your relations; it cannot be changed afterwards' },
				...plannedMomentFields
			}
		},
		PlannedMomentList: listOf('PlannedMoment'),
		MomentOutcomeRequest: {
			oneOf: [
				{
					type: 'object',
					required: ['happened', 'feeling'],
					properties: {
						happened: { const: true },
						feeling: { type: 'integer', minimum: 1, maximum: 5, description: 'How it felt: 1 not good … 5 very good' }
					}
				},
				{ type: 'object', required: ['happened'], properties: { happened: { const: false } } }
			]
		}
	};

	return { paths, schemas };
}
