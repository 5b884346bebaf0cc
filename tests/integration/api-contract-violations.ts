/**
 * Valid values and violations made from a JSON Schema (the 2020-12 subset the OpenAPI document uses), for
 * api-contract.test.ts.
 * - `validValue(schema, resolve, today)`: a value the schema allows, with every optional property filled in.
 * - `bodyViolations(schema, valid, resolve)`: copies of `valid` that each break the schema in one place.
 * - `queryViolations(parameters)`: query strings that each break one parameter's schema.
 */
export type Schema = Record<string, unknown>;
type Resolve = (schema: Schema) => Schema;

const typesOf = (schema: Schema): string[] => {
	if (Array.isArray(schema.type)) return schema.type as string[];
	if (typeof schema.type === 'string') return [schema.type];
	const branches = (schema.anyOf ?? schema.oneOf) as Schema[] | undefined;
	if (branches) return branches.flatMap(typesOf);
	const values = (schema.enum as unknown[] | undefined) ?? ('const' in schema ? [schema.const] : undefined);
	return values ? [...new Set(values.map((v) => (v === null ? 'null' : Number.isInteger(v) ? 'integer' : typeof v)))] : [];
};

/** The non-null branch of `X | null`, or the schema itself. */
const nonNull = (schema: Schema): Schema => {
	const branches = (schema.anyOf ?? schema.oneOf) as Schema[] | undefined;
	return branches?.find((b) => b.type !== 'null') ?? schema;
};

const samples = ['19:30', 'ask-for-a-tip', 'K7QM-4TXP', '1'];

export function validValue(raw: Schema, resolve: Resolve, today: string): unknown {
	const schema = nonNull(resolve(raw));
	const examples = schema.examples as unknown[] | undefined;
	if (examples?.length) return examples[0];
	if ('const' in schema) return schema.const;
	if (Array.isArray(schema.enum)) return schema.enum.find((v) => v !== null);
	const type = typesOf(schema).find((t) => t !== 'null');
	switch (type) {
		case 'string': {
			if (schema.format === 'date') return today;
			if (schema.format === 'date-time') return new Date().toISOString();
			if (schema.format === 'email') return 'someone@example.com';
			if (typeof schema.pattern === 'string') return samples.find((s) => new RegExp(schema.pattern as string).test(s)) ?? 'x';
			return 'Tekst';
		}
		case 'integer':
		case 'number':
			return typeof schema.minimum === 'number' ? schema.minimum : 1;
		case 'boolean':
			return true;
		case 'array':
			return [validValue(schema.items as Schema, resolve, today)];
		case 'object': {
			const properties = (schema.properties ?? {}) as Record<string, Schema>;
			return Object.fromEntries(Object.entries(properties).map(([name, property]) => [name, validValue(property, resolve, today)]));
		}
		default:
			return 'x';
	}
}

/** Values of the wrong JSON type for a schema: text where a number goes ("mood": "1"), a number where text goes … */
function wrongTypes(schema: Schema): unknown[] {
	const allowed = typesOf(schema);
	if (allowed.length === 0) return [];
	const fits = (value: unknown) =>
		allowed.some((t) =>
			t === 'null' ? value === null : t === 'integer' ? Number.isInteger(value) : t === 'array' ? Array.isArray(value) : t === 'object' ? typeof value === 'object' && value !== null && !Array.isArray(value) : typeof value === t
		);
	return ['1', 1, 1.5, true, null, [], {}].filter((value) => !fits(value));
}

