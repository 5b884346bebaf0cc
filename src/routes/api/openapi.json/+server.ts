import { json } from '@sveltejs/kit';
import { openApiDocument } from '$lib/server/http/openapi';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = () => json(openApiDocument);
