/**
 * Table types for Kysely. Both databases store the same shapes: ids and instants as text
 * (ISO 8601, UTC), JSON as text, booleans as integers — see docs/decisions/002-portable-columns.md.
 */
export interface MeasurementTable {
	id: string;
	instrument_id: string;
	instrument_version: string;
	/** Version of brug's scoring rules that computed the scores below; scores are recomputable from answers. */
	scoring_version: number;
	/** JSON object: item number → option id. */
	answers: string;
	total: number | null;
	emotional: number | null;
	social: number | null;
	band: string | null;
	taken_at: string;
	/** Null for an anonymous result, reachable only through its token. */
	account_id: string | null;
	/** SHA-256 of the personal result token; the token itself is never stored. */
	access_token_hash: string | null;
}

export interface Database {
	measurement: MeasurementTable;
}
