import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { suppress } from './suppression';

/**
 * An independent check, by linear algebra rather than the graph rule `suppress` uses: a hidden count is
 * derivable when the equations "each row and column adds up to its total" restricted to the hidden counts
 * pin it down, that is when dropping its column from the coefficient matrix lowers the rank.
 */
function rank(matrix: number[][]): number {
	const m = matrix.map((row) => [...row]);
	const width = m[0]?.length ?? 0;
	let r = 0;
	for (let c = 0; c < width && r < m.length; c++) {
		const pivot = m.findIndex((row, i) => i >= r && Math.abs(row[c] ?? 0) > 1e-9);
		if (pivot < 0) continue;
		const pivotRow = m[pivot] ?? [];
		m[pivot] = m[r] ?? [];
		m[r] = pivotRow;
		for (const [i, row] of m.entries()) {
			if (i === r) continue;
			const factor = (row[c] ?? 0) / (pivotRow[c] ?? 1);
			for (let j = c; j < width; j++) row[j] = (row[j] ?? 0) - factor * (pivotRow[j] ?? 0);
		}
		r++;
	}
	return r;
}

/** Mask of the table with margins, (R+1)×(C+1), true where hidden. Returns the hidden cells that are derivable. */
function derivable(hidden: boolean[][]): (readonly [number, number])[] {
	const rows = hidden.length;
	const columns = hidden[0]?.length ?? 0;
	const unknowns = hidden.flatMap((row, r) => row.flatMap((h, c) => (h ? [[r, c] as const] : [])));
	// Each row: its inner cells minus its total = 0; the totals row works the same way, and so do the columns.
	const equations = [
		...Array.from({ length: rows }, (_, r) => unknowns.map(([ur, uc]) => (ur === r ? (uc === columns - 1 ? -1 : 1) : 0))),
		...Array.from({ length: columns }, (_, c) => unknowns.map(([ur, uc]) => (uc === c ? (ur === rows - 1 ? -1 : 1) : 0)))
	];
	const full = rank(equations);
	return unknowns.filter((_, j) => rank(equations.map((eq) => eq.filter((__, k) => k !== j))) < full);
}

interface Shown {
	cells: (number | null)[][];
	rowTotals: (number | null)[];
	columnTotals: (number | null)[];
	total: number | null;
}

function hiddenMask(result: Shown): boolean[][] {
	return [
		...result.cells.map((row, r) => [...row.map((v) => v === null), result.rowTotals[r] === null]),
		[...result.columnTotals.map((v) => v === null), result.total === null]
	];
}

/** A line whose hidden cells are all zero reveals them (counts cannot be negative). */
function zeroSumLine(table: number[][], hidden: boolean[][]): boolean {
	const withTotals = table.map((row) => [...row, row.reduce((a, b) => a + b, 0)]);
	const full = [...withTotals, (withTotals[0] ?? []).map((_, c) => withTotals.reduce((sum, row) => sum + (row[c] ?? 0), 0))];
	const at = (r: number, c: number) => ({ value: full[r]?.[c] ?? 0, hidden: hidden[r]?.[c] === true });
	const lines = [
		...full.map((row, r) => row.map((_, c) => at(r, c))),
		...(full[0] ?? []).map((_, c) => full.map((_, r) => at(r, c)))
	];
	return lines.some((line) => {
		const h = line.filter((cell) => cell.hidden);
		return h.length > 0 && h.length < line.length && h.every((cell) => cell.value === 0);
	});
}

