/**
 * One small step: pick a step from the content library, plan it for a day, mark it done and say how it went (1–5),
 * with an optional note (encrypted at rest). Only the person's own plans.
 * - `planStep`: a step that exists in the library, on a day from today on.
 * - `markStepDone`: done, with how it went; planned steps may be done early or late, no blame either way.
 * - `deleteStepPlan`, `listStepPlans` (open first by day, then done, newest first; at most `limit`).
 * - `getStepPlan`: one plan, or undefined.
 * - `stepPlanDaysForFeed`: planned days and step titles, for the calendar feed.
 */
import type { Kysely } from 'kysely';
import type { Database } from '$lib/server/db';
import type { StepPlanTable } from '$lib/server/db/schema';
import { decryptOptional, encryptOptional, encryptedColumns } from '$lib/server/crypto';
import type { SignedInAccount } from '$lib/server/auth/account';
import { requireSignedIn } from '$lib/kernel/policy.server';
import { getStep } from '$lib/features/exercises/exercises.content';
import { containsCrisisSignal } from '$lib/features/support/crisis-signals';
import { localDay } from '$lib/time';
import type { StepDoneInput, StepPlanInput } from '$lib/features/journal/self-help.schema';

export interface StepPlan {
	id: string;
	stepId: string;
	plannedDay: string;
	doneAt: string | null;
	howItWent: number | null;
	note: string | null;
}

const { stepPlanNote } = encryptedColumns;

function openStepPlan(row: StepPlanTable): StepPlan {
	return {
		id: row.id,
		stepId: row.step_id,
		plannedDay: row.planned_day,
		doneAt: row.done_at,
		howItWent: row.how_it_went,
		note: decryptOptional(row.note, stepPlanNote.context(row.id))
	};
}

export async function planStep(
	db: Kysely<Database>,
	options: { actor: SignedInAccount | null; input: StepPlanInput; now?: Date }
): Promise<{ ok: true; id: string } | { ok: false; reason: 'step_unknown' | 'day_gone_by' }> {
	const account = requireSignedIn(options.actor);
	if (!getStep('nl', options.input.stepId)) return { ok: false, reason: 'step_unknown' };
	if (options.input.plannedDay < localDay(options.now)) return { ok: false, reason: 'day_gone_by' };
	const id = crypto.randomUUID();
	await db
		.insertInto('step_plan')
		.values({
			id,
			account_id: account.id,
			step_id: options.input.stepId,
			planned_day: options.input.plannedDay,
			done_at: null,
			how_it_went: null,
			note: null,
			created_at: (options.now ?? new Date()).toISOString()
		})
		.execute();
	return { ok: true, id };
}

export async function markStepDone(
	db: Kysely<Database>,
	options: { actor: SignedInAccount | null; id: string; input: StepDoneInput; now?: Date }
): Promise<{ ok: boolean; crisis: boolean }> {
	const account = requireSignedIn(options.actor);
	const result = await db
		.updateTable('step_plan')
		.set({
			done_at: (options.now ?? new Date()).toISOString(),
			how_it_went: options.input.howItWent,
			note: encryptOptional(options.input.note, stepPlanNote.context(options.id))
		})
		.where('id', '=', options.id)
		.where('account_id', '=', account.id)
		.executeTakeFirst();
	return { ok: Number(result.numUpdatedRows) > 0, crisis: containsCrisisSignal(options.input.note) };
}

export async function deleteStepPlan(db: Kysely<Database>, options: { actor: SignedInAccount | null; id: string }): Promise<boolean> {
	const account = requireSignedIn(options.actor);
	const result = await db.deleteFrom('step_plan').where('id', '=', options.id).where('account_id', '=', account.id).executeTakeFirst();
	return Number(result.numDeletedRows) > 0;
}

export async function listStepPlans(db: Kysely<Database>, options: { actor: SignedInAccount | null; limit?: number }): Promise<StepPlan[]> {
	const account = requireSignedIn(options.actor);
	const rows = await db
		.selectFrom('step_plan')
		.selectAll()
		.where('account_id', '=', account.id)
		.orderBy((eb) => eb.case().when('done_at', 'is', null).then(0).else(1).end())
		// Open plans by the day they are planned for; done ones by when they were done (their planned day is history).
		.orderBy((eb) => eb.case().when('done_at', 'is', null).then(eb.ref('planned_day')).end())
		.orderBy('done_at', 'desc')
		.orderBy('id')
		.limit(options.limit ?? 100)
		.execute();
	return rows.map(openStepPlan);
}

export async function getStepPlan(db: Kysely<Database>, options: { actor: SignedInAccount | null; id: string }): Promise<StepPlan | undefined> {
	const account = requireSignedIn(options.actor);
	const row = await db.selectFrom('step_plan').selectAll().where('id', '=', options.id).where('account_id', '=', account.id).executeTakeFirst();
	return row && openStepPlan(row);
}

/** The person's planned small steps from `from` on, with the step's title, for the calendar feed (no note: it is private). */
export async function stepPlanDaysForFeed(
	db: Kysely<Database>,
	options: { accountId: string; locale: 'nl' | 'en'; from: string }
): Promise<{ id: string; day: string; title: string }[]> {
	const rows = await db
		.selectFrom('step_plan')
		.select(['id', 'step_id', 'planned_day'])
		.where('account_id', '=', options.accountId)
		.where('planned_day', '>=', options.from)
		.orderBy('planned_day')
		.limit(500)
		.execute();
	return rows.flatMap((row) => {
		const step = getStep(options.locale, row.step_id) ?? getStep('nl', row.step_id);
		return step ? [{ id: row.id, day: row.planned_day, title: step.title }] : [];
	});
}
