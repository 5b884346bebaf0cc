/**
 * What the consent forms and API accept. Issues carry message ids (the vocabulary is in $lib/kernel/form-errors).
 * - `consentLimits`: the longest code, name and organisation id, for the API's strict schemas too.
 */
import { z } from 'zod';
import { email } from '$lib/features/accounts/accounts.schema';
import { consentAudiences, grantableScopes } from '$lib/kernel/consent-scopes';
import { countInReportsField } from '$lib/features/report-consent/report-consent.schema';
import { normaliseClientCode } from './consent';

export const consentLimits = { code: 40, personName: 80, organisationId: 64 } as const;

export const clientCodeSchema = z
	.string({ error: 'code_invalid' })
	.max(consentLimits.code, 'code_invalid')
	.transform((value, ctx) => {
		const code = normaliseClientCode(value);
		if (!code) {
			ctx.addIssue({ code: 'custom', message: 'code_invalid' });
			return z.NEVER;
		}
		return code;
	});

/** At least one scope: consent that shares nothing is no consent (withdrawing is its own action). */
export const scopesSchema = z
	.array(z.enum(grantableScopes, { error: 'scopes_missing' }), { error: 'scopes_missing' })
	.min(1, 'scopes_missing')
	.max(grantableScopes.length, 'scopes_missing')
	.transform((scopes) => grantableScopes.filter((scope) => scopes.includes(scope)));

const personName = z.string({ error: 'name_too_long' }).trim().max(consentLimits.personName, 'name_too_long').default('');

/** Only the professional unless the person chooses the whole organisation: colleagues are never let in by default. */
const audience = z.enum(consentAudiences, { error: 'audience_invalid' });

export const acceptInvitationSchema = z.object({
	code: clientCodeSchema,
	scopes: scopesSchema,
	personName,
	audience: audience.default('professional'),
	/** Counting in the organisation's figures: its own choice, never ticked for the person. */
	countInReports: countInReportsField
});
/** Left out (the API's PATCH with scopes only): the grant keeps whom it lets in. */
export const changeScopesSchema = z.object({ scopes: scopesSchema, audience: audience.optional() });

/** The e-mail address is optional: without it, the professional hands the code over in person. */
export const createClientInvitationSchema = z.object({
	email: z.union([z.literal(''), email]).optional().transform((value) => value || undefined),
	organisationId: z.string().max(consentLimits.organisationId).optional()
});
