/**
 * The journal's part of the OpenAPI document: journal entries and thought checks, each with crisis signal detection
 * on what is saved, and each can be marked "bespreek dit" for a professional the person shares with. Kind moments,
 * the third part of the journal, are in openapi-kind-moments.ts.
 */
import {
	crisisFlag,
	idPathParam,
	jsonBodyProblems,
	jsonContent,
	jsonRequest,
	notYours,
	pageOf,
	problemResponse,
	refusals,
	secured
} from './openapi-parts';
import { requestField } from './openapi-requests';
import { queryParameters } from './contract';
import { pagedListQuerySchema } from './self-help-api';

/** Journal entries, thought checks and kind moments come in pages, newest first. */
export const journalPageParams = queryParameters(pagedListQuerySchema);

export const journalPaths = {
	'/api/v1/me/journal': {
		get: {
			operationId: 'listMyJournalEntries',
			summary: 'Your journal entries, newest first',
			security: secured,
			parameters: journalPageParams,
			responses: {
				'200': { description: 'One page of entries', content: jsonContent('JournalEntryPage') },
				...refusals,
				'422': problemResponse('limit or before is wrong; invalid-params names it')
			}
		},
		post: {
			operationId: 'createMyJournalEntry',
			summary: 'Write a journal entry for today ("Hoe voelde ik me vandaag?")',
			security: secured,
			requestBody: jsonRequest('JournalEntryRequest', { mood: 3, body: 'Rustige dag. Even met de buurvrouw gepraat.', wentWell: 'Het praatje' }),
			responses: {
				'201': { description: 'The new entry, and whether it holds a crisis signal', content: jsonContent('SavedJournalEntry') },
				...refusals,
				...jsonBodyProblems
			}
		}
	},
	'/api/v1/me/journal/{id}': {
		get: {
			operationId: 'getMyJournalEntry',
			summary: 'One of your journal entries',
			security: secured,
			parameters: [idPathParam('The id of one of your journal entries')],
			responses: {
				'200': { description: 'The entry', content: jsonContent('JournalEntry') },
				...refusals,
				'404': notYours('journal entries')
			}
		},
		put: {
			operationId: 'replaceMyJournalEntry',
			summary: 'Replace the mood and texts of an entry (a text left out is cleared)',
			security: secured,
			parameters: [idPathParam('The id of one of your journal entries')],
			requestBody: jsonRequest('JournalEntryRequest', { mood: 4, body: 'Toch nog gewandeld.', wentWell: null }),
			responses: {
				'200': { description: 'The entry as it is now, and whether it holds a crisis signal', content: jsonContent('SavedJournalEntry') },
				...refusals,
				...jsonBodyProblems,
				'404': notYours('journal entries')
			}
		},
		patch: {
			operationId: 'markMyJournalEntryToDiscuss',
			summary: '"Bespreek dit": let a professional you share with read this one entry, or stop that',
			security: secured,
			parameters: [idPathParam('The id of one of your journal entries')],
			requestBody: jsonRequest('DiscussRequest', { discuss: true }),
			responses: {
				'200': { description: 'The entry as it is now', content: jsonContent('JournalEntry') },
				...refusals,
				...jsonBodyProblems,
				'404': notYours('journal entries')
			}
		},
		delete: {
			operationId: 'deleteMyJournalEntry',
			summary: 'Delete one of your journal entries',
			security: secured,
			parameters: [idPathParam('The id of one of your journal entries')],
			responses: {
				'204': { description: 'Deleted' },
				...refusals,
				'404': notYours('journal entries')
			}
		}
	},
	'/api/v1/me/thought-checks': {
		get: {
			operationId: 'listMyThoughtChecks',
			summary: 'Your thought checks, newest first',
			security: secured,
			parameters: journalPageParams,
			responses: {
				'200': { description: 'One page of thought checks', content: jsonContent('ThoughtCheckPage') },
				...refusals,
				'422': problemResponse('limit or before is wrong; invalid-params names it')
			}
		},
		post: {
			operationId: 'createMyThoughtCheck',
			summary: 'Write a thought check for today: situation, thought, facts for and against, another view, one small action',
			security: secured,
			requestBody: jsonRequest('ThoughtCheckRequest', {
				situation: 'Niemand reageerde op mijn bericht in de groep.',
				thought: 'Ze vinden me niet leuk.',
				beliefBefore: 80,
				factsFor: null,
				factsAgainst: 'Gisteren vroeg Els nog hoe het ging.',
				alternative: 'Misschien had niemand tijd.',
				beliefAfter: 40,
				smallAction: 'Els morgen iets vragen.'
			}),
			responses: {
				'201': { description: 'The new thought check, and whether it holds a crisis signal', content: jsonContent('SavedThoughtCheck') },
				...refusals,
				...jsonBodyProblems
			}
		}
	},
	'/api/v1/me/thought-checks/{id}': {
		get: {
			operationId: 'getMyThoughtCheck',
			summary: 'One of your thought checks',
			security: secured,
			parameters: [idPathParam('The id of one of your thought checks')],
			responses: {
				'200': { description: 'The thought check', content: jsonContent('ThoughtCheck') },
				...refusals,
				'404': notYours('thought checks')
			}
		},
		put: {
			operationId: 'replaceMyThoughtCheck',
			summary: 'Replace every field of a thought check (an optional field left out is cleared)',
			security: secured,
			parameters: [idPathParam('The id of one of your thought checks')],
			requestBody: jsonRequest('ThoughtCheckRequest', {
				situation: 'Niemand reageerde op mijn bericht in de groep.',
				thought: 'Ze vinden me niet leuk.',
				beliefBefore: 80,
				beliefAfter: 30
			}),
			responses: {
				'200': { description: 'The thought check as it is now, and whether it holds a crisis signal', content: jsonContent('SavedThoughtCheck') },
				...refusals,
				...jsonBodyProblems,
				'404': notYours('thought checks')
			}
		},
		patch: {
			operationId: 'markMyThoughtCheckToDiscuss',
			summary: '"Bespreek dit": let a professional you share with read this one thought check, or stop that',
			security: secured,
			parameters: [idPathParam('The id of one of your thought checks')],
			requestBody: jsonRequest('DiscussRequest', { discuss: true }),
			responses: {
				'200': { description: 'The thought check as it is now', content: jsonContent('ThoughtCheck') },
				...refusals,
				...jsonBodyProblems,
				'404': notYours('thought checks')
			}
		},
		delete: {
			operationId: 'deleteMyThoughtCheck',
			summary: 'Delete one of your thought checks',
			security: secured,
			parameters: [idPathParam('The id of one of your thought checks')],
			responses: {
				'204': { description: 'Deleted' },
				...refusals,
				'404': notYours('thought checks')
			}
		}
	}
};

