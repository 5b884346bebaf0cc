/**
 * Outcome reports' face as a holder of a person's data: `report_unit` keeps, per enrolment and participation, the
 * scores and completion that reports count (migrations/016-report-units.ts). It is a copy of what the programme,
 * groups and measurements features already give in the export, so it adds no part of its own; its rows go with the
 * enrolment, the participation, the measurement or the account (cascade and trigger), so deletion has nothing more to
 * do. Professionals never read it: reports only count.
 */
import { personDataFeature } from '$lib/kernel/person-data';

export const reportsData = personDataFeature({
	name: 'reports',
	scope: null,
	tables: ['report_unit'],
	async exportPart() {
		return {};
	}
});
