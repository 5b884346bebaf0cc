/**
 * Participants for the leader's journeys, without the join pages: each is stored as joining stores it (an account, a
 * `group` consent grant with the chosen name encrypted under the server's own key, a participant row), written into
 * the run's SQLite database beside the running server.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { encryptText } from '../../src/lib/server/crypto/encryption';
import { loadKeyring } from '../../src/lib/server/crypto/keyring.js';

function dataDir(): string {
	const dir = process.env.BRUG_E2E_DATA_DIR;
	if (!dir) throw new Error('BRUG_E2E_DATA_DIR is not set (see playwright.config.ts)');
	return dir;
}

/** Adds people to the group by the names they chose; returns their addresses in the same order. */
export function seedParticipants(groupId: string, people: { name: string; email: string }[]): void {
	const db = new Database(path.join(dataDir(), 'brug.sqlite'));
	db.pragma('busy_timeout = 5000');
	const keyring = loadKeyring({ dataDir: dataDir(), dataKey: undefined });
	const now = new Date().toISOString();
	try {
		const group = db.prepare('select organisation_id from group_training where id = ?').get(groupId) as { organisation_id: string };
		const insert = db.transaction(() => {
			for (const person of people) {
				const accountId = crypto.randomUUID();
				const grantId = crypto.randomUUID();
				db.prepare('insert into account (id, name, email, email_verified, image, locale, two_factor_enabled, created_at, updated_at) values (?, ?, ?, 1, null, ?, 0, ?, ?)').run(
					accountId,
					person.name,
					person.email,
					'nl',
					now,
					now
				);
				db.prepare(
					"insert into consent_grant (id, person_id, professional_id, organisation_id, scopes, audience, person_name, granted_at, ended_at, end_reason, previous_grant_id, group_id) values (?, ?, null, ?, '[\"group\"]', 'group', ?, ?, null, null, null, ?)"
				).run(grantId, accountId, group.organisation_id, encryptText(keyring, person.name, `consent_grant.person_name:${grantId}`), now, groupId);
				db.prepare("insert into group_participant (id, group_id, account_id, grant_id, joined_at, left_at, share_checkins, reminders) values (?, ?, ?, ?, ?, null, 0, 'day_before')").run(
					crypto.randomUUID(),
					groupId,
					accountId,
					grantId,
					now
				);
			}
		});
		insert();
	} finally {
		db.close();
	}
}
