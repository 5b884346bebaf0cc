/**
 * Organisations, the pure part.
 * - `organisationKinds`, `membershipRoles`: what can be chosen.
 * - `createInvitationToken()`, `hashInvitationToken(token)`: the secret in a mailed invitation link.
 * - `isLastAdmin(members, membershipId)`: an organisation always keeps one admin.
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
