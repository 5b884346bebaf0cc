/** The API's join and connect bodies carry the choice to count in the figures: true, false or left out (as it is). */
import { describe, expect, it } from 'vitest';
import { grantConsentBody } from './accounts-api';
import { joinBody } from './groups-api';

describe('countInReports in the API bodies', () => {
	const join = { code: 'K7QM-4TXP', personName: 'Anna' };
	const connect = { code: 'K7QM-4TXP', scopes: ['measurements'] };

	it('is true, false or left out, and nothing else', () => {
		expect(joinBody.parse({ ...join, countInReports: true }).countInReports).toBe(true);
		expect(joinBody.parse({ ...join, countInReports: false }).countInReports).toBe(false);
		expect(joinBody.parse(join).countInReports).toBeUndefined();
		expect(joinBody.safeParse({ ...join, countInReports: 'yes' }).success).toBe(false);
		expect(grantConsentBody.parse({ ...connect, countInReports: true }).countInReports).toBe(true);
		expect(grantConsentBody.parse(connect).countInReports).toBeUndefined();
		expect(grantConsentBody.safeParse({ ...connect, countInReports: 1 }).success).toBe(false);
	});
});
