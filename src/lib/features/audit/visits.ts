/**
 * The access log as visits: one professional opening a client's page writes many events in the same minute, which
 * the person reads more easily as one line ("Joris Smit bekeek op 6 dec om 14:02: je uitslagen, je gezondheidsweb,
 * 2 stukjes"). Pure.
 *
 * - `groupVisits(events, { gapMs? })`: events (newest first, as the log is read) into visits, newest first. A visit
 *   is a run of consecutive events in the log by the same reader for the same organisation, each less than `gapMs`
 *   (30 minutes) after the one before: a gap of exactly 30 minutes starts a new visit. Another reader's event in
 *   between ends the run, so a visit never spans someone else's reads and a page of visits can end between two
 *   events. Midnight does not split a visit; it is dated by its first event. Events other than reads of the
 *   person's data (`client.*`) are visits of their own.
 * - `visitParts(visit)`: what a read visit looked at, each once, in a fixed order (the list, the page, the scopes in
 *   their usual order, then the rest): reads in one transaction share an instant, so the order of looking is not
 *   known. Entries the person marked "bespreek dit" are counted (each entry once).
 * - `visitGapMs`: the 30 minutes.
 */
import { isReadOfPersonalData } from '$lib/kernel/audit-actions';
import { consentScopes, isConsentScope, type ConsentScope } from '$lib/kernel/consent-scopes';
import { localDay } from '$lib/time';

export const visitGapMs = 30 * 60 * 1000;

export interface VisitEvent {
	id: string;
	/** ISO instant. */
	at: string;
	action: string;
	object: string | null;
	/** null when the reader's account no longer exists. */
	actorId: string | null;
	organisationName: string | null;
	groupName: string | null;
}

export interface Visit<Event extends VisitEvent = VisitEvent> {
	/** The id of its newest event: unique, and stable while no event is added to it. */
	key: string;
	/** false for an event that is not a read (it stands on its own). */
	read: boolean;
	/** Its events, newest first. */
	events: Event[];
	/** The first event's instant, and its day in brug's time zone. */
	start: string;
	startDay: string;
	/** The last event's instant. */
	end: string;
}

export type VisitPart =
	| { kind: 'record' }
	| { kind: 'scope'; scope: ConsentScope }
	| { kind: 'caseload' }
	| { kind: 'entries'; count: number }
	| { kind: 'notes' }
	| { kind: 'ratings' }
	| { kind: 'requests' }
	| { kind: 'programme' }
	| { kind: 'group'; name: string | null }
	| { kind: 'other'; action: string; object: string | null };

const sameReader = (a: VisitEvent, b: VisitEvent) => a.actorId === b.actorId && a.organisationName === b.organisationName;

export function groupVisits<Event extends VisitEvent>(events: readonly Event[], options: { gapMs?: number } = {}): Visit<Event>[] {
	const gapMs = options.gapMs ?? visitGapMs;
	const runs: Event[][] = [];
	for (const event of events) {
		const run = runs.at(-1);
		const older = run?.at(-1);
		const joins =
			run !== undefined &&
			older !== undefined &&
			isReadOfPersonalData(event.action) &&
			isReadOfPersonalData(older.action) &&
			sameReader(event, older) &&
			Date.parse(older.at) - Date.parse(event.at) < gapMs;
		if (joins) run.push(event);
		else runs.push([event]);
	}
	return runs.map((run) => {
		const first = run.at(-1)!;
		return {
			key: run[0]!.id,
			read: isReadOfPersonalData(first.action),
			events: run,
			start: first.at,
			startDay: localDay(new Date(first.at)),
			end: run[0]!.at
		};
	});
}

function partOf(event: VisitEvent): VisitPart[] {
	switch (event.action) {
		case 'client.record.read':
			return [{ kind: 'record' }];
		case 'client.scope.read':
			return (event.object ?? '')
				.split(',')
				.filter(isConsentScope)
				.map((scope) => ({ kind: 'scope', scope }));
		case 'client.caseload.read':
			return [{ kind: 'caseload' }];
		case 'client.shared_entry.read':
			return [{ kind: 'entries', count: 1 }];
		case 'client.notes.read':
			return [{ kind: 'notes' }];
		case 'client.ratings.read':
			return [{ kind: 'ratings' }];
		case 'client.requests.read':
			return [{ kind: 'requests' }];
		case 'client.programme.read':
			return [{ kind: 'programme' }];
		case 'client.group.read':
			return [{ kind: 'group', name: event.groupName }];
		default:
			return [{ kind: 'other', action: event.action, object: event.object }];
	}
}

function partKey(part: VisitPart): string {
	switch (part.kind) {
		case 'scope':
			return `scope:${part.scope}`;
		case 'group':
			return `group:${part.name ?? ''}`;
		case 'other':
			return `other:${part.action}:${part.object ?? ''}`;
		default:
			return part.kind;
	}
}

const kindOrder: VisitPart['kind'][] = ['caseload', 'record', 'scope', 'entries', 'notes', 'ratings', 'requests', 'programme', 'group', 'other'];

function rank(part: VisitPart): number {
	const scope = part.kind === 'scope' ? consentScopes.indexOf(part.scope) : 0;
	return kindOrder.indexOf(part.kind) * 100 + scope;
}

export function visitParts(visit: Pick<Visit, 'events'>): VisitPart[] {
	const parts = new Map<string, VisitPart>();
	const entries = new Set<string>();
	// Oldest first, so that groups and other actions keep the order in which they happened.
	for (const event of [...visit.events].reverse()) {
		for (const part of partOf(event)) {
			if (part.kind === 'entries') entries.add(event.object ?? event.id);
			const key = partKey(part);
			if (!parts.has(key)) parts.set(key, part);
		}
	}
	return [...parts.values()]
		.map((part): VisitPart => (part.kind === 'entries' ? { kind: 'entries', count: entries.size } : part))
		.sort((a, b) => rank(a) - rank(b));
}
