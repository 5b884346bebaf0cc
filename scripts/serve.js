#!/usr/bin/env node
/**
 * Runs a built brug: adapter-node's `<build>/index.js` (its server, graceful shutdown and settings unchanged), with
 * brug's security headers set on every response before anything else answers it. adapter-node serves the files under
 * /_app, static/ and the prerendered pages before the app's hooks run, so without this they would go out bare. A
 * response of the app sets its own headers over these (a page its CSP with nonces).
 *
 * A prerendered page (build/prerendered/**.html) is answered here, from memory (its gzip and brotli variants too),
 * which is several times faster than adapter-node opening the file for every request. It gets the CSP SvelteKit wrote
 * into its <meta http-equiv> (hashes, no nonces) as a header, with the directives a meta tag cannot carry, and the
 * SameSite=Strict site cookie the hooks set on every other page: a form posted from a prerendered page must still
 * pass `isCrossSiteWrite` in browsers without Sec-Fetch-Site (docs/decisions/006-csrf.md).
 *
 * In a demo installation (`npm run demo`) every page says so: the app leaves the banner's markup per language on
 * `globalThis` when it starts (src/lib/features/demo/demo.server.ts), and the prerendered pages get it here, once at
 * start, in the site header where the layout puts it on every other page (compressed again, with a new etag). The
 * pages ship no more JavaScript than they did, and a real installation serves them exactly as built.
 *
 * `npm start` calls `serve(build)`; `node scripts/serve.js [build dir]` does the same (the HTTP tests run it so).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import zlib from 'node:zlib';
import { securityHeadersFor, siteCookie, siteCookieName } from '../src/lib/server/http/security-headers.js';

/** Directives a <meta> CSP cannot carry (browsers ignore them there), added to a prerendered page's header. */
const headerOnlyDirectives = "frame-ancestors 'none'";

/**
 * @typedef {object} PrerenderedPage
 * @property {Buffer} body
 * @property {Buffer | undefined} gzip
 * @property {Buffer | undefined} br
 * @property {string} etag
 * @property {string} csp
 */

/**
 * Every prerendered page, by address (`/nl/hulp` from `nl/hulp.html`), read once at start.
 * @param {string} buildDir
 * @returns {Map<string, PrerenderedPage>}
 */
export function prerenderedPages(buildDir) {
	const root = path.join(buildDir, 'prerendered');
	/** @type {Map<string, PrerenderedPage>} */
	const pages = new Map();
	if (!fs.existsSync(root)) return pages;
	/** @param {string} file */
	const variant = (file) => (fs.existsSync(file) ? fs.readFileSync(file) : undefined);
	for (const entry of fs.readdirSync(root, { recursive: true, withFileTypes: true })) {
		if (!entry.isFile() || !entry.name.endsWith('.html')) continue;
		const file = path.join(entry.parentPath, entry.name);
		const address = '/' + path.relative(root, file).split(path.sep).join('/').replace(/(\/?index)?\.html$/, '');
		const body = fs.readFileSync(file);
		const meta = /<meta http-equiv="content-security-policy" content="([^"]*)"/i.exec(body.toString('utf8'));
		if (!meta?.[1]) throw new Error(`${file} has no content-security-policy meta tag`);
		pages.set(address, {
			body,
			gzip: variant(`${file}.gz`),
			br: variant(`${file}.br`),
			etag: etagOf(body),
			csp: `${meta[1].replace(/;\s*$/, '')}; ${headerOnlyDirectives}`
		});
	}
	return pages;
}

/** @param {Buffer} body */
function etagOf(body) {
	return `"${crypto.createHash('sha256').update(body).digest('base64url').slice(0, 16)}"`;
}

/** Where the app leaves the demo banner's markup per language (src/lib/features/demo/demo.server.ts). */
const demoBannerKey = Symbol.for('brug.demoBannerMarkup');

/**
 * The demo banner's markup per language when this installation is a demo, else null. Read after the app started.
 * @returns {Record<string, string> | null}
 */
function demoBannerMarkup() {
	const value = /** @type {Record<symbol, unknown>} */ (globalThis)[demoBannerKey];
	return value && typeof value === 'object' ? /** @type {Record<string, string>} */ (value) : null;
}

/**
 * The pages with the demo banner first in their site header, in the page's language, as the layout puts it on every
 * page the app renders; a page without that header, or in a language without a banner, is left as it is.
 * @param {Map<string, PrerenderedPage>} pages
 * @param {Record<string, string>} banners
 * @returns {Map<string, PrerenderedPage>}
 */
export function withDemoBanner(pages, banners) {
	/** @type {Map<string, PrerenderedPage>} */
	const marked = new Map();
	for (const [address, page] of pages) {
		const html = page.body.toString('utf8');
		const lang = /<html lang="([^"]+)"/.exec(html)?.[1] ?? '';
		const header = /<header class="site-header">/.exec(html);
		const banner = banners[lang];
		if (!header || !banner) {
			marked.set(address, page);
			continue;
		}
		const at = header.index + header[0].length;
		const body = Buffer.from(html.slice(0, at) + banner + html.slice(at), 'utf8');
		marked.set(address, {
			...page,
			body,
			gzip: page.gzip && zlib.gzipSync(body, { level: 9 }),
			br: page.br && zlib.brotliCompressSync(body),
			etag: etagOf(body)
		});
	}
	return marked;
}

