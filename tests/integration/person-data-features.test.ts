/**
 * Every feature that holds a person's data shows one face (`PersonDataFeature`) in one list, and the composers loop
 * over it. These checks keep the list whole: a table that names a person belongs to a feature, no table belongs to
 * two, and no feature's part of the export overwrites another's.
 */
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { personDataFeatures } from '$lib/composers/person-data-features';
import { exportPersonalData } from '$lib/composers/personal-data/personal-data.server';
import type { DatabaseHandle } from '$lib/server/db/client';
import { testDatabases } from './databases';
import { professionalFixtures } from './professional-fixtures';
import { tablesInDatabase } from './table-scan';

/** Columns that tie a row to a person (their account, or their address). */
const personColumns = ['account_id', 'person_id', 'subject_id', 'actor_id', 'professional_id', 'email', 'identifier'];

async function columnsOf(handle: DatabaseHandle, table: string): Promise<string[]> {
	if (handle.kind === 'sqlite') {
		return (await sql<{ name: string }>`select name from pragma_table_info(${table})`.execute(handle.db)).rows.map((r) => r.name);
	}
	return (
		await sql<{ name: string }>`select column_name as name from information_schema.columns
			where table_schema = current_schema() and table_name = ${table}`.execute(handle.db)
	).rows.map((r) => r.name);
}

describe.each(testDatabases())('person-data features on $name', (target) => {
	let handle: DatabaseHandle;
	beforeEach(async () => {
		handle = await target.open();
	});
	afterEach(() => handle.close());

	it('give every table that names a person to exactly one feature, and name only tables that exist', async () => {
		const tables = await tablesInDatabase(handle);
		const owners = new Map<string, string[]>();
		for (const feature of personDataFeatures) {
			for (const table of feature.tables) owners.set(table, [...(owners.get(table) ?? []), feature.name]);
		}
		const withPeople: string[] = [];
		for (const table of tables) {
			const columns = await columnsOf(handle, table);
			if (columns.some((column) => personColumns.includes(column))) withPeople.push(table);
		}
		expect(withPeople.length).toBeGreaterThan(20);
		expect(withPeople.filter((table) => !owners.has(table))).toEqual([]);
		expect([...owners].filter(([, names]) => names.length > 1)).toEqual([]);
		expect([...owners.keys()].filter((table) => !tables.includes(table))).toEqual([]);
	});

	it('have distinct names, and parts of the export that never overwrite each other', async () => {
		const names = personDataFeatures.map((feature) => feature.name);
		expect(new Set(names).size).toBe(names.length);
		const person = await professionalFixtures(handle).person('anna@example.nl', 'Anna');
		const context = { account: person, locale: person.locale, now: new Date('2026-03-01T10:00:00Z') };
		const keys: string[] = [];
		for (const feature of personDataFeatures) keys.push(...Object.keys(await feature.exportPart(handle.db, context)));
		expect(new Set(keys).size).toBe(keys.length);
		const exported = await exportPersonalData(handle.db, { account: person, now: context.now });
		expect(Object.keys(exported).sort()).toEqual(['exportedAt', ...keys].sort());
		expect(exported).toMatchObject({ exportedAt: '2026-03-01T10:00:00.000Z', account: { email: 'anna@example.nl' }, measurements: [], journal: [] });
	});
});
