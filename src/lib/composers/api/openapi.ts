/**
 * The OpenAPI 3.1 description of brug's JSON API, served at /api/openapi.json, put together from one part per area
 * (openapi-<area>.ts, built from the shared pieces in openapi-parts.ts).
 * A test compares its paths with the API routes, so an undocumented endpoint fails the build; another checks that
 * every personal operation declares `security`, and the end-to-end tests call each of those without credentials.
 */
import { accountPaths, accountSchemas } from './openapi-accounts';
import { instrumentPaths, instrumentSchemas } from './openapi-instruments';
import { journalPaths, journalSchemas } from './openapi-journal';
import { kindMomentPaths, kindMomentSchemas } from './openapi-kind-moments';
import { plannedMomentPaths, plannedMomentSchemas } from './openapi-planned-moments';
import { programmePaths } from './openapi-programme';
import { programmeSchemas } from './openapi-programme-schemas';
import { professionalPaths } from './openapi-professional';
import { professionalSchemas } from './openapi-professional-schemas';
import { groupListSchemas, groupPaths } from './openapi-groups';
import { groupSchemas } from './openapi-groups-schemas';
import { open, problemResponse } from './openapi-parts';
import { requestSchemas } from './openapi-requests';
import { reportPaths, reportSchemas } from './openapi-reports';
import { relationshipPaths, relationshipSchemas } from './openapi-relationships';
import { smallStepPaths, smallStepSchemas } from './openapi-small-steps';

export const openApiDocument = {
	openapi: '3.1.0',
	info: {
		title: 'brug API',
		version: '1.0.0',
		description:
			"Loneliness instruments (De Jong Gierveld 11 and 6 items, UCLA 3 items) and their scoring (public; scoring stores nothing), and the personal API: your journal, thought checks, kind moments and planned small steps, the eight-week programme with your plan for next time, the people on your relationship map with contact moments and planned moments (free text and names are encrypted at rest), your consents, what professionals did with your data, your data export; and for professionals their invitations, their caseload and, per client who shares with them, the client's measurements (also as a FHIR R4 Bundle), measurement requests, health webs, self-sufficiency ratings, conversation notes and programme; group trainings: a person's own groups (join by code, leave, afmelden, check-in; never another member) and, for the leaders, the groups they lead (attendance, drop-out signals, check-in totals, moving and cancelling sessions); outcome reports for an organisation's admins and report readers, and the reports shared with a funder (aggregates only, never a person) (professionals need two-step sign-in on; every read of a client's data is audited, and the client sees it). Personal operations take the session cookie of brug's pages or a personal API token (`Authorization: Bearer brug_…`, made and revoked on your account page). Their answers are never cached (`Cache-Control: no-store`). Errors are RFC 9457 problem details.",
		license: { name: 'Proprietary', identifier: 'LicenseRef-brug-proprietary' }
	},
	servers: [{ url: '/' }],
	paths: {
		...instrumentPaths,
		...accountPaths,
		...journalPaths,
		...kindMomentPaths,
		...smallStepPaths,
		...relationshipPaths,
		...plannedMomentPaths,
		...programmePaths,
		...professionalPaths,
		...groupPaths,
		...reportPaths,
		'/healthz': {
			get: {
				operationId: 'health',
				summary: 'Health check (database reachable)',
				security: open,
				responses: {
					'200': { description: 'Healthy' },
					'413': problemResponse('The request carries a body larger than the server takes'),
					'503': { description: 'The database does not answer' }
				}
			}
		}
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
			...instrumentSchemas,
			...accountSchemas,
			...journalSchemas,
			...kindMomentSchemas,
			...smallStepSchemas,
			...relationshipSchemas,
			...plannedMomentSchemas,
			...programmeSchemas,
			...professionalSchemas,
			...groupSchemas,
			...groupListSchemas,
			...reportSchemas,
			...requestSchemas
		}
	}
} as const;
