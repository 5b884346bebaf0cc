/**
 * The programme's part of the OpenAPI document: the person's own eight-week programme (start, pause, resume, stop,
 * reminders, each week's items, check-in and measurement, the plan for next time) and, for a professional the client
 * shares the `programme` scope with, the client's programme (audited read, start, message, "bespreek eerst").
 * The schemas are in openapi-programme-schemas.ts.
 */
import { jsonBodyProblems, jsonContent, jsonRequest, problemResponse, refusals, secured } from './openapi-parts';
import { pathParameter } from './contract';

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
