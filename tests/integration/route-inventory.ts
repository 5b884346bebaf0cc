/**
 * Which routes exist, read from src/routes the way SvelteKit names them, so that a test over "every route" or "every
 * form action" covers a new one without being edited.
 * - `existingOperations()`: keys `<operation> <route id>`: `GET /(public)/test`, `?/score /(public)/test`, `POST /api/v1/me/journal`.
 * - `formActions(source)`, `endpointMethods(source)`: the same, for one +page.server.ts or +server.ts source.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const routesDir = fileURLToPath(new URL('../../src/routes', import.meta.url));

/** The top-level keys of the object literal that starts at `source[start]` ('{'); strings and comments skipped. */
function objectKeys(source: string, start: number): string[] {
	const keys: string[] = [];
	let depth = 0;
	let expectKey = false;
	for (let i = start; i < source.length; i++) {
		const char = source[i]!;
		if (source.startsWith('//', i)) {
			i = source.indexOf('\n', i);
			if (i === -1) break;
			continue;
		}
		if (source.startsWith('/*', i)) {
			i = source.indexOf('*/', i) + 1;
			continue;
		}
		if (char === "'" || char === '"' || char === '`') {
			const from = i + 1;
			for (i++; i < source.length && source[i] !== char; i++) if (source[i] === '\\') i++;
			if (expectKey) keys.push(source.slice(from, i));
			expectKey = false;
			continue;
		}
		if ('{[('.includes(char)) {
			depth++;
			expectKey = depth === 1 && char === '{';
			continue;
		}
		if ('}])'.includes(char)) {
			depth--;
			if (depth === 0) break;
			continue;
		}
		if (depth === 1 && char === ',') {
			expectKey = true;
			continue;
		}
		if (expectKey && /[A-Za-z_$]/.test(char)) {
			const word = /^(?:async\s+)?([A-Za-z_$][\w$]*)/.exec(source.slice(i))!;
			keys.push(word[1]!);
			i += word[0].length - 1;
			expectKey = false;
		}
	}
	return keys;
}

export function formActions(serverSource: string): string[] {
	const declaration = /export\s+const\s+actions\b[^=]*=\s*/.exec(serverSource);
	if (!declaration) return [];
	return objectKeys(serverSource, declaration.index + declaration[0].length);
}

export function endpointMethods(serverSource: string): string[] {
	const pattern = /export\s+(?:const|let|async\s+function|function)\s+(GET|POST|PUT|PATCH|DELETE|OPTIONS|HEAD|fallback)\b/g;
	return [...serverSource.matchAll(pattern)].map((match) => match[1]!);
}

/** Every route id with its operations, as keys `<operation> <route id>`. */
export function existingOperations(): Set<string> {
	const found = new Set<string>();
	const walk = (dir: string) => {
		const entries = fs.readdirSync(dir, { withFileTypes: true });
		const names = new Set(entries.filter((e) => e.isFile()).map((e) => e.name));
		const route = '/' + path.relative(routesDir, dir).split(path.sep).join('/');
		const read = (name: string) => fs.readFileSync(path.join(dir, name), 'utf8');
		const pageServer = ['+page.server.ts', '+page.server.js'].find((n) => names.has(n));
		const endpoint = ['+server.ts', '+server.js'].find((n) => names.has(n));
		if (pageServer || names.has('+page.svelte')) {
			found.add(`GET ${route}`);
			for (const name of pageServer ? formActions(read(pageServer)) : []) found.add(`?/${name} ${route}`);
		}
		if (endpoint) for (const method of endpointMethods(read(endpoint))) found.add(`${method} ${route}`);
		for (const entry of entries) if (entry.isDirectory()) walk(path.join(dir, entry.name));
	};
	walk(routesDir);
	return found;
}
