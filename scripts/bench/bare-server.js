/**
 * The baseline for `npm run bench`: a bare `node:http` server that answers fixed bytes.
 *
 * Started by scripts/bench.js with `fork()`. It waits for one IPC message
 * `{ routes: [{ method, path, status, contentType, bodyBase64 }] }`, listens on 127.0.0.1 and a free port,
 * and replies `{ port }`. Each request for a known method + path gets that route's status, content type
 * and body; anything else gets 404. SIGTERM closes it and exits 0.
 * It runs in its own process (like brug) so that it never shares an event loop with autocannon.
 */
import http from 'node:http';

/**
 * @typedef {object} BareRoute
 * @property {string} method
 * @property {string} path
 * @property {number} status
 * @property {string} contentType
 * @property {string} bodyBase64
 */

/** @param {{ routes: BareRoute[] }} message */
function start(message) {
	/** @type {Map<string, { status: number, headers: Record<string, string | number>, body: Buffer }>} */
	const routes = new Map();
	for (const route of message.routes) {
		const body = Buffer.from(route.bodyBase64, 'base64');
		routes.set(`${route.method} ${route.path}`, {
			status: route.status,
			headers: { 'content-type': route.contentType, 'content-length': body.length },
			body
		});
	}

	const server = http.createServer((request, response) => {
		const route = routes.get(`${request.method} ${request.url}`);
		// Read the request body to the end, as brug has to, before answering.
		request.resume();
		request.on('end', () => {
			if (!route) {
				response.writeHead(404, { 'content-type': 'text/plain', 'content-length': 9 });
				response.end('not found');
				return;
			}
			response.writeHead(route.status, route.headers);
			response.end(route.body);
		});
	});

	process.once('SIGTERM', () => {
		server.close(() => process.exit(0));
		server.closeAllConnections();
	});

	server.listen(0, '127.0.0.1', () => {
		const address = server.address();
		if (address === null || typeof address === 'string') throw new Error('bare server has no TCP address');
		process.send?.({ port: address.port });
	});
}

process.once('message', (message) => start(/** @type {{ routes: BareRoute[] }} */ (message)));
