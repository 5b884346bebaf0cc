import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { apiBody, bodySchemaOf, calendarDay, jsonObject, noProtoKey, optionalText, parseQuery, queryParameters, readBody, wholeNumber } from './contract';

const request = (body: unknown) =>
	new Request('http://brug.test/api', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

async function problemOf(response: Response) {
	expect(response.status).toBe(422);
	expect(response.headers.get('content-type')).toBe('application/problem+json');
	return (await response.json()) as { 'invalid-params': { name: string; reason: string }[] };
}

// A form-like rule behind the contract: trims, and refuses a day after the 5th (what JSON Schema cannot say).
const rules = z.object({
	mood: z.number(),
	day: z.string().refine((day) => day <= '2026-05-05', 'day_in_future'),
	note: z.string().trim().nullish()
});
const body = apiBody(
	jsonObject({ mood: wholeNumber(1, 5, 'must be a whole number from 1 to 5'), day: calendarDay(), note: optionalText(10) }),
	rules
);
const words = { day_in_future: 'must be the 5th or earlier' };

describe('readBody', () => {
	it('gives the rules’ output for a body the contract takes', async () => {
		expect(await readBody(request({ mood: 3, day: '2026-05-01', note: ' hoi ' }), body, words)).toEqual({
			ok: true,
			value: { mood: 3, day: '2026-05-01', note: 'hoi' }
		});
	});

	it('refuses a number sent as text, and a field the body does not have, in the contract’s words', async () => {
		const result = await readBody(request({ mood: '3', day: '2026-05-01', extra: 1 }), body, words);
		expect(result.ok).toBe(false);
		const problem = await problemOf((result as { response: Response }).response);
		expect(problem['invalid-params']).toEqual([
			{ name: '(body)', reason: 'must not have the field(s) "extra": it takes only mood, day, note' },
			{ name: 'mood', reason: 'must be a whole number from 1 to 5' }
		]);
	});

	it('names every wrong field in one answer, the rules’ ones in words, in the order of the body', async () => {
		const result = await readBody(request({ day: '2026-05-09', mood: 9 }), body, words);
		const problem = await problemOf((result as { response: Response }).response);
		expect(problem['invalid-params']).toEqual([
			{ name: 'day', reason: 'must be the 5th or earlier' },
			{ name: 'mood', reason: 'must be a whole number from 1 to 5' }
		]);
	});

	it('says so when the body is no object', async () => {
		const result = await readBody(request([1]), body, words);
		expect((await problemOf((result as { response: Response }).response))['invalid-params']).toEqual([
			{ name: '(body)', reason: 'must be a JSON object' }
		]);
	});
});

describe('the query string', () => {
	const query = z.object({
		limit: wholeNumber(1, 100, 'must be a whole number from 1 to 100').default(20).meta({ description: 'How many' }),
		q: z.string().max(5).optional()
	});

	it('reads digits as a number only where the schema wants one', () => {
		expect(parseQuery(new URL('http://brug.test/?limit=7&q=123'), query)).toEqual({ ok: true, value: { limit: 7, q: '123' } });
		expect(parseQuery(new URL('http://brug.test/'), query)).toEqual({ ok: true, value: { limit: 20 } });
	});

	it('refuses text, a fraction and a number out of range', () => {
		for (const limit of ['abc', '1.5', '0', '101', '-1']) {
			expect(parseQuery(new URL(`http://brug.test/?limit=${limit}`), query).ok, limit).toBe(false);
		}
	});

	it('gives OpenAPI parameters with the same limits', () => {
		expect(queryParameters(query)).toEqual([
			{ name: 'limit', in: 'query', required: false, description: 'How many', schema: { default: 20, type: 'integer', minimum: 1, maximum: 100 } },
			{ name: 'q', in: 'query', required: false, schema: { type: 'string', maxLength: 5 } }
		]);
	});
});

describe('bodySchemaOf', () => {
	it('describes what the contract takes, not what the rules make of it', () => {
		expect(bodySchemaOf(body)).toMatchObject({
			type: 'object',
			required: ['mood', 'day'],
			additionalProperties: false,
			properties: { mood: { type: 'integer', minimum: 1, maximum: 5 }, day: { type: 'string', format: 'date' }, note: { anyOf: [{ type: 'string', maxLength: 10 }, { type: 'null' }] } }
		});
		expect(bodySchemaOf(body)).not.toHaveProperty('$schema');
	});
});

describe('noProtoKey', () => {
	const keyed = jsonObject({
		answers: noProtoKey('must be an item number', z.record(z.string().regex(/^\d+$/, 'must be an item number'), z.string())).meta({ description: 'd' })
	});

	it('refuses an own "__proto__" key, which z.record alone would drop without a word', async () => {
		const result = await readBody(request(JSON.parse('{"answers":{"__proto__":{"x":1}}}')), keyed);
		expect(result.ok).toBe(false);
		const problem = await problemOf((result as { response: Response }).response);
		expect(problem['invalid-params']).toEqual([{ name: 'answers.__proto__', reason: 'must be an item number' }]);
		expect(z.record(z.string().regex(/^\d+$/), z.string()).safeParse(JSON.parse('{"__proto__":{"x":1}}')).success).toBe(true);
	});

	it('takes what the record takes, and leaves its JSON Schema in the document', async () => {
		expect(await readBody(request({ answers: { '1': 'a' } }), keyed)).toEqual({ ok: true, value: { answers: { '1': 'a' } } });
		expect(bodySchemaOf(keyed)).toMatchObject({
			properties: { answers: { type: 'object', propertyNames: { pattern: '^\\d+$' }, additionalProperties: { type: 'string' }, description: 'd' } }
		});
	});
});
