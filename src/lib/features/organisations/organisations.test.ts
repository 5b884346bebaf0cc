import { describe, expect, it } from 'vitest';
import { createInvitationToken, hashInvitationToken, isLastAdmin, isWellFormedInvitationToken } from './organisations';

describe('invitation tokens', () => {
	it('are 256 random bits in base64url, and only their hash is stored', () => {
		const token = createInvitationToken();
		expect(isWellFormedInvitationToken(token)).toBe(true);
		expect(token).not.toBe(createInvitationToken());
		expect(hashInvitationToken(token)).toMatch(/^[0-9a-f]{64}$/);
	});
	it('refuses anything else', () => {
		expect(isWellFormedInvitationToken('')).toBe(false);
		expect(isWellFormedInvitationToken('x'.repeat(42))).toBe(false);
		expect(isWellFormedInvitationToken(`${'x'.repeat(42)}!`)).toBe(false);
	});
});

describe('isLastAdmin', () => {
	const members = [
		{ membershipId: 'a', role: 'admin' as const },
		{ membershipId: 'p', role: 'professional' as const }
	];
	it('protects the only admin', () => {
		expect(isLastAdmin(members, 'a')).toBe(true);
		expect(isLastAdmin(members, 'p')).toBe(false);
	});
	it('lets one of two admins go', () => {
		expect(isLastAdmin([...members, { membershipId: 'b', role: 'admin' }], 'a')).toBe(false);
	});
});
