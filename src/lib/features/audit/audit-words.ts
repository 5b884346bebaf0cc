/** What an audit event means, in the page's language. */
import { m } from '$lib/paraglide/messages';
import { isConsentScope } from '$lib/kernel/consent-scopes';
import { scopeLabel } from '$lib/kernel/scope-words';
import { roleLabel } from '$lib/features/organisations/organisation-words';

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
