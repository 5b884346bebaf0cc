/**
 * What the programme's API routes share (/api/v1/me/programme…, /api/v1/clients/{personId}/programme…). The
 * use-cases in the programme feature decide; this module only shapes requests and answers.
 * - `startBody`, `reminderBody`, `weekItemBody`, `checkInBody`, `measurementBody`, `planBody`: the person's bodies;
 *   `clientStartBody`, `programmeMessageBody`, `discussFirstBody`: the professional's. Each is the strict JSON contract
 *   (contract.ts) piped into the forms' schema (programme-input.schema.ts); `programmeWords` gives that schema's
 *   message ids in words.
 * - `weekParam(value)`, `itemParam(value)`: a path segment as a week (0–9) or a week item, or undefined.
 * - `myProgrammeWeek(db, actor, week)`: one week of the person's own programme, as GET …/weeks/{week} gives it.
 * - `noProgramme()`, `noSuchWeek()`, `noSuchItem()`, `notNow(detail)`, `weekRefusals`: the 404s and the 409 of the
 *   programme's operations.
 */
import { z } from 'zod';
import type { Kysely } from 'kysely';
import type { Database } from '$lib/server/db';
import type { SignedInAccount } from '$lib/server/auth/account';
import { myCheckIn, programmeView } from '$lib/features/programme/progress.server';
import { getProgrammeWeek } from '$lib/features/programme/programme.content';
import { instruments } from '$lib/features/instruments/instruments';
import { scoreRequestSchema } from '$lib/features/instruments/instruments.schema';
import { followUpWeek, lastWeek } from '$lib/features/programme/schedule';
import { reminderChoices } from '$lib/features/programme/programme';
import {
	checkInSchema,
	clientStartSchema,
	discussFirstSchema,
	planSchema,
	programmeLimits,
	programmeMessageSchema,
	reminderChoiceSchema,
	startProgrammeSchema,
	weekItems,
	weekNumberSchema
} from '$lib/features/programme/programme-input.schema';
import { problem } from '$lib/server/http/problem';
import { apiBody, jsonObject, oneOf, optionalText, requiredText } from './contract';

const reminders = z.enum(reminderChoices, { error: oneOf(reminderChoices) }).meta({
	description: 'E-mail reminders: none, week_start (when a new week opens), or open_steps (also about open steps)'
});

export const startBody = apiBody(
	jsonObject({ reminders: reminders.optional().meta({ description: 'Left out: week_start' }) }, 'must be a JSON object, e.g. {} or {"reminders": "none"}'),
	startProgrammeSchema
);

export const reminderBody = apiBody(jsonObject({ reminders }), z.object({ reminders: reminderChoiceSchema }));

const flag = (description: string) => z.boolean({ error: 'must be true or false' }).meta({ description });

export const weekItemBody = jsonObject({ done: flag('true: done; false: not done after all') });

const checkInText = (description: string) => optionalText(programmeLimits.checkIn).meta({ description: `${description}; empty, null or left out: nothing` });
export const checkInBody = apiBody(
	jsonObject({
		wentWell: checkInText('What went well'),
		tried: checkInText('What you tried'),
		takeAway: checkInText('What you take with you'),
		share: flag('Professionals you share the programme with may read this check-in (left out: false)').optional()
	}),
	checkInSchema
);

const djg11 = instruments['djg-11'];
const djgOptions = djg11.options.map((option) => option.id);
const djgAnswer = z.enum(djgOptions as [string, ...string[]], { error: oneOf(djgOptions) });
const allAnswers = Object.fromEntries(djg11.items.map((item) => [String(item.number), 'more_or_less']));
export const measurementBody = apiBody(
	jsonObject({
		answers: jsonObject(
			Object.fromEntries(djg11.items.map((item) => [String(item.number), djgAnswer])),
			`must be an object with an answer to each of the ${djg11.items.length} items of the De Jong Gierveld scale, keyed 1 to ${djg11.items.length}`
		).meta({ description: 'Item number → yes / more_or_less / no; every item is answered', examples: [allAnswers] })
	}),
	scoreRequestSchema(djg11)
);

