/**
 * What an audit event means, in the page's language.
 * - `auditActionText(action, object, names?)`: one event, e.g. "Heeft bekeken: Mijn uitslagen".
 * - `visitSummaryText(visit, { deletedAccount })`: one visit (`./visits`) on one line.
 */
import { m } from '$lib/paraglide/messages';
import { formatDate, formatTime, intlLocale } from '$lib/i18n/format';
import { isConsentScope, type ConsentScope } from '$lib/kernel/consent-scopes';
import { scopeLabel } from '$lib/kernel/scope-words';
import { roleLabel } from '$lib/features/organisations/organisation-words';
import { visitParts, type Visit, type VisitEvent, type VisitPart } from './visits';

function scopes(object: string | null): string {
	return (object ?? '').split(',').filter(isConsentScope).map(scopeLabel).join(', ');
}

function role(object: string | null): string {
	return roleLabel(object ?? 'professional');
}

/** `names.group`: for a read of a group's data, the group's name (the event names it by its id). */
export function auditActionText(action: string, object: string | null, names: { group?: string | null } = {}): string {
	switch (action) {
		case 'client.record.read':
			return m.audit_client_record_read();
		case 'client.scope.read':
			return m.audit_client_scope_read({ what: scopes(object) });
		case 'client.caseload.read':
			return scopes(object) ? m.audit_client_caseload_read({ what: scopes(object) }) : m.audit_client_caseload_read_name();
		case 'client.shared_entry.read':
			return m.audit_client_shared_entry_read();
		case 'client.notes.read':
			return m.audit_client_notes_read();
		case 'client.ratings.read':
			return m.audit_client_ratings_read();
		case 'client.requests.read':
			return m.audit_client_requests_read();
		case 'client.programme.read':
			return m.audit_client_programme_read();
		case 'client.group.read':
			return names.group ? m.groupfile_audit_group_read({ group: names.group }) : m.audit_client_group_read();
		case 'consent.granted':
			return m.audit_consent_granted({ what: scopes(object) });
		case 'consent.changed':
			return m.audit_consent_changed({ what: scopes(object) });
		case 'consent.withdrawn':
			return m.audit_consent_withdrawn();
		case 'report_consent.granted':
			return m.reportconsent_audit_granted();
		case 'report_consent.withdrawn':
			return m.reportconsent_audit_withdrawn();
		case 'organisation.created':
			return m.audit_organisation_created();
		case 'organisation.invitation_sent':
			return m.audit_invitation_sent({ role: role(object) });
		case 'organisation.invitation_revoked':
			return m.audit_invitation_revoked();
		case 'organisation.member_joined':
			return m.audit_member_joined({ role: role(object) });
		case 'organisation.member_removed':
			return m.audit_member_removed({ role: role(object) });
		case 'client_invitation.created':
			return m.audit_client_invitation_created();
		case 'client_invitation.revoked':
			return m.audit_client_invitation_revoked();
		default:
			return action;
	}
}

function partText(part: VisitPart): string {
	switch (part.kind) {
		case 'record':
			return m.accesslog_part_record();
		case 'caseload':
			return m.accesslog_part_caseload();
		case 'scope':
			return scopePartText(part.scope);
		case 'entries':
			return part.count === 1 ? m.accesslog_part_entry() : m.accesslog_part_entries({ count: part.count });
		case 'notes':
			return m.accesslog_part_notes();
		case 'ratings':
			return m.accesslog_part_ratings();
		case 'requests':
			return m.accesslog_part_requests();
		case 'programme':
			return m.accesslog_part_programme();
		case 'group':
			return part.name ? m.accesslog_part_group_named({ group: part.name }) : m.accesslog_part_group();
		case 'other':
			return auditActionText(part.action, part.object);
	}
}

function scopePartText(scope: ConsentScope): string {
	switch (scope) {
		case 'measurements':
			return m.accesslog_part_measurements();
		case 'programme':
			return m.accesslog_part_programme();
		case 'health_web':
			return m.accesslog_part_health_web();
		case 'relationship_summary':
			return m.accesslog_part_relationship_summary();
		case 'group':
			return m.accesslog_part_group();
	}
}

/**
 * One line for a visit: "Joris Smit bekeek op 6 dec 2026 om 14:02: je pagina, je uitslagen en 2 stukjes …", dated
 * by its first event in brug's time zone. An event that is not a read keeps its own words.
 */
export function visitSummaryText(
	visit: Visit<VisitEvent & { actorName: string | null }>,
	options: { deletedAccount: string }
): string {
	const first = visit.events.at(-1)!;
	const who = first.actorName ?? options.deletedAccount;
	const date = formatDate(visit.start, 'medium');
	const time = formatTime(visit.start);
	const organisation = first.organisationName;
	if (!visit.read) {
		const what = auditActionText(first.action, first.object, { group: first.groupName });
		return organisation
			? m.accesslog_other_organisation({ who, organisation, date, time, what })
			: m.accesslog_other({ who, date, time, what });
	}
	const what = new Intl.ListFormat(intlLocale(), { type: 'conjunction' }).format(visitParts(visit).map(partText));
	return organisation
		? m.accesslog_visit_organisation({ who, organisation, date, time, what })
		: m.accesslog_visit({ who, date, time, what });
}
