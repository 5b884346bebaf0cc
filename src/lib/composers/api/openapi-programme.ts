/**
 * The programme's part of the OpenAPI document: the person's own eight-week programme (start, pause, resume, stop,
 * reminders, each week's items, check-in and measurement, the plan for next time) and, for a professional the client
 * shares the `programme` scope with, the client's programme (audited read, start, message, "bespreek eerst").
 */
import { jsonBodyProblems, jsonContent, jsonRequest, localDay, problemResponse, ref, refusals, secured } from './openapi-parts';
import { pathParameter } from './contract';
import { requestField } from './openapi-requests';

const weekParam = pathParameter('week', 'The week: 0 to 8, or 9 for the follow-up; anything else is a 404');
const itemParam = pathParameter('item', 'exercise or step; anything else is a 404');
const personIdParam = pathParameter('personId', 'The account id of a person who shares the programme with you (the caseload lists them)');

const noProgramme = problemResponse('You have not started the programme');
const noWeek = problemResponse('There is no such week (weeks are 0 to 9)');
const notNow = (what: string) => problemResponse(`${what}; \`detail\` says which`);
const weekConflict = notNow('No programme is running (or it is paused), or the week is not open yet or waits for a conversation');
const clientRefusals = {
	...refusals,
	'403': problemResponse(
		'Not allowed: not a professional, two-step sign-in off, or no active consent from this person that shares the programme (an unknown person id gets the same answer); `reason` says which'
	)
};

const personOperation = (operationId: string, summary: string, rest: Record<string, unknown>) => ({ operationId, summary, security: secured, ...rest });

