/**
 * A person in a group training: they type the printed code (lower case, with a space), see the group and what its
 * leaders will see, join, find the group on their overview, send "ik kan er niet bij zijn" in one tap and see it, fill
 * in "hoe was het?" after a session, and leave (asked first); the group is then gone from the overview. With
 * JavaScript on, all on the group pages; with JavaScript off, through the account pages: the code typed where a
 * professional's code goes (it is sent on, with a line saying so), and leaving where the person sees what they share.
 * Axe on every page. The group, its sessions and its code are written into the run's database (the leaders' pages
 * have their own journey).
 */
import { createHash, randomInt } from 'node:crypto';
import path from 'node:path';
import Database from 'better-sqlite3';
import { loadKeyring } from '../../src/lib/server/crypto/keyring.js';
import { encryptText } from '../../src/lib/server/crypto/encryption';
import { expect, expectNoAxeViolations, test, waitForPage } from './support';
import { uniqueAddress } from './mailbox';
import { signUpAndConfirm } from './people';

const password = 'een lang wachtwoord';
const alphabet = '346789ABCDEFGHJKMNPQRTUVWXY';

/** A local day in Amsterdam, `offset` days from today. */
function dayFromToday(offset: number): string {
	const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Amsterdam' });
	const date = new Date(`${today}T12:00:00Z`);
	date.setUTCDate(date.getUTCDate() + offset);
	return date.toISOString().slice(0, 10);
}

/** A group with a session held today (its check-in is open) and two to come, and a fresh code; returns name and code. */
function seedGroup(): { name: string; code: string } {
	const dataDir = process.env.BRUG_E2E_DATA_DIR!;
	const db = new Database(path.join(dataDir, 'brug.sqlite'));
	db.pragma('busy_timeout = 5000');
	const id = (prefix: string) => `${prefix}-${crypto.randomUUID()}`;
	const now = new Date().toISOString();
	const organisationId = id('org');
	const leaderId = id('leader');
	const groupId = id('group');
	const codeId = id('code');
	const name = `Samen verder ${randomInt(100_000)}`;
	let code = '';
	for (let i = 0; i < 8; i += 1) code += alphabet[randomInt(alphabet.length)];
	const keyring = loadKeyring({ dataDir });
	db.transaction(() => {
		db.prepare('insert into organisation (id, name, kind, created_at) values (?, ?, ?, ?)').run(organisationId, 'Buurtteam Oost', 'welfare', now);
		db.prepare('insert into account (id, name, email, email_verified, image, locale, two_factor_enabled, created_at, updated_at) values (?, ?, ?, 1, null, ?, 0, ?, ?)').run(
			leaderId, 'Gerda Groen', `${leaderId}@example.nl`, 'nl', now, now
		);
		db.prepare('insert into group_training (id, organisation_id, name, programme_id, programme_version, capacity, complete_after, created_by, created_at, archived_at) values (?, ?, ?, null, null, 12, 6, ?, ?, null)').run(
			groupId, organisationId, name, leaderId, now
		);
		db.prepare('insert into group_leader (group_id, account_id) values (?, ?)').run(groupId, leaderId);
		for (const [offset, status] of [[0, 'held'], [7, 'planned'], [14, 'planned']] as const) {
			db.prepare("insert into group_session (id, group_id, day, starts_at, ends_at, place, video_url, status, is_return, sequence, held_at, updated_at) values (?, ?, ?, '14:00', '16:00', 'Buurthuis De Brug', null, ?, 0, 0, null, ?)").run(
				id('session'), groupId, dayFromToday(offset), status, now
			);
		}
		db.prepare('insert into group_code (id, group_id, code_hash, code, created_by, created_at, expires_at, revoked_at) values (?, ?, ?, ?, ?, ?, ?, null)').run(
			codeId, groupId, createHash('sha256').update(`group-code:${code}`).digest('hex'), encryptText(keyring, code, `group_code.code:${codeId}`), leaderId, now, new Date(Date.now() + 86_400_000).toISOString()
		);
	})();
	db.close();
	return { name, code };
}

