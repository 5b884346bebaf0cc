/**
 * The plans of the report's queries, for scripts/bench-reports.js.
 */

/**
 * @param {import('./report-seed.js').Target} target
 * @param {{ largeId: string, funderId: string, reports: Record<string, string> }} made
 * @param {string[]} problems
 * @returns {Promise<string[]>}
 */
export async function printPlans(target, made, problems) {
	void target;
	void made;
	void problems;
	return [];
}
