/**
 * Kind moments in the OpenAPI document: small gestures of kindness or attention a person noticed, one a line, with
 * crisis signal detection on what is saved (like the rest of the journal, openapi-journal.ts).
 */
import { crisisFlag, idPathParam, jsonBodyProblems, jsonContent, jsonRequest, notYours, pageOf, problemResponse, refusals, secured } from './openapi-parts';
import { journalPageParams } from './openapi-journal';

export const kindMomentPaths = {
	'/api/v1/me/kind-moments': {
		get: {
			operationId: 'listMyKindMoments',
			summary: 'The kind moments you noted, newest first',
			security: secured,
			parameters: journalPageParams,
			responses: {
				'200': { description: 'One page of kind moments', content: jsonContent('KindMomentPage') },
				...refusals,
				'422': problemResponse('limit or before is wrong; invalid-params names it')
			}
		},
		post: {
			operationId: 'createMyKindMoment',
			summary: 'Note a small gesture of kindness or attention you noticed today',
			security: secured,
			requestBody: jsonRequest('KindMomentRequest', { body: 'De buurman hield de deur voor me open en vroeg hoe het ging.' }),
			responses: {
				'201': { description: 'The new kind moment, and whether it holds a crisis signal', content: jsonContent('SavedKindMoment') },
				...refusals,
				...jsonBodyProblems
			}
		}
	},
	'/api/v1/me/kind-moments/{id}': {
		get: {
			operationId: 'getMyKindMoment',
			summary: 'One of your kind moments',
			security: secured,
			parameters: [idPathParam('The id of one of your kind moments')],
			responses: {
				'200': { description: 'The kind moment', content: jsonContent('KindMoment') },
				...refusals,
				'404': notYours('kind moments')
			}
		},
		put: {
			operationId: 'replaceMyKindMoment',
			summary: 'New words for one of your kind moments (its day stays the same)',
			security: secured,
			parameters: [idPathParam('The id of one of your kind moments')],
			requestBody: jsonRequest('KindMomentRequest', { body: 'De buurman hield de deur open.' }),
			responses: {
				'200': { description: 'The kind moment as it is now, and whether it holds a crisis signal', content: jsonContent('SavedKindMoment') },
				...refusals,
				...jsonBodyProblems,
				'404': notYours('kind moments')
			}
		},
		delete: {
			operationId: 'deleteMyKindMoment',
			summary: 'Delete one of your kind moments',
			security: secured,
			parameters: [idPathParam('The id of one of your kind moments')],
			responses: {
				'204': { description: 'Deleted' },
				...refusals,
				'404': notYours('kind moments')
			}
		}
	}
};

export const kindMomentSchemas = {
	KindMoment: {
		type: 'object',
		required: ['id', 'day', 'body', 'createdAt'],
		properties: {
			id: { type: 'string' },
			day: { type: 'string', format: 'date', description: 'The local day (Europe/Amsterdam) it was noted' },
			body: { type: 'string' },
			createdAt: { type: 'string', format: 'date-time' }
		}
	},
	SavedKindMoment: { allOf: [{ $ref: '#/components/schemas/KindMoment' }, crisisFlag] },
	KindMomentPage: pageOf('KindMoment')
};
