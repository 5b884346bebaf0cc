// Writes the OpenAPI document that /api/openapi.json serves to tmp/openapi.json (for the linter in scripts/test.sh):
// the module is loaded through Vite, as the app loads it, without starting a server or touching a database.
import fs from 'node:fs';
import { createServer } from 'vite';

const vite = await createServer({
	logLevel: 'error',
	server: { middlewareMode: true, hmr: false, watch: null },
	// Only this module's imports are loaded: no dependency scan of the whole app.
	optimizeDeps: { noDiscovery: true, include: [] },
	appType: 'custom'
});
try {
	const { openApiDocument } = await vite.ssrLoadModule('/src/lib/composers/api/openapi.ts');
	fs.mkdirSync('tmp', { recursive: true });
	fs.writeFileSync('tmp/openapi.json', JSON.stringify(openApiDocument, null, 2) + '\n');
	console.log(`tmp/openapi.json: ${Object.keys(openApiDocument.paths).length} paths`);
} finally {
	await vite.close();
}
