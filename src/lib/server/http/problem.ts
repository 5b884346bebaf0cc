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

/** Message id (as the schemas give them) → the words an API client gets; an issue without an entry keeps its message. */
export type ReasonWords = Readonly<Record<string, string>>;

/** Where an issue is: the dotted path of the field, e.g. "answers.12", or "(body)" for the body as a whole. */
function paramName(path: readonly PropertyKey[]): string {
	return path.map(String).join('.') || '(body)';
}

/**
 * The one answer to input that breaks an API schema: 422 problem+json whose invalid-params name each field and say
 * what it must be. `words` turns the message ids of the forms' schemas into words; the API's own contract schemas
 * carry their words already.
 */
export function validationProblem(error: z.ZodError, words: ReasonWords = {}): Response {
	const params: InvalidParam[] = error.issues.map((issue) => ({
		name: paramName(issue.path),
		reason: Object.hasOwn(words, issue.message) ? words[issue.message]! : issue.message
	}));
	return problem({
		title: 'Your request contains invalid fields.',
		status: 422,
		detail: params.map((p) => `${p.name}: ${p.reason}`).join('; '),
		'invalid-params': params
	});
}

/** A 422 for one field that passed the schema but not the use-case (e.g. a step id that is not in the library). */
export function invalidField(name: string, reason: string): Response {
	return problem({
		title: 'Your request contains invalid fields.',
		status: 422,
		detail: `${name}: ${reason}`,
		'invalid-params': [{ name, reason }]
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
