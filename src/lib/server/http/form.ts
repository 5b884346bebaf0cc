/**
 * A form post whose body cannot be read (a multipart post without boundary, a cut-off body) would make every
 * form action throw, and the person would see a 500. hooks.server.ts checks the body once, up front, instead.
 */
const formTypes = ['application/x-www-form-urlencoded', 'multipart/form-data'];

export function isFormPost(request: Request): boolean {
	if (request.method !== 'POST') return false;
	const type = (request.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
	return formTypes.includes(type);
}

/** True when the body parses as form data. Reads a copy, so the action can still read the original. */
export async function isReadableForm(request: Request): Promise<boolean> {
	try {
		await request.clone().formData();
		return true;
	} catch {
		return false;
	}
}

/** A small, plain page for that case: the layout cannot be rendered without running the action. */
export function unreadableFormPage(locale: string, message: string, backLabel: string, back: string): Response {
	const html = `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>brug</title><link rel="stylesheet" href="/brug.css"></head><body><main id="main"><h1>brug</h1><p>${escape(message)}</p><p><a href="${escape(back)}">${escape(backLabel)}</a></p></main></body></html>`;
	return new Response(html, { status: 400, headers: { 'content-type': 'text/html; charset=utf-8' } });
}

function escape(text: string): string {
	return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
