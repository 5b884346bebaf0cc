import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { openApiDocument } from '$lib/server/http/openapi';

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

describe('OpenAPI document', () => {
	it('is OpenAPI 3.1', () => {
		expect(openApiDocument.openapi).toBe('3.1.0');
	});
	it('documents exactly the API routes that exist', () => {
		expect(Object.keys(openApiDocument.paths).sort()).toEqual(apiRoutes());
	});
	it('resolves every $ref', () => {
		const refs = JSON.stringify(openApiDocument).match(/"#\/components\/schemas\/(\w+)"/g) ?? [];
		expect(refs.length).toBeGreaterThan(0);
		for (const ref of refs) {
			const name = ref.slice('"#/components/schemas/'.length, -1);
			expect(openApiDocument.components.schemas, name).toHaveProperty(name);
		}
	});
});
