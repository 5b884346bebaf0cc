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

/** A person who signs in (better-auth's "user"); roles come from memberships, not from here. */
export interface AccountTable {
	id: string;
	name: string;
	email: string;
	email_verified: boolean | number;
	image: string | null;
	locale: string;
	two_factor_enabled: boolean | number | null;
	created_at: Date | string;
	updated_at: Date | string;
}

export interface AuthSessionTable {
	id: string;
	token: string;
	account_id: string;
	expires_at: Date | string;
	/** Always empty: IP tracking is off. */
	ip_address: string | null;
	user_agent: string | null;
	created_at: Date | string;
	updated_at: Date | string;
}

export interface AuthCredentialTable {
	id: string;
	account_id: string;
	provider_id: string;
	provider_account_id: string;
	/** argon2id hash. */
	password: string | null;
	access_token: string | null;
	refresh_token: string | null;
	id_token: string | null;
	access_token_expires_at: Date | string | null;
	refresh_token_expires_at: Date | string | null;
	scope: string | null;
	created_at: Date | string;
	updated_at: Date | string;
}

export interface AuthVerificationTable {
	id: string;
	identifier: string;
	value: string;
	expires_at: Date | string;
	created_at: Date | string;
	updated_at: Date | string;
}

export interface AuthTwoFactorTable {
	id: string;
	account_id: string;
	secret: string;
	backup_codes: string;
	verified: boolean | number | null;
	failed_verification_count: number | null;
	locked_until: Date | string | null;
}

/** Columns written by better-auth hold native Dates and booleans on PostgreSQL, text and 0/1 on SQLite. */
export interface Database {
	measurement: MeasurementTable;
	account: AccountTable;
	auth_session: AuthSessionTable;
	auth_credential: AuthCredentialTable;
	auth_verification: AuthVerificationTable;
	auth_two_factor: AuthTwoFactorTable;
}