/**
 * The variant a browser takes: brotli, then gzip, unless it refuses them with q=0.
 * @param {string | undefined} accepted
 * @param {PrerenderedPage} page
 * @returns {'br' | 'gzip' | undefined}
 */
function encodingFor(accepted, page) {
	if (!accepted) return undefined;
	/** @param {string} coding */
	const takes = (coding) => new RegExp(`(?:^|,)\\s*${coding}\\s*(?:,|$|;(?!\\s*q=0(?:\\.0*)?\\s*(?:,|$)))`, 'i').test(accepted);
	if (page.br && takes('br')) return 'br';
	if (page.gzip && takes('gzip')) return 'gzip';
	return undefined;
}

/**
 * Answers a GET or HEAD of a prerendered page with headers put together once per page and variant (setting them one
 * by one for every request would cost more than sending the page); returns false for anything else.
 * @param {import('node:http').IncomingMessage} request
 * @param {import('node:http').ServerResponse} response
 * @param {PrerenderedPage} page
 * @param {HeaderSets} sets
 */
function answerPrerendered(request, response, page, sets) {
	if (request.method !== 'GET' && request.method !== 'HEAD') return false;
	const encoding = encodingFor(request.headers['accept-encoding'], page);
	const etag = encoding ? `${page.etag.slice(0, -1)}-${encoding}"` : page.etag;
	const cookie = hasSiteCookie(request.headers.cookie) ? [] : sets.cookie;
	if (request.headers['if-none-match'] === etag) {
		// A 304's headers replace the cached copy's: the copy keeps its CSP, so none is sent here.
		response.writeHead(304, [...sets.base, ...cookie, 'etag', etag]).end();
		return true;
	}
	const body = (encoding === 'br' ? page.br : encoding === 'gzip' ? page.gzip : page.body) ?? page.body;
	const headers = [...sets.base, ...cookie, 'etag', etag, 'content-security-policy', page.csp, 'content-type', 'text/html; charset=utf-8'];
	if (encoding) headers.push('content-encoding', encoding);
	headers.push('content-length', String(body.length));
	response.writeHead(200, headers);
	response.end(request.method === 'HEAD' ? undefined : body);
	return true;
}

/** @typedef {{ base: string[], cookie: string[] }} HeaderSets */

/**
 * A 304 says "the copy you have is still good", and browsers replace the copy's headers with the 304's: a CSP on it
 * would take the place of the page's own (the app's pages answer 304 to If-None-Match without one).
 * @this {import('node:http').ServerResponse}
 * @param {number} status
 * @param {...any} rest
 */
function writeHeadKeepingCachedCsp(status, ...rest) {
	if (status === 304) this.removeHeader('content-security-policy');
	return http.ServerResponse.prototype.writeHead.call(this, status, ...rest);
}

/** @param {string | undefined} header */
function hasSiteCookie(header) {
	return typeof header === 'string' && header.split(';').some((pair) => (pair.split('=')[0] ?? '').trim() === siteCookieName);
}

/** @param {string} buildDir */
export async function serve(buildDir) {
	/** @type {{ server: import('node:http').Server }} */
	const { server } = await import(pathToFileURL(path.join(buildDir, 'index.js')).href);
	const headers = Object.entries(securityHeadersFor(process.env.ORIGIN));
	const built = prerenderedPages(buildDir);
	const banners = demoBannerMarkup();
	const pages = banners ? withDemoBanner(built, banners) : built;
	const secure = (process.env.ORIGIN ?? '').toLowerCase().startsWith('https:');
	/** @type {HeaderSets} The security headers but the fallback CSP, and the site cookie, as [name, value, ...]. */
	const sets = {
		base: [...headers.filter(([name]) => name !== 'content-security-policy').flat(), 'vary', 'Accept-Encoding'],
		cookie: ['set-cookie', siteCookie(secure)]
	};
	// adapter-node has called listen() by now, but no request is read before this module's next turn: its handler
	// becomes the fallback of ours.
	const appListeners = server.listeners('request');
	server.removeAllListeners('request');
	server.on('request', (request, response) => {
		const url = request.url ?? '/';
		const query = url.indexOf('?');
		const page = pages.get(query === -1 ? url : url.slice(0, query));
		if (page && answerPrerendered(request, response, page, sets)) return;
		for (const [name, value] of headers) response.setHeader(name, value);
		response.writeHead = writeHeadKeepingCachedCsp;
		for (const listener of appListeners) listener.call(server, request, response);
	});
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	await serve(path.resolve(process.argv[2] ?? 'build'));
}
