/**
 * The public part of the OpenAPI document: the loneliness instruments (De Jong Gierveld 11 and 6 items, UCLA 3 items),
 * their definitions in one language and their scoring (nothing is stored).
 */
import { z } from 'zod';
import { instrumentIds } from '$lib/features/instruments/instruments';
import { bodySchemaOf, pathParameter } from './contract';
import { localeParams, open, problemResponse } from './openapi-parts';

const idParam = { ...pathParameter('id', 'The instrument; an unknown one is a 404'), schema: bodySchemaOf(z.enum(instrumentIds)) };

export const instrumentPaths = {
	'/api/v1/instruments': {
		get: {
			operationId: 'listInstruments',
			summary: 'List the instruments',
			security: open,
			parameters: localeParams,
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
			security: open,
			parameters: [idParam, ...localeParams],
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
			security: open,
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
	}
};

export const instrumentSchemas = {
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
	}
};
