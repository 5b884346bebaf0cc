import { describe, expect, it } from 'vitest';
import { createInvitationToken, hashInvitationToken, isLastAdmin, isWellFormedInvitationToken, reportsMenu } from './organisations';

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
	it('does not count a report reader as an admin', () => {
		expect(isLastAdmin([...members, { membershipId: 'r', role: 'report_reader' }], 'a')).toBe(true);
	});
});

describe('reportsMenu', () => {
	it("links an admin's and a report reader's organisations, a professional's not, and a funder apart", () => {
		const menu = reportsMenu([
			{ id: 'w', name: 'Welzijn', kind: 'welfare', roles: ['admin', 'professional'] },
			{ id: 'p', name: 'Praktijk', kind: 'practice', roles: ['professional'] },
			{ id: 'r', name: 'Buurtteam', kind: 'municipality_team', roles: ['report_reader'] },
			{ id: 'g', name: 'Gemeente', kind: 'funder', roles: ['report_reader'] }
		]);
		expect(menu).toEqual({ organisations: [{ id: 'w', name: 'Welzijn' }, { id: 'r', name: 'Buurtteam' }], funder: true });
	});
	it('gives nothing to a professional only', () => {
		expect(reportsMenu([{ id: 'g', name: 'Gemeente', kind: 'funder', roles: ['professional'] }])).toEqual({ organisations: [], funder: false });
	});
});
