/**
 * The layers import only downward: infrastructure (src/lib/server) and shared helpers → kernel → features →
 * composers → routes. Features may use each other only without a loop, so each can be read, tested and removed alone.
 */
import { describe, expect, it } from 'vitest';
import { buildImportGraph, layerOf, loops, runtimeSpecifiers, unitGraph, type ImportGraph } from './import-graph';

const graph = buildImportGraph();

/** Which layers each layer may import at run time (its own included). */
const allowed: Record<string, readonly string[]> = {
	infrastructure: ['infrastructure', 'shared'],
	shared: ['infrastructure', 'shared'],
	kernel: ['infrastructure', 'shared', 'kernel'],
	feature: ['infrastructure', 'shared', 'kernel', 'feature'],
	composer: ['infrastructure', 'shared', 'kernel', 'feature', 'composer']
};

function upwardImports(g: ImportGraph): string[] {
	const wrong: string[] = [];
	for (const [file, targets] of g) {
		const from = layerOf(file).layer;
		for (const target of targets) {
			const to = layerOf(target).layer;
			if (!allowed[from]!.includes(to)) wrong.push(`${file} (${from}) → ${target} (${to})`);
		}
	}
	return wrong;
}

describe('layers', () => {
	it('reads a real tree', () => {
		expect(graph.size).toBeGreaterThan(100);
		expect([...graph.keys()].some((file) => layerOf(file).layer === 'kernel')).toBe(true);
		expect([...graph.keys()].some((file) => layerOf(file).layer === 'composer')).toBe(true);
	});

	it('import only downward: infrastructure and the kernel import no feature, features no composer', () => {
		expect(upwardImports(graph)).toEqual([]);
	});

	it('have no loop between features', () => {
		expect(loops(unitGraph(graph, 'feature'))).toEqual([]);
	});

	it('have no loop between composers', () => {
		expect(loops(unitGraph(graph, 'composer'))).toEqual([]);
	});
});

describe('the check itself', () => {
	const fake = (edges: Record<string, string[]>): ImportGraph =>
		new Map(Object.entries(edges).map(([from, to]) => [`src/lib/${from}`, to.map((t) => `src/lib/${t}`)]));

	it('finds a direct loop and a loop through a third feature', () => {
		const direct = fake({ 'features/a/a.ts': ['features/b/b.ts'], 'features/b/b.ts': ['features/a/x.ts'], 'features/a/x.ts': [] });
		expect(loops(unitGraph(direct, 'feature'))).toEqual([['a', 'b']]);
		const through = fake({
			'features/a/a.ts': ['features/b/b.ts'],
			'features/b/b.ts': ['features/c/c.ts'],
			'features/c/c.ts': ['features/a/a.ts'],
			'features/d/d.ts': ['features/a/a.ts']
		});
		expect(loops(unitGraph(through, 'feature'))).toEqual([['a', 'b', 'c']]);
	});

	it('finds an upward import from infrastructure, the kernel and a feature', () => {
		const upward = fake({
			'server/db/x.ts': ['features/a/a.ts'],
			'kernel/policy.ts': ['composers/caseload/c.ts'],
			'features/a/a.ts': ['composers/caseload/c.ts'],
			'composers/caseload/c.ts': ['features/a/a.ts', 'kernel/policy.ts']
		});
		expect(upwardImports(upward)).toHaveLength(3);
	});

	it('counts run-time imports and leaves type-only ones out', () => {
		const source = [
			"import type { A } from '$lib/features/a/a';",
			"import { type B, type C } from '$lib/features/b/b';",
			"import { type D, e } from '$lib/features/d/d';",
			"import f from './f';",
			"export { g } from '../g';",
			"// import { h } from './h';",
			"const i = await import('./i');"
		].join('\n');
		expect(runtimeSpecifiers(source)).toEqual(['$lib/features/d/d', './f', '../g', './i']);
	});
});
