/**
 * The account side of the OpenAPI document: a person's consents to professionals, what professionals did with their
 * data (the audit events), their data export, and a professional's invitations to people.
 */
import { consentAudiences, consentScopes } from '$lib/kernel/consent-scopes';
import { idPathParam, jsonBodyProblems, jsonContent, listOf, pageOf, problemResponse, refusals, secured, tooMany } from './openapi-parts';
import { queryParameters } from './contract';
import { auditEventsQuerySchema } from './accounts-api';

export const accountPaths = {
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
				'429': tooMany,
				'503': problemResponse('Code attempts cannot be counted right now, so none is tried; `Retry-After` gives the seconds to wait')
			}
		}
	},
	'/api/v1/me/consents/{id}': {
		patch: {
			operationId: 'changeConsentScopes',
			summary: 'Share other scopes, or with other people (audience): the consent ends and a new one starts (history is kept)',
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
	'/api/v1/me/audit-events': {
		get: {
			operationId: 'listMyAuditEvents',
			summary: 'What professionals did with your data, newest first',
			security: secured,
			parameters: queryParameters(auditEventsQuerySchema),
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
	}
};

export const accountSchemas = {
	ConsentScope: { type: 'string', enum: [...consentScopes] },
	ConsentAudience: {
		type: 'string',
		enum: [...consentAudiences],
		description: 'Whom the consent lets in: professional, only the professional whose code you used; organisation, every professional of their organisation (a team)'
	},
	ConsentGrant: {
		type: 'object',
		required: ['id', 'professionalName', 'organisationName', 'personName', 'scopes', 'audience', 'professionalActive', 'grantedAt', 'endedAt', 'endReason'],
		properties: {
			id: { type: 'string' },
			professionalName: { type: ['string', 'null'], description: 'null when their account no longer exists' },
			organisationName: { type: ['string', 'null'] },
			personName: { type: 'string', description: 'The name you gave for the professional to see; may be empty' },
			scopes: { type: 'array', items: { $ref: '#/components/schemas/ConsentScope' } },
			audience: { $ref: '#/components/schemas/ConsentAudience' },
			professionalActive: {
				type: 'boolean',
				description: 'The professional still works in the organisation; when false, audience "professional" is refused (422)'
			},
			grantedAt: { type: 'string', format: 'date-time' },
			endedAt: { type: ['string', 'null'], format: 'date-time' },
			endReason: { type: ['string', 'null'], enum: ['changed', 'withdrawn', 'professional_left', null], description: 'Why the grant ended: the person changed or withdrew it, or the professional left the organisation' }
		}
	},
	ConsentGrantList: listOf('ConsentGrant'),
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
	AuditEventPage: pageOf('AuditEvent'),
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
			conversationSummaries: {
				type: 'array',
				description: 'Summaries professionals shared with you after a conversation (their own working notes are not part of it)',
				items: { type: 'object' }
			},
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
	ClientInvitationList: listOf('ClientInvitation'),
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
	}
};
