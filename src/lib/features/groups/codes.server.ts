/**
 * Group invitation codes: a leader (or admin) makes a short code to print or read out, for people who rarely use
 * e-mail; a person types it to see the group and join. The code is kept as a hash to find it, and encrypted so a
 * leader can print it again. Same alphabet and shape as the connection code ("K7QM-4TXP"), a different hash space.
 * - `createGroupCode(db, { actor, groupId })`: a new code, valid `groupCodeDays` days; returns it formatted.
 * - `listGroupCodes(db, { actor, groupId })`: the group's open codes, newest first, formatted.
 * - `revokeGroupCode(db, { actor, groupId, codeId })`: true when it was open.
 * - `findGroupByCode(db, { code })`: the group an open code belongs to (not archived), or undefined. The caller limits
 *   tries (`limitAttempt`), as for the connection code.
 */
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '$lib/server/db';
import type { GroupTrainingTable } from '$lib/server/db/schema';
import type { SignedInAccount } from '$lib/server/auth/account';
import { decrypt, encrypt, encryptedColumns } from '$lib/server/crypto';
import { createClientCode, formatClientCode, normaliseClientCode } from '$lib/features/consent/consent';
import { groupCodeDays } from './group-values';
import { requireGroupManager } from './group-access.server';

type Db = Kysely<Database>;

export interface GroupCode {
	id: string;
	/** "K7QM-4TXP". */
	code: string;
	createdAt: string;
	expiresAt: string;
}

export function hashGroupCode(code: string): string {
	return createHash('sha256').update(`group-code:${code}`).digest('hex');
}

export async function createGroupCode(db: Db, options: { actor: SignedInAccount | null; groupId: string; now?: Date }): Promise<GroupCode> {
	await requireGroupManager(db, options.actor, options.groupId);
	const now = options.now ?? new Date();
	const code = createClientCode();
	const id = crypto.randomUUID();
	const row = {
		id,
		group_id: options.groupId,
		code_hash: hashGroupCode(code),
		code: encrypt(code, encryptedColumns.groupCode.context(id)),
		created_by: options.actor!.id,
		created_at: now.toISOString(),
		expires_at: new Date(now.getTime() + groupCodeDays * 86_400_000).toISOString(),
		revoked_at: null
	};
	await db.insertInto('group_code').values(row).execute();
	return { id, code: formatClientCode(code), createdAt: row.created_at, expiresAt: row.expires_at };
}

export async function listGroupCodes(db: Db, options: { actor: SignedInAccount | null; groupId: string; now?: Date }): Promise<GroupCode[]> {
	await requireGroupManager(db, options.actor, options.groupId);
	const rows = await db
		.selectFrom('group_code')
		.select(['id', 'code', 'created_at', 'expires_at'])
		.where('group_id', '=', options.groupId)
		.where('revoked_at', 'is', null)
		.where('expires_at', '>', (options.now ?? new Date()).toISOString())
		.orderBy('created_at', 'desc')
		.execute();
	return rows.map((row) => ({
		id: row.id,
		code: formatClientCode(decrypt(row.code, encryptedColumns.groupCode.context(row.id))),
		createdAt: row.created_at,
		expiresAt: row.expires_at
	}));
}

export async function revokeGroupCode(db: Db, options: { actor: SignedInAccount | null; groupId: string; codeId: string; now?: Date }): Promise<boolean> {
	await requireGroupManager(db, options.actor, options.groupId);
	const result = await db
		.updateTable('group_code')
		.set({ revoked_at: (options.now ?? new Date()).toISOString() })
		.where('id', '=', options.codeId)
		.where('group_id', '=', options.groupId)
		.where('revoked_at', 'is', null)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) > 0;
}

export async function findGroupByCode(db: Db, options: { code: string; now?: Date }): Promise<GroupTrainingTable | undefined> {
	const code = normaliseClientCode(options.code);
	if (!code) return undefined;
	return db
		.selectFrom('group_code')
		.innerJoin('group_training', 'group_training.id', 'group_code.group_id')
		.selectAll('group_training')
		.where('group_code.code_hash', '=', hashGroupCode(code))
		.where('group_code.revoked_at', 'is', null)
		.where('group_code.expires_at', '>', (options.now ?? new Date()).toISOString())
		.where('group_training.archived_at', 'is', null)
		.executeTakeFirst();
}
