import { json } from '@sveltejs/kit';
import { getInstrument, scoreInstrument } from '$lib/features/instruments/instruments';
import { scoreRequestSchema } from '$lib/features/instruments/instruments.schema';
import { readJsonBody, unknownInstrument, validationProblem } from '$lib/server/http/problem';
import type { RequestHandler } from './$types';

/** Scores answers without storing anything. */
export const POST: RequestHandler = async ({ params, request }) => {
	const def = getInstrument(params.id);
	if (!def) return unknownInstrument(params.id);
	const body = await readJsonBody(request);
	if (!body.ok) return body.response;
	const parsed = scoreRequestSchema(def).safeParse(body.value);
	if (!parsed.success) return validationProblem(parsed.error);
	return json(scoreInstrument(def, parsed.data.answers));
};
