/**
 * The person's plan for next time: their early signs, what helps them, whom they contact and which small steps they
 * start again. One per person, kept after the programme ends (until the person deletes it or their account), and
 * never shared with a professional unless the person shows it themselves.
 * - `getPlan(db, { actor })`: the plan, or undefined.
 * - `savePlan(db, { actor, input, now })`: writes it; steps must exist in the library.
 * - `deletePlan(db, { actor })`.
 */
import type { Kysely } from 'kysely';
import type { Database } from '$lib/server/db';
import type { SignedInAccount } from '$lib/server/auth/account';
import { decryptOptional, encryptOptional, encryptedColumns } from '$lib/server/crypto';
import { requireSignedIn } from '$lib/kernel/policy.server';
import { getStep } from '$lib/features/exercises/exercises.content';
import { isUniqueViolation, latestEnrolment, runningEnrolment } from './enrolment.server';
import type { PlanInput } from './programme-input.schema';

export interface ProgrammePlan {
	earlySigns: string | null;
	whatHelps: string | null;
	whomToContact: string | null;
	restartSteps: string[];
	updatedAt: string;
}

const { programmePlanEarlySigns, programmePlanWhatHelps, programmePlanWhomToContact } = encryptedColumns;

function parseSteps(value: string): string[] {
	try {
		const parsed: unknown = JSON.parse(value);
		return Array.isArray(parsed) ? parsed.filter((id): id is string => typeof id === 'string') : [];
	} catch {
		return [];
	}
}

export async function planOf(db: Kysely<Database>, accountId: string): Promise<ProgrammePlan | undefined> {
	const row = await db.selectFrom('programme_plan').selectAll().where('account_id', '=', accountId).executeTakeFirst();
	if (!row) return undefined;
	return {
		earlySigns: decryptOptional(row.early_signs, programmePlanEarlySigns.context(row.id)),
		whatHelps: decryptOptional(row.what_helps, programmePlanWhatHelps.context(row.id)),
		whomToContact: decryptOptional(row.whom_to_contact, programmePlanWhomToContact.context(row.id)),
		restartSteps: parseSteps(row.restart_steps),
		updatedAt: row.updated_at
	};
}

export async function getPlan(db: Kysely<Database>, options: { actor: SignedInAccount | null }): Promise<ProgrammePlan | undefined> {
	return planOf(db, requireSignedIn(options.actor).id);
}

export async function savePlan(
	db: Kysely<Database>,
	options: { actor: SignedInAccount | null; input: PlanInput; now?: Date }
): Promise<{ ok: true } | { ok: false; reason: 'step_unknown' }> {
	const account = requireSignedIn(options.actor);
	const { input } = options;
	if (input.restartSteps.some((id) => !getStep('nl', id))) return { ok: false, reason: 'step_unknown' };
	const now = (options.now ?? new Date()).toISOString();
	const write = () => db.transaction().execute(async (trx) => {
		const existing = await trx.selectFrom('programme_plan').select('id').where('account_id', '=', account.id).executeTakeFirst();
		const id = existing?.id ?? crypto.randomUUID();
		const values = {
			early_signs: encryptOptional(input.earlySigns, programmePlanEarlySigns.context(id)),
			what_helps: encryptOptional(input.whatHelps, programmePlanWhatHelps.context(id)),
			whom_to_contact: encryptOptional(input.whomToContact, programmePlanWhomToContact.context(id)),
			restart_steps: JSON.stringify(input.restartSteps),
			updated_at: now
		};
		if (existing) {
			await trx.updateTable('programme_plan').set(values).where('id', '=', id).execute();
			return;
		}
		const enrolment = (await runningEnrolment(trx, account.id)) ?? (await latestEnrolment(trx, account.id));
		await trx
			.insertInto('programme_plan')
			.values({ id, account_id: account.id, enrolment_id: enrolment?.id ?? null, created_at: now, ...values })
			.execute();
	});
	try {
		await write();
	} catch (error) {
		// Two first saves at once: the other made the row, so this one updates it.
		if (!isUniqueViolation(error)) throw error;
		await write();
	}
	return { ok: true };
}

export async function deletePlan(db: Kysely<Database>, options: { actor: SignedInAccount | null }): Promise<boolean> {
	const account = requireSignedIn(options.actor);
	const result = await db.deleteFrom('programme_plan').where('account_id', '=', account.id).executeTakeFirst();
	return Number(result.numDeletedRows) > 0;
}
