/**
 * The run-time import graph of src/lib, read from the source text. Type-only imports (`import type`, or named
 * imports that are all `type`) are left out: they vanish at build time and so cannot make a loop at run time.
 */
import fs from 'node:fs';
import path from 'node:path';

export const root = path.resolve(import.meta.dirname, '../..');
const lib = path.join(root, 'src', 'lib');

const sourceExtensions = ['.ts', '.js', '.svelte'];

/** Every source file under src/lib, tests and generated code left out. */
export function libFiles(dir = lib): string[] {
	const out: string[] = [];
	for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) {
			if (entry.name === 'paraglide') continue;
			out.push(...libFiles(full));
		} else if (sourceExtensions.some((ext) => entry.name.endsWith(ext)) && !isTestFile(entry.name)) {
			out.push(full);
		}
	}
	return out.sort();
}

function isTestFile(name: string): boolean {
	return /\.(test|testing)\.ts$/.test(name) || name.endsWith('.d.ts');
}

const importPattern =
	/(?:^|[;\s])(?:import|export)\s+(type\s+)?(?:([\s\S]*?)\s+from\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

/** The specifiers a file imports at run time. */
export function runtimeSpecifiers(source: string): string[] {
	const code = stripComments(source);
	const found: string[] = [];
	for (const match of code.matchAll(importPattern)) {
		const [, typeOnly, clause, specifier, dynamic] = match;
		if (dynamic) {
			found.push(dynamic);
			continue;
		}
		if (!specifier || typeOnly) continue;
		if (clause && isTypeOnlyClause(clause)) continue;
		found.push(specifier);
	}
	return found;
}

function isTypeOnlyClause(clause: string): boolean {
	const named = /^\{([\s\S]*)\}$/.exec(clause.trim());
	if (!named) return false;
	const parts = named[1]!
		.split(',')
		.map((part) => part.trim())
		.filter(Boolean);
	return parts.length > 0 && parts.every((part) => part.startsWith('type '));
}

function stripComments(source: string): string {
	return source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
}

/** Resolves a specifier to a file under src/lib, or null when it points elsewhere. */
export function resolveSpecifier(from: string, specifier: string): string | null {
	let base: string;
	if (specifier.startsWith('$lib/')) base = path.join(lib, specifier.slice(5));
	else if (specifier.startsWith('.')) base = path.resolve(path.dirname(from), specifier);
	else return null;
	const candidates = [base, ...sourceExtensions.map((ext) => base + ext), path.join(base, 'index.ts')];
	for (const candidate of candidates) {
		if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
	}
	return null;
}

export type ImportGraph = Map<string, string[]>;

/** Each file under src/lib (relative to the repository) with the files it imports at run time. */
export function buildImportGraph(files = libFiles()): ImportGraph {
	const graph: ImportGraph = new Map();
	for (const file of files) {
		const source = fs.readFileSync(file, 'utf8');
		const scripts = file.endsWith('.svelte') ? svelteScripts(source) : source;
		const targets = runtimeSpecifiers(scripts)
			.map((specifier) => resolveSpecifier(file, specifier))
			.filter((target): target is string => target !== null)
			.map((target) => path.relative(root, target));
		graph.set(path.relative(root, file), [...new Set(targets)]);
	}
	return graph;
}

function svelteScripts(source: string): string {
	return [...source.matchAll(/<script[^>]*>([\s\S]*?)<\/script>/g)].map((match) => match[1]).join('\n');
}

/** The layer a file belongs to, by its folder. */
export function layerOf(file: string): { layer: string; unit: string } {
	const rel = file.replace(/^src\/lib\//, '');
	const [top, second] = rel.split('/');
	if (top === 'features' && second) return { layer: 'feature', unit: second };
	if (top === 'composers' && second) return { layer: 'composer', unit: second };
	if (top === 'kernel') return { layer: 'kernel', unit: 'kernel' };
	if (top === 'server') return { layer: 'infrastructure', unit: second ?? 'server' };
	return { layer: 'shared', unit: top ?? rel };
}

/** The unit-level graph for one layer: which units of it import which other units of it. */
export function unitGraph(graph: ImportGraph, layer: string): Map<string, Set<string>> {
	const units = new Map<string, Set<string>>();
	for (const [file, targets] of graph) {
		const from = layerOf(file);
		if (from.layer !== layer) continue;
		const edges = units.get(from.unit) ?? new Set<string>();
		units.set(from.unit, edges);
		for (const target of targets) {
			const to = layerOf(target);
			if (to.layer === layer && to.unit !== from.unit) edges.add(to.unit);
		}
	}
	return units;
}

/** Strongly connected components with more than one member (Tarjan): each is a loop. */
export function loops(units: Map<string, Set<string>>): string[][] {
	let index = 0;
	const stack: string[] = [];
	const onStack = new Set<string>();
	const indices = new Map<string, number>();
	const low = new Map<string, number>();
	const found: string[][] = [];
	const visit = (unit: string) => {
		indices.set(unit, index);
		low.set(unit, index);
		index++;
		stack.push(unit);
		onStack.add(unit);
		for (const next of units.get(unit) ?? []) {
			if (!indices.has(next)) {
				visit(next);
				low.set(unit, Math.min(low.get(unit)!, low.get(next)!));
			} else if (onStack.has(next)) {
				low.set(unit, Math.min(low.get(unit)!, indices.get(next)!));
			}
		}
		if (low.get(unit) === indices.get(unit)) {
			const component: string[] = [];
			let member: string;
			do {
				member = stack.pop()!;
				onStack.delete(member);
				component.push(member);
			} while (member !== unit);
			if (component.length > 1) found.push(component.sort());
		}
	};
	for (const unit of [...units.keys()].sort()) if (!indices.has(unit)) visit(unit);
	return found;
}
