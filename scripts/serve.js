#!/usr/bin/env node
/**
 * Runs a built brug: adapter-node's `<build>/index.js` (its server, graceful shutdown and settings unchanged), with
 * brug's security headers set on every response before anything else answers it. adapter-node serves the files under
 * /_app, static/ and the prerendered pages before the app's hooks run, so without this they would go out bare. A
 * response of the app sets its own headers over these (a page its CSP with nonces).
 *
 * A prerendered page (build/prerendered/**.html) gets the CSP SvelteKit wrote into its <meta http-equiv> (hashes, no
 * nonces) as a header, with the directives a meta tag cannot carry, and the SameSite=Strict site cookie the hooks set
 * on every other page: a form posted from a prerendered page must still pass `isCrossSiteWrite` in browsers without
 * Sec-Fetch-Site (docs/decisions/006-csrf.md).
 *
 * `npm start` calls `serve(build)`; `node scripts/serve.js [build dir]` does the same (the HTTP tests run it so).
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { securityHeadersFor, siteCookie, siteCookieName } from '../src/lib/server/http/security-headers.js';

/** Directives a <meta> CSP cannot carry (browsers ignore them there), added to a prerendered page's header. */
const headerOnlyDirectives = "frame-ancestors 'none'";

/**
 * The CSP of every prerendered page, by address (`/nl/hulp` from `nl/hulp.html`), read once at start.
 * @param {string} buildDir
 * @returns {Map<string, string>}
 */
export function prerenderedPagePolicies(buildDir) {
	const root = path.join(buildDir, 'prerendered');
	/** @type {Map<string, string>} */
	const policies = new Map();
	if (!fs.existsSync(root)) return policies;
	for (const entry of fs.readdirSync(root, { recursive: true, withFileTypes: true })) {
		if (!entry.isFile() || !entry.name.endsWith('.html')) continue;
		const file = path.join(entry.parentPath, entry.name);
		const address = '/' + path.relative(root, file).split(path.sep).join('/').replace(/(\/?index)?\.html$/, '');
		const meta = /<meta http-equiv="content-security-policy" content="([^"]*)"/i.exec(fs.readFileSync(file, 'utf8'));
		if (!meta?.[1]) throw new Error(`${file} has no content-security-policy meta tag`);
		policies.set(address, `${meta[1].replace(/;\s*$/, '')}; ${headerOnlyDirectives}`);
	}
	return policies;
}

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
	const pagePolicies = prerenderedPagePolicies(buildDir);
	const secure = (process.env.ORIGIN ?? '').toLowerCase().startsWith('https:');
	const cookie = siteCookie(secure);
	// adapter-node has called listen() by now, but no request is read before this module's next turn.
	server.prependListener('request', (request, response) => {
		for (const [name, value] of headers) response.setHeader(name, value);
		response.writeHead = writeHeadKeepingCachedCsp;
		const url = request.url ?? '/';
		const query = url.indexOf('?');
		const policy = pagePolicies.get(query === -1 ? url : url.slice(0, query));
		if (policy === undefined) return;
		response.setHeader('content-security-policy', policy);
		if (!hasSiteCookie(request.headers.cookie)) response.setHeader('set-cookie', cookie);
	});
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	await serve(path.resolve(process.argv[2] ?? 'build'));
}
