/**
 * The OpenAPI 3.1 description of brug's JSON API, served at /api/openapi.json.
 * A test compares its paths with the API routes, so an undocumented endpoint fails the build; another checks that
 * every personal operation declares `security`, and the end-to-end tests call each of those without credentials.
 */
import { instrumentIds } from '$lib/features/instruments/instruments';
import { consentScopes } from '$lib/features/consent/consent';
import { relationshipOpenApi } from './openapi-relationships';

const problemResponse = (description: string) => ({
	description,
	content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } }
});

/** Personal operations accept either a session (brug's own pages) or a personal API token (scripts and apps). */
const secured: Record<string, string[]>[] = [{ sessionCookie: [] }, { apiToken: [] }];

const refusals = {
	'401': problemResponse('No session and no valid API token (with `WWW-Authenticate: Bearer`)'),
	'403': problemResponse(
		'Not allowed: a cookie call that changes something from another site, or (for professionals) no membership or two-step sign-in off; `reason` says which'
	)
};

const jsonBodyProblems = {
	'400': problemResponse('The body is not valid JSON'),
	'413': problemResponse('The body is larger than 16 KiB'),
	'415': problemResponse('The body is not application/json'),
	'422': problemResponse('A field is missing or wrong; invalid-params names it')
};

const tooMany = problemResponse('Too many attempts; `Retry-After` gives the seconds to wait');

const jsonContent = (ref: string) => ({ 'application/json': { schema: { $ref: `#/components/schemas/${ref}` } } });

const idPathParam = (description: string) => ({
	name: 'id',
	in: 'path',
	required: true,
	description,
	schema: { type: 'string', maxLength: 64 }
});

const localeParam = {
	name: 'locale',
	in: 'query',
	required: false,
	description: 'Language of the texts; default nl.',
	schema: { type: 'string', enum: ['nl', 'en'], default: 'nl' }
};

const idParam = {
	name: 'id',
	in: 'path',
	required: true,
	schema: { type: 'string', enum: [...instrumentIds] }
};


const jsonRequest = (ref: string, example: Record<string, unknown>) => ({
	required: true,
	content: { 'application/json': { schema: { $ref: `#/components/schemas/${ref}` }, example } }
});

/** Journal entries, thought checks and kind moments come in pages, newest first. */
const pageParams = [
	{
		name: 'limit',
		in: 'query',
		required: false,
		schema: { type: 'integer', minimum: 1, maximum: 100, default: 20 }
	},
	{
		name: 'before',
		in: 'query',
		required: false,
		description: 'Where the page starts: the `next` of the previous page (`<instant>|<id>`), or an ISO 8601 instant (what was made strictly before it).',
		schema: { type: 'string', maxLength: 100 }
	}
];

/** Unknown ids and other people's ids get the same answer, so an id never tells whether it exists. */
const notYours = (what: string) => problemResponse(`Not one of your ${what}: unknown, or somebody else's (the answer is the same)`);

const crisisFlag = {
	type: 'object',
	required: ['crisis'],
	properties: {
		crisis: {
			type: 'boolean',
			description:
				"The text holds a crisis signal (a word list in Dutch and English). It was saved all the same; show the way to help, calmly: brug's help page (/nl/hulp, /en/help) lists who to call."
		}
	}
};

const nullableText = (maxLength: number) => ({ type: ['string', 'null'], maxLength });

/** The relationship map's paths and schemas, built from the same parts as the rest. */
const relationships = relationshipOpenApi({
	problemResponse,
	secured,
	refusals,
	jsonBodyProblems,
	notYours,
	idPathParam,
	jsonContent,
	jsonRequest,
	nullableText
});

