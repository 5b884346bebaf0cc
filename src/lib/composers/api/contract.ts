/**
 * The JSON API's contract, written once in Zod: the request bodies and query strings it accepts. The same schemas
 * validate every request and give the OpenAPI document its components and parameters (`z.toJSONSchema`), so what the
 * document says is what is accepted.
 * A body schema is strict JSON (numbers are numbers, no fields beyond those named); `apiBody(contract, rules)` pipes
 * it into the feature's own schema (the forms' one), which trims, fills in defaults and checks what JSON Schema cannot
 * say (a day that is not after today). Each error message is the words an API client gets: "must be …".
 * - `requiredText`, `optionalText`, `wholeNumber`, `calendarDay`, `oneOf`, `jsonObject`, `noProtoKey`: the pieces, with
 *   their words.
 * - `readBody(request, schema, words)`: a JSON body within the size limit, parsed; or the 4xx to send.
 * - `parseQuery(url, schema, words)`: the schema's own keys from the query string (digits become numbers where the
 *   schema wants a whole number); or the 422 to send.
 * - `bodySchemaOf(schema)`, `queryParameters(schema)`: the OpenAPI side of the same schemas.
 */
import { z } from 'zod';
import { readJsonBody, validationProblem, type ReasonWords } from '$lib/server/http/problem';

export const textReason = (max: number) => `must be text of 1 to ${max} characters`;
export const optionalTextReason = (max: number) => `must be text of at most ${max} characters, or null`;
export const dayReason = 'must be a calendar day as YYYY-MM-DD, e.g. "2026-05-01"';

export const requiredText = (max: number, reason = textReason(max)) => z.string({ error: reason }).min(1, reason).max(max, reason);

/** Left out or null: none. */
export const optionalText = (max: number, reason = optionalTextReason(max)) =>
	z.string({ error: reason }).max(max, reason).nullable().optional();

export const wholeNumber = (min: number, max: number, reason: string) => z.int({ error: reason }).min(min, reason).max(max, reason);

export const calendarDay = (reason = dayReason) => z.iso.date({ error: reason });

export const oneOf = (values: readonly (string | number)[]) => `must be one of: ${values.join(', ')}`;

/** A JSON object with exactly these fields (the optional ones may be left out). */
export function jsonObject<Shape extends z.ZodRawShape>(shape: Shape, reason = 'must be a JSON object') {
	const fields = Object.keys(shape).join(', ');
	return z.strictObject(shape, {
		error: (issue) =>
			issue.code === 'unrecognized_keys'
				? `must not have the field(s) ${issue.keys.map((key) => `"${key}"`).join(', ')}: it takes only ${fields}`
				: reason
	});
}

/**
 * A record keyed by the client, which also refuses the key "__proto__": z.record skips that key without a word (JSON.parse
 * makes it an own key), so `{"__proto__": …}` would pass as an empty object. `reason` is the words for a wrong key.
 * A preprocess step leaves the record's own JSON Schema in the document.
 */
export function noProtoKey<Schema extends z.ZodType>(reason: string, record: Schema) {
	return z.preprocess((value, ctx) => {
		if (value !== null && typeof value === 'object' && Object.hasOwn(value, '__proto__')) {
			ctx.addIssue({ code: 'custom', path: ['__proto__'], message: reason, input: value });
		}
		return value;
	}, record);
}

/**
 * The contract, then the feature's schema (trims, defaults, checks against today). The feature's schema takes any
 * input (a form posts text), so its input type is wider than the contract's output, which `pipe` does not allow.
 */
export function apiBody<Contract extends z.ZodType, Rules extends z.ZodType>(contract: Contract, rules: Rules) {
	const body = contract.pipe(rules as unknown as z.ZodType<z.output<Rules>, z.output<Contract>>);
	rulesOf.set(body, rules);
	return body;
}

const rulesOf = new WeakMap<z.ZodType, z.ZodType>();

/**
 * A pipe stops at the contract's first issues; the feature's rules are asked too, so that one answer names every
 * wrong field (a day in the past beside an unknown instrument), not only those the contract saw.
 */
