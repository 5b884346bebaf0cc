/**
 * Organisations, the pure part.
 * - `organisationKinds`, `membershipRoles`: what can be chosen.
 * - `createInvitationToken()`, `hashInvitationToken(token)`: the secret in a mailed invitation link.
 * - `isLastAdmin(members, membershipId)`: an organisation always keeps one admin.
 * - `reportsMenu(organisations)`: where the account reads reports: its organisations' own, and a funder's.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { MembershipRole, OrganisationKind } from '$lib/server/db/schema';

export const organisationKinds: readonly OrganisationKind[] = ['welfare', 'practice', 'municipality_team', 'funder'];
export const membershipRoles: readonly MembershipRole[] = ['professional', 'admin', 'report_reader'];
export const memberInvitationDays = 7;

export function createInvitationToken(): string {
	return randomBytes(32).toString('base64url');
}

export function isWellFormedInvitationToken(token: string): boolean {
	return /^[A-Za-z0-9_-]{43}$/.test(token);
}

export function hashInvitationToken(token: string): string {
	return createHash('sha256').update(`member-invitation:${token}`).digest('hex');
}

export function isLastAdmin(members: readonly { membershipId: string; role: MembershipRole }[], membershipId: string): boolean {
	const admins = members.filter((m) => m.role === 'admin');
	return admins.length === 1 && admins[0]!.membershipId === membershipId;
}

/** Admins and report readers read their organisation's reports; in a funder, the reports shared with it. */
export function reportsMenu(organisations: readonly { id: string; name: string; kind: OrganisationKind; roles: readonly MembershipRole[] }[]): {
	organisations: { id: string; name: string }[];
	funder: boolean;
} {
	const readers = organisations.filter((o) => o.roles.includes('admin') || o.roles.includes('report_reader'));
	return {
		organisations: readers.filter((o) => o.kind !== 'funder').map((o) => ({ id: o.id, name: o.name })),
		funder: readers.some((o) => o.kind === 'funder')
	};
}
