/**
 * What the organisation forms and the invitation API accept; issues carry message ids (the vocabulary is in $lib/kernel/form-errors).
 */
import { z } from 'zod';
import { displayName, email, newPassword } from '$lib/features/accounts/accounts.schema';

export const organisationKindSchema = z.enum(['welfare', 'practice', 'municipality_team', 'funder'], { error: 'organisation_kind_invalid' });
export const membershipRoleSchema = z.enum(['professional', 'admin', 'report_reader'], { error: 'role_invalid' });

const organisationName = z
	.string({ error: 'organisation_name_missing' })
	.trim()
	.min(1, 'organisation_name_missing')
	.max(120, 'name_too_long');

const passwordTwice = { password: newPassword, repeat: z.string({ error: 'passwords_differ' }) };
const samePasswords: [(value: { password: string; repeat: string }) => boolean, { path: string[]; message: string }] = [
	(value) => value.password === value.repeat,
	{ path: ['repeat'], message: 'passwords_differ' }
];

export const setupSchema = z
	.object({
		token: z.string({ error: 'setup_token_wrong' }).trim().min(1, 'setup_token_wrong').max(200, 'setup_token_wrong'),
		organisationName,
		kind: organisationKindSchema,
		name: displayName,
		email,
		...passwordTwice
	})
	.refine(...samePasswords);

export const inviteMemberSchema = z.object({ email, role: membershipRoleSchema });

/** Joining by invitation without an account yet: the address comes from the invitation. */
export const joinSchema = z.object({ name: displayName, ...passwordTwice }).refine(...samePasswords);
