import type { Snippet } from 'svelte';

/** One column of a DataTable: its heading and how a row fills its cell. */
export type Column<Row> = {
	label: string;
	/** Plain text of the cell. */
	text?: (row: Row, index: number) => string;
	/** Markup of the cell (a link, a button, a form), when text is not enough. */
	cell?: Snippet<[Row, number]>;
	/** The cell that names the row: a `<th scope="row">`, and on a phone the heading of the row's block. */
	rowHeader?: boolean;
	/** The heading is for screen readers only (e.g. a column of buttons whose words say it). */
	labelHidden?: boolean;
};
