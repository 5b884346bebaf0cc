/**
 * A post to a page that no form of brug could have sent would make a form action throw, and the person would see a
 * 500: a body that is not form data (text/plain, JSON, none at all), a multipart post without boundary, a cut-off
 * body, or a file where brug only ever sends text. hooks.server.ts checks the body once, up front, instead.
 */
const formTypes = ['application/x-www-form-urlencoded', 'multipart/form-data'];

export type UnusableForm = 'unsupported-type' | 'unreadable';

function mediaType(request: Request): string {
	return (request.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

/**
 * Why a POST to a page cannot be a form of brug's, or null when its body reads as form data of text fields.
 * Reads a copy, so the action can still read the original.
 */
export async function unusableFormPost(request: Request): Promise<UnusableForm | null> {
	if (request.method !== 'POST') return null;
	if (!formTypes.includes(mediaType(request))) return 'unsupported-type';
	try {
		const form = await request.clone().formData();
		for (const value of form.values()) if (typeof value !== 'string') return 'unreadable';
		return null;
	} catch {
		return 'unreadable';
	}
}

/** A small, plain page for a request that cannot reach the page itself: the layout may not be renderable. */
export function plainPage(options: { locale: string; status: number; message: string; backLabel: string; back: string; headers?: Record<string, string> }): Response {
	const { locale, status, message, backLabel, back } = options;
	const html = `<!doctype html><html lang="${escape(locale)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>brug</title><link rel="stylesheet" href="/brug.css"></head><body><main id="main"><h1>brug</h1><p>${escape(message)}</p><p><a href="${escape(back)}">${escape(backLabel)}</a></p></main></body></html>`;
	// Its own policy: the deny-all one that responses without a page get would block brug.css.
	const csp = "default-src 'none'; style-src 'self'; img-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";
	return new Response(html, {
		status,
		headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': csp, ...options.headers }
	});
}

function escape(text: string): string {
	return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
