/**
 * The building blocks every part of the OpenAPI document uses, so all operations refuse, page and point at schemas in
 * the same words: problem answers, the two security schemes, the refusals of the door and of a JSON body, path
 * parameters, and small schema shapes. Request bodies and query parameters come from the Zod contract (contract.ts). openapi.ts puts the parts of each area together.
 */
import { pathParameter, queryParameters } from './contract';
import { localeQuerySchema } from './instruments-api';

const schemaRef = (name: string) => `#/components/schemas/${name}`;

/** `{ $ref }` to a schema in components. */
export const ref = (name: string) => ({ $ref: schemaRef(name) });

export const problemResponse = (description: string) => ({
	description,
	content: { 'application/problem+json': { schema: ref('Problem') } }
});

/** Personal operations accept either a session (brug's own pages) or a personal API token (scripts and apps). */
export const secured: Record<string, string[]>[] = [{ sessionCookie: [] }, { apiToken: [] }];

/** Public operations say so: no credentials at all (an empty list of requirements). */
export const open: Record<string, string[]>[] = [];

export const refusals = {
	'401': problemResponse('No session and no valid API token (with `WWW-Authenticate: Bearer`)'),
	'403': problemResponse(
		'Not allowed: a cookie call that changes something from another site, or (for professionals) no membership or two-step sign-in off; `reason` says which'
	)
};

export const jsonBodyProblems = {
	'400': problemResponse('The body is not valid JSON'),
	'413': problemResponse('The body is larger than 16 KiB'),
	'415': problemResponse('The body is not application/json'),
	'422': problemResponse('A field is missing or wrong; invalid-params names it')
};

export const tooMany = problemResponse('Too many attempts; `Retry-After` gives the seconds to wait');

export const jsonContent = (name: string) => ({ 'application/json': { schema: ref(name) } });

export const jsonRequest = (name: string, example: Record<string, unknown>) => ({
	required: true,
	content: { 'application/json': { schema: ref(name), example } }
});

export const idPathParam = (description: string) => pathParameter('id', description);

/** `locale` of the texts: nl or en, default nl. */
export const localeParams = queryParameters(localeQuerySchema);

/** Unknown ids and other people's ids get the same answer, so an id never tells whether it exists. */
export const notYours = (what: string) => problemResponse(`Not one of your ${what}: unknown, or somebody else's (the answer is the same)`);


export const localDay = (description: string) => ({ type: 'string', format: 'date', description });

export const listOf = (name: string) => ({
	type: 'object',
	required: ['items'],
	properties: { items: { type: 'array', items: ref(name) } }
});

/** A newest-first page of `name`, continued with `before`. */
export const pageOf = (name: string) => ({
	type: 'object',
	required: ['items', 'next'],
	properties: {
		items: { type: 'array', items: ref(name) },
		next: { type: ['string', 'null'], description: 'Pass as `before` for the next page; null on the last' }
	}
});

/** One area of the document: its paths and the schemas they refer to. */
export interface OpenApiArea {
	paths: Record<string, Record<string, unknown>>;
	schemas: Record<string, unknown>;
}

/** On what a person writes: saved all the same, and the client shows the way to help. */
export const crisisFlag = {
	type: 'object',
	required: ['crisis'],
	properties: {
		crisis: {
			type: 'boolean',
			description:
				"The text holds a crisis signal (a word list in Dutch and English). It was saved all the same; show the way to help, calmly: brug's help page (/nl/hulp, /en/help) lists who to call."
		}
	}
};
