import { describe, expect, it } from 'vitest';
import type { ConsentScope } from '$lib/kernel/consent-scopes';
import { chooseGrants, membershipAllows } from './policy';

describe('membershipAllows', () => {
	const memberships = [
		{ organisationId: 'a', role: 'professional' as const },
		{ organisationId: 'b', role: 'admin' as const }
	];
	it('matches role and organisation', () => {
		expect(membershipAllows(memberships, { role: 'professional' })).toBe(true);
		expect(membershipAllows(memberships, { role: 'professional', organisationId: 'a' })).toBe(true);
		expect(membershipAllows(memberships, { role: 'admin', organisationId: 'b' })).toBe(true);
	});
	it('an admin of one organisation is not an admin of another, nor a professional there', () => {
		expect(membershipAllows(memberships, { role: 'admin', organisationId: 'a' })).toBe(false);
		expect(membershipAllows(memberships, { role: 'professional', organisationId: 'b' })).toBe(false);
	});
	it('no memberships, no role', () => {
		expect(membershipAllows([], { role: 'professional' })).toBe(false);
	});
});

describe('chooseGrants', () => {
	const grant = (professionalId: string, organisationId: string, grantedAt: string, scopes: ConsentScope[]) => ({ professionalId, organisationId, grantedAt, scopes });

	it('is null without grants', () => {
		expect(chooseGrants([], 'piet')).toBeNull();
	});

	it('adds up a grant to the professional and one to the team in the same organisation', () => {
		const chosen = chooseGrants([grant('piet', 'noord', '2026-01-01', ['measurements']), grant('kees', 'noord', '2026-02-01', ['health_web'])], 'piet');
		expect(chosen).toMatchObject({ organisationId: 'noord', scopes: ['measurements', 'health_web'], own: { professionalId: 'piet' } });
	});

	it('takes the organisation of a grant that names the actor before a newer team grant elsewhere', () => {
		const chosen = chooseGrants([grant('olaf', 'zuid', '2026-03-01', ['programme']), grant('piet', 'noord', '2026-01-01', ['measurements'])], 'piet');
		expect(chosen).toMatchObject({ organisationId: 'noord', scopes: ['measurements'] });
	});

	it('takes the newest team grant when none names the actor', () => {
		const chosen = chooseGrants([grant('olaf', 'zuid', '2026-01-01', ['programme']), grant('kees', 'noord', '2026-02-01', ['measurements'])], 'piet');
		expect(chosen).toMatchObject({ organisationId: 'noord', scopes: ['measurements'], own: { professionalId: 'kees' } });
	});

	it('decides grants of the same instant by organisation, whatever order they come in', () => {
		const a = grant('olaf', 'zuid', '2026-02-01', ['programme']);
		const b = grant('kees', 'noord', '2026-02-01', ['measurements']);
		expect(chooseGrants([a, b], 'piet')?.organisationId).toBe('noord');
		expect(chooseGrants([b, a], 'piet')?.organisationId).toBe('noord');
	});
});
