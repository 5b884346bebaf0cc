import { listOrganisationsOfAccount } from '$lib/features/organisations/organisations.server';
import { reportsMenu } from '$lib/features/organisations/organisations';
import { demoBannerShown } from '$lib/features/demo/demo.server';
import { db } from '$lib/server/db';
import type { LayoutServerLoad } from './$types';

const noReports = { organisations: [], funder: false };

/**
 * Who is signed in, in which roles, and where they read reports (the header's links to them; prerendered pages have
 * none); and whether this is the demo workspace (its banner).
 */
export const load: LayoutServerLoad = async ({ locals }) => {
	const demo = demoBannerShown();
	if (!locals.account) return { demo, signedIn: false, professional: false, admin: false, reportReader: false, reports: noReports };
	const organisations = await listOrganisationsOfAccount(db(), { actor: locals.account });
	return {
		demo,
		signedIn: true,
		professional: organisations.some((o) => o.roles.includes('professional')),
		admin: organisations.some((o) => o.roles.includes('admin')),
		reportReader: organisations.some((o) => o.roles.includes('report_reader')),
		reports: reportsMenu(organisations)
	};
};
