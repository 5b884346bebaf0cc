/**
 * The schemas of the professional API (openapi-professional.ts has its paths): the caseload, a client's summary,
 * measurements, measurement requests, health webs, self-sufficiency ratings and conversation notes.
 */
import { caseloadSignalIds } from '$lib/composers/caseload/signals';
import { healthWebDimensions, healthWebScoreMax, healthWebScoreMin } from '$lib/features/health-web/health-web';
import { instrumentIds } from '$lib/features/instruments/instruments';
import { selfSufficiencyDomains, strengthSources } from '$lib/features/self-sufficiency/domains';
import { listOf, localDay, ref } from './openapi-parts';
import { requestField } from './openapi-requests';

const instant = (description?: string) => ({ type: 'string', format: 'date-time', ...(description ? { description } : {}) });
const nullableInstant = (description: string) => ({ type: ['string', 'null'], format: 'date-time', description });
const band = { type: ['string', 'null'], enum: ['not_lonely', 'moderately_lonely', 'severely_lonely', 'very_severely_lonely', null] };
const scopes = { type: 'array', items: ref('ConsentScope') };
const perDomain = (schema: object) => ({
	type: 'object',
	additionalProperties: false,
	properties: Object.fromEntries(selfSufficiencyDomains.map((domain) => [domain, schema]))
});