export const openApiDocument = {
	openapi: '3.1.0',
	info: {
		title: 'brug API',
		version: '1.0.0',
		description:
			"Loneliness instruments (De Jong Gierveld 11 and 6 items, UCLA 3 items) and their scoring (public; scoring stores nothing), and the personal API: your journal, thought checks, kind moments and planned small steps, the people on your relationship map with contact moments and planned moments (free text and names are encrypted at rest), your consents, what professionals did with your data, your data export, and for professionals their invitations. Personal operations take the session cookie of brug's pages or a personal API token (`Authorization: Bearer brug_…`, made and revoked on your account page). Their answers are never cached (`Cache-Control: no-store`). Errors are RFC 9457 problem details.",
		license: { name: 'Proprietary' }
	},
	servers: [{ url: '/' }],
	paths: {
		'/api/v1/instruments': {
			get: {
				operationId: 'listInstruments',
				summary: 'List the instruments',
				parameters: [localeParam],
				responses: {
					'200': {
						description: 'The instruments',
						content: {
							'application/json': {
								schema: { type: 'array', items: { $ref: '#/components/schemas/InstrumentSummary' } }
							}
						}
					},
					'400': problemResponse('Unknown locale')
				}
			}
		},
		'/api/v1/instruments/{id}': {
			get: {
				operationId: 'getInstrument',
				summary: 'The full definition of one instrument, in one language',
				parameters: [idParam, localeParam],
				responses: {
					'200': {
						description: 'The definition',
						content: { 'application/json': { schema: { $ref: '#/components/schemas/Instrument' } } }
					},
					'400': problemResponse('Unknown locale'),
					'404': problemResponse('Unknown instrument')
				}
			}
		},
		'/api/v1/instruments/{id}/score': {
			post: {
				operationId: 'scoreInstrument',
				summary: 'Score a set of answers (nothing is stored)',
				parameters: [idParam],
				requestBody: {
					required: true,
					content: {
						'application/json': {
							schema: { $ref: '#/components/schemas/ScoreRequest' },
							example: { answers: { '1': 'yes', '2': 'more_or_less', '3': 'no' } }
						}
					}
				},
				responses: {
					'200': {
						description: 'The score',
						content: { 'application/json': { schema: { $ref: '#/components/schemas/Score' } } }
					},
					'400': problemResponse('The body is not valid JSON'),
					'404': problemResponse('Unknown instrument'),
					'413': problemResponse('The body is larger than 16 KiB'),
					'415': problemResponse('The body is not application/json'),
					'422': problemResponse('Unknown item or option, or a wrong type; invalid-params names the field')
				}
			}
		},
		'/api/v1/me/consents': {
			get: {
				operationId: 'listMyConsents',
				summary: 'Your consents to professionals, current and past, newest first',
				security: secured,
				responses: {
					'200': { description: 'The consents', content: jsonContent('ConsentGrantList') },
					...refusals
				}
			},
			post: {
				operationId: 'grantConsent',
				summary: 'Connect with a professional by their invitation code, sharing the chosen scopes',
				security: secured,
				requestBody: {
					required: true,
					content: {
						'application/json': {
							schema: { $ref: '#/components/schemas/GrantConsentRequest' },
							example: { code: 'K7QM-4TXP', scopes: ['measurements'], personName: 'Anna' }
						}
					}
				},
				responses: {
					'201': { description: 'The new consent', content: jsonContent('ConsentGrant') },
					...refusals,
					...jsonBodyProblems,
					'404': problemResponse('The code is unknown or has expired'),
					'429': tooMany
				}
			}
		},
		'/api/v1/me/consents/{id}': {
			patch: {
				operationId: 'changeConsentScopes',
				summary: 'Share other scopes: the consent ends and a new one starts (history is kept)',
				security: secured,
				parameters: [idPathParam('The id of a current consent')],
				requestBody: {
					required: true,
					content: {
						'application/json': {
							schema: { $ref: '#/components/schemas/ChangeScopesRequest' },
							example: { scopes: ['measurements', 'programme'] }
						}
					}
				},
				responses: {
					'200': { description: 'The new consent that replaces it', content: jsonContent('ConsentGrant') },
					...refusals,
					...jsonBodyProblems,
					'404': problemResponse('Not one of your current consents')
				}
			},
			delete: {
				operationId: 'withdrawConsent',
				summary: "Withdraw a consent; the professional's access ends at once",
				security: secured,
				parameters: [idPathParam('The id of a current consent')],
				responses: {
					'204': { description: 'Withdrawn' },
					...refusals,
					'404': problemResponse('Not one of your current consents')
				}
			}
		},
		'/api/v1/me/journal': {
			get: {
				operationId: 'listMyJournalEntries',
				summary: 'Your journal entries, newest first',
				security: secured,
				parameters: pageParams,
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
				parameters: pageParams,
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
		},
		'/api/v1/me/kind-moments': {
			get: {
				operationId: 'listMyKindMoments',
				summary: 'The kind moments you noted, newest first',
				security: secured,
				parameters: pageParams,
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
		},
		'/api/v1/me/step-plans': {
			get: {
				operationId: 'listMyStepPlans',
				summary: 'Your planned small steps: open ones first by day, then done ones, newest first (one list, no pages)',
				security: secured,
				parameters: [
					{
						name: 'limit',
						in: 'query',
						required: false,
						schema: { type: 'integer', minimum: 1, maximum: 100, default: 100 }
					}
				],
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
		},
		'/api/v1/me/audit-events': {
			get: {
				operationId: 'listMyAuditEvents',
				summary: 'What professionals did with your data, newest first',
				security: secured,
				parameters: [
					{
						name: 'limit',
						in: 'query',
						required: false,
						schema: { type: 'integer', minimum: 1, maximum: 100, default: 50 }
					},
					{
						name: 'before',
						in: 'query',
						required: false,
						description: 'Where the page starts: the `next` of the previous page (`<instant>|<id>`), or an ISO 8601 instant (events strictly before it).',
						schema: { type: 'string', maxLength: 100 }
					}
				],
				responses: {
					'200': { description: 'One page of events', content: jsonContent('AuditEventPage') },
					...refusals,
					'422': problemResponse('limit or before is wrong; invalid-params names it')
				}
			}
		},
		'/api/v1/me/export': {
			get: {
				operationId: 'exportMyData',
				summary: 'Everything brug keeps about you (GDPR articles 15 and 20)',
				security: secured,
				responses: {
					'200': { description: 'Your data', content: jsonContent('PersonalDataExport') },
					...refusals
				}
			}
		},
		'/api/v1/invitations': {
			get: {
				operationId: 'listClientInvitations',
				summary: 'Your open invitations to people (professionals with two-step sign-in on)',
				security: secured,
				responses: {
					'200': { description: 'The open invitations', content: jsonContent('ClientInvitationList') },
					...refusals
				}
			},
			post: {
				operationId: 'createClientInvitation',
				summary: 'A new invitation code for a person; mailed to them when an address is given',
				security: secured,
				requestBody: {
					required: true,
					content: {
						'application/json': {
							schema: { $ref: '#/components/schemas/CreateClientInvitationRequest' },
							example: { email: 'anna@example.nl', locale: 'nl' }
						}
					}
				},
				responses: {
					'201': { description: 'The invitation; the code is shown only now', content: jsonContent('CreatedClientInvitation') },
					...refusals,
					...jsonBodyProblems,
					'429': tooMany
				}
			}
		},
		'/api/v1/invitations/{id}': {
			delete: {
				operationId: 'revokeClientInvitation',
				summary: 'Revoke one of your open invitations; its code stops working',
				security: secured,
				parameters: [idPathParam('The id of an open invitation')],
				responses: {
					'204': { description: 'Revoked' },
					...refusals,
					'404': problemResponse('Not one of your open invitations')
				}
			}
		},
		'/healthz': {
			get: {
				operationId: 'health',
				summary: 'Health check (database reachable)',
				responses: {
					'200': { description: 'Healthy' },
					'503': { description: 'The database does not answer' }
				}
			}
		},
		...relationships.paths
	},
	components: {
		securitySchemes: {
			sessionCookie: {
				type: 'apiKey',
				in: 'cookie',
				name: 'brug.session_token',
				description:
					"The session of brug's own pages (`__Secure-brug.session_token` over https). Calls that change something must come from brug itself (Sec-Fetch-Site same-origin)."
			},
			apiToken: {
				type: 'http',
				scheme: 'bearer',
				bearerFormat: 'brug_ and 43 base64url characters',
				description: 'A personal API token, made and revoked on your account page; it works for a year.'
			}
		},
		schemas: {
			Problem: {
				type: 'object',
				required: ['type', 'title', 'status'],
				properties: {
					type: { type: 'string' },
					title: { type: 'string' },
					status: { type: 'integer' },
					detail: { type: 'string' },
					reason: {
						type: 'string',
						enum: ['sign_in_required', 'two_factor_required', 'no_access'],
						description: 'Why access was refused (403 only)'
					},
					'invalid-params': {
						type: 'array',
						items: {
							type: 'object',
							required: ['name', 'reason'],
							properties: { name: { type: 'string' }, reason: { type: 'string' } }
						}
					}
				}
			},
			ConsentScope: { type: 'string', enum: [...consentScopes] },
			ConsentGrant: {
				type: 'object',
				required: ['id', 'professionalName', 'organisationName', 'personName', 'scopes', 'grantedAt', 'endedAt', 'endReason'],
				properties: {
					id: { type: 'string' },
					professionalName: { type: ['string', 'null'], description: 'null when their account no longer exists' },
					organisationName: { type: ['string', 'null'] },
					personName: { type: 'string', description: 'The name you gave for the professional to see; may be empty' },
					scopes: { type: 'array', items: { $ref: '#/components/schemas/ConsentScope' } },
					grantedAt: { type: 'string', format: 'date-time' },
					endedAt: { type: ['string', 'null'], format: 'date-time' },
					endReason: { type: ['string', 'null'], enum: ['changed', 'withdrawn', 'professional_left', null], description: 'Why the grant ended: the person changed or withdrew it, or the professional left the organisation' }
				}
			},
			ConsentGrantList: {
				type: 'object',
				required: ['items'],
				properties: { items: { type: 'array', items: { $ref: '#/components/schemas/ConsentGrant' } } }
			},
			GrantConsentRequest: {
				type: 'object',
				required: ['code', 'scopes'],
				properties: {
					code: { type: 'string', description: '8 letters and digits; spaces, dashes and lower case are fine', example: 'K7QM-4TXP' },
					scopes: { type: 'array', minItems: 1, items: { $ref: '#/components/schemas/ConsentScope' } },
					personName: { type: 'string', maxLength: 80, description: 'How the professional will see you; default empty' }
				}
			},
			ChangeScopesRequest: {
				type: 'object',
				required: ['scopes'],
				properties: { scopes: { type: 'array', minItems: 1, items: { $ref: '#/components/schemas/ConsentScope' } } }
			},
			JournalEntry: {
				type: 'object',
				required: ['id', 'day', 'mood', 'body', 'wentWell', 'discuss', 'createdAt', 'updatedAt'],
				properties: {
					id: { type: 'string' },
					day: { type: 'string', format: 'date', description: 'The local day (Europe/Amsterdam) it was written' },
					mood: { type: 'integer', minimum: 1, maximum: 5, description: '1 very hard, 2 not so good, 3 okay, 4 good, 5 very good' },
					body: { type: ['string', 'null'] },
					wentWell: { type: ['string', 'null'], description: 'Something that went well' },
					discuss: { type: 'boolean', description: '"Bespreek dit": a professional you share with may read it' },
					createdAt: { type: 'string', format: 'date-time' },
					updatedAt: { type: 'string', format: 'date-time' }
				}
			},
			JournalEntryRequest: {
				type: 'object',
				required: ['mood'],
				properties: {
					mood: { type: 'integer', minimum: 1, maximum: 5, description: '1 very hard, 2 not so good, 3 okay, 4 good, 5 very good' },
					body: { ...nullableText(5000), description: 'Empty or left out: no text' },
					wentWell: { ...nullableText(1000), description: 'Something that went well; empty or left out: none' }
				}
			},
			SavedJournalEntry: { allOf: [{ $ref: '#/components/schemas/JournalEntry' }, crisisFlag] },
			JournalEntryPage: {
				type: 'object',
				required: ['items', 'next'],
				properties: {
					items: { type: 'array', items: { $ref: '#/components/schemas/JournalEntry' } },
					next: { type: ['string', 'null'], description: 'Pass as `before` for the next page; null on the last' }
				}
			},
			ThoughtCheck: {
				type: 'object',
				required: ['id', 'day', 'situation', 'thought', 'beliefBefore', 'factsFor', 'factsAgainst', 'alternative', 'beliefAfter', 'smallAction', 'discuss', 'createdAt'],
				properties: {
					id: { type: 'string' },
					day: { type: 'string', format: 'date', description: 'The local day (Europe/Amsterdam) it was written' },
					situation: { type: 'string' },
					thought: { type: 'string' },
					beliefBefore: { type: 'integer', minimum: 0, maximum: 100, description: 'How strongly you believed the thought, in %' },
					factsFor: { type: ['string', 'null'] },
					factsAgainst: { type: ['string', 'null'] },
					alternative: { type: ['string', 'null'], description: 'Another way to see it' },
					beliefAfter: { type: ['integer', 'null'], minimum: 0, maximum: 100, description: 'How strongly you believe it now, in %' },
					smallAction: { type: ['string', 'null'], description: 'One small action' },
					discuss: { type: 'boolean', description: '"Bespreek dit": a professional you share with may read it' },
					createdAt: { type: 'string', format: 'date-time' }
				}
			},
			ThoughtCheckRequest: {
				type: 'object',
				required: ['situation', 'thought', 'beliefBefore'],
				properties: {
					situation: { type: 'string', minLength: 1, maxLength: 2000 },
					thought: { type: 'string', minLength: 1, maxLength: 2000 },
					beliefBefore: { type: 'integer', minimum: 0, maximum: 100 },
					factsFor: nullableText(2000),
					factsAgainst: nullableText(2000),
					alternative: nullableText(2000),
					beliefAfter: { type: ['integer', 'null'], minimum: 0, maximum: 100 },
					smallAction: nullableText(1000)
				}
			},
			SavedThoughtCheck: { allOf: [{ $ref: '#/components/schemas/ThoughtCheck' }, crisisFlag] },
			ThoughtCheckPage: {
				type: 'object',
				required: ['items', 'next'],
				properties: {
					items: { type: 'array', items: { $ref: '#/components/schemas/ThoughtCheck' } },
					next: { type: ['string', 'null'], description: 'Pass as `before` for the next page; null on the last' }
				}
			},
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
			KindMomentRequest: {
				type: 'object',
				required: ['body'],
				properties: { body: { type: 'string', minLength: 1, maxLength: 1000 } }
			},
			SavedKindMoment: { allOf: [{ $ref: '#/components/schemas/KindMoment' }, crisisFlag] },
			KindMomentPage: {
				type: 'object',
				required: ['items', 'next'],
				properties: {
					items: { type: 'array', items: { $ref: '#/components/schemas/KindMoment' } },
					next: { type: ['string', 'null'], description: 'Pass as `before` for the next page; null on the last' }
				}
			},
			StepPlan: {
				type: 'object',
				required: ['id', 'stepId', 'plannedDay', 'doneAt', 'howItWent', 'note'],
				properties: {
					id: { type: 'string' },
					stepId: { type: 'string', description: 'The small step in the library (the /nl/stappen page lists them)' },
					plannedDay: { type: 'string', format: 'date' },
					doneAt: { type: ['string', 'null'], format: 'date-time', description: 'null while it is still open' },
					howItWent: { type: ['integer', 'null'], minimum: 1, maximum: 5 },
					note: { type: ['string', 'null'] }
				}
			},
			StepPlanRequest: {
				type: 'object',
				required: ['stepId', 'plannedDay'],
				properties: {
					stepId: { type: 'string', pattern: '^[a-z0-9-]{1,80}$', example: 'ask-for-a-tip' },
					plannedDay: { type: 'string', format: 'date', example: '2026-05-01' }
				}
			},
			StepDoneRequest: {
				type: 'object',
				required: ['howItWent'],
				properties: {
					howItWent: { type: 'integer', minimum: 1, maximum: 5, description: '1 not well … 5 very well' },
					note: nullableText(1000)
				}
			},
			SavedStepPlan: { allOf: [{ $ref: '#/components/schemas/StepPlan' }, crisisFlag] },
			StepPlanList: {
				type: 'object',
				required: ['items'],
				properties: { items: { type: 'array', items: { $ref: '#/components/schemas/StepPlan' } } }
			},
			DiscussRequest: {
				type: 'object',
				required: ['discuss'],
				properties: { discuss: { type: 'boolean', description: 'true to mark "bespreek dit", false to unmark' } }
			},
			AuditEvent: {
				type: 'object',
				required: ['id', 'at', 'action', 'object', 'actorName', 'organisationName'],
				properties: {
					id: { type: 'string' },
					at: { type: 'string', format: 'date-time' },
					action: { type: 'string', description: 'e.g. client.record.read, client.scope.read' },
					object: { type: ['string', 'null'], description: 'What was read, e.g. a scope' },
					actorName: { type: ['string', 'null'], description: 'null when their account no longer exists' },
					organisationName: { type: ['string', 'null'] }
				}
			},
			AuditEventPage: {
				type: 'object',
				required: ['items', 'next'],
				properties: {
					items: { type: 'array', items: { $ref: '#/components/schemas/AuditEvent' } },
					next: { type: ['string', 'null'], description: 'Pass as `before` for the next page; null on the last' }
				}
			},
			PersonalDataExport: {
				type: 'object',
				required: ['exportedAt', 'account', 'sessions', 'measurements', 'memberships', 'consents', 'accessLog', 'apiTokens'],
				properties: {
					exportedAt: { type: 'string', format: 'date-time' },
					account: {
						type: 'object',
						properties: {
							email: { type: 'string' },
							emailVerified: { type: 'boolean' },
							locale: { type: 'string' },
							createdAt: { type: 'string', format: 'date-time' },
							twoFactorEnabled: { type: 'boolean' }
						}
					},
					sessions: { type: 'array', items: { type: 'object' } },
					measurements: { type: 'array', items: { type: 'object' } },
					memberships: { type: 'array', items: { type: 'object' } },
					consents: { type: 'array', items: { type: 'object' } },
					accessLog: { type: 'array', items: { type: 'object' } },
					apiTokens: {
						type: 'array',
						description: 'Labels and dates only; the tokens themselves are never kept',
						items: { type: 'object' }
					}
				}
			},
			ClientInvitation: {
				type: 'object',
				required: ['id', 'email', 'organisationName', 'createdAt', 'expiresAt'],
				properties: {
					id: { type: 'string' },
					email: { type: ['string', 'null'], description: 'null when the code was handed over in person' },
					organisationName: { type: 'string' },
					createdAt: { type: 'string', format: 'date-time' },
					expiresAt: { type: 'string', format: 'date-time' }
				}
			},
			ClientInvitationList: {
				type: 'object',
				required: ['items'],
				properties: { items: { type: 'array', items: { $ref: '#/components/schemas/ClientInvitation' } } }
			},
			CreateClientInvitationRequest: {
				type: 'object',
				properties: {
					email: { type: 'string', format: 'email', description: 'Mail the code to this address; leave out to hand it over in person' },
					organisationId: { type: 'string', description: 'The organisation the invitation comes from; default: the first one you work in as a professional' },
					locale: { type: 'string', enum: ['nl', 'en'], default: 'nl', description: 'Language of the mail' }
				}
			},
			CreatedClientInvitation: {
				type: 'object',
				required: ['id', 'code', 'expiresAt', 'organisationId', 'mailed'],
				properties: {
					id: { type: 'string' },
					code: { type: 'string', description: 'Shown only now', example: 'K7QM-4TXP' },
					expiresAt: { type: 'string', format: 'date-time' },
					organisationId: { type: 'string' },
					mailed: { type: 'boolean', description: 'false when no address was given, or the mail could not be sent: hand the code over yourself' }
				}
			},
			InstrumentSummary: {
				type: 'object',
				required: ['id', 'version', 'title', 'itemCount'],
				properties: {
					id: { type: 'string', enum: [...instrumentIds] },
					version: { type: 'string' },
					title: { type: 'string' },
					itemCount: { type: 'integer' }
				}
			},
			Instrument: {
				type: 'object',
				required: ['id', 'version', 'locale', 'title', 'items', 'options', 'totalRange', 'bands', 'missingRule', 'citation'],
				properties: {
					id: { type: 'string' },
					version: { type: 'string' },
					locale: { type: 'string', enum: ['nl', 'en'] },
					title: { type: 'string' },
					leadIn: { type: 'string' },
					items: {
						type: 'array',
						items: {
							type: 'object',
							properties: {
								number: { type: 'integer' },
								text: { type: 'string' },
								subscale: { type: ['string', 'null'], enum: ['emotional', 'social', null] },
								direction: { type: 'string', enum: ['positive', 'negative', 'frequency'] }
							}
						}
					},
					options: {
						type: 'array',
						items: { type: 'object', properties: { id: { type: 'string' }, label: { type: 'string' } } }
					},
					totalRange: {
						type: 'object',
						properties: { min: { type: 'integer' }, max: { type: 'integer' } }
					},
					subscales: { type: 'array', items: { type: 'string' } },
					bands: {
						type: 'array',
						items: {
							type: 'object',
							properties: {
								id: { type: 'string' },
								min: { type: 'integer' },
								max: { type: 'integer' },
								label: { type: 'string' }
							}
						}
					},
					indication: { type: ['object', 'null'] },
					missingRule: {
						type: 'object',
						properties: { id: { type: 'string' }, description: { type: 'string' } }
					},
					citation: {
						type: 'object',
						properties: {
							text: { type: 'string' },
							url: { type: ['string', 'null'] },
							terms: { type: 'string' }
						}
					},
					translationNote: { type: ['string', 'null'] }
				}
			},
			ScoreRequest: {
				type: 'object',
				additionalProperties: false,
				required: ['answers'],
				properties: {
					answers: {
						type: 'object',
						description:
							'Item number (as in the published scale) → option id: yes / more_or_less / no for DJG, hardly_ever / some_of_the_time / often for UCLA-3. Leave unanswered items out.',
						additionalProperties: { type: 'string' }
					}
				}
			},
			Score: {
				type: 'object',
				required: ['instrument', 'version', 'total', 'subscales', 'band', 'answered', 'missing'],
				properties: {
					instrument: { type: 'string' },
					version: { type: 'string' },
					total: { type: ['integer', 'null'], description: 'null when the missing-answer rule gives no total' },
					subscales: {
						type: ['object', 'null'],
						description: 'null for UCLA-3',
						properties: {
							emotional: { type: ['integer', 'null'] },
							social: { type: ['integer', 'null'] }
						}
					},
					band: {
						type: ['string', 'null'],
						enum: ['not_lonely', 'moderately_lonely', 'severely_lonely', 'very_severely_lonely', null]
					},
					answered: { type: 'integer' },
					missing: { type: 'array', items: { type: 'integer' } }
				}
			},
			...relationships.schemas
		}
	}
} as const;
