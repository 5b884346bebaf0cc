import { json } from '@sveltejs/kit';
import { getInstrument, scoreInstrument } from '$lib/features/instruments/instruments';
import { readBody } from '$lib/composers/api/contract';
import { scoreBody } from '$lib/composers/api/instruments-api';
import { unknownInstrument } from '$lib/server/http/problem';
import type { RequestHandler } from './$types';

/** Scores answers without storing anything. */
export const POST: RequestHandler = async ({ params, request }) => {
	const def = getInstrument(params.id);
	if (!def) return unknownInstrument(params.id);
	const body = await readBody(request, scoreBody(def));
	if (!body.ok) return body.response;
	return json(scoreInstrument(def, body.value.answers));
};