export const professionalSchemas = {
	CaseloadSignal: {
		type: 'object',
		required: ['id'],
		description:
			'One reason to look, most important first. severe_band: `results` (instrument, takenAt, total, band, basis: band or indication); score_worsened: `changes` (instrument, previous, latest, change, takenAt); discuss_unread: `count` of "bespreek dit" items you have not opened; week1_unopened: the programme\'s week 1 not opened by `day` 10 or later; no_step: `days` without a step in the programme since `lastActiveDay`; health_web_drop: `drops` (dimension, previous, current, change); inactive: `lastActivityDay` and `days` (both null when longer ago than brug looks)',
		properties: {
			id: { type: 'string', enum: [...caseloadSignalIds] },
			results: { type: 'array', items: { type: 'object' } },
			changes: { type: 'array', items: { type: 'object' } },
			count: { type: 'integer' },
			day: { type: 'integer', description: 'Days into the programme, paused days not counted' },
			drops: { type: 'array', items: { type: 'object' } },
			lastActivityDay: { type: ['string', 'null'], format: 'date' },
			days: { type: ['integer', 'null'] }
		}
	},
	CaseloadEntry: {
		type: 'object',
		required: ['personId', 'name', 'scopes', 'since', 'signals', 'openRequests', 'lastActivityDay', 'latest'],
		properties: {
			personId: { type: 'string' },
			name: { type: 'string', description: 'The name the person chose for you, or their e-mail address' },
			scopes,
			since: instant('When they started sharing with you'),
			signals: { type: 'array', items: ref('CaseloadSignal') },
			openRequests: { type: 'integer', minimum: 0, description: 'Your open measurement requests for them' },
			lastActivityDay: { type: ['string', 'null'], format: 'date', description: 'Last day active in brug; null without the programme scope or any activity' },
			latest: {
				type: ['object', 'null'],
				description: 'The newest scored measurement of any scale, and the change since the one before on that scale',
				properties: {
					instrument: { type: 'string', enum: [...instrumentIds] },
					takenAt: instant(),
					total: { type: 'integer' },
					max: { type: ['integer', 'null'] },
					band,
					change: { type: ['integer', 'null'], description: 'Higher is lonelier; null without an earlier one' }
				}
			}
		}
	},
	CaseloadPage: {
		type: 'object',
		required: ['items', 'matching', 'total', 'page', 'pages'],
		properties: {
			items: { type: 'array', items: ref('CaseloadEntry') },
			matching: { type: 'integer', description: 'Clients that pass the filters' },
			total: { type: 'integer', description: 'Clients in your whole caseload' },
			page: { type: 'integer' },
			pages: { type: 'integer' }
		}
	},
	ClientSummary: {
		type: 'object',
		required: ['personId', 'name', 'organisationId', 'organisationName', 'scopes', 'since'],
		properties: {
			personId: { type: 'string' },
			name: { type: 'string', description: 'The name the person chose for you, or their e-mail address' },
			organisationId: { type: 'string' },
			organisationName: { type: 'string', description: 'Where they share with you' },
			scopes,
			since: instant('When the current consent was given')
		}
	},
	ClientMeasurement: {
		type: 'object',
		required: ['id', 'instrument', 'takenAt', 'total', 'max', 'band', 'emotional', 'social'],
		properties: {
			id: { type: 'string' },
			instrument: { type: 'string', enum: [...instrumentIds] },
			takenAt: instant(),
			total: { type: ['integer', 'null'], description: 'null when the missing-answer rule gives no total' },
			max: { type: ['integer', 'null'] },
			band,
			emotional: { type: ['integer', 'null'], description: 'DJG subscales; null for UCLA-3' },
			social: { type: ['integer', 'null'] }
		}
	},
	ClientMeasurementList: listOf('ClientMeasurement'),
	FhirBundle: {
		type: 'object',
		required: ['resourceType', 'type'],
		description: 'A FHIR R4 Bundle (https://hl7.org/fhir/R4/bundle.html) of type collection',
		properties: { resourceType: { const: 'Bundle' }, type: { const: 'collection' }, entry: { type: 'array', items: { type: 'object' } } }
	},
	MeasurementRequest: {
		type: 'object',
		required: ['id', 'personId', 'professionalId', 'organisationId', 'instrument', 'repeatWeeks', 'dueDay', 'endedAt', 'endReason', 'lastMeasurementId', 'createdAt'],
		properties: {
			id: { type: 'string' },
			personId: { type: 'string' },
			professionalId: { type: ['string', 'null'] },
			organisationId: { type: 'string' },
			instrument: { type: 'string', enum: [...instrumentIds] },
			repeatWeeks: { type: ['integer', 'null'], description: 'null: once' },
			dueDay: localDay('From this day on the client sees it as a task; a repeat moves it on after each answer'),
			endedAt: nullableInstant('null while open'),
			endReason: { type: ['string', 'null'], description: 'e.g. done, cancelled, consent_withdrawn, consent_changed' },
			lastMeasurementId: { type: ['string', 'null'], description: 'The measurement that last answered it' },
			createdAt: instant()
		}
	},
	MeasurementRequestList: listOf('MeasurementRequest'),
	HealthWeb: {
		type: 'object',
		required: ['id', 'takenAt', 'scores', 'discuss'],
		properties: {
			id: { type: 'string' },
			takenAt: instant(),
			scores: {
				type: 'object',
				properties: Object.fromEntries(healthWebDimensions.map((d) => [d, { type: 'integer', minimum: healthWebScoreMin, maximum: healthWebScoreMax }]))
			},
			discuss: { type: 'array', items: { type: 'string', enum: [...healthWebDimensions] }, description: 'Dimensions the client wants to talk about' }
		}
	},
	HealthWebList: listOf('HealthWeb'),
	SelfSufficiencyRating: {
		type: 'object',
		required: ['id', 'ratedAt', 'professionalName', 'domains'],
		properties: {
			id: { type: 'string' },
			ratedAt: instant(),
			professionalName: { type: ['string', 'null'], description: 'Who rated; null when their account no longer exists' },
			domains: {
				...perDomain({
					type: 'object',
					required: ['level', 'source', 'note'],
					properties: {
						level: requestField('SelfSufficiencyRatingRequest', `${selfSufficiencyDomains[0]}.level`, { nullable: true }),
						source: { type: ['string', 'null'], enum: [...strengthSources, null] },
						note: { type: ['string', 'null'] }
					}
				}),
				description: 'The domains rated; a skipped domain is absent'
			}
		}
	},
	SelfSufficiencyRatingList: listOf('SelfSufficiencyRating'),
	ConversationNote: {
		type: 'object',
		required: ['id', 'personId', 'organisationId', 'authorId', 'authorName', 'day', 'body', 'summary', 'sharedAt', 'seenAt', 'createdAt', 'updatedAt'],
		properties: {
			id: { type: 'string' },
			personId: { type: 'string' },
			organisationId: { type: 'string' },
			authorId: { type: ['string', 'null'] },
			authorName: { type: ['string', 'null'], description: 'null when their account no longer exists' },
			day: localDay('The day of the conversation'),
			body: { type: 'string' },
			summary: { type: ['string', 'null'] },
			sharedAt: nullableInstant('Since when the client sees the summary; null: not shared'),
			seenAt: nullableInstant('When the client opened the shared summary'),
			createdAt: instant(),
			updatedAt: instant()
		}
	},
	ConversationNoteList: listOf('ConversationNote'),
};
