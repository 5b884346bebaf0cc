/**
 * Small-number suppression for aggregate tables. Pure: no I/O.
 *
 * - `suppress(cells, { min, hideZero })`: hides every count below `min` (zero too unless `hideZero` is false, as
 *   ACRO treats zero cells as disclosive) and then hides complementary cells, so that no hidden count can be worked out from the shown
 *   totals and the other cells of its row or column. Works on a list with its total and on a table with its
 *   row totals, column totals and grand total.
 *
 * Why the 2-D rule works: treat each row and column (totals included) as a node and each hidden count as an
 * edge between its row and its column. A hidden count can be worked out from the shown ones exactly when its
 * edge is a bridge (lies on no cycle); on a cycle its value can shift up and down without changing any shown
 * figure. A line whose hidden counts must add up to 0 would reveal them all, so such a line hides one more.
 * Not covered: what follows from counts never being negative beyond that rule. In a rare table, zeros on a
 * cycle of hidden cells can hold it in place, so a reader who solves the bounds could still pin a hidden count.
 */

export interface SuppressOptions {
	min: number;
	/**
	 * Hide counts of 0 too (default). Set false where a 0 reveals nothing about anyone, such as the gap between two
	 * steps of a funnel: "nobody dropped out here" names no one.
	 */
	hideZero?: boolean;
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
		return suppressTable(cells as readonly (readonly number[])[], options.min, options.hideZero ?? true);
	}
	// A list with its total is a table of one row: its row total is the list total, each column total is the cell.
	const list = cells as readonly number[];
	const table = suppressTable([list], options.min, options.hideZero ?? true);
	return { cells: table.cells[0] ?? [], total: table.total };
}

type Cell = readonly [row: number, column: number];

/** The table extended with its margins: row `rows − 1` holds the column totals, column `columns − 1` the row totals. */
interface Extended {
	rows: number;
	columns: number;
	value: (r: number, c: number) => number;
}

function extend(cells: readonly (readonly number[])[]): Extended {
	const inner = cells[0]?.length ?? 0;
	const columns = inner + 1;
	const rows = cells.length + 1;
	const values = new Array<number>(rows * columns).fill(0);
	cells.forEach((row, r) => {
		if (row.length !== inner) throw new RangeError('every row of a table must have the same number of cells');
		assertCounts(row);
		row.forEach((count, c) => {
			values[r * columns + c] = count;
			values[r * columns + inner] = (values[r * columns + inner] ?? 0) + count;
			values[(rows - 1) * columns + c] = (values[(rows - 1) * columns + c] ?? 0) + count;
			values[rows * columns - 1] = (values[rows * columns - 1] ?? 0) + count;
		});
	});
	return { rows, columns, value: (r, c) => values[r * columns + c] ?? 0 };
}

function suppressTable(cells: readonly (readonly number[])[], min: number, hideZero: boolean): SuppressedTable {
	const table = extend(cells);
	const { rows, columns, value } = table;
	const all: Cell[] = [];
	for (let r = 0; r < rows; r++) for (let c = 0; c < columns; c++) all.push([r, c]);
	const tooSmall = (count: number) => count < min && (hideZero || count > 0);
	const hiddenSet = new Set(all.filter(([r, c]) => tooSmall(value(r, c))).map(([r, c]) => r * columns + c));
	const isHidden = (r: number, c: number) => hiddenSet.has(r * columns + c);

	// Nodes: rows are 0..rows−1, columns rows..rows+columns−1; edges: the hidden cells other than `skip`.
	const isBridge = ([br, bc]: Cell): boolean => {
		const target = rows + bc;
		const seen = new Set([br]);
		const queue = [br];
		for (let node = queue.pop(); node !== undefined; node = queue.pop()) {
			if (node === target) return false;
			const neighbours =
				node < rows
					? all.filter(([r, c]) => r === node && isHidden(r, c) && !(r === br && c === bc)).map(([, c]) => rows + c)
					: all.filter(([r, c]) => c === node - rows && isHidden(r, c) && !(r === br && c === bc)).map(([r]) => r);
			for (const next of neighbours) {
				if (!seen.has(next)) {
					seen.add(next);
					queue.push(next);
				}
			}
		}
		return true;
	};

	const lines: Cell[][] = [
		...Array.from({ length: rows }, (_, r) => all.filter(([lr]) => lr === r)),
		...Array.from({ length: columns }, (_, c) => all.filter(([, lc]) => lc === c))
	];
	// A line whose hidden counts are all zero gives them away: its known sum is 0 and counts are never negative.
	const zeroSumLine = (): Cell[] | undefined =>
		lines.find((line) => {
			const hiddenCells = line.filter(([r, c]) => isHidden(r, c));
			return hiddenCells.length > 0 && hiddenCells.length < line.length && hiddenCells.every(([r, c]) => value(r, c) === 0);
		});

	// Prefer hiding small inner cells over totals: totals carry the most information.
	const isMargin = ([r, c]: Cell) => (r === rows - 1 || c === columns - 1 ? 1 : 0);
	const shown = () =>
		all
			.filter(([r, c]) => !isHidden(r, c))
			.sort((a, b) => isMargin(a) - isMargin(b) || value(a[0], a[1]) - value(b[0], b[1]));

	for (;;) {
		const bridge = all.find(([r, c]) => isHidden(r, c) && isBridge([r, c]));
		const zeroLine = bridge ? undefined : zeroSumLine();
		let choice: Cell | undefined;
		if (bridge) {
			const [br, bc] = bridge;
			choice = shown().find(([r, c]) => {
				hiddenSet.add(r * columns + c);
				const closesCycle = !isBridge(bridge);
				hiddenSet.delete(r * columns + c);
				return closesCycle;
			});
			// No single cell closes a cycle: hide one more in the bridge's row or column and look again.
			choice ??= shown().find(([r, c]) => r === br || c === bc);
		} else if (zeroLine) {
			choice = shown().find(([r, c]) => zeroLine.some(([lr, lc]) => lr === r && lc === c));
		}
		if (!choice) break;
		hiddenSet.add(choice[0] * columns + choice[1]);
	}

	const show = (r: number, c: number) => (isHidden(r, c) ? null : value(r, c));
	const innerRows = Array.from({ length: rows - 1 }, (_, r) => r);
	const innerColumns = Array.from({ length: columns - 1 }, (_, c) => c);
	return {
		cells: innerRows.map((r) => innerColumns.map((c) => show(r, c))),
		rowTotals: innerRows.map((r) => show(r, columns - 1)),
		columnTotals: innerColumns.map((c) => show(rows - 1, c)),
		total: show(rows - 1, columns - 1)
	};
}
