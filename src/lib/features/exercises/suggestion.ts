/**
 * Today's suggestion on a person's overview: one exercise that fits their strongest patterns and that they have not
 * done lately. Pure, so it is tested with worked examples.
 * - `suggestExercise({ exercises, strongest, lastDone, today })`: the exercise id, or null when there are none.
 * Rules, in order: an exercise for one of the strongest patterns, not done in the last `restDays` days; then any
 * exercise not done lately; then the one done longest ago. Among equals the day picks one, so the suggestion changes
 * from day to day but not from visit to visit.
 */
import { addDays } from '$lib/time';

export interface SuggestionInput {
	exercises: readonly { id: string; mechanisms: readonly string[] }[];
	/** The person's strongest patterns (latest saved pattern check), strongest first; may be empty. */
	strongest: readonly string[];
	/** Exercise id → last local day it was done. */
	lastDone: ReadonlyMap<string, string>;
	today: string;
	restDays?: number;
}

function dayNumber(day: string): number {
	return Math.floor(Date.parse(`${day}T12:00:00Z`) / 86_400_000);
}

export function suggestExercise(input: SuggestionInput): string | null {
	const { exercises, strongest, lastDone, today } = input;
	if (exercises.length === 0) return null;
	const restFrom = addDays(today, -(input.restDays ?? 3));
	const rested = (id: string) => {
		const last = lastDone.get(id);
		return last === undefined || last < restFrom;
	};
	const pick = (candidates: readonly { id: string }[]) => candidates[dayNumber(today) % candidates.length]!.id;

	const fitting = exercises.filter((e) => rested(e.id) && e.mechanisms.some((m) => strongest.includes(m)));
	if (fitting.length > 0) {
		// The strongest pattern first: its exercises are the candidates when there are any.
		for (const mechanism of strongest) {
			const forThis = fitting.filter((e) => e.mechanisms.includes(mechanism));
			if (forThis.length > 0) return pick(forThis);
		}
	}
	const restedAny = exercises.filter((e) => rested(e.id));
	if (restedAny.length > 0) return pick(restedAny);
	const oldest = [...exercises].sort((a, b) => (lastDone.get(a.id) ?? '').localeCompare(lastDone.get(b.id) ?? ''));
	return oldest[0]!.id;
}