export const programmePaths = {
	'/api/v1/me/programme': {
		get: personOperation('getMyProgramme', 'Your programme (the running one, else the newest that ended): every week with its state, the measurements and the messages of your professional', {
			responses: { '200': { description: 'The programme', content: jsonContent('Programme') }, ...refusals, '404': noProgramme }
		}),
		post: personOperation('startMyProgramme', 'Start the programme alone (self-guided); its clock starts when you open week 0', {
			requestBody: jsonRequest('ProgrammeStartRequest', { reminders: 'week_start' }),
			responses: {
				'201': { description: 'The programme', content: jsonContent('Programme') },
				...refusals,
				...jsonBodyProblems,
				'409': problemResponse('A programme runs already (perhaps paused)')
			}
		})
	},
	'/api/v1/me/programme/pause': {
		post: personOperation('pauseMyProgramme', 'Pause your programme: paused days do not count towards the next week', {
			responses: { '200': { description: 'The programme', content: jsonContent('Programme') }, ...refusals, '409': problemResponse('No running programme that is not paused') }
		})
	},
	'/api/v1/me/programme/resume': {
		post: personOperation('resumeMyProgramme', 'Resume your paused programme where it was', {
			responses: { '200': { description: 'The programme', content: jsonContent('Programme') }, ...refusals, '409': problemResponse('No paused programme') }
		})
	},
	'/api/v1/me/programme/stop': {
		post: personOperation('stopMyProgramme', 'Stop your programme; what you did stays until you delete it', {
			responses: { '200': { description: 'The programme', content: jsonContent('Programme') }, ...refusals, '409': problemResponse('No programme is running') }
		})
	},
	'/api/v1/me/programme/reminders': {
		put: personOperation('setMyProgrammeReminders', 'Choose your e-mail reminders; choosing again restarts reminders that stopped after being ignored', {
			requestBody: jsonRequest('ProgrammeRemindersRequest', { reminders: 'open_steps' }),
			responses: {
				'200': { description: 'The programme', content: jsonContent('Programme') },
				...refusals,
				...jsonBodyProblems,
				'409': problemResponse('No programme is running')
			}
		})
	},
	'/api/v1/me/programme/weeks/{week}': {
		get: personOperation('getMyProgrammeWeek', 'One week: its state, your check-in, and (once it opened) its reading, exercise and small step; changes nothing', {
			parameters: [weekParam],
			responses: { '200': { description: 'The week', content: jsonContent('ProgrammeWeek') }, ...refusals, '404': problemResponse('No such week, or you have not started the programme') }
		})
	},
	'/api/v1/me/programme/weeks/{week}/open': {
		post: personOperation('openMyProgrammeWeek', 'You opened the week; the first opening of week 0 starts the clock. Again changes nothing', {
			parameters: [weekParam],
			responses: { '200': { description: 'The week', content: jsonContent('ProgrammeWeek') }, ...refusals, '404': noWeek, '409': weekConflict }
		})
	},
	'/api/v1/me/programme/weeks/{week}/items/{item}': {
		put: personOperation('markMyProgrammeWeekItem', "Mark the week's exercise or small step done, or not done after all", {
			parameters: [weekParam, itemParam],
			requestBody: jsonRequest('ProgrammeWeekItemRequest', { done: true }),
			responses: {
				'200': { description: 'The week', content: jsonContent('ProgrammeWeek') },
				...refusals,
				...jsonBodyProblems,
				'404': problemResponse('No such week or item'),
				'409': weekConflict
			}
		})
	},
	'/api/v1/me/programme/weeks/{week}/check-in': {
		put: personOperation('saveMyProgrammeCheckIn', "The week's check-in, replaced as a whole; with share, professionals you share the programme with may read it", {
			parameters: [weekParam],
			requestBody: jsonRequest('ProgrammeCheckInRequest', { wentWell: 'Ik wandelde elke ochtend.', tried: null, takeAway: 'Buiten zijn helpt.', share: true }),
			responses: {
				'200': { description: 'The week', content: jsonContent('ProgrammeWeek') },
				...refusals,
				...jsonBodyProblems,
				'404': noWeek,
				'409': weekConflict
			}
		})
	},
	'/api/v1/me/programme/weeks/{week}/measurement': {
		post: personOperation('saveMyProgrammeMeasurement', 'The De Jong Gierveld scale (11 items) of week 0, week 8 or the follow-up (9), stored as an ordinary measurement; once per week. The follow-up completes the programme', {
			parameters: [weekParam],
			requestBody: jsonRequest('ProgrammeMeasurementRequest', { answers: { '1': 'no', '2': 'yes', '3': 'more_or_less', '4': 'no', '5': 'yes', '6': 'no', '7': 'more_or_less', '8': 'no', '9': 'yes', '10': 'no', '11': 'yes' } }),
			responses: {
				'201': { description: 'The stored measurement and its score', content: jsonContent('ProgrammeMeasurement') },
				...refusals,
				...jsonBodyProblems,
				'404': noWeek,
				'409': notNow('Not a week with a measurement, measured already, no running programme, or the week is not open yet')
			}
		})
	},
	'/api/v1/me/programme/plan': {
		get: personOperation('getMyProgrammePlan', 'Your plan for next time; it stays after the programme ends and is never shared', {
			responses: { '200': { description: 'The plan', content: jsonContent('ProgrammePlan') }, ...refusals, '404': problemResponse('You have no plan yet') }
		}),
		put: personOperation('saveMyProgrammePlan', 'Write your whole plan for next time (fields left out become empty); no running programme needed', {
			requestBody: jsonRequest('ProgrammePlanRequest', {
				earlySigns: 'Ik blijf lang in bed.',
				whatHelps: 'Een wandeling in de ochtend.',
				whomToContact: 'Mijn zus Els.',
				restartSteps: ['ask-for-a-tip']
			}),
			responses: { '200': { description: 'The plan', content: jsonContent('ProgrammePlan') }, ...refusals, ...jsonBodyProblems }
		}),
		delete: personOperation('deleteMyProgrammePlan', 'Delete your plan for next time', {
			responses: { '204': { description: 'Deleted' }, ...refusals, '404': problemResponse('You have no plan') }
		})
	},
	'/api/v1/clients/{personId}/programme': {
		get: personOperation('getClientProgramme', "The client's programme: week, steps done, the check-ins the client chose to share, before/after scores, your messages (audited as client.programme.read)", {
			parameters: [personIdParam],
			responses: { '200': { description: 'The programme, or null when the client never started one', content: jsonContent('ClientProgramme') }, ...clientRefusals }
		}),
		post: personOperation('startClientProgramme', "Start the programme for the client with a personal welcome line; it starts when the client opens week 0", {
			parameters: [personIdParam],
			requestBody: jsonRequest('ClientProgrammeStartRequest', { welcome: 'Fijn dat je meedoet. We kijken elke week samen even.' }),
			responses: {
				'201': { description: 'Started', content: jsonContent('CreatedId') },
				...clientRefusals,
				...jsonBodyProblems,
				'409': problemResponse('The client has a programme running already (perhaps paused)')
			}
		})
	},
	'/api/v1/clients/{personId}/programme/messages': {
		post: personOperation('sendClientProgrammeMessage', "A short message on the client's programme overview", {
			parameters: [personIdParam],
			requestBody: jsonRequest('ProgrammeMessageRequest', { body: 'Goed dat je deze week buiten was. Tot dinsdag!' }),
			responses: {
				'201': { description: 'Sent', content: jsonContent('CreatedId') },
				...clientRefusals,
				...jsonBodyProblems,
				'409': problemResponse('The client has no programme running')
			}
		})
	},
	'/api/v1/clients/{personId}/programme/weeks/{week}': {
		put: personOperation('setClientProgrammeWeek', '"Bespreek eerst": the week (1 to 9) opens for the client only after you mark the conversation held', {
			parameters: [personIdParam, weekParam],
			requestBody: jsonRequest('DiscussFirstRequest', { discussFirst: true }),
			responses: {
				'200': { description: 'The week as set', content: jsonContent('ClientProgrammeWeekSetting') },
				...clientRefusals,
				...jsonBodyProblems,
				'404': noWeek,
				'409': notNow('The client has no programme running, or the week is week 0 (always open)')
			}
		})
	},
	'/api/v1/clients/{personId}/programme/weeks/{week}/conversation-held': {
		post: personOperation('markClientProgrammeConversationHeld', 'You held the conversation about this week: a "bespreek eerst" week opens for the client', {
			parameters: [personIdParam, weekParam],
			responses: {
				'200': { description: 'Marked', content: jsonContent('ClientProgrammeConversation') },
				...clientRefusals,
				'404': noWeek,
				'409': problemResponse('The client has no programme running')
			}
		})
	}
};

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
							exercise: { type: 'string', description: 'An exercise id (the /nl/oefeningen pages)' },
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
