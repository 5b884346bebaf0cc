/**
 * Set-up for integration tests of the professional workspace, made with brug's own use-cases on a fresh
 * test database: organisations with their admin, professionals who joined through the admin's invitation (two-step
 * sign-in on, as their pages require), people, and consent from a person to a professional with chosen scopes.
 *
 *   const fixtures = professionalFixtures(handle);
 *   const noord = await fixtures.organisation('Buurtteam Noord', { email: 'ada@noord.nl', name: 'Ada Admin' });
 *   const piet = await fixtures.professional(noord, 'piet@noord.nl', 'Piet Prof');
 *   const anna = await fixtures.person('anna@example.nl', 'Anna');
 *   const grantId = await fixtures.connect(anna, piet, ['measurements']);
 */
import { expect } from 'vitest';
import { createVerifiedAccount } from '$lib/features/accounts/accounts.server';
import type { SignedInAccount } from '$lib/server/auth/account';
import type { ConsentAudience, ConsentScope } from '$lib/kernel/consent-scopes';
import { createClientInvitation } from '$lib/features/consent/consent.server';
import { acceptClientInvitation } from '$lib/composers/consent-changes.server';
import { acceptMemberInvitation, createOrganisationWithAdmin, inviteMember } from '$lib/features/organisations/organisations.server';
import type { DatabaseHandle } from '$lib/server/db/client';
import type { MailLocale, OutgoingMail } from '$lib/server/mail/mailer';
import { testAuth } from './auth-fixture';

const password = 'lang genoeg wachtwoord';

export interface TestOrganisation {
	id: string;
	name: string;
	admin: SignedInAccount;
}

export interface ProfessionalFixtures {
	/** A verified account without any membership; two-step sign-in off unless asked. */
	person(email: string, name: string, options?: { twoFactorEnabled?: boolean }): Promise<SignedInAccount>;
	/** A new organisation with its (only) admin, who has two-step sign-in on. */
	organisation(name: string, admin: { email: string; name: string }): Promise<TestOrganisation>;
	/** A professional with two-step sign-in on, who joined the organisation through its admin's invitation. */
	professional(organisation: TestOrganisation, email: string, name: string): Promise<SignedInAccount>;
	/** The person types the professional's code and shares these scopes; returns the new grant's id. */
	connect(
		person: SignedInAccount,
		professional: SignedInAccount,
		scopes: ConsentScope[],
		options?: { organisationId?: string; personName?: string; audience?: ConsentAudience }
	): Promise<string>;
}

export function professionalFixtures(handle: DatabaseHandle): ProfessionalFixtures {
	const auth = testAuth(handle);
	const mails: OutgoingMail[] = [];
	const mailer = {
		send: async (mail: OutgoingMail) => {
			mails.push(mail);
			return { delivered: 'outbox' as const, messageId: `test-${mails.length}` };
		}
	};
	const linkFor = (token: string, locale: MailLocale) => `https://brug.test/${locale}/connect?code=${token}`;
	const names = new Map<string, string>();

	async function person(email: string, name: string, options: { twoFactorEnabled?: boolean } = {}): Promise<SignedInAccount> {
		const created = await createVerifiedAccount(auth, { email, password, name, locale: 'nl' });
		if (!created.ok) throw new Error(created.reason);
		names.set(created.accountId, name);
		return { id: created.accountId, email, locale: 'nl', twoFactorEnabled: options.twoFactorEnabled ?? false };
	}

	async function organisation(name: string, admin: { email: string; name: string }): Promise<TestOrganisation> {
		const created = await createOrganisationWithAdmin(handle.db, auth, {
			organisation: { name, kind: 'welfare' },
			admin: { ...admin, password, locale: 'nl' }
		});
		if (!created.ok) throw new Error(created.reason);
		names.set(created.accountId, admin.name);
		return {
			id: created.organisationId,
			name,
			admin: { id: created.accountId, email: admin.email, locale: 'nl', twoFactorEnabled: true }
		};
	}

	async function professional(organisation: TestOrganisation, email: string, name: string): Promise<SignedInAccount> {
		const who = await person(email, name, { twoFactorEnabled: true });
		await inviteMember(handle.db, { actor: organisation.admin, organisationId: organisation.id, email, role: 'professional', locale: 'nl', mailer, linkFor });
		const token = new URL(mails.at(-1)!.text.match(/https:\/\/\S+/)![0]).searchParams.get('code')!;
		expect(await acceptMemberInvitation(handle.db, { token, actor: who })).toMatchObject({ ok: true });
		return who;
	}

	async function connect(
		person: SignedInAccount,
		professional: SignedInAccount,
		scopes: ConsentScope[],
		options: { organisationId?: string; personName?: string; audience?: ConsentAudience } = {}
	): Promise<string> {
		const { code } = await createClientInvitation(handle.db, { actor: professional, organisationId: options.organisationId, locale: 'nl', mailer, linkFor });
		const personName = options.personName ?? names.get(person.id) ?? person.email;
		const result = await acceptClientInvitation(handle.db, { actor: person, code, scopes, personName, audience: options.audience });
		if (!result.ok) throw new Error(result.reason);
		return result.grantId;
	}

	return { person, organisation, professional, connect };
}
