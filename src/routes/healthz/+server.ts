import { json } from '@sveltejs/kit';
import { isDatabaseReachable } from '$lib/server/db/client';
import { databaseKind, db } from '$lib/server/db';
import type { RequestHandler } from './$types';

/** Liveness and readiness: 200 when the database answers, 503 otherwise. */
export const GET: RequestHandler = async () => {
	const ok = await isDatabaseReachable(db()).catch(() => false);
	return json(
		{ status: ok ? 'ok' : 'unavailable', database: ok ? databaseKind() : 'unreachable' },
		{ status: ok ? 200 : 503, headers: { 'cache-control': 'no-store' } }
	);
};
