/**
 * The group trainings' part of the OpenAPI document: a person's own groups (join by code, leave, excuse, check-in,
 * settings; never another member) and, for a leader, the groups they lead (overview and session, audited per
 * participant; move, cancel, held; attendance). The schemas are in openapi-groups-schemas.ts.
 */
import { jsonBodyProblems, jsonContent, jsonRequest, listOf, problemResponse, refusals, secured, tooMany } from './openapi-parts';
import { pathParameter } from './contract';

const groupIdParam = pathParameter('groupId', 'The group id (GET /api/v1/me/groups or /api/v1/groups lists them)');
const sessionIdParam = pathParameter('sessionId', "A session of the group (in the group's sessions)");
const participantIdParam = pathParameter('participantId', "A participant's id in the group (GET /api/v1/groups/{groupId})");

const notInGroup = problemResponse('You are not in this group: unknown, left, or never joined (the answer is the same)');
const noSession = problemResponse('No such session in a group you are in');
const notNow = (what: string) => problemResponse(`${what}; \`detail\` says which`);
const leaderRefusals = {
	...refusals,
	'403': problemResponse('Not allowed: not a professional, two-step sign-in off, or you do not lead this group (an unknown group id gets the same answer); `reason` says which')
};
const managerRefusals = {
	...refusals,
	'403': problemResponse('Not allowed: not a leader of this group nor an admin of its organisation (an unknown group id gets the same answer); `reason` says which')
};

const operation = (operationId: string, summary: string, rest: Record<string, unknown>) => ({ operationId, summary, security: secured, ...rest });
const sessionParams = [groupIdParam, sessionIdParam];

export const groupPaths = {
	'/api/v1/me/groups': {
		get: operation('listMyGroups', 'The groups you are in now: name, leaders, the next session and a check-in that waits (never who else is in it)', {
			responses: { '200': { description: 'Your groups', content: jsonContent('MyGroupList') }, ...refusals }
		}),
		post: operation('joinGroup', 'Join a group by the code its leader gave: a consent of scope group for that group only', {
			requestBody: jsonRequest('GroupJoinRequest', { code: 'K7QM-4TXP', personName: 'Anna', shareCheckIns: false, reminders: 'day_before' }),
			responses: {
				'201': { description: 'The group', content: jsonContent('MyGroup') },
				...refusals,
				...jsonBodyProblems,
				'404': problemResponse('Unknown or expired code'),
				'409': notNow('The group is full, or you are in it already'),
				'429': tooMany
			}
		})
	},
	'/api/v1/me/groups/{groupId}': {
		get: operation('getMyGroup', 'One group you are in: leaders, every session with your own part in it, your settings', {
			parameters: [groupIdParam],
			responses: { '200': { description: 'The group', content: jsonContent('MyGroup') }, ...refusals, '404': notInGroup }
		}),
		patch: operation('changeMyGroup', 'Share your check-ins with the leaders or not, and your reminder choice; a field left out stays as it is', {
			parameters: [groupIdParam],
			requestBody: jsonRequest('GroupParticipationRequest', { reminders: 'none' }),
			responses: { '200': { description: 'The group', content: jsonContent('MyGroup') }, ...refusals, ...jsonBodyProblems, '404': notInGroup }
		}),
		delete: operation('leaveGroup', "Leave the group: its consent is withdrawn, so the leaders' access ends at once", {
			parameters: [groupIdParam],
			responses: { '204': { description: 'Left' }, ...refusals, '404': notInGroup }
		})
	},
	'/api/v1/me/groups/{groupId}/sessions/{sessionId}/excuse': {
		put: operation('excuseMe', '"I cannot be there": recorded as excused by you (a planned session, up to its day); again changes nothing', {
			parameters: sessionParams,
			responses: { '200': { description: 'The session', content: jsonContent('MyGroupSession') }, ...refusals, '404': noSession, '409': notNow('Too late, or the leader recorded something else') }
		}),
		delete: operation('takeBackExcuse', 'Take your own afmelding back while the session is still planned', {
			parameters: sessionParams,
			responses: { '200': { description: 'The session', content: jsonContent('MyGroupSession') }, ...refusals, '404': noSession, '409': notNow('Too late') }
		})
	},
	'/api/v1/me/groups/{groupId}/sessions/{sessionId}/check-in': {
		put: operation('saveMyGroupCheckIn', '"How was it?" after a session you were at, up to 14 days later: three answers 1–5 and a line for the leaders; once per session', {
			parameters: sessionParams,
			requestBody: jsonRequest('GroupCheckInRequest', { welcome: 4, enjoyed: 5, come_again: 5, line: 'Fijn om te praten.' }),
			responses: {
				'200': { description: 'The session', content: jsonContent('MyGroupSession') },
				...refusals,
				...jsonBodyProblems,
				'404': noSession,
				'409': notNow('Not open for this session, or answered already')
			}
		})
	},
	'/api/v1/groups': {
		get: operation('listLedGroups', 'The groups you lead (professionals): name, leaders, how many take part, the next session', {
			responses: { '200': { description: 'The groups', content: jsonContent('LedGroupList') }, ...refusals }
		})
	},
	'/api/v1/groups/{groupId}': {
		get: operation('getLedGroup', 'A group you lead: sessions, participants by the name they chose with attendance and drop-out signals, check-in totals (audited as client.group.read per participant)', {
			parameters: [groupIdParam],
			responses: { '200': { description: 'The group', content: jsonContent('GroupOverview') }, ...leaderRefusals }
		})
	},
	'/api/v1/groups/{groupId}/sessions/{sessionId}': {
		get: operation('getLedGroupSession', "One session of a group you lead: each participant's status, your note, shared check-ins (audited as client.group.read per participant)", {
			parameters: sessionParams,
			responses: { '200': { description: 'The session', content: jsonContent('GroupSessionForLeader') }, ...leaderRefusals, '404': problemResponse('No such session in this group') }
		}),
		patch: operation('changeGroupSession', 'Move a planned session (day, times, place, video link), cancel it, or mark it held (or planned again); a move or cancellation is mailed to each participant once', {
			parameters: sessionParams,
			requestBody: jsonRequest('GroupSessionPatch', { day: '2026-05-12', startsAt: '14:00' }),
			responses: {
				'200': { description: 'The session as its managers see it', content: jsonContent('ManagedGroupSession') },
				...managerRefusals,
				...jsonBodyProblems,
				'404': problemResponse('No such session in this group'),
				'409': notNow('Only a planned session moves or is cancelled; a cancelled session stays cancelled')
			}
		})
	},
	'/api/v1/groups/{groupId}/sessions/{sessionId}/attendance/{participantId}': {
		put: operation('recordGroupAttendance', "One participant's attendance at one session, in one call", {
			parameters: [...sessionParams, participantIdParam],
			requestBody: jsonRequest('GroupAttendanceRequest', { status: 'present' }),
			responses: {
				'200': { description: 'What is recorded', content: jsonContent('GroupAttendance') },
				...leaderRefusals,
				...jsonBodyProblems,
				'404': problemResponse('No such session, or not a current participant of this group')
			}
		})
	}
};

export const groupListSchemas = { MyGroupList: listOf('MyGroupSummary'), LedGroupList: listOf('LedGroup') };
