/**
 * The personal JSON API over HTTP. Every operation the OpenAPI document marks as secured is called without
 * credentials and with a made-up token, so a new operation is covered as soon as it is documented; then a signed-in
 * person uses it with their session cookie.
 */
import type { APIResponse } from '@playwright/test';
import { expect, test } from './support';
import { uniqueAddress } from './mailbox';
import { signUpAndConfirm } from './people';

interface Operation {
	method: string;
	path: string;
	hasBody: boolean;
}

const methods = ['get', 'put', 'post', 'patch', 'delete'];

async function securedOperations(request: import('@playwright/test').APIRequestContext): Promise<Operation[]> {
	const response = await request.get('/api/openapi.json');
	expect(response.status()).toBe(200);
	const document = (await response.json()) as {
		paths: Record<string, Record<string, { security?: unknown[]; requestBody?: unknown }>>;
	};
	return Object.entries(document.paths).flatMap(([path, item]) =>
		methods
			// Public operations say `security: []` (no credentials needed).
			.filter((method) => (item[method]?.security?.length ?? 0) > 0)
			.map((method) => ({
				method,
				// Any id will do: the door is checked before anything is looked up.
				path: path.replace(/\{\w+\}/g, '00000000-0000-4000-8000-000000000000'),
				hasBody: Boolean(item[method]!.requestBody)
			}))
	);
}

function call(request: import('@playwright/test').APIRequestContext, operation: Operation, headers: Record<string, string> = {}) {
	return request.fetch(operation.path, {
		method: operation.method.toUpperCase(),
		headers,
		...(operation.hasBody ? { data: {} } : {})
	});
}

async function expectUnauthenticated(response: APIResponse, name: string, challenge: string): Promise<void> {
	expect.soft(response.status(), name).toBe(401);
	expect.soft(response.headers()['content-type'], name).toBe('application/problem+json');
	expect.soft(response.headers()['www-authenticate'], name).toBe(challenge);
	expect.soft(response.headers()['cache-control'], name).toBe('no-store');
	expect.soft(await response.json(), name).toMatchObject({ status: 401, title: 'Authentication required.' });
}

test('every secured operation answers 401 problem+json to an anonymous caller', async ({ request }) => {
	const operations = await securedOperations(request);
	expect(operations.length).toBeGreaterThanOrEqual(8);
	for (const operation of operations) {
		await expectUnauthenticated(await call(request, operation), `${operation.method} ${operation.path}`, 'Bearer');
	}
});

test('every secured operation answers 401 to a made-up or malformed token', async ({ request }) => {
	const operations = await securedOperations(request);
	for (const authorization of [`Bearer brug_${'A'.repeat(43)}`, 'Bearer not-a-token', 'Basic YW5uYTpnZWhlaW0=']) {
		for (const operation of operations) {
			const name = `${operation.method} ${operation.path} with ${authorization.split(' ')[0]}`;
			await expectUnauthenticated(await call(request, operation, { authorization }), name, 'Bearer error="invalid_token"');
		}
	}
});

test('the public operations stay open', async ({ request }) => {
	expect((await request.get('/api/v1/instruments')).status()).toBe(200);
	expect((await request.get('/healthz')).status()).toBe(200);
});

test('a signed-in person uses the API with their session', async ({ page }) => {
	const email = uniqueAddress('api');
	await signUpAndConfirm(page, email, 'mijn lange wachtwoord');
	const api = page.request;

	const consents = await api.get('/api/v1/me/consents');
	expect(consents.status()).toBe(200);
	expect(consents.headers()['cache-control']).toBe('no-store');
	expect(await consents.json()).toEqual({ items: [] });

	expect(await (await api.get('/api/v1/me/audit-events')).json()).toEqual({ items: [], next: null });
	const badLimit = await api.get('/api/v1/me/audit-events?limit=0&before=gisteren');
	expect(badLimit.status()).toBe(422);
	expect((await badLimit.json())['invalid-params'].map((p: { name: string }) => p.name).sort()).toEqual(['before', 'limit']);

	const exported = await api.get('/api/v1/me/export');
	expect(exported.status()).toBe(200);
	expect(exported.headers()['cache-control']).toBe('no-store');
	expect((await exported.json()).account).toMatchObject({ email, emailVerified: true });

	const unknownCode = await api.post('/api/v1/me/consents', { data: { code: 'AAAA-AAAA', scopes: ['measurements'] } });
	expect(unknownCode.status()).toBe(404);
	expect(unknownCode.headers()['content-type']).toBe('application/problem+json');

	const badFields = await api.post('/api/v1/me/consents', { data: { code: 'O0O0', scopes: [] } });
	expect(badFields.status()).toBe(422);
	const problem = await badFields.json();
	expect(problem['invalid-params']).toEqual([
		{ name: 'code', reason: expect.stringMatching(/^must be an invitation code/) },
		{ name: 'scopes', reason: expect.stringMatching(/^must be a non-empty array of: measurements/) }
	]);

	const notJson = await api.post('/api/v1/me/consents', { headers: { 'content-type': 'text/plain' }, data: 'code' });
	expect(notJson.status()).toBe(415);
	const broken = await api.post('/api/v1/me/consents', { headers: { 'content-type': 'application/json' }, data: Buffer.from('{"code":') });
	expect(broken.status()).toBe(400);

	const fromElsewhere = await api.post('/api/v1/me/consents', {
		headers: { 'sec-fetch-site': 'cross-site' },
		data: { code: 'AAAA-AAAA', scopes: ['measurements'] }
	});
	expect(fromElsewhere.status()).toBe(403);
	expect(fromElsewhere.headers()['content-type']).toBe('application/problem+json');

	expect((await api.delete('/api/v1/me/consents/00000000-0000-4000-8000-000000000000')).status()).toBe(404);
	const patched = await api.patch('/api/v1/me/consents/00000000-0000-4000-8000-000000000000', { data: { scopes: ['programme'] } });
	expect(patched.status()).toBe(404);

	// Not a professional: the invitations are not for this person.
	const invitations = await api.get('/api/v1/invitations');
	expect(invitations.status()).toBe(403);
	expect(await invitations.json()).toMatchObject({ status: 403, reason: 'no_access' });
	expect((await api.delete('/api/v1/invitations/00000000-0000-4000-8000-000000000000')).status()).toBe(403);
});