function allIssues(schema: z.ZodType, input: unknown, error: z.ZodError, words: ReasonWords): z.ZodError {
	const rules = rulesOf.get(schema);
	const ruled = rules?.safeParse(input);
	if (!ruled || ruled.success) return error;
	const seen = new Set(error.issues.map((issue) => String(issue.path[0] ?? '')));
	// Only what the contract cannot say (the ids in `words`): anything else the contract would have named itself.
	const more = ruled.error.issues.filter(
		(issue) => issue.path.length > 0 && !seen.has(String(issue.path[0])) && Object.hasOwn(words, issue.message)
	);
	// In the order of the body's own fields, as a person reads it.
	const order = input !== null && typeof input === 'object' ? Object.keys(input) : [];
	const place = (issue: z.core.$ZodIssue) => order.indexOf(String(issue.path[0] ?? ''));
	return new z.ZodError([...error.issues, ...more].sort((a, b) => place(a) - place(b)));
}

export async function readBody<Schema extends z.ZodType>(
	request: Request,
	schema: Schema,
	words: ReasonWords = {}
): Promise<{ ok: true; value: z.output<Schema> } | { ok: false; response: Response }> {
	const body = await readJsonBody(request);
	if (!body.ok) return body;
	const parsed = schema.safeParse(body.value);
	if (parsed.success) return { ok: true, value: parsed.data };
	return { ok: false, response: validationProblem(allIssues(schema, body.value, parsed.error, words), words) };
}

const jsonSchemaOptions = { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' } as const;

type JsonSchema = Record<string, unknown>;

/** A schema as OpenAPI 3.1 takes it: JSON Schema 2020-12, without the `$schema` line. */
export function bodySchemaOf(schema: z.ZodType): JsonSchema {
	const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, jsonSchemaOptions) as JsonSchema;
	return rest;
}

const wholeKeys = new WeakMap<z.ZodObject, Set<string>>();

/** The keys whose value is a number: a query string carries text, so their digits are read as a number first. */
function numericKeys(schema: z.ZodObject): Set<string> {
	let keys = wholeKeys.get(schema);
	if (!keys) {
		keys = new Set(
			Object.entries(schema.shape)
				.filter(([, field]) => ['integer', 'number'].includes(String(bodySchemaOf(field as z.ZodType).type)))
				.map(([key]) => key)
		);
		wholeKeys.set(schema, keys);
	}
	return keys;
}

/** The schema's own keys from the query string; anything else in it is ignored, as elsewhere in the API. */
export function parseQuery<Shape extends z.ZodRawShape>(
	url: URL,
	schema: z.ZodObject<Shape>,
	words: ReasonWords = {}
): { ok: true; value: z.output<z.ZodObject<Shape>> } | { ok: false; response: Response } {
	const numeric = numericKeys(schema);
	const raw = Object.fromEntries(
		Object.keys(schema.shape).map((name) => {
			const value = url.searchParams.get(name) ?? undefined;
			return [name, value !== undefined && numeric.has(name) && /^\d{1,15}$/.test(value) ? Number(value) : value];
		})
	);
	const parsed = schema.safeParse(raw);
	return parsed.success ? { ok: true, value: parsed.data } : { ok: false, response: validationProblem(parsed.error, words) };
}

/** OpenAPI query parameters from a query schema: name, required, schema and (from `.meta`) description. */
export function queryParameters(schema: z.ZodObject): JsonSchema[] {
	return Object.entries(schema.shape).map(([name, field]) => {
		const { description, ...fieldSchema } = bodySchemaOf(field as z.ZodType);
		const optional = (field as z.ZodType).safeParse(undefined).success;
		return { name, in: 'query', required: !optional, ...(description ? { description } : {}), schema: fieldSchema };
	});
}

/** A path parameter: an id is only ever looked up, so anything unknown is a 404, never a 422. */
export function pathParameter(name: string, description: string): JsonSchema {
	return { name, in: 'path', required: true, description, schema: bodySchemaOf(z.string()) };
}
