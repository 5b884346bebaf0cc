/**
 * Small-number suppression for aggregate tables. Pure: no I/O.
 *
 * - `suppress(cells, { min })`: hides every count below `min` (zero too, as ACRO treats zero cells as
 *   disclosive) and then hides complementary cells, so that no hidden count can be worked out from the shown
 *   totals and the other cells of its row or column. Works on a list with its total and on a table with its
 *   row totals, column totals and grand total.
 *
 * Why the 2-D rule works: treat each row and column (totals included) as a node and each hidden count as an
 * edge between its row and its column. A hidden count can be worked out from the shown ones exactly when its
 * edge is a bridge (lies on no cycle); on a cycle its value can shift up and down without changing any shown
 * figure. A line whose hidden counts must add up to 0 would reveal them all, so such a line hides one more.
 */

export interface SuppressOptions {
	min: number;
}

export interface SuppressedList {
	cells: (number | null)[];
	total: number | null;
}

export interface SuppressedTable {
	cells: (number | null)[][];
	rowTotals: (number | null)[];
	columnTotals: (number | null)[];
	total: number | null;
}

function assertCounts(values: readonly number[]): void {
	for (const value of values) {
		if (!Number.isInteger(value) || value < 0) throw new RangeError(`a count must be a whole number ≥ 0, got ${value}`);
	}
}

export function suppress(cells: readonly number[], options: SuppressOptions): SuppressedList;
export function suppress(cells: readonly (readonly number[])[], options: SuppressOptions): SuppressedTable;
export function suppress(
	cells: readonly number[] | readonly (readonly number[])[],
	options: SuppressOptions
): SuppressedList | SuppressedTable {
	if (!(Number.isInteger(options.min) && options.min >= 1)) {
		throw new RangeError(`the minimum cell size must be a whole number ≥ 1, got ${options.min}`);
	}
	if (cells.length > 0 && Array.isArray(cells[0])) {
		return suppressTable(cells as readonly (readonly number[])[], options.min);
	}
	// A list with its total is a table of one row: its row total is the list total, each column total is the cell.
	const list = cells as readonly number[];
	const table = suppressTable([list], options.min);
	return { cells: table.cells[0] ?? [], total: table.total };
}

/** Table extended with its margins: index R is the totals row, index C the totals column. */
function extend(cells: readonly (readonly number[])[]): number[][] {
	const columns = cells[0]?.length ?? 0;
	const rows = cells.map((row) => {
		if (row.length !== columns) throw new RangeError('every row of a table must have the same number of cells');
		assertCounts(row);
		return [...row, row.reduce((a, b) => a + b, 0)];
	});
	const totals = Array.from({ length: columns + 1 }, (_, c) => rows.reduce((sum, row) => sum + row[c], 0));
	return [...rows, totals];
}

function suppressTable(cells: readonly (readonly number[])[], min: number): SuppressedTable {
	const full = extend(cells);
	const rowCount = full.length;
	const columnCount = full[0].length;
	const hidden = full.map((row) => row.map((value) => value < min));

	const connected = (from: number, to: number, skip: [number, number]): boolean => {
		// Nodes: rows 0..rowCount-1, columns rowCount..; edges: hidden cells other than `skip`.
		const seen = new Set([from]);
		const queue = [from];
		while (queue.length > 0) {
			const node = queue.pop() as number;
			if (node === to) return true;
			const neighbours: number[] = [];
			if (node < rowCount) {
				for (let c = 0; c < columnCount; c++) if (hidden[node][c] && !(skip[0] === node && skip[1] === c)) neighbours.push(rowCount + c);
			} else {
				const c = node - rowCount;
				for (let r = 0; r < rowCount; r++) if (hidden[r][c] && !(skip[0] === r && skip[1] === c)) neighbours.push(r);
			}
			for (const next of neighbours) if (!seen.has(next)) (seen.add(next), queue.push(next));
		}
		return false;
	};
	const isBridge = (r: number, c: number) => !connected(r, rowCount + c, [r, c]);

	// A line whose hidden counts are all zero gives them away through its known sum.
	const lines = (): [number, number][][] => [
		...full.map((row, r) => row.map((_, c): [number, number] => [r, c])),
		...full[0].map((_, c) => full.map((_, r): [number, number] => [r, c]))
	];
	const zeroSumLine = (): [number, number][] | undefined =>
		lines().find((line) => {
			const hiddenCells = line.filter(([r, c]) => hidden[r][c]);
			return hiddenCells.length > 0 && hiddenCells.length < line.length && hiddenCells.every(([r, c]) => full[r][c] === 0);
		});

	const shownCells = (): [number, number][] => {
		const result: [number, number][] = [];
		for (let r = 0; r < rowCount; r++) for (let c = 0; c < columnCount; c++) if (!hidden[r][c]) result.push([r, c]);
		// Prefer hiding small inner cells over totals: totals carry the most information.
		const isMargin = ([r, c]: [number, number]) => (r === rowCount - 1 || c === columnCount - 1 ? 1 : 0);
		return result.sort((a, b) => isMargin(a) - isMargin(b) || full[a[0]][a[1]] - full[b[0]][b[1]]);
	};

	for (;;) {
		let bridge: [number, number] | undefined;
		for (let r = 0; r < rowCount && !bridge; r++) {
			for (let c = 0; c < columnCount && !bridge; c++) if (hidden[r][c] && isBridge(r, c)) bridge = [r, c];
		}
		const zeroLine = bridge ? undefined : zeroSumLine();
		if (!bridge && !zeroLine) break;
		const candidates = shownCells();
		let choice: [number, number] | undefined;
		if (bridge) {
			const [br, bc] = bridge;
			choice = candidates.find(([r, c]) => {
				hidden[r][c] = true;
				const fixed = !isBridge(br, bc);
				hidden[r][c] = false;
				return fixed;
			});
			// No single cell closes a cycle: hide one more in the bridge's row and try again.
			choice ??= candidates.find(([r]) => r === br) ?? candidates.find(([, c]) => c === bc);
		} else if (zeroLine) {
			choice = candidates.find(([r, c]) => zeroLine.some(([lr, lc]) => lr === r && lc === c));
		}
		if (!choice) break;
		hidden[choice[0]][choice[1]] = true;
	}

	const show = (r: number, c: number) => (hidden[r][c] ? null : full[r][c]);
	const inner = full.slice(0, -1);
	return {
		cells: inner.map((row, r) => row.slice(0, -1).map((_, c) => show(r, c))),
		rowTotals: inner.map((_, r) => show(r, columnCount - 1)),
		columnTotals: full[0].slice(0, -1).map((_, c) => show(rowCount - 1, c)),
		total: show(rowCount - 1, columnCount - 1)
	};
}
