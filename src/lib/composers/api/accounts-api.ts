/**
 * What the account routes of the API share (consents, a professional's invitations, the audit events about the caller).
 * - `grantConsentBody`, `changeScopesBody`, `invitationBody`: the request bodies (contract.ts), piped into
 *   consent.schema.ts; `accountWords` gives that schema's message ids in words.
 * - `auditEventsQuerySchema`: `limit` and `before` of the audit events (read with `parseQuery`).
 */
import { z } from 'zod';
import { consentAudiences, grantableScopes } from '$lib/kernel/consent-scopes';
import { acceptInvitationSchema, changeScopesSchema, consentLimits, createClientInvitationSchema } from '$lib/features/consent/consent.schema';
import { emailMaxLength } from '$lib/features/accounts/accounts.schema';
import { listLimit } from './self-help-api';
import { apiBody, jsonObject, oneOf } from './contract';

const codeReason = 'must be an invitation code of 8 letters and digits, e.g. "K7QM-4TXP"';
const scopesReason = `must be a non-empty array of: ${grantableScopes.join(', ')}`;
const audienceReason = 'must be "professional" (only the professional who invited; the default) or "organisation" (their colleagues too)';
const nameReason = `must be text of at most ${consentLimits.personName} characters`;
const emailReason = 'must be an e-mail address, e.g. "name@example.com"';

const scopes = z
	.array(z.enum(grantableScopes), { error: scopesReason })
	.min(1, scopesReason)
	.max(grantableScopes.length, scopesReason)
	.meta({ description: `What you share: at most ${grantableScopes.length} scopes, each counted once` });
const audience = z.enum(consentAudiences, { error: audienceReason });

export const grantConsentBody = apiBody(
	jsonObject({
		code: z.string({ error: codeReason }).min(1, codeReason).max(consentLimits.code, codeReason).meta({
			description: '8 letters and digits; spaces, dashes and lower case are fine',
			examples: ['K7QM-4TXP']
		}),
		scopes,
		personName: z.string({ error: nameReason }).max(consentLimits.personName, nameReason).optional().meta({ description: 'How the professional will see you; default empty' }),
		audience: audience.optional().meta({ description: 'Who may read: the professional who invited (default) or their organisation' }),
		countInReports: z
			.boolean({ error: 'must be true or false' })
			.optional()
			.meta({ description: "Your results may count, without your name, in the organisation's figures. Left out: as it is (off unless you chose it before)" })
	}),
	acceptInvitationSchema
);

export const changeScopesBody = apiBody(
	jsonObject({ scopes, audience: audience.optional().meta({ description: 'Left out: as it is' }) }),
	changeScopesSchema
);

export const invitationBody = apiBody(
	jsonObject({
		email: z
			.string({ error: emailReason })
			.max(emailMaxLength, emailReason)
			.optional()
			.meta({ format: 'email', description: 'Mail the code to this address; empty or left out: hand it over in person' }),
		organisationId: z
			.string({ error: 'must be the id of an organisation you work in' })
			.max(consentLimits.organisationId, 'must be the id of an organisation you work in')
			.optional()
			.meta({ description: 'The organisation the invitation comes from; default: the first one you work in as a professional' }),
		locale: z.enum(['nl', 'en'], { error: oneOf(['nl', 'en']) }).optional().meta({ description: 'Language of the mail; default nl' })
	}),
	createClientInvitationSchema.extend({ locale: z.enum(['nl', 'en']).default('nl') })
);

/** consent.schema.ts's message ids in words for API clients. */
export const accountWords = {
	code_invalid: codeReason,
	scopes_missing: scopesReason,
	name_too_long: nameReason,
	email_invalid: emailReason,
	professional_left: 'cannot be "professional": that professional no longer works in the organisation; keep "organisation", or withdraw'
};

const beforeReason = 'must be the "next" value of the previous page, or an ISO 8601 instant, e.g. "2026-05-01T12:00:00Z"';

export const auditEventsQuerySchema = z.object({
	limit: listLimit(50),
	before: z
		.string({ error: beforeReason })
		.max(100, beforeReason)
		.regex(/^[^|]+(\|[0-9a-f-]{36})?$/, beforeReason)
		.refine((value) => !Number.isNaN(Date.parse(value.split('|')[0]!)), beforeReason)
		.optional()
		.meta({ description: 'Where the page starts: the `next` of the previous page (`<instant>|<id>`), or an ISO 8601 instant (events strictly before it).' })
});
