/**
 * The thought check in four short steps. Each step posts and is saved at once (the first step makes the record,
 * the next ones add to it), so Back, a reload or a pause loses nothing that was sent.
 * - `thoughtSteps`: the fields of each step, in order.
 * - `thoughtStepFrom(param)`: the step a query value asks for, 1 when it is missing or odd.
 * - `thoughtFormValues(record)`: a saved record as the form's text values.
 * - `mergeThoughtStep(saved, posted)`: the whole record's form values after one step: saved, then what was posted.
 */
import type { ThoughtRecordInput } from './self-help.schema';

type ThoughtField = keyof ThoughtRecordInput;

export const thoughtSteps: readonly (readonly ThoughtField[])[] = [
	['situation', 'thought', 'beliefBefore'],
	['factsFor', 'factsAgainst'],
	['alternative', 'beliefAfter'],
	['smallAction']
];

const thoughtFields: readonly ThoughtField[] = thoughtSteps.flat();

export function thoughtStepFrom(param: string | null | undefined): number {
	const step = Number(param);
	return Number.isInteger(step) && step >= 1 && step <= thoughtSteps.length ? step : 1;
}

export function thoughtFormValues(record: ThoughtRecordInput | undefined): Record<string, string> {
	if (!record) return {};
	return Object.fromEntries(thoughtFields.map((field) => [field, record[field] === null ? '' : String(record[field])]));
}

export function mergeThoughtStep(saved: ThoughtRecordInput | undefined, posted: Record<string, string>): Record<string, string> {
	const merged = thoughtFormValues(saved);
	for (const field of thoughtFields) {
		const value = posted[field];
		if (value !== undefined) merged[field] = value;
	}
	return merged;
}
