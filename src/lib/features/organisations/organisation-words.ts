/** The organisation's roles and kinds in the page's language. */
import { m } from '$lib/paraglide/messages';
import type { MembershipRole, OrganisationKind } from '$lib/server/db/schema';

export function roleLabel(role: MembershipRole | string): string {
	if (role === 'admin') return m.role_admin();
	if (role === 'report_reader') return m.report_role_report_reader();
	return m.role_professional();
}

export function roleHint(role: MembershipRole): string {
	if (role === 'admin') return m.organisation_role_admin_hint();
	if (role === 'report_reader') return m.report_role_report_reader_hint();
	return m.organisation_role_professional_hint();
}

export function kindLabel(kind: OrganisationKind): string {
	const labels: Record<OrganisationKind, () => string> = {
		welfare: m.kind_welfare,
		practice: m.kind_practice,
		municipality_team: m.kind_municipality_team,
		funder: m.funder_kind_funder
	};
	return labels[kind]();
}
