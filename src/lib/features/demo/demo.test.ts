import { describe, expect, it } from 'vitest';
import { demoPlan, parseDemoAccountIds } from './demo';

describe('what npm run demo may do with the database it finds', () => {
	it('fills a database without accounts', () => {
		expect(demoPlan({ accountIds: [], demoAccountIds: null })).toEqual({ kind: 'fill' });
	});

	it('rebuilds a demo database that holds only the accounts the demo made', () => {
		expect(demoPlan({ accountIds: ['a', 'b'], demoAccountIds: ['a', 'b', 'c'] })).toEqual({ kind: 'rebuild' });
		expect(demoPlan({ accountIds: [], demoAccountIds: ['a'] })).toEqual({ kind: 'rebuild' });
	});

	it('refuses a database with any account the demo did not make, and counts them', () => {
		expect(demoPlan({ accountIds: ['real'], demoAccountIds: null })).toEqual({ kind: 'refuse', otherAccounts: 1 });
		expect(demoPlan({ accountIds: ['a', 'real', 'other'], demoAccountIds: ['a'] })).toEqual({ kind: 'refuse', otherAccounts: 2 });
	});

	it('reads the stored account ids, and none from a damaged value', () => {
		expect(parseDemoAccountIds('["a","b"]')).toEqual(['a', 'b']);
		expect(parseDemoAccountIds('{"a":1}')).toEqual([]);
		expect(parseDemoAccountIds('not json')).toEqual([]);
		expect(demoPlan({ accountIds: ['a'], demoAccountIds: parseDemoAccountIds('not json') })).toEqual({ kind: 'refuse', otherAccounts: 1 });
	});
});