export const journalSchemas = {
	JournalEntry: {
		type: 'object',
		required: ['id', 'day', 'mood', 'body', 'wentWell', 'discuss', 'createdAt', 'updatedAt'],
		properties: {
			id: { type: 'string' },
			day: { type: 'string', format: 'date', description: 'The local day (Europe/Amsterdam) it was written' },
			mood: requestField('JournalEntryRequest', 'mood', { description: '1 very hard, 2 not so good, 3 okay, 4 good, 5 very good' }),
			body: { type: ['string', 'null'] },
			wentWell: { type: ['string', 'null'], description: 'Something that went well' },
			discuss: { type: 'boolean', description: '"Bespreek dit": a professional you share with may read it' },
			createdAt: { type: 'string', format: 'date-time' },
			updatedAt: { type: 'string', format: 'date-time' }
		}
	},
	SavedJournalEntry: { allOf: [{ $ref: '#/components/schemas/JournalEntry' }, crisisFlag] },
	JournalEntryPage: pageOf('JournalEntry'),
	ThoughtCheck: {
		type: 'object',
		required: ['id', 'day', 'situation', 'thought', 'beliefBefore', 'factsFor', 'factsAgainst', 'alternative', 'beliefAfter', 'smallAction', 'discuss', 'createdAt'],
		properties: {
			id: { type: 'string' },
			day: { type: 'string', format: 'date', description: 'The local day (Europe/Amsterdam) it was written' },
			situation: { type: 'string' },
			thought: { type: 'string' },
			beliefBefore: requestField('ThoughtCheckRequest', 'beliefBefore', { description: 'How strongly you believed the thought, in %' }),
			factsFor: { type: ['string', 'null'] },
			factsAgainst: { type: ['string', 'null'] },
			alternative: { type: ['string', 'null'], description: 'Another way to see it' },
			beliefAfter: requestField('ThoughtCheckRequest', 'beliefAfter', { description: 'How strongly you believe it now, in %' }),
			smallAction: { type: ['string', 'null'], description: 'One small action' },
			discuss: { type: 'boolean', description: '"Bespreek dit": a professional you share with may read it' },
			createdAt: { type: 'string', format: 'date-time' }
		}
	},
	SavedThoughtCheck: { allOf: [{ $ref: '#/components/schemas/ThoughtCheck' }, crisisFlag] },
	ThoughtCheckPage: pageOf('ThoughtCheck'),
};
