/**
 * Lets a script run with Node (and --experimental-transform-types) import brug's own TypeScript modules as the app
 * does: `$lib/…` means src/lib, imports may leave out `.ts` or `/index.ts` (as Vite allows), and the eager
 * `import.meta.glob` calls brug makes (migrations, and `?raw` content files) are expanded when a module is loaded.
 * `$app/server` (only the request-bound helpers in src/lib/server/auth/index.ts use it) resolves to a stub that
 * refuses: a script has no request. Faster to start than a Vite server, which this machine needs half a minute for.
 */
import fs from 'node:fs';
import path from 'node:path';
import { registerHooks } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const libDir = path.join(repoRoot, 'src', 'lib');
const appServerStub = 'data:text/javascript,export function getRequestEvent() { throw new Error("no request in a script"); }';

/** @param {string} file */
const isFile = (file) => fs.statSync(file, { throwIfNoEntry: false })?.isFile() ?? false;

/**
 * The file a TypeScript-style specifier means, trying what Vite tries; null when it is not one of brug's own files.
 * @param {string} base an absolute path without or with an extension
 */
function sourceFile(base) {
	const candidates = [base, `${base}.ts`, `${base}.js`, path.join(base, 'index.ts'), path.join(base, 'index.js')];
	if (base.endsWith('.js')) candidates.unshift(`${base.slice(0, -3)}.ts`);
	return candidates.find(isFile) ?? null;
}

let registered = false;

/** Installs the resolve hook once; call before importing anything from src/. */
export function useAppModules() {
	if (registered) return;
	registered = true;
	registerHooks({
		resolve(specifier, context, nextResolve) {
			if (specifier === '$app/server') return { url: appServerStub, shortCircuit: true };
			let base = null;
			if (specifier.startsWith('$lib/')) base = path.join(libDir, specifier.slice(5));
			else if ((specifier.startsWith('./') || specifier.startsWith('../')) && context.parentURL?.startsWith('file:')) {
				const parent = fileURLToPath(context.parentURL);
				if (parent.startsWith(repoRoot) && !parent.includes(`${path.sep}node_modules${path.sep}`)) {
					base = path.resolve(path.dirname(parent), specifier);
				}
			}
			if (base !== null) {
				const file = sourceFile(base);
				if (file) return { url: pathToFileURL(file).href, shortCircuit: true };
			}
			return nextResolve(specifier, context);
		},
		load(url, context, nextLoad) {
			const loaded = nextLoad(url, context);
			if (!url.startsWith('file:') || url.includes('/node_modules/') || !url.endsWith('.ts')) return loaded;
			const source = String(loaded.source ?? '');
			if (!source.includes('import.meta.glob')) return loaded;
			return { ...loaded, source: expandGlobs(source, fileURLToPath(url)) };
		}
	});
}

const globCall = /import\.meta\.glob(?:<[^>]*>)?\(\s*'([^']+)'\s*,\s*\{([^}]*)\}\s*\)/g;

/**
 * Replaces each eager `import.meta.glob(pattern, {...})` with the object Vite would make: keys as Vite writes them
 * (root-relative for a pattern starting with '/', else relative to the module), values the file's text (`?raw`) or
 * its module namespace.
 * @param {string} source
 * @param {string} file
 */
function expandGlobs(source, file) {
	/** @type {string[]} */
	const imports = [];
	const expanded = source.replace(globCall, (_call, pattern, options) => {
		if (!/eager:\s*true/.test(options)) throw new Error(`${file}: only eager import.meta.glob is supported in scripts`);
		const rooted = pattern.startsWith('/');
		const cwd = rooted ? repoRoot : path.dirname(file);
		const matches = fs.globSync(rooted ? pattern.slice(1) : pattern, { cwd }).sort();
		const entries = matches.map((match) => {
			const full = path.resolve(cwd, match);
			const relative = path.relative(path.dirname(file), full).split(path.sep).join('/');
			const key = rooted ? `/${path.relative(repoRoot, full).split(path.sep).join('/')}` : relative.startsWith('.') ? relative : `./${relative}`;
			if (/\?raw/.test(options)) return `${JSON.stringify(key)}: ${JSON.stringify(fs.readFileSync(full, 'utf8'))}`;
			const name = `__glob_${imports.length}`;
			imports.push(`import * as ${name} from ${JSON.stringify(pathToFileURL(full).href)};`);
			return `${JSON.stringify(key)}: ${name}`;
		});
		return `({ ${entries.join(', ')} })`;
	});
	return `${imports.join('\n')}\n${expanded}`;
}
