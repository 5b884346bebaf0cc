/** The pattern check's face: the person's own saved checks; never read by a professional. */
import { personDataFeature } from '$lib/kernel/person-data';
import { strongestPatterns } from './pattern-check';
import { listPatternChecks } from './pattern-checks.server';

export const patternsData = personDataFeature({
	name: 'patterns',
	scope: null,
	// Saved checks are measurements (instrument 'pattern-check'), in the measurements feature's table.
	tables: [],
	async exportPart(db, { account }) {
		const checks = await listPatternChecks(db, { actor: account });
		return {
			patternChecks: checks.map((c) => ({
				takenAt: c.takenAt,
				answers: Object.fromEntries(Object.entries(c.answers)) as Record<string, string | undefined>,
				strongest: strongestPatterns(c.score).map((p) => p.mechanism) as string[]
			}))
		};
	}
});
