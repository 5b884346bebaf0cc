import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { openApiDocument } from '$lib/composers/api/openapi';
import { requestSchemas } from '$lib/composers/api/openapi-requests';

/** Every +server.ts under src/routes/api (and /healthz), as an OpenAPI path. */
function apiRoutes(): string[] {
	const root = path.resolve('src/routes');
	const found: string[] = [];
	const walk = (dir: string) => {
		for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
			const full = path.join(dir, entry.name);
			if (entry.isDirectory()) walk(full);
			else if (entry.name === '+server.ts') {
				const route = '/' + path.relative(root, dir).split(path.sep).filter((s) => !/^\(.*\)$/.test(s)).join('/');
				found.push(route.replace(/\[(\w+)\]/g, '{$1}'));
			}
		}
	};
	walk(root);
	// Page-side file downloads (e.g. /account/gegevens/download) belong to the web pages, not to the API.
	return found.filter((r) => (r.startsWith('/api/') || r === '/healthz') && r !== '/api/openapi.json').sort();
}

const methods = ['get', 'put', 'post', 'patch', 'delete', 'head', 'options'] as const;

interface Operation {
	operationId: string;
	security?: Record<string, string[]>[];
	requestBody?: unknown;
	responses: Record<string, { content?: Record<string, { schema?: { $ref?: string } }> }>;
}

function operations(): { path: string; method: string; operation: Operation }[] {
	return Object.entries(openApiDocument.paths as unknown as Record<string, Record<string, Operation>>).flatMap(([path, item]) =>
		methods.filter((method) => item[method]).map((method) => ({ path, method, operation: item[method]! }))
	);
}

describe('OpenAPI document', () => {
	it('is OpenAPI 3.1', () => {
		expect(openApiDocument.openapi).toBe('3.1.0');
	});
	it('documents exactly the API routes that exist', () => {
		expect(Object.keys(openApiDocument.paths).sort()).toEqual(apiRoutes());
	});
	it('keeps every operation it had before its bodies and parameters were generated from the Zod schemas', () => {
		const before = JSON.parse(fs.readFileSync(path.resolve('tests/integration/openapi-operations.json'), 'utf8')) as string[];
		expect(operations().map((o) => `${o.method.toUpperCase()} ${o.path}`).sort()).toEqual(before);
	});
	it('holds only valid JSON Schema 2020-12 (the dialect of OpenAPI 3.1) in its components and parameters', () => {
		const ajv = new Ajv2020({ strict: false, validateFormats: false });
		const parameters = operations().flatMap((o) => ((o.operation as { parameters?: { schema: object }[] }).parameters ?? []).map((p) => p.schema));
		for (const schema of [...Object.values(openApiDocument.components.schemas), ...parameters]) {
			const standalone = { ...schema, $defs: openApiDocument.components.schemas };
			const text = JSON.stringify(standalone).replaceAll('#/components/schemas/', '#/$defs/');
			expect(() => ajv.compile(JSON.parse(text)), text.slice(0, 200)).not.toThrow();
		}
	});
	it('takes every request body from the schemas generated from Zod', () => {
		const bodies = operations().flatMap((o) => {
			const body = (o.operation as { requestBody?: { content: Record<string, { schema: { $ref: string } }> } }).requestBody;
			return body ? [body.content['application/json']!.schema.$ref] : [];
		});
		expect(bodies.length).toBeGreaterThanOrEqual(24);
		for (const ref of bodies) expect(Object.keys(requestSchemas)).toContain(ref.replace('#/components/schemas/', ''));
	});
	it('resolves every $ref', () => {
		const refs = JSON.stringify(openApiDocument).match(/"#\/components\/\w+\/\w+"/g) ?? [];
		expect(refs.length).toBeGreaterThan(0);
		for (const ref of refs) {
			const [, , section, name] = ref.slice(1, -1).split('/') as [string, string, string, string];
			expect(openApiDocument.components, ref).toHaveProperty([section, name]);
		}
	});
});

/** Operations that need an account: a person's own data, and the professional's invitations, caseload, clients and groups. */
const personal = (path: string) =>
	path.startsWith('/api/v1/me/') ||
	path === '/api/v1/invitations' ||
	path.startsWith('/api/v1/invitations/') ||
	path === '/api/v1/caseload' ||
	path === '/api/v1/groups' ||
	path.startsWith('/api/v1/groups/') ||
	path.startsWith('/api/v1/clients/') ||
	path.startsWith('/api/v1/organisations/') ||
	path.startsWith('/api/v1/reports/') ||
	path.startsWith('/api/v1/funders/');

describe('OpenAPI security', () => {
	it('names the session cookie and the personal API token as security schemes', () => {
		expect(openApiDocument.components.securitySchemes).toEqual({
			sessionCookie: expect.objectContaining({ type: 'apiKey', in: 'cookie', name: 'brug.session_token' }),
			apiToken: expect.objectContaining({ type: 'http', scheme: 'bearer' })
		});
	});

	it('gives every operation a unique operationId', () => {
		const ids = operations().map((o) => o.operation.operationId);
		expect(new Set(ids).size).toBe(ids.length);
	});

	it('declares security on every personal operation, and none needed (an empty list) on every public one', () => {
		const all = operations();
		expect(all.filter((o) => personal(o.path)).length).toBeGreaterThanOrEqual(8);
		for (const { path, method, operation } of all) {
			const name = `${method.toUpperCase()} ${path}`;
			if (personal(path)) expect(operation.security, name).toEqual([{ sessionCookie: [] }, { apiToken: [] }]);
			else expect(operation.security, name).toEqual([]);
		}
	});

	it('lets every secured operation use either scheme, and documents its refusals as problem+json', () => {
		const problem = { schema: { $ref: '#/components/schemas/Problem' } };
		for (const { path, method, operation } of operations().filter((o) => o.operation.security?.length)) {
			const name = `${method.toUpperCase()} ${path}`;
			expect(operation.security, name).toEqual([{ sessionCookie: [] }, { apiToken: [] }]);
			for (const status of ['401', '403']) {
				expect(operation.responses[status]?.content?.['application/problem+json'], `${name} ${status}`).toEqual(problem);
			}
		}
	});

	it('documents a Problem for every 4xx answer', () => {
		for (const { path, method, operation } of operations()) {
			for (const [status, response] of Object.entries(operation.responses).filter(([s]) => s.startsWith('4'))) {
				expect(response.content?.['application/problem+json'], `${method.toUpperCase()} ${path} ${status}`).toBeDefined();
			}
		}
	});

	it('documents the refusals of the JSON body (400, 413, 415, 422) on every operation that takes one', () => {
		for (const { path, method, operation } of operations().filter((o) => o.operation.requestBody)) {
			for (const status of ['400', '413', '415', '422']) {
				expect(operation.responses[status], `${method.toUpperCase()} ${path} ${status}`).toBeDefined();
			}
		}
	});

	it('documents a 404 on every personal operation on one thing by its id', () => {
		for (const { path, method, operation } of operations().filter((o) => personal(o.path) && o.path.endsWith('/{id}'))) {
			expect(operation.responses['404'], `${method.toUpperCase()} ${path}`).toBeDefined();
		}
	});
});
