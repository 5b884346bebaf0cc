import { decodeViewSettings, encodeViewSettings, viewCookie, viewCss } from '$lib/features/display/view-settings';
import type { RequestHandler } from './$types';

/**
 * The person's display settings as a stylesheet, linked from every page (also pages served as files and pages
 * without JavaScript). It differs per browser, so it is never shared from a cache and always checked again.
 */
export const GET: RequestHandler = ({ cookies, request }) => {
	const settings = decodeViewSettings(cookies.get(viewCookie.name));
	const etag = `"${encodeViewSettings(settings)}"`;
	const headers = { 'content-type': 'text/css; charset=utf-8', 'cache-control': 'private, no-cache', vary: 'Cookie', etag };
	if (request.headers.get('if-none-match') === etag) return new Response(null, { status: 304, headers });
	return new Response(viewCss(settings), { headers });
};
