/**
 * The small steps' part of the OpenAPI document: a person plans a small step from the library for a day, and marks it
 * done with how it went.
 */
import { crisisFlag, idPathParam, jsonBodyProblems, jsonContent, jsonRequest, listOf, notYours, problemResponse, refusals, secured } from './openapi-parts';
import { requestField } from './openapi-requests';
import { queryParameters } from './contract';
import { stepPlanListQuerySchema } from './self-help-api';

export const smallStepPaths = {
	'/api/v1/me/step-plans': {
		get: {
			operationId: 'listMyStepPlans',
			summary: 'Your planned small steps: open ones first by day, then done ones, newest first (one list, no pages)',
			security: secured,
			parameters: queryParameters(stepPlanListQuerySchema),
			responses: {
				'200': { description: 'The plans', content: jsonContent('StepPlanList') },
				...refusals,
				'422': problemResponse('limit is wrong; invalid-params names it')
			}
		},
		post: {
			operationId: 'planMySmallStep',
			summary: 'Plan a small step from the library for a day',
			security: secured,
			requestBody: jsonRequest('StepPlanRequest', { stepId: 'ask-for-a-tip', plannedDay: '2026-05-01' }),
			responses: {
				'201': { description: 'The new plan', content: jsonContent('StepPlan') },
				...refusals,
				...jsonBodyProblems
			}
		}
	},
	'/api/v1/me/step-plans/{id}': {
		get: {
			operationId: 'getMyStepPlan',
			summary: 'One of your planned small steps',
			security: secured,
			parameters: [idPathParam('The id of one of your step plans')],
			responses: {
				'200': { description: 'The plan', content: jsonContent('StepPlan') },
				...refusals,
				'404': notYours('step plans')
			}
		},
		patch: {
			operationId: 'markMyStepDone',
			summary: 'Mark a planned step done, with how it went (1–5) and an optional note; early or late is fine',
			security: secured,
			parameters: [idPathParam('The id of one of your step plans')],
			requestBody: jsonRequest('StepDoneRequest', { howItWent: 4, note: 'Ze gaf me een goede tip voor de bakker.' }),
			responses: {
				'200': { description: 'The plan as it is now, and whether the note holds a crisis signal', content: jsonContent('SavedStepPlan') },
				...refusals,
				...jsonBodyProblems,
				'404': notYours('step plans')
			}
		},
		delete: {
			operationId: 'deleteMyStepPlan',
			summary: 'Delete one of your step plans',
			security: secured,
			parameters: [idPathParam('The id of one of your step plans')],
			responses: {
				'204': { description: 'Deleted' },
				...refusals,
				'404': notYours('step plans')
			}
		}
	}
};

export const smallStepSchemas = {
	StepPlan: {
		type: 'object',
		required: ['id', 'stepId', 'plannedDay', 'doneAt', 'howItWent', 'note'],
		properties: {
			id: { type: 'string' },
			stepId: { type: 'string', description: 'The small step in the library (the /nl/stappen page lists them)' },
			plannedDay: { type: 'string', format: 'date' },
			doneAt: { type: ['string', 'null'], format: 'date-time', description: 'null while it is still open' },
			howItWent: requestField('StepDoneRequest', 'howItWent', { nullable: true, description: 'null while it is still open' }),
			note: { type: ['string', 'null'] }
		}
	},
	SavedStepPlan: { allOf: [{ $ref: '#/components/schemas/StepPlan' }, crisisFlag] },
	StepPlanList: listOf('StepPlan')
};