describe('suppress, a list with its total', () => {
	it('shows a list with every count of 10 or more', () => {
		expect(suppress([12, 30, 10], { min: 10 })).toEqual({ cells: [12, 30, 10], total: 52 });
	});

	it('hides one small count and its smallest neighbour, so the total does not give it away', () => {
		// 4 < 10 is hidden; alone, 52 − 30 − 14 would reveal it, so the smallest other count (14) goes too.
		expect(suppress([4, 30, 14], { min: 10 })).toEqual({ cells: [null, 30, null], total: 48 });
	});

	it('treats zero as disclosive and hides it', () => {
		expect(suppress([0, 25, 11, 40], { min: 10 })).toEqual({ cells: [null, 25, null, 40], total: 76 });
	});

	it('hides everything when the total itself is below 10', () => {
		expect(suppress([3, 4], { min: 10 })).toEqual({ cells: [null, null], total: null });
	});

	it('n = 0: an empty list has a hidden total of 0', () => {
		expect(suppress([], { min: 10 })).toEqual({ cells: [], total: null });
	});

	it('two zeros are not enough: their known sum of 0 would reveal them', () => {
		const result = suppress([0, 0, 20, 30], { min: 10 });
		expect(result.cells.filter((v) => v === null)).toHaveLength(3);
	});

	it('hideZero false: a 0 is shown (a funnel gap of 0 says everyone went on, which names nobody)', () => {
		// Step 40 of 40 before it: the gap 0 is safe and shown; with the default the 0 and then the 40 are hidden.
		expect(suppress([40, 0], { min: 10, hideZero: false })).toEqual({ cells: [40, 0], total: 40 });
		expect(suppress([40, 0], { min: 10 })).toEqual({ cells: [null, null], total: 40 });
	});

	it('hideZero false still hides 1–9 and its complement', () => {
		// Gap 3 of 50: hidden, and then the step (47) too, or 50 − 47 would give the 3 away.
		expect(suppress([47, 3], { min: 10, hideZero: false })).toEqual({ cells: [null, null], total: 50 });
		expect(suppress([0, 5], { min: 10, hideZero: false })).toEqual({ cells: [0, null], total: null });
	});

	it('refuses counts that are not whole numbers of at least 0', () => {
		expect(() => suppress([-1, 3], { min: 10 })).toThrow(/whole number/);
		expect(() => suppress([3], { min: 0 })).toThrow(/minimum/);
	});
});

describe('suppress, a 4 × 4 band table with its margins', () => {
	it('hides a small cell together with complementary cells in its row and column', () => {
		const table = [
			[20, 15, 0, 0],
			[12, 40, 11, 0],
			[0, 14, 25, 10],
			[0, 0, 12, 30]
		];
		const result = suppress(table, { min: 10 });
		for (const [r, row] of table.entries()) {
			for (const [c, value] of row.entries()) if (value < 10) expect(result.cells[r]?.[c]).toBeNull();
		}
		expect(derivable(hiddenMask(result))).toEqual([]);
		expect(result.total).toBe(189);
	});

	it('property: no hidden count can be worked out from what is shown', () => {
		const table = fc.array(fc.array(fc.nat({ max: 40 }), { minLength: 4, maxLength: 4 }), {
			minLength: 4,
			maxLength: 4
		});
		fc.assert(
			fc.property(table, (cells) => {
				const result = suppress(cells, { min: 10 });
				const hidden = hiddenMask(result);
				for (const [r, row] of cells.entries()) {
					for (const [c, value] of row.entries()) if (value < 10) expect(hidden[r]?.[c]).toBe(true);
				}
				expect(derivable(hidden)).toEqual([]);
				expect(zeroSumLine(cells, hidden)).toBe(false);
			}),
			{ numRuns: 300 }
		);
	});

	it('property: in a list, no hidden count can be worked out from the total', () => {
		fc.assert(
			fc.property(fc.array(fc.nat({ max: 40 }), { minLength: 1, maxLength: 8 }), (cells) => {
				const result = suppress(cells, { min: 10 });
				const hidden = [...result.cells.map((v) => v === null), result.total === null];
				const count = hidden.filter(Boolean).length;
				cells.forEach((value, i) => value < 10 && expect(hidden[i]).toBe(true));
				// One equation (cells add up to the total): a lone hidden figure would be derivable.
				expect(count === 0 || count >= 2).toBe(true);
				const hiddenValues = cells.filter((_, i) => hidden[i]);
				if (result.total !== null && hiddenValues.length > 0) {
					expect(hiddenValues.every((v) => v === 0)).toBe(false);
				}
			}),
			{ numRuns: 300 }
		);
	});
});
