/**
 * RFC 9457 problem details for the JSON API. Every 4xx names what was wrong; no stack traces, no input echoed.
 */
import { json } from '@sveltejs/kit';
import type { z } from 'zod';

export interface InvalidParam {
	/** JSON pointer-ish dotted path of the field, e.g. "answers.12". */
	name: string;
	reason: string;
}

export interface Problem {
	type?: string;
	title: string;
	status: number;
	detail?: string;
	'invalid-params'?: InvalidParam[];
}

export function problem(p: Problem, headers: Record<string, string> = {}): Response {
	return json(
		{ type: p.type ?? 'about:blank', ...p },
		{ status: p.status, headers: { 'content-type': 'application/problem+json', ...headers } }
	);
}

/** Turns Zod issues into invalid-params, with the field path prefixed (e.g. "answers"). */
export function invalidParamsFromZod(error: z.ZodError, prefix?: string): InvalidParam[] {
	return error.issues.map((issue) => ({
		name: [prefix, ...issue.path.map(String)].filter(Boolean).join('.') || '(body)',
		reason: issue.message
	}));
}

export function validationProblem(error: z.ZodError, prefix?: string): Response {
	const params = invalidParamsFromZod(error, prefix);
	return problem({
		title: 'Your request contains invalid fields.',
		status: 422,
		detail: params.map((p) => `${p.name}: ${p.reason}`).join('; '),
		'invalid-params': params
	});
}

/** Maximum size of a JSON request body for the API. */
export const apiBodyLimitBytes = 16 * 1024;

/**
 * Reads a JSON body within the size limit. Returns the parsed value, or a problem Response to send back.
 */
export async function readJsonBody(request: Request): Promise<{ ok: true; value: unknown } | { ok: false; response: Response }> {
	const type = request.headers.get('content-type') ?? '';
	if (!/^application\/([\w.+-]+\+)?json\b/i.test(type)) {
		return {
			ok: false,
			response: problem({
				title: 'Unsupported media type.',
				status: 415,
				detail: 'Send the body as application/json.'
			})
		};
	}
	const declared = Number(request.headers.get('content-length') ?? '0');
	if (declared > apiBodyLimitBytes) return { ok: false, response: tooLarge() };
	let text: string;
	try {
		text = await readLimited(request, apiBodyLimitBytes);
	} catch (e) {
		if (e instanceof BodyTooLargeError) return { ok: false, response: tooLarge() };
		return {
			ok: false,
			response: problem({ title: 'The request body could not be read.', status: 400 })
		};
	}
	try {
		return { ok: true, value: JSON.parse(text) };
	} catch {
		return {
			ok: false,
			response: problem({
				title: 'The request body is not valid JSON.',
				status: 400,
				detail: 'Send a JSON object, e.g. {"answers": {"1": "yes"}}.'
			})
		};
	}
}

class BodyTooLargeError extends Error {}

function tooLarge(): Response {
	return problem({
		title: 'The request body is too large.',
		status: 413,
		detail: `Send at most ${apiBodyLimitBytes} bytes.`
	});
}

async function readLimited(request: Request, limit: number): Promise<string> {
	if (!request.body) return '';
	const reader = request.body.getReader();
	const chunks: Uint8Array[] = [];
	let size = 0;
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		size += value.byteLength;
		if (size > limit) {
			await reader.cancel();
			throw new BodyTooLargeError();
		}
		chunks.push(value);
	}
	return new TextDecoder().decode(Buffer.concat(chunks));
}

export function unknownInstrument(id: string): Response {
	return problem({
		title: 'Unknown instrument.',
		status: 404,
		detail: `There is no instrument "${id.slice(0, 40)}". Use one of the ids from GET /api/v1/instruments.`,
		'invalid-params': [{ name: 'id', reason: 'unknown instrument id' }]
	});
}

export function localeProblem(): Response {
	return problem({
		title: 'Unknown locale.',
		status: 400,
		detail: 'locale must be "nl" or "en".',
		'invalid-params': [{ name: 'locale', reason: 'must be "nl" or "en"' }]
	});
}
