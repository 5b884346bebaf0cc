/** The words for scopes and for the end of a grant, in the page's language. */
import { m } from '$lib/paraglide/messages';
import type { ConsentAudience } from '$lib/kernel/consent-scopes';

/** The professional of a grant by name; "a former counsellor" once their account is gone. */
export function professionalOf(grant: { professionalName: string | null }): string {
	return grant.professionalName ?? m.sharing_professional_gone();
}

/** Who a grant is with, as a heading ("Gerda, Welzijn Noord" or "Gerda en team, Welzijn Noord"). */
export function grantWith(grant: { audience: ConsentAudience; professionalName: string | null; organisationName: string | null; groupName?: string | null }): string {
	const names = { professional: professionalOf(grant), organisation: grant.organisationName ?? '–' };
	if (grant.audience === 'group') return m.groupme_sharing_heading({ name: grant.groupName ?? '–', organisation: names.organisation });
	if (grant.audience === 'organisation' && grant.professionalName === null) return m.sharing_with_org_team(names);
	return grant.audience === 'organisation' ? m.sharing_with_team(names) : m.sharing_with(names);
}

export function audienceLabel(audience: ConsentAudience, names: { professional: string; organisation: string }): string {
	return audience === 'organisation' ? m.audience_organisation(names) : m.audience_professional(names);
}

export function audienceExplanation(audience: ConsentAudience, names: { professional: string; organisation: string }): string {
	return audience === 'organisation' ? m.audience_organisation_hint(names) : m.audience_professional_hint(names);
}

export function grantEndText(reason: string | null): string {
	switch (reason) {
		case 'withdrawn':
			return m.consent_end_withdrawn();
		case 'changed':
			return m.consent_end_changed();
		case 'professional_left':
			return m.consent_end_professional_left();
		default:
			return m.consent_active();
	}
}
