/**
 * A group session asks each participant for its measurement once, also when two leaders mark it held at the same
 * moment: a unique index on the request's session and person (only for requests a group session made).
 * Forward-only: never edit this file once released.
 */
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createIndex('measurement_request_group_once_idx')
		.on('measurement_request')
		.columns(['group_session_id', 'person_id'])
		.unique()
		.where(sql.ref('group_session_id'), 'is not', null)
		.execute();
}
