/** The JSON API over HTTP: answers, and problem+json 4xx (never 5xx) for every kind of bad input. */
import { expect, test } from './support';

const complete = { '1': 'yes', '2': 'more_or_less', '3': 'no', '4': 'yes', '5': 'no', '6': 'more_or_less', '7': 'no', '8': 'yes', '9': 'no', '10': 'no', '11': 'yes' };

test('lists instruments', async ({ request }) => {
	const response = await request.get('/api/v1/instruments?locale=en');
	expect(response.status()).toBe(200);
	const body = await response.json();
	expect(body).toEqual([
		expect.objectContaining({ id: 'djg-11', itemCount: 11 }),
		expect.objectContaining({ id: 'djg-6', itemCount: 6 }),
		expect.objectContaining({ id: 'ucla-3', itemCount: 3 })
	]);
});

test('gives a full definition per locale', async ({ request }) => {
	const nl = await (await request.get('/api/v1/instruments/djg-11')).json();
	const en = await (await request.get('/api/v1/instruments/djg-11?locale=en')).json();
	expect(nl.locale).toBe('nl');
	expect(nl.items[1].text).toBe('Ik mis een echt goede vriend of vriendin');
	expect(en.items[1].text).toBe('I miss having a really close friend');
	expect(en.bands.map((b: { id: string }) => b.id)).toEqual(['not_lonely', 'moderately_lonely', 'severely_lonely', 'very_severely_lonely']);
});

test('scores answers', async ({ request }) => {
	const response = await request.post('/api/v1/instruments/djg-11/score', { data: { answers: complete } });
	expect(response.status()).toBe(200);
	// Lonely points: 2 (more_or_less), 6 (more_or_less), 7 (no) → emotional 2, social 1.
	expect(await response.json()).toEqual({
		instrument: 'djg-11',
		version: expect.any(String),
		total: 3,
		subscales: { emotional: 2, social: 1 },
		band: 'moderately_lonely',
		answered: 11,
		missing: []
	});
	const partial = await (await request.post('/api/v1/instruments/djg-11/score', { data: { answers: { '1': 'yes' } } })).json();
	expect(partial.total).toBeNull();
	expect(partial.band).toBeNull();
	expect(partial.missing).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
	const ucla = await (await request.post('/api/v1/instruments/ucla-3/score', { data: { answers: { '1': 'often', '2': 'often', '3': 'hardly_ever' } } })).json();
	expect(ucla).toMatchObject({ total: 7, subscales: null, band: null });
});

const bad: [string, string, { data?: unknown; headers?: Record<string, string>; body?: string }, number, string][] = [
	['unknown instrument', '/api/v1/instruments/phq-9/score', { data: { answers: {} } }, 404, 'id'],
	['unknown item', '/api/v1/instruments/djg-11/score', { data: { answers: { '12': 'yes' } } }, 422, 'answers.12'],
	['unknown option', '/api/v1/instruments/djg-11/score', { data: { answers: { '1': 'often' } } }, 422, 'answers.1'],
	['wrong type', '/api/v1/instruments/djg-11/score', { data: { answers: { '1': 1 } } }, 422, 'answers.1'],
	['answers not an object', '/api/v1/instruments/djg-11/score', { data: { answers: ['yes'] } }, 422, 'answers'],
	['missing answers', '/api/v1/instruments/djg-11/score', { data: {} }, 422, 'answers'],
	['extra field', '/api/v1/instruments/djg-11/score', { data: { answers: {}, extra: true } }, 422, '(body)']
];

for (const [name, path, options, status, field] of bad) {
	test(`bad input: ${name} → ${status} problem naming ${field}`, async ({ request }) => {
		const response = await request.post(path, options);
		expect(response.status()).toBe(status);
		expect(response.headers()['content-type']).toContain('application/problem+json');
		const body = await response.json();
		expect(body).toMatchObject({ status, title: expect.any(String) });
		expect(body['invalid-params'].map((p: { name: string }) => p.name)).toContain(field);
	});
}

test('bad input: not JSON, wrong media type, too large, bad locale', async ({ request }) => {
	const notJson = await request.post('/api/v1/instruments/djg-11/score', { headers: { 'content-type': 'application/json' }, data: Buffer.from('{"answers":') });
	expect(notJson.status()).toBe(400);
	expect(notJson.headers()['content-type']).toContain('application/problem+json');

	const form = await request.post('/api/v1/instruments/djg-11/score', { form: { answers: 'x' } });
	expect(form.status()).toBe(415);

	const huge = await request.post('/api/v1/instruments/djg-11/score', {
		headers: { 'content-type': 'application/json' },
		data: Buffer.from(JSON.stringify({ answers: { '1': 'yes'.padEnd(40_000, ' ') } }))
	});
	expect(huge.status()).toBe(413);
	expect(huge.headers()['content-type']).toContain('application/problem+json');

	const locale = await request.get('/api/v1/instruments?locale=de');
	expect(locale.status()).toBe(400);
	expect((await locale.json())['invalid-params'][0].name).toBe('locale');
});

test('the OpenAPI document and the health check', async ({ request }) => {
	const doc = await (await request.get('/api/openapi.json')).json();
	expect(doc.openapi).toBe('3.1.0');
	expect(Object.keys(doc.paths)).toContain('/api/v1/instruments/{id}/score');
	const health = await request.get('/healthz');
	expect(health.status()).toBe(200);
	expect(await health.json()).toEqual({ status: 'ok', database: 'sqlite' });
});