/** Violations of one value's own schema (not of the object around it). */
function valueViolations(raw: Schema, resolve: Resolve, valid: unknown): { what: string; value: unknown }[] {
	const schema = nonNull(resolve(raw));
	const out = wrongTypes(resolve(raw)).map((value) => ({ what: `wrong type ${JSON.stringify(value)}`, value }));
	if (typeof schema.maxLength === 'number') out.push({ what: `over maxLength ${schema.maxLength}`, value: 'x'.repeat(schema.maxLength + 1) });
	if (typeof schema.minLength === 'number' && schema.minLength > 0) out.push({ what: 'under minLength', value: '' });
	if (typeof schema.maximum === 'number') out.push({ what: `over maximum ${schema.maximum}`, value: schema.maximum + 1 });
	if (typeof schema.minimum === 'number') out.push({ what: `under minimum ${schema.minimum}`, value: schema.minimum - 1 });
	if (Array.isArray(schema.enum) || 'const' in schema) {
		const numeric = typesOf(schema).some((t) => t === 'integer' || t === 'number');
		out.push({ what: 'not in enum', value: numeric ? 999 : 'not-a-value' });
	}
	if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern).test('!!')) out.push({ what: 'breaks pattern', value: '!!' });
	if (schema.format === 'date') out.push({ what: 'not a date', value: '2026-02-30' });
	if (schema.format === 'email') out.push({ what: 'not an e-mail address', value: 'not-an-address' });
	if (typesOf(schema).includes('array') && schema.items) {
		const item = (valid as unknown[])[0];
		if (typeof schema.maxItems === 'number') out.push({ what: `over maxItems ${schema.maxItems}`, value: Array(schema.maxItems + 1).fill(item) });
		if (typeof schema.minItems === 'number' && schema.minItems > 0) out.push({ what: 'under minItems', value: [] });
		for (const v of valueViolations(schema.items as Schema, resolve, item)) out.push({ what: `item ${v.what}`, value: [v.value] });
	}
	if (typesOf(schema).includes('object')) {
		for (const v of objectViolations(schema, valid as Record<string, unknown>, resolve)) out.push({ what: v.what, value: v.body });
	}
	return out;
}

function objectViolations(schema: Schema, valid: Record<string, unknown>, resolve: Resolve): { what: string; body: unknown }[] {
	const out: { what: string; body: unknown }[] = [];
	const properties = (schema.properties ?? {}) as Record<string, Schema>;
	for (const name of (schema.required ?? []) as string[]) {
		const { [name]: _left, ...rest } = valid;
		out.push({ what: `without required ${name}`, body: rest });
	}
	if (schema.additionalProperties === false) out.push({ what: 'with an unknown property', body: { ...valid, unexpected: 1 } });
	const names = schema.propertyNames as Schema | undefined;
	if (typeof names?.pattern === 'string') out.push({ what: 'with a key that breaks propertyNames', body: { ...valid, 'not-a-key': 'x' } });
	const values = schema.additionalProperties as Schema | boolean | undefined;
	if (values && typeof values === 'object' && Object.keys(properties).length === 0) {
		for (const v of valueViolations(values, resolve, undefined)) out.push({ what: `a value with ${v.what}`, body: { ...valid, '1': v.value } });
	}
	for (const [name, property] of Object.entries(properties)) {
		for (const v of valueViolations(property, resolve, valid[name])) out.push({ what: `${name}: ${v.what}`, body: { ...valid, [name]: v.value } });
	}
	return out;
}

export function bodyViolations(raw: Schema, valid: unknown, resolve: Resolve): { what: string; body: unknown }[] {
	const schema = resolve(raw);
	// A oneOf of objects (an answer that happened or did not): the first branch, which `validValue` made.
	const object = (schema.oneOf as Schema[] | undefined)?.[0] ?? schema;
	return [
		{ what: 'an array instead of an object', body: [valid] },
		{ what: 'text instead of an object', body: 'text' },
		{ what: 'null instead of an object', body: null },
		...objectViolations(object, valid as Record<string, unknown>, resolve)
	];
}

export function queryViolations(parameters: { name: string; schema: Schema }[]): { what: string; query: string }[] {
	const out: { what: string; query: string }[] = [];
	for (const { name, schema } of parameters) {
		const numeric = typesOf(schema).some((t) => t === 'integer' || t === 'number');
		// A query string carries text: a wrong type is text that is no whole number; null, arrays and objects cannot be said.
		const values = valueViolations(schema, (s) => s, undefined).filter((v) => !v.what.startsWith('wrong type'));
		if (numeric) values.push({ what: 'not a whole number', value: 'abc' }, { what: 'a fraction', value: '1.5' });
		for (const v of values) out.push({ what: `${name}: ${v.what}`, query: `?${name}=${encodeURIComponent(String(v.value))}` });
	}
	return out;
}
