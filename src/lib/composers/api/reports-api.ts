/**
 * What the outcome reports' API routes share (/api/v1/organisations/{id}/reports, /api/v1/reports/{id},
 * /api/v1/funders/{id}/…). The reports feature's use-cases check access; this module reads the filter and shapes
 * the answers. Aggregates only: no person's name, id or value is ever in them.
 * - `reportQuerySchema`: the filter's query contract (the words an API client gets for each field).
 * - `reportFilterOf(url)`: the `from`, `to`, `setting` query as a report filter, or a 422 naming the field.
 * - `funderReports(db, actor, funderId)`: what was shared with one funder the caller reads for, or a 404.
 */
import type { Kysely } from 'kysely';
import type { Database } from '$lib/server/db';
import type { SignedInAccount } from '$lib/server/auth/account';
import type { FieldError } from '$lib/kernel/form-errors';
import type { ReportFilter } from '$lib/features/reports/outcome-report';
import { parseApiFilter } from '$lib/features/reports/filters';
import { funderOverview, type FunderOverview } from '$lib/features/reports/reports.server';
import { invalidField, problem } from '$lib/server/http/problem';
import { z } from 'zod';
import { oneOf, parseQuery } from './contract';

const settings = ['all', 'group', 'alone'] as const;
const quarterReason = 'must be a quarter as YYYY-Qn, e.g. "2025-Q1"';
const reasons: Partial<Record<FieldError, string>> = {
	report_quarter_invalid: quarterReason,
	report_quarter_order: 'must not be before from',
	report_setting_invalid: oneOf(settings)
};

const quarter = (description: string) =>
	z.string({ error: quarterReason }).regex(/^\d{4}-[QK][1-4]$/i, quarterReason).optional().meta({ description, examples: ['2025-Q1'] });
export const reportQuerySchema = z.object({
	from: quarter('The first quarter whose starters count (both ends included); left out: no lower end'),
	to: quarter('The last quarter whose starters count; left out: no upper end'),
	setting: z.enum(settings, { error: oneOf(settings) }).optional().meta({ description: "'group': units in a group; 'alone': units outside any group; left out: all" })
});

export function reportFilterOf(url: URL): { ok: true; filter: ReportFilter } | { ok: false; response: Response } {
	const contract = parseQuery(url, reportQuerySchema);
	if (!contract.ok) return contract;
	const parsed = parseApiFilter(url.searchParams);
	if (parsed.ok) return { ok: true, filter: parsed.filter };
	const [name, code] = Object.entries(parsed.errors)[0]!;
	return { ok: false, response: invalidField(name, reasons[code as FieldError] ?? quarterReason) };
}

export async function funderReports(db: Kysely<Database>, actor: SignedInAccount, funderId: string): Promise<FunderOverview | Response> {
	const funder = (await funderOverview(db, actor)).find((one) => one.funderId === funderId);
	return funder ?? problem({ title: 'Not found.', status: 404, detail: 'Not a funder you read reports for: unknown, or not yours (the answer is the same)' });
}
