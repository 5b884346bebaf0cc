/**
 * `localeQuerySchema`: the `locale` of the instruments' texts. `scoreBody(def)`: the body of POST /api/v1/instruments/{id}/score for every instrument alike (contract.ts); each instrument's own
 * schema (instruments.schema.ts) then checks its item numbers and options, in words that name them.
 */
import { z } from 'zod';
import { instrumentIds, instruments, locales, type InstrumentDefinition } from '$lib/features/instruments/instruments';
import { scoreRequestSchema } from '$lib/features/instruments/instruments.schema';
import { apiBody, jsonObject, noProtoKey } from './contract';

const optionIds = [...new Set(instrumentIds.flatMap((id) => instruments[id].options.map((option) => option.id)))];
const answerReason = `must be an option id of the instrument: ${optionIds.join(', ')}`;

const itemReason = 'must be an item number of the instrument';

const scoreContract = jsonObject({
	answers: noProtoKey(
		itemReason,
		z.record(z.string().regex(/^[1-9]\d?$/, itemReason), z.enum(optionIds as [string, ...string[]], { error: answerReason }), {
			error: 'must be an object keyed by item number'
		})
	).meta({
		description:
			'Item number (as in the published scale) → option id: yes / more_or_less / no for DJG, hardly_ever / some_of_the_time / often for UCLA-3. Leave unanswered items out.'
	})
});

/** `?locale=` of the instrument texts; a wrong one is a 400 (localeProblem). */
export const localeQuerySchema = z.object({
	locale: z.enum(locales).default('nl').meta({ description: 'Language of the texts; default nl.' })
});

/** For the document: what every instrument's body looks like. */
export const scoreBodyContract = scoreContract;

export const scoreBody = (def: InstrumentDefinition) => apiBody(scoreContract, scoreRequestSchema(def));
