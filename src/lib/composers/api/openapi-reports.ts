/**
 * The outcome reports' part of the OpenAPI document: an organisation's reports (admins and report readers), one
 * report computed now with an optional filter, and for a funder's readers what organisations shared with it, one by
 * one or pooled. Aggregates only; every count from fewer than `minimumCell` people is null. The report's schema is
 * generated from the reports feature's Zod schema, so the document and the type cannot drift apart.
 */
import { outcomeReportSchema, reportKinds } from '$lib/features/reports/report.schema';
import { bodySchemaOf, pathParameter, queryParameters } from './contract';
import { jsonContent, listOf, problemResponse, ref, refusals, secured } from './openapi-parts';
import { reportQuerySchema } from './reports-api';

const organisationIdParam = pathParameter('organisationId', 'An organisation you are an admin or report reader of');
const reportIdParam = pathParameter('reportId', 'A report of your organisation, or one shared with a funder you read for');
const funderIdParam = pathParameter('funderId', 'A funder (municipality) you are an admin or report reader of');

const readerRefusals = {
	...refusals,
	'403': problemResponse('Not allowed: not an admin or report reader of the organisation or funder, or two-step sign-in off; `reason` says which')
};
const filterProblem = { '422': problemResponse('A malformed filter: `invalid-params` names the field') };
const notFound = (what: string) => problemResponse(`${what}: unknown, or not yours (the answer is the same)`);

const operation = (operationId: string, summary: string, rest: Record<string, unknown>) => ({ operationId, summary, security: secured, ...rest });
const filterParams = queryParameters(reportQuerySchema);

const text = { type: 'string' };
const quarter = { type: ['string', 'null'], pattern: '^\\d{4}-Q[1-4]$', description: "A quarter, e.g. '2025-Q1'" };
const object = (properties: Record<string, unknown>, description?: string) => ({
	type: 'object',
	required: Object.keys(properties),
	properties,
	...(description ? { description } : {})
});
const summaryProperties = {
	id: text,
	title: text,
	kind: { type: 'string', enum: [...reportKinds] },
	from: quarter,
	to: quarter,
	scaleSd: { type: 'number', description: 'Scale SD for reliable change' },
	reliability: { type: 'number', description: 'Reliability for reliable change' }
};
const sharedOrganisations = {
	type: 'array',
	items: object({ organisationName: text, reports: { type: 'array', items: object({ ...summaryProperties, sharedAt: { type: 'string', format: 'date-time' } }) } })
};

export const reportPaths = {
	'/api/v1/organisations/{organisationId}/reports': {
		get: operation('listReports', "The organisation's report definitions (figures come with getReport)", {
			parameters: [organisationIdParam],
			responses: { '200': { description: 'The reports', content: jsonContent('ReportDefinitionList') }, ...readerRefusals, '404': notFound('Organisation') }
		})
	},
	'/api/v1/reports/{reportId}': {
		get: operation('getReport', 'One report, computed now: funnel, outputs, change with its interval, reliable change, bands, follow-up, national context; optionally filtered (refused when it would leave fewer than 10 on either side)', {
			parameters: [reportIdParam, ...filterParams],
			responses: { '200': { description: 'The report', content: jsonContent('ReportWithDefinition') }, ...readerRefusals, ...filterProblem, '404': notFound('Report') }
		})
	},
	'/api/v1/funders/{funderId}/reports': {
		get: operation('listFunderReports', 'The reports organisations shared with the funder, per organisation', {
			parameters: [funderIdParam],
			responses: { '200': { description: 'The shared reports', content: jsonContent('FunderReports') }, ...readerRefusals, '404': notFound('Funder') }
		})
	},
	'/api/v1/funders/{funderId}/combined': {
		get: operation('getCombinedReport', 'Every report shared with the funder, pooled: a unit that two reports both hold counts once', {
			parameters: [funderIdParam, ...filterParams],
			responses: { '200': { description: 'The pooled report', content: jsonContent('CombinedReport') }, ...readerRefusals, ...filterProblem, '404': notFound('Funder') }
		})
	}
};

export const reportSchemas = {
	OutcomeReport: bodySchemaOf(outcomeReportSchema),
	ReportDefinition: object({
		...summaryProperties,
		organisationId: text,
		programmeId: { type: ['string', 'null'] },
		groupIds: { type: 'array', items: text, description: 'The groups of a groups report; empty: all the organisation’s groups (and always empty for a funder)' },
		createdAt: { type: 'string', format: 'date-time' },
		updatedAt: { type: 'string', format: 'date-time' }
	}),
	ReportDefinitionList: listOf('ReportDefinition'),
	ReportWithDefinition: object({ definition: ref('ReportDefinition'), report: ref('OutcomeReport') }),
	FunderReports: object({ funderId: text, funderName: text, organisations: sharedOrganisations }),
	CombinedReport: object({ funderName: text, organisations: sharedOrganisations, report: ref('OutcomeReport') })
};