async function journey(page: import('@playwright/test').Page, variant: 'group-page' | 'via-account') {
	// Signing up and seven pages with axe: more than the default 30 s on a busy machine.
	test.setTimeout(90_000);
	const group = seedGroup();
	await signUpAndConfirm(page, uniqueAddress('groep'), password);

	// The code as someone types it from paper: lower case, a space in the middle; on the group page, or where a
	// professional's code goes, which sends it on with a line saying so.
	const typed = `${group.code.slice(0, 4).toLowerCase()} ${group.code.slice(4).toLowerCase()}`;
	if (variant === 'via-account') {
		await page.goto('/nl/account/koppelen');
		await waitForPage(page);
		await page.getByLabel('Code', { exact: true }).fill(typed);
		await page.getByRole('button', { name: 'Verder' }).click();
		await expect(page.getByText('Dit is een code voor een groep. Hieronder zie je de groep. Je kunt hier meedoen.')).toBeVisible();
	} else {
		await page.goto('/nl/groep');
		await waitForPage(page);
		await expect(page.getByRole('heading', { level: 1, name: 'Meedoen met een groep' })).toBeVisible();
		await expectNoAxeViolations(page);
		await page.getByLabel('Code van de groep').fill(typed);
		await page.getByRole('button', { name: 'Bekijk de groep' }).click();
	}
	await expect(page.getByRole('heading', { level: 1, name: group.name })).toBeVisible();
	await expect(page.getByText('Begeleiding: Gerda Groen')).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Wat de begeleiders van je zien' })).toBeVisible();
	await expect(page.getByLabel('De begeleiders mogen mijn antwoorden na een bijeenkomst zien')).not.toBeChecked();
	await expectNoAxeViolations(page);
	await page.getByLabel('Hoe mogen de begeleiders je noemen?').fill('Anna');
	await page.getByRole('button', { name: 'Ja, ik doe mee' }).click();
	await expect(page.getByText('Welkom in de groep! Fijn dat je meedoet.')).toBeVisible();
	await expectNoAxeViolations(page);

	// The overview: the next session, "ik kan er niet bij zijn" in one tap.
	await page.goto('/nl/overzicht');
	await waitForPage(page);
	const card = page.getByRole('region', { name: `Je groep: ${group.name}` });
	await expect(card.getByText(/^Volgende keer: .+, 14:00 tot 16:00$/)).toBeVisible();
	await expect(card.getByText('Waar: Buurthuis De Brug')).toBeVisible();
	await card.getByRole('button', { name: 'Ik kan er niet bij zijn' }).click();
	await expect(page.getByText('Je hebt je afgemeld. Fijn dat je het laat weten.')).toBeVisible();
	await expect(card.getByText('Je hebt je afgemeld. De begeleiders weten het.')).toBeVisible();
	await expectNoAxeViolations(page);

	// Today's session, held, asks "hoe was het?".
	await card.getByRole('link', { name: 'Hoe was het?' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Hoe was het?' })).toBeVisible();
	await expectNoAxeViolations(page);
	await page.getByRole('button', { name: 'Verstuur' }).click();
	await expect(page.getByText('Kies hoe het ging, van 1 tot en met 5.').first()).toBeVisible();
	for (const item of ['Ik voelde me welkom', 'Ik deed iets wat ik fijn vond', 'Ik wil graag weer komen']) {
		await page.getByRole('group', { name: item }).getByLabel('Heel erg').check();
	}
	await page.getByLabel('Wil je nog iets zeggen tegen de begeleiders?').fill('Fijne middag.');
	await page.getByRole('button', { name: 'Verstuur' }).click();
	await expect(page.getByText('Dank je! Je antwoorden zijn bewaard.')).toBeVisible();
	await expect(page.getByText('Je hebt verteld hoe het was. Dank je!')).toBeVisible();
	await expectNoAxeViolations(page);

	// Leaving asks first (on the group page, or where the person sees what they share), then the group is gone.
	if (variant === 'via-account') {
		await page.goto('/nl/account/delen');
		await waitForPage(page);
		const shared = page.getByRole('region', { name: `Groep ${group.name}, Buurtteam Oost` });
		await expect(shared.getByText('Begeleiding: Gerda Groen')).toBeVisible();
		await expectNoAxeViolations(page);
		await shared.getByRole('link', { name: 'Stoppen met deze groep' }).click();
	} else {
		await page.getByRole('link', { name: 'Stoppen met deze groep' }).click();
	}
	await expect(page.getByRole('heading', { name: `Wil je stoppen met ${group.name}?` })).toBeVisible();
	await expectNoAxeViolations(page);
	await page.getByRole('button', { name: 'Ja, ik stop' }).click();
	await expect(page.getByText('Je doet niet meer mee met de groep. Fijn dat je er was.')).toBeVisible();
	await expect(page.getByRole('region', { name: `Je groep: ${group.name}` })).toHaveCount(0);
}

test.describe('a participant of a group training', () => {
	test('joins by code, sends an afmelding, fills in a check-in and leaves', async ({ page }) => journey(page, 'group-page'));
});

test.describe('a participant of a group training, without JavaScript', () => {
	test.use({ javaScriptEnabled: false });
	test('joins by code, sends an afmelding, fills in a check-in and leaves, through the account pages', async ({ page }) => journey(page, 'via-account'));
});
