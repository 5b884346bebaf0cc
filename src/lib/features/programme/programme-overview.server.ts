/**
 * What the person's overview shows of the programme; never a drop-out signal or a count of missed days.
 * - `programmeOverview(db, { actor, locale, now })`: nothing started yet (an invitation), a running programme (this
 *   week and the professional's newest message), or an ended one (the plan for next time, at the top of the overview
 *   when a later DJG-11 is clearly worse than the programme's post measurement).
 */
import type { Kysely } from 'kysely';
import type { Database } from '$lib/server/db';
import type { SignedInAccount } from '$lib/server/auth/account';
import type { ContentLocale } from '$lib/features/exercises/exercises.content';
import { getInstrument } from '$lib/features/instruments/instruments';
import { getMeasurementForAccount, listMeasurementsForAccount } from '$lib/features/measurements/measurements.server';
import { requireSignedIn } from '$lib/kernel/policy.server';
import { getProgrammeWeek } from './programme.content';
import { planOf } from './plan.server';
import { planReturnsAfter } from './plan-return';
import { programmeView, type ProgrammeMessage } from './progress.server';

export type ProgrammeOverview =
	| { kind: 'none' }
	| { kind: 'running'; paused: boolean; week: number; title: string; message: ProgrammeMessage | null; hasPlan: boolean }
	| { kind: 'ended'; hasPlan: boolean; planOnTop: boolean };

export async function programmeOverview(
	db: Kysely<Database>,
	options: { actor: SignedInAccount | null; locale: ContentLocale; now?: Date }
): Promise<ProgrammeOverview> {
	const account = requireSignedIn(options.actor);
	const [view, plan] = await Promise.all([programmeView(db, { actor: account, now: options.now }), planOf(db, account.id)]);
	if (!view) return plan ? { kind: 'ended', hasPlan: true, planOnTop: false } : { kind: 'none' };
	if (view.state === 'active' || view.state === 'paused') {
		const week = getProgrammeWeek(options.locale, view.programmeId, view.version, view.currentWeek);
		return { kind: 'running', paused: view.state === 'paused', week: view.currentWeek, title: week?.title ?? '', message: view.messages[0] ?? null, hasPlan: plan !== undefined };
	}
	const postId = view.measurements.post;
	if (!plan || !postId) return { kind: 'ended', hasPlan: plan !== undefined, planOnTop: false };
	const [post, [latest]] = await Promise.all([
		getMeasurementForAccount(db, { accountId: account.id, id: postId, instrumentFor: getInstrument }),
		listMeasurementsForAccount(db, { accountId: account.id, instrumentFor: getInstrument, instruments: ['djg-11'], limit: 1 })
	]);
	const scored = (m: typeof post) => (m ? { id: m.id, takenAt: m.takenAt.toISOString(), total: m.score.total } : null);
	return { kind: 'ended', hasPlan: true, planOnTop: planReturnsAfter(scored(post), scored(latest)) };
}
