/**
 * The audit log's vocabulary: every action brug records, so pages and the API can name it in words.
 * - `auditActions`: all actions; reads of a person's data start with `client.`.
 * - `isReadOfPersonalData(action)`: true for the reads a person sees under "wie heeft mijn gegevens bekeken".
 */
export const auditActions = [
	// A professional opened a client's page, or read one kind of shared data (object: the scope).
	'client.record.read',
	'client.scope.read',
	// A professional's list of clients showed the person's latest results and signals (object: the scopes read).
	'client.caseload.read',
	// A professional read one entry the person marked "bespreek dit" (object: the entry id).
	'client.shared_entry.read',
	// A professional read the conversation notes about the person (object: the note id, or `list`).
	'client.notes.read',
	// A professional read the self-sufficiency ratings about the person, with their notes (object: `list`).
	'client.ratings.read',
	// A professional read the questionnaire requests to the person, which show when they filled one in.
	'client.requests.read',
	// A professional read the client's programme: weeks, steps done, shared check-ins (object: the enrolment id).
	'client.programme.read',
	// A group's leader read a participant's attendance, check-ins or their own notes (object: the group id).
	'client.group.read',
	// A person's own consent decisions (object: the scopes).
	'consent.granted',
	'consent.changed',
	'consent.withdrawn',
	// A person's choice to count, without their name, in an organisation's figures (object: the organisation id).
	'report_consent.granted',
	'report_consent.withdrawn',
	// Organisation admins (object: an invitation id or the role).
	'organisation.created',
	'organisation.invitation_sent',
	'organisation.invitation_revoked',
	'organisation.member_joined',
	'organisation.member_removed',
	// A professional's invitations to people (object: the invitation id).
	'client_invitation.created',
	'client_invitation.revoked'
] as const;

export type AuditAction = (typeof auditActions)[number];

export function isReadOfPersonalData(action: string): boolean {
	return action.startsWith('client.');
}
