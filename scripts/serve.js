#!/usr/bin/env node
/**
 * Runs a built brug: adapter-node's `<build>/index.js` (its server, graceful shutdown and settings unchanged), with
 * brug's security headers set on every response before anything else answers it. adapter-node serves the files under
 * /_app and static/ before the app's hooks run, so without this they would go out bare. A response of the app sets
 * its own headers over these (a page its CSP with nonces).
 *
 * `npm start` calls `serve(build)`; `node scripts/serve.js [build dir]` does the same (the HTTP tests run it so).
 */
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { securityHeadersFor } from '../src/lib/server/http/security-headers.js';

/** @param {string} buildDir */
export async function serve(buildDir) {
	/** @type {{ server: import('node:http').Server }} */
	const { server } = await import(pathToFileURL(path.join(buildDir, 'index.js')).href);
	const headers = Object.entries(securityHeadersFor(process.env.ORIGIN));
	// adapter-node has called listen() by now, but no request is read before this module's next turn.
	server.prependListener('request', (_request, response) => {
		for (const [name, value] of headers) response.setHeader(name, value);
	});
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	await serve(path.resolve(process.argv[2] ?? 'build'));
}
