/**
 * The choice to count in an organisation's figures: its face. Every choice, with when it began and ended, is in the
 * person's export. The rows go with the account (ON DELETE CASCADE), so deletion has nothing more to do; professionals
 * never read it (reports read the table only to count, never to name).
 */
import { personDataFeature } from '$lib/kernel/person-data';
import { reportConsentHistory } from './report-consent.server';

export { chooseReportConsent, countsInReports, reportConsentsOf, setReportConsent, type ReportConsentChoice } from './report-consent.server';
export { countInReportsField, reportConsentChoiceSchema } from './report-consent.schema';

export const reportConsentData = personDataFeature({
	name: 'report-consent',
	scope: null,
	tables: ['report_consent'],
	async exportPart(db, { account }) {
		return { reportConsents: await reportConsentHistory(db, account.id) };
	}
});
