/**
 * The response schemas of the programme's part of the OpenAPI document (openapi-programme.ts): the person's programme,
 * one week with its content, a check-in, a linked measurement, the plan for next time, and the client's programme as a
 * professional reads it.
 */
import { localDay, ref } from './openapi-parts';
import { requestField } from './openapi-requests';

const nullableText = { type: ['string', 'null'] };
const instant = (description?: string) => ({ type: 'string', format: 'date-time', ...(description ? { description } : {}) });
const moments = ['pre', 'post', 'follow_up'];
const weekNumber = { type: 'integer', minimum: 0, maximum: 9, description: '0–8; 9 is the follow-up' };

const weekStateProperties = {
	week: weekNumber,
	state: { type: 'string', enum: ['locked', 'open', 'waiting_for_conversation', 'done'] },
	opensOn: { anyOf: [localDay('The day (Europe/Amsterdam) the week opens or opened'), { type: 'null' }], description: 'null when not known yet (not started, or paused before it)' },
	opened: { type: 'boolean' },
	exerciseDone: { type: 'boolean' },
	stepDone: { type: 'boolean' },
	checkedIn: { type: 'boolean' },
	measured: { type: 'boolean' },
	discussFirst: { type: 'boolean', description: 'The week opens only after the conversation with the professional' }
};

const programmeMessage = { type: 'object', required: ['id', 'body', 'createdAt'], properties: { id: { type: 'string' }, body: { type: 'string' }, createdAt: instant() } };
const momentIds = { type: 'object', properties: Object.fromEntries(moments.map((m) => [m, { type: 'string', description: 'The measurement id' }])) };

export const programmeSchemas = {
	ProgrammeWeekState: { type: 'object', required: Object.keys(weekStateProperties), properties: weekStateProperties },
	ProgrammeCheckIn: {
		type: 'object',
		required: ['wentWell', 'tried', 'takeAway', 'shared', 'at'],
		properties: { wentWell: nullableText, tried: nullableText, takeAway: nullableText, shared: { type: 'boolean' }, at: instant() }
	},
	Programme: {
		type: 'object',
		required: ['id', 'programmeId', 'version', 'state', 'startedBy', 'startDay', 'createdDay', 'pausedSince', 'welcome', 'reminders', 'remindersStopped', 'weeks', 'currentWeek', 'measurements', 'messages'],
		properties: {
			id: { type: 'string' },
			programmeId: { type: 'string', examples: ['eight-weeks'] },
			version: { type: 'integer', description: 'The content version; a running programme keeps its version' },
			state: { type: 'string', enum: ['active', 'paused', 'stopped', 'completed'] },
			startedBy: { type: 'string', enum: ['person', 'professional'] },
			startDay: { anyOf: [localDay('The day week 0 was first opened'), { type: 'null' }] },
			createdDay: localDay('The day the programme was started or offered'),
			pausedSince: { anyOf: [localDay('Paused since this day'), { type: 'null' }] },
			welcome: { ...nullableText, description: "The professional's welcome line" },
			reminders: requestField('ProgrammeRemindersRequest', 'reminders'),
			remindersStopped: { type: 'boolean', description: 'Reminders stopped after three were ignored in a row; choosing again restarts them' },
			weeks: { type: 'array', items: ref('ProgrammeWeekState') },
			currentWeek: { ...weekNumber, description: 'The newest week that has opened' },
			measurements: momentIds,
			messages: { type: 'array', items: programmeMessage, description: 'Newest first' }
		}
	},
	ProgrammeWeek: {
		allOf: [
			ref('ProgrammeWeekState'),
			{
				type: 'object',
				required: ['checkIn', 'content'],
				properties: {
					checkIn: { anyOf: [ref('ProgrammeCheckIn'), { type: 'null' }] },
					content: {
						type: ['object', 'null'],
						description: "In your language; null while the week is locked",
						properties: {
							title: { type: 'string' },
							summary: { type: 'string' },
							phase: { type: 'string', enum: ['welcome', 'inside', 'connection', 'follow_up'] },
							readingMinutes: { type: 'integer' },
							reading: { type: 'string', description: 'Markdown' },
							exercise: { type: 'string', description: 'An exercise id, as in /en/exercises/<id> (Dutch pages use a Dutch word for it)' },
							exerciseMinutes: { type: 'integer' },
							step: { type: 'string', description: 'A small step id (the /nl/stappen page)' },
							measurement: { type: ['string', 'null'], enum: ['djg-11', null] }
						}
					}
				}
			}
		]
	},
	ProgrammeMeasurement: {
		type: 'object',
		required: ['moment', 'measurementId', 'takenAt', 'score'],
		properties: { moment: { type: 'string', enum: moments }, measurementId: { type: 'string' }, takenAt: instant(), score: ref('Score') }
	},
	ProgrammePlan: {
		type: 'object',
		required: ['earlySigns', 'whatHelps', 'whomToContact', 'restartSteps', 'updatedAt'],
		properties: {
			earlySigns: nullableText,
			whatHelps: nullableText,
			whomToContact: nullableText,
			restartSteps: { type: 'array', items: { type: 'string' } },
			updatedAt: instant()
		}
	},
	ClientProgramme: {
		type: 'object',
		required: ['enrolment', 'canStart'],
		properties: {
			canStart: { type: 'boolean', description: 'No programme runs, so you may start one' },
			enrolment: {
				type: ['object', 'null'],
				required: ['id', 'state', 'startedBy', 'createdDay', 'startDay', 'pausedSince', 'currentWeek', 'weeks', 'scores', 'messages', 'remindersStopped'],
				properties: {
					id: { type: 'string' },
					state: { type: 'string', enum: ['active', 'paused', 'stopped', 'completed'] },
					startedBy: { type: 'string', enum: ['person', 'professional'] },
					createdDay: localDay('The day it was started or offered'),
					startDay: { anyOf: [localDay('The day week 0 was first opened'), { type: 'null' }] },
					pausedSince: { anyOf: [localDay('Paused since this day'), { type: 'null' }] },
					currentWeek: weekNumber,
					weeks: {
						type: 'array',
						items: {
							allOf: [
								ref('ProgrammeWeekState'),
								{
									type: 'object',
									required: ['discussed', 'checkIn'],
									properties: {
										discussed: { type: 'boolean' },
										checkIn: { anyOf: [ref('ProgrammeCheckIn'), { type: 'null' }], description: 'Only a check-in the client chose to share; otherwise null (and checkedIn false)' }
									}
								}
							]
						}
					},
					scores: {
						type: 'object',
						description: 'De Jong Gierveld totals before (pre), after (post) and at the follow-up',
						properties: Object.fromEntries(
							moments.map((m) => [
								m,
								{ type: 'object', required: ['takenAt', 'total', 'band'], properties: { takenAt: instant(), total: { type: ['integer', 'null'] }, band: nullableText } }
							])
						)
					},
					messages: { type: 'array', items: programmeMessage },
					remindersStopped: { type: 'boolean', description: 'The client ignored three reminders in a row' }
				}
			}
		}
	},
	CreatedId: { type: 'object', required: ['id'], properties: { id: { type: 'string' } } },
	ClientProgrammeWeekSetting: { type: 'object', required: ['week', 'discussFirst'], properties: { week: weekNumber, discussFirst: { type: 'boolean' } } },
	ClientProgrammeConversation: { type: 'object', required: ['week', 'discussed'], properties: { week: weekNumber, discussed: { const: true } } }
};
