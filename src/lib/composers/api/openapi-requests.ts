/**
 * The request bodies of the OpenAPI document, generated from the Zod schemas that validate them (contract.ts and the
 * area modules beside it), so a limit is written once. A body that depends on today (a day from today on) is
 * generated with today's date; only the checks JSON Schema cannot say use it.
 */
import { localDay } from '$lib/time';
import { changeScopesBody, grantConsentBody, invitationBody } from './accounts-api';
import { bodySchemaOf } from './contract';
import { scoreBodyContract } from './instruments-api';
import { measurementRequestBody, noteBody, notePatchBody, ratingBody } from './professional-api';
import { contactMomentBody, momentOutcomeBody, plannedMomentBody, plannedMomentChangeBody, relationBody } from './relationships-api';
import {
	checkInBody,
	clientStartBody,
	discussFirstBody,
	measurementBody,
	planBody,
	programmeMessageBody,
	reminderBody,
	startBody,
	weekItemBody
} from './programme-api';
import { attendanceBody, groupCheckInBody, joinBody, participationBody, sessionPatchBody } from './groups-api';
import { discussBody, journalEntryBody, kindMomentBody, stepDoneBody, stepPlanBody, thoughtCheckBody } from './self-help-api';

const today = localDay();

const requestBodies = {
	ScoreRequest: scoreBodyContract,
	GrantConsentRequest: grantConsentBody,
	ChangeScopesRequest: changeScopesBody,
	CreateClientInvitationRequest: invitationBody,
	JournalEntryRequest: journalEntryBody,
	ThoughtCheckRequest: thoughtCheckBody,
	DiscussRequest: discussBody,
	KindMomentRequest: kindMomentBody,
	StepPlanRequest: stepPlanBody,
	StepDoneRequest: stepDoneBody,
	RelationRequest: relationBody,
	ContactMomentRequest: contactMomentBody(today),
	PlannedMomentRequest: plannedMomentBody(today),
	PlannedMomentChange: plannedMomentChangeBody,
	MomentOutcomeRequest: momentOutcomeBody,
	MeasurementRequestRequest: measurementRequestBody(today),
	SelfSufficiencyRatingRequest: ratingBody,
	ConversationNoteRequest: noteBody,
	ConversationNotePatch: notePatchBody,
	ProgrammeStartRequest: startBody,
	ProgrammeRemindersRequest: reminderBody,
	ProgrammeWeekItemRequest: weekItemBody,
	ProgrammeCheckInRequest: checkInBody,
	ProgrammeMeasurementRequest: measurementBody,
	ProgrammePlanRequest: planBody,
	ClientProgrammeStartRequest: clientStartBody,
	ProgrammeMessageRequest: programmeMessageBody,
	DiscussFirstRequest: discussFirstBody,
	GroupJoinRequest: joinBody,
	GroupParticipationRequest: participationBody,
	GroupCheckInRequest: groupCheckInBody,
	GroupSessionPatch: sessionPatchBody,
	GroupAttendanceRequest: attendanceBody
};

export const requestSchemas = Object.fromEntries(Object.entries(requestBodies).map(([name, schema]) => [name, bodySchemaOf(schema)]));

type JsonSchema = Record<string, unknown>;

/**
 * One property of a generated request body, for a response that gives the same value back (a mood, a feeling), so
 * its range is stated once; `nullable` where the answer may hold null instead (not yet said).
 */
export function requestField(body: keyof typeof requestBodies, path: string, options: { description?: string; nullable?: boolean } = {}): JsonSchema {
	let schema = requestSchemas[body] as JsonSchema;
	for (const name of path.split('.')) schema = (schema.properties as Record<string, JsonSchema>)[name]!;
	const { description: _request, ...field } = schema;
	const described = options.description ? { description: options.description } : {};
	return options.nullable ? { anyOf: [field, { type: 'null' }], ...described } : { ...field, ...described };
}
