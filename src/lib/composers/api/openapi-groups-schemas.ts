/**
 * The response schemas of the group trainings' part of the OpenAPI document (openapi-groups.ts): the person's groups
 * and sessions (never another member), and what a leader reads of a group they lead.
 */
import { attendanceStatuses, checkInItems, sessionStatuses } from '$lib/features/groups/group-values';
import { dropOutSignalKinds } from '$lib/features/groups/signals';
import { localDay, ref } from './openapi-parts';
import { requestField } from './openapi-requests';

const text = { type: 'string' };
const nullableText = { type: ['string', 'null'] };
const time = (description: string) => ({ type: 'string', pattern: '^\\d{2}:\\d{2}$', description });
const object = (properties: Record<string, unknown>, description?: string) => ({
	type: 'object',
	required: Object.keys(properties),
	properties,
	...(description ? { description } : {})
});
const nullable = (schema: unknown, description?: string) => ({ anyOf: [schema, { type: 'null' }], ...(description ? { description } : {}) });
const attendance = { type: 'string', enum: [...attendanceStatuses] };
const step = { type: 'integer', minimum: 1, maximum: 5 };

const sessionProperties = {
	id: text,
	day: localDay('The day (Europe/Amsterdam)'),
	startsAt: time('Start, local time'),
	endsAt: time('End, local time'),
	place: nullableText,
	videoUrl: nullableText,
	status: { type: 'string', enum: [...sessionStatuses] },
	isReturn: { type: 'boolean', description: 'The return meeting some weeks after the series' }
};
const leaderSessionProperties = { ...sessionProperties, changed: { type: 'boolean', description: 'Moved since it was first planned (the participants were told)' } };

const checkInTotals = object({
	sessionId: text,
	answered: { type: 'integer' },
	items: nullable(
		{
			type: 'array',
			items: object({
				item: { type: 'string', enum: [...checkInItems] },
				answered: { type: 'integer' },
				counts: { type: 'object', description: 'Step 1–5 → how many chose it', additionalProperties: { type: 'integer' } },
				mean: { type: ['number', 'null'] }
			})
		},
		'null below 3 answers, so a single answer cannot be read off'
	)
});

const ledParticipant = {
	participantId: text,
	name: { type: 'string', description: 'The name the participant chose for the group' },
	attendance: { type: 'object', description: 'Session id → what was recorded (left out: expected)', additionalProperties: attendance },
	attended: { type: 'integer' },
	completed: { type: 'boolean', description: 'Attended at least complete-after sessions' },
	signals: { type: 'array', items: { type: 'string', enum: [...dropOutSignalKinds] }, description: 'Drop-out signals: reach out in person, kindly' },
	checkIns: nullable(
		{ type: 'array', items: object({ sessionId: text, welcome: step, enjoyed: step, come_again: step, line: nullableText }) },
		'Only when the participant shares their check-ins with the leaders'
	)
};

export const groupSchemas = {
	GroupSession: object(sessionProperties),
	MyGroupSession: {
		allOf: [
			ref('GroupSession'),
			object({
				own: nullable({ type: 'string', enum: ['excused', 'attended'] }, 'Your own part, as far as you see it'),
				canTakeBack: { type: 'boolean', description: 'Your afmelding can still be taken back' },
				canExcuse: { type: 'boolean' },
				checkIn: nullable({ type: 'string', enum: ['done', 'open'] })
			})
		]
	},
	MyGroupSummary: object({
		id: text,
		name: text,
		organisationName: text,
		grantId: { type: 'string', description: 'The consent of this group (GET /api/v1/me/consents)' },
		leaders: { type: 'array', items: text },
		next: nullable(ref('MyGroupSession'), 'The first planned session from today on'),
		checkInDue: nullable(ref('GroupSession'), 'The newest session whose check-in is open')
	}),
	MyGroup: object({
		id: text,
		name: text,
		organisationName: text,
		grantId: text,
		leaders: { type: 'array', items: text },
		followsProgramme: { type: 'boolean' },
		shareCheckIns: { type: 'boolean' },
		reminders: requestField('GroupJoinRequest', 'reminders'),
		joinedAt: { type: 'string', format: 'date-time' },
		sessions: { type: 'array', items: ref('MyGroupSession') }
	}),
	LeaderGroupSession: object(leaderSessionProperties),
	LedGroup: object({
		id: text,
		name: text,
		organisationId: text,
		archived: { type: 'boolean' },
		participants: { type: 'integer', description: 'How many take part now (a count)' },
		capacity: { type: 'integer' },
		leaders: { type: 'array', items: object({ id: text, name: text }) },
		nextSession: nullable(ref('LeaderGroupSession'))
	}),
	GroupOverview: object({
		group: object({ id: text, name: text, completeAfter: { type: 'integer' }, archived: { type: 'boolean' } }),
		nextSession: nullable(ref('LeaderGroupSession')),
		sessions: { type: 'array', items: ref('LeaderGroupSession') },
		participants: { type: 'array', items: object(ledParticipant) },
		checkInTotals: { type: 'array', items: checkInTotals }
	}),
	GroupSessionForLeader: object({
		group: object({ id: text, name: text }),
		session: object({ ...leaderSessionProperties, heldAt: nullable({ type: 'string', format: 'date-time' }) }),
		previousId: nullableText,
		nextId: nullableText,
		participants: {
			type: 'array',
			items: object({
				...ledParticipant,
				status: attendance,
				note: nullable(object({ body: text, updatedAt: { type: 'string', format: 'date-time' } }), 'Your note about them at this session (encrypted at rest)')
			})
		},
		checkIns: checkInTotals
	}),
	ManagedGroupSession: object({ ...leaderSessionProperties, attended: { type: 'integer', description: 'How many attended (a count)' } }),
	GroupAttendance: object({ sessionId: text, participantId: text, status: attendance })
};