const planText = (description: string) => optionalText(programmeLimits.planText).meta({ description: `${description}; empty, null or left out: nothing` });
const stepReason = 'must be the id of a small step in the library, e.g. "ask-for-a-tip"';
export const planBody = apiBody(
	jsonObject({
		earlySigns: planText('My early signs'),
		whatHelps: planText('What helps me'),
		whomToContact: planText('Whom I contact'),
		restartSteps: z
			.array(z.string({ error: stepReason }).regex(/^[a-z0-9-]{1,80}$/, stepReason), { error: `must be a list of small step ids, at most ${programmeLimits.restartSteps}` })
			.max(programmeLimits.restartSteps, `must hold at most ${programmeLimits.restartSteps} small steps`)
			.optional()
			.meta({ description: 'The small steps I start again (ids in the library); left out: none' })
	}),
	planSchema
);

export const clientStartBody = apiBody(
	jsonObject({ welcome: optionalText(programmeLimits.welcome).meta({ description: 'A personal welcome line for the client; left out: none' }) }),
	clientStartSchema
);

export const programmeMessageBody = apiBody(
	jsonObject({ body: requiredText(programmeLimits.message).meta({ description: "A short message, shown on the client's overview" }) }),
	programmeMessageSchema
);

export const discussFirstBody = apiBody(
	jsonObject({ discussFirst: flag('true: the week opens only after you mark the conversation held; false: it opens by the calendar') }),
	discussFirstSchema
);

/** The forms' message ids that the contracts cannot say themselves. */
export const programmeWords = {
	text_missing: 'must be text with more than spaces',
	text_too_long: 'is too long',
	step_unknown: stepReason,
	steps_too_many: `must hold at most ${programmeLimits.restartSteps} small steps`
};

/** A week in a path: 0–8, or 9 for the follow-up. */
export function weekParam(value: string): number | undefined {
	if (!/^\d{1,2}$/.test(value)) return undefined;
	const parsed = weekNumberSchema.safeParse(value);
	return parsed.success ? (parsed.data as number) : undefined;
}

export function itemParam(value: string): (typeof weekItems)[number] | undefined {
	return weekItems.find((item) => item === value);
}

export const noProgramme = () =>
	problem({ title: 'Not found.', status: 404, detail: 'You have not started the programme. POST /api/v1/me/programme starts it.' });

export const noSuchWeek = () =>
	problem({ title: 'Not found.', status: 404, detail: `There is no such week: weeks are 0 to ${lastWeek}, and ${followUpWeek} is the follow-up.` });

export const noSuchItem = () => problem({ title: 'Not found.', status: 404, detail: `A week has two items: ${weekItems.join(' and ')}.` });

/** The programme is not in a state that allows this (nothing running, a week not open yet, measured already). */
export const notNow = (detail: string) => problem({ title: 'Conflict.', status: 409, detail });

/** The refusals of the person's week operations, in words. */
export const weekRefusals = {
	no_programme: 'No programme is running (or it is paused). POST /api/v1/me/programme starts it; POST …/resume resumes it.',
	week_locked: 'This week is not open yet, or waits for a conversation with your professional.',
	no_measurement: `Only weeks 0, 8 and ${followUpWeek} (the follow-up) ask for a measurement.`,
	already_measured: 'This week already has its measurement.'
} as const;

/** One week of the person's programme: its state, their own check-in, and (once it has opened) what it holds. */
export async function myProgrammeWeek(db: Kysely<Database>, actor: SignedInAccount, week: number) {
	const view = await programmeView(db, { actor });
	if (!view) return undefined;
	const state = view.weeks.find((w) => w.week === week)!;
	const checkIn = await myCheckIn(db, { actor, enrolmentId: view.id, week });
	const content = state.state === 'locked' ? undefined : getProgrammeWeek(actor.locale, view.programmeId, view.version, week);
	return {
		...state,
		checkIn,
		content: content
			? {
					title: content.title,
					summary: content.summary,
					phase: content.phase,
					readingMinutes: content.readingMinutes,
					reading: content.markdown,
					exercise: content.exercise,
					exerciseMinutes: content.exerciseMinutes,
					step: content.step,
					measurement: content.measurement
				}
			: null
	};
}
